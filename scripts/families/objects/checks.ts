/** Salesforce's rules for objects and their fields. */
import type { CheckContext } from '../../core/checks.ts';
import type { FieldDef, ObjectDef } from '../../core/model-types.ts';
import { isStandardObject } from '../../schema/standard-objects.ts';
import type { ObjectsModel } from './objects.ts';

const MAX_TRACKED_FIELDS = 20;
/** Help: Picklist Limitations (custom picklists and global value sets). */
export const MAX_PICKLIST_VALUES = 1000;

export function checkObjects(model: ObjectsModel, check: CheckContext): void {
  check.unique(
    model.objects,
    (o) => o.apiName,
    (o) => `CustomObject ${o.apiName}`,
    'object',
  );
  for (const object of model.objects) {
    const c = `CustomObject ${object.apiName}`;
    if (!object.standard) check.apiName(object, c, object.apiName, object.customMetadata ? '__mdt' : '__c');
    else if (!isStandardObject(object.apiName))
      check.report(object, c, `unknown standard object ${object.apiName} (not in the standard-object catalogue)`);
    for (const [name, field] of Object.entries(object.fields)) checkField(object, name, field, check);
    if (object.standard) {
      for (const name of Object.keys(object.standardFields)) {
        if (!check.schema.object(object.apiName)?.field(name))
          check.report(
            object,
            `CustomField ${object.apiName}.${name}`,
            `unknown standard field ${object.apiName}.${name}`,
          );
      }
    }
    const tracked = trackedFields(object);
    if (tracked > MAX_TRACKED_FIELDS)
      check.report(
        object,
        c,
        `${tracked} fields track history; Salesforce allows at most ${MAX_TRACKED_FIELDS} per object`,
      );
    const relationships = Object.values(object.fields).flatMap((f) =>
      f.type === 'Lookup' || f.type === 'MasterDetail' ? [{ ...f, key: `${f.referenceTo}.${f.relationshipName}` }] : [],
    );
    check.unique(
      relationships,
      (r) => r.key,
      () => `CustomObject ${object.apiName}`,
      'relationship name',
      object,
    );
  }
}

const trackedFields = (object: ObjectDef): number =>
  Object.values(object.fields).filter((f) => f.trackHistory).length +
  (object.standard ? Object.values(object.standardFields).filter((s) => s.trackHistory).length : 0);

function checkField(object: ObjectDef, name: string, field: FieldDef, check: CheckContext): void {
  const fc = `CustomField ${object.apiName}.${name}`;
  check.apiName(object, fc, name, '__c');
  if (field.label.length > 40) check.report(object, fc, `label "${field.label}" is longer than 40 characters`);
  if (object.standard === false && object.customMetadata && field.trackHistory)
    check.report(object, fc, 'custom metadata fields cannot track history');
  if (field.type === 'Picklist' || field.type === 'MultiselectPicklist') checkPicklist(object, fc, field, check);
  if (field.type === 'Lookup' || field.type === 'MasterDetail') {
    if (!check.schema.object(field.referenceTo))
      check.report(object, fc, `${field.type.toLowerCase()} to unknown object ${field.referenceTo}`);
    check.apiName(object, fc, field.relationshipName);
    if (field.type === 'MasterDetail' && !object.standard && object.sharingModel !== 'ControlledByParent') {
      check.report(object, fc, 'an object with a master-detail field must use sharingModel ControlledByParent');
    }
  }
  if (field.type === 'Text' && (field.length < 1 || field.length > 255))
    check.report(object, fc, `text length ${field.length} is outside 1..255`);
  if ((field.type === 'LongTextArea' || field.type === 'Html') && (field.length < 256 || field.length > 131072)) {
    check.report(object, fc, `length ${field.length} is outside 256..131072`);
  }
  if (
    (field.type === 'Number' || field.type === 'Currency' || field.type === 'Percent') &&
    (field.scale > field.precision || field.precision > 18)
  ) {
    check.report(
      object,
      fc,
      `precision ${field.precision} / scale ${field.scale} is invalid (precision ≤ 18, scale ≤ precision)`,
    );
  }
}

function checkPicklist(
  object: ObjectDef,
  fc: string,
  field: Extract<FieldDef, { type: 'Picklist' | 'MultiselectPicklist' }>,
  check: CheckContext,
): void {
  // A global value set's existence is the value-sets family's check (it knows the sets).
  const values = field.values ?? [];
  if (!field.valueSet && values.length === 0) check.report(object, fc, 'picklist has no values');
  check.picklistValues(object, fc, values, MAX_PICKLIST_VALUES);
  check.unique(
    values,
    (v) => v.name,
    () => fc,
    'picklist value',
    object,
  );
  if (field.valueSet && field.defaultValue !== undefined) {
    check.report(
      object,
      fc,
      `a picklist using global value set "${field.valueSet}" takes its default from the value set, not from the field`,
    );
  } else if (field.defaultValue !== undefined && !values.some((v) => v.name === field.defaultValue)) {
    check.report(
      object,
      fc,
      `default "${field.defaultValue}" is not one of the values (${values.map((v) => v.name).join(', ')})`,
    );
  }
}
