/**
 * The classification's rules: every field of the model is classified, the table names only real
 * fields, and PII is minimised — each PII field says why it is held and a retention rule removes it.
 */
import { isPii, SENSITIVITIES, type ClassificationTable, type FieldClassification } from '../../core/classification.ts';
import type { CheckContext } from '../../core/checks.ts';
import { originOf } from '../../core/origin.ts';
import type { ObjectsModel } from '../objects/index.ts';
import { ruleCovers, type RetentionModel } from '../retention/index.ts';
import type { ClassificationModel } from './builders.ts';
import { classifiable, modelFields } from './fields.ts';

type Model = Partial<ClassificationModel> & ObjectsModel & RetentionModel;

/** PII is at least Confidential. */
const MIN_PII_SENSITIVITY = SENSITIVITIES.indexOf('Confidential');

/** The definition an issue points at: the table entry when it knows its model line, else the table. */
const at = (table: ClassificationTable, entry: FieldClassification): object => (originOf(entry) ? entry : table);

/** A model without a classification table opts out (test fixtures); the RevOps model has one. */
export function checkClassification(model: Model, check: CheckContext): void {
  const table = model.dataClassification;
  if (!table) return;
  checkEntries(model, table, check);
  for (const f of modelFields(model.objects, table)) {
    const name = `${f.object.apiName}.${f.field}`;
    const c = `CustomField ${name}`;
    if (!f.classification) {
      check.report(
        f.object,
        c,
        `has no data classification: add "${name}" (or a default for ${f.object.apiName}) to the classification table (model/compliance/classification.ts)`,
      );
      continue;
    }
    if (!isPii(f.classification)) continue;
    const def = at(table, f.classification);
    if (!f.classification.purpose?.trim())
      check.report(def, c, 'is PII without a purpose: say why the business holds it (minimisation)');
    if (!model.retentionRules.some((r) => ruleCovers(r, f.object.apiName, f.field)))
      check.report(
        def,
        c,
        `is PII without a retention rule: add a rule that clears ${f.field} or deletes ${f.object.apiName} records (model/compliance/retention.ts)`,
      );
    if (SENSITIVITIES.indexOf(f.classification.sensitivity) < MIN_PII_SENSITIVITY)
      check.report(def, c, `is PII classified ${f.classification.sensitivity}: PII is Confidential or above`);
  }
}

/** The table's own entries: real objects and fields, known values, no PII by default. */
function checkEntries(model: Model, table: ClassificationTable, check: CheckContext): void {
  const objects = new Map(model.objects.map((o) => [o.apiName, o]));
  for (const [name, entry] of Object.entries(table.defaults)) {
    const c = `Classification default ${name}`;
    const object = objects.get(name);
    if (!object) check.report(at(table, entry), c, `names ${name}, which is not an object of the model`);
    else if (!classifiable(object))
      check.report(at(table, entry), c, `${name} is a custom metadata type: its fields are configuration, not data`);
    if (isPii(entry)) check.report(at(table, entry), c, 'PII is classified field by field, never by an object default');
    checkValues(table, entry, c, check);
  }
  for (const [key, entry] of Object.entries(table.fields)) {
    const c = `Classification ${key}`;
    checkValues(table, entry, c, check);
    const [objectName, field, ...rest] = key.split('.');
    const object = objects.get(objectName!);
    if (!field || rest.length) check.report(at(table, entry), c, `"${key}" is not Object.Field`);
    else if (!object || !classifiable(object))
      check.report(at(table, entry), c, `names ${objectName}, which is not a data object of the model`);
    else if (field.includes('__') ? !(field in object.fields) : !check.schema.object(objectName!)?.field(field))
      check.report(at(table, entry), c, `names ${key}, which is not a field of the model (a stale entry?)`);
  }
}

function checkValues(table: ClassificationTable, entry: FieldClassification, c: string, check: CheckContext): void {
  if (!SENSITIVITIES.includes(entry.sensitivity))
    check.report(
      at(table, entry),
      c,
      `unknown sensitivity "${entry.sensitivity}" (one of ${SENSITIVITIES.join(', ')})`,
    );
}
