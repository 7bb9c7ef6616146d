/**
 * The classification's pages: the coverage (fields per sensitivity and compliance group, PII, per
 * object) on its own page, and each object's fields with their class on the object's page.
 */
import { COMPLIANCE_GROUPS, isPii, SENSITIVITIES } from '../../core/classification.ts';
import { INDEX_PAGE, objectPage, type Catalogue, type CataloguePage, type Ranked } from '../../core/catalogue.ts';
import { code, heading, href, link, page, table, text } from '../../core/markdown.ts';
import type { ObjectDef } from '../../core/model-types.ts';
import type { ObjectsModel } from '../objects/index.ts';
import { ruleCovers, type RetentionModel } from '../retention/index.ts';
import type { ClassificationModel } from './builders.ts';
import { modelFields, type ClassifiedField } from './fields.ts';
import { CLASSIFICATION_PAGE } from './page.ts';

type Cat = Catalogue<Partial<ClassificationModel> & ObjectsModel & RetentionModel>;
const FROM = CLASSIFICATION_PAGE;

const fieldsOf = (cat: Cat) => modelFields(cat.objects, cat.model.dataClassification);

const retentionOf = (cat: Cat, f: ClassifiedField): string =>
  cat.model.retentionRules
    .filter((r) => ruleCovers(r, f.object.apiName, f.field))
    .map((r) => code(r.name))
    .join(', ');

/** Counts of the coverage: what the lead's closing note quotes, and the page's first tables. */
export function coverage(fields: readonly ClassifiedField[]) {
  const count = (p: (f: ClassifiedField) => boolean) => fields.filter(p).length;
  return {
    fields: fields.length,
    classified: count((f) => f.source !== 'none'),
    ownEntries: count((f) => f.source === 'field'),
    pii: count((f) => !!f.classification && isPii(f.classification)),
    bySensitivity: SENSITIVITIES.map((s) => [s, count((f) => f.classification?.sensitivity === s)] as const),
    byCompliance: COMPLIANCE_GROUPS.map((g) => [g, count((f) => !!f.classification?.compliance.includes(g))] as const),
  };
}

function coverageTables(cat: Cat): string[] {
  const fields = fieldsOf(cat);
  const c = coverage(fields);
  const objects = [...new Set(fields.map((f) => f.object))];
  return [
    `${c.classified} of ${c.fields} fields classified (${c.ownEntries} by their own entry, the rest by their object's default); ${c.pii} PII.`,
    table(['Sensitivity', 'Fields'], c.bySensitivity),
    table(['Compliance group', 'Fields'], c.byCompliance),
    heading(2, 'By object'),
    table(
      ['Object', 'Fields', 'Classified', 'Own entries', 'PII'],
      objects.map((o) => {
        const of = fields.filter((f) => f.object === o);
        const oc = coverage(of);
        return [link(o.apiName, href(FROM, objectPage(o.apiName))), oc.fields, oc.classified, oc.ownEntries, oc.pii];
      }),
    ),
  ];
}

function fieldRows(cat: Cat, fields: readonly ClassifiedField[], qualified: boolean): string {
  return table(
    ['Field', 'Sensitivity', 'Compliance', 'Usage', 'Purpose', 'Retention'],
    fields.map((f) => [
      code(qualified ? `${f.object.apiName}.${f.field}` : f.field),
      f.classification ? `${f.classification.sensitivity}${f.source === 'default' ? ' (object default)' : ''}` : '—',
      f.classification?.compliance.join(', '),
      f.classification?.status,
      text(f.classification?.purpose),
      retentionOf(cat, f),
    ]),
  );
}

export function renderClassificationPage(cat: Cat): CataloguePage {
  const pii = fieldsOf(cat).filter((f) => f.classification && isPii(f.classification));
  return {
    path: FROM,
    content: page([
      heading(1, 'Data classification'),
      `${link('Model catalogue', href(FROM, INDEX_PAGE))} › Data classification`,
      'Every field of the model declares its Data Sensitivity Level, Compliance Categorization and Field Usage ' +
        '(model/compliance/classification.ts); the generated field metadata carries them as `securityClassification`, ' +
        '`complianceGroup` and `businessStatus`. A PII field needs a purpose and a retention rule that removes it ' +
        '(validateModel fails otherwise). Custom metadata types hold configuration and are not classified.',
      ...coverageTables(cat),
      heading(2, 'PII'),
      pii.length ? fieldRows(cat, pii, true) : 'No PII fields.',
    ]),
  };
}

function objectClassification(cat: Cat, object: ObjectDef): string[] {
  const fields = modelFields([object], cat.model.dataClassification);
  if (!cat.model.dataClassification || !fields.length) return [];
  return [heading(2, 'Data classification'), fieldRows(cat, fields, false)];
}

export const classificationCatalogue = {
  pages: (cat: Cat) => (cat.model.dataClassification ? [renderClassificationPage(cat)] : []),
  index: (cat: Cat) => {
    if (!cat.model.dataClassification) return {};
    const c = coverage(fieldsOf(cat));
    return {
      links: [
        `${link('Data classification', href(INDEX_PAGE, FROM))}: every field's sensitivity, compliance groups, PII`,
      ],
      summary: [[link('Classified fields', href(INDEX_PAGE, FROM)), c.classified, '']],
    };
  },
  objectSections: (cat: Cat, object: ObjectDef): Ranked<string[]>[] => [
    { rank: 15, value: objectClassification(cat, object) },
  ],
};
