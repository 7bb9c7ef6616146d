/** The objects' catalogue: one page per object, the objects table on the front page. */
import {
  INDEX_PAGE,
  LOCK,
  isAuditField,
  lockBadge,
  objectPage,
  sortBy,
  summaryRow,
  type Catalogue,
  type CataloguePage,
  type Ranked,
} from '../../core/catalogue.ts';
import {
  bullets,
  code,
  codeBlock,
  heading,
  href,
  link,
  page,
  table,
  text,
  yesNo,
  type Cell,
} from '../../core/markdown.ts';
import type { CustomObjectDef, ObjectDef } from '../../core/model-types.ts';
import type { ValidationRulesModel } from '../validation-rules/index.ts';
import { rulesOf } from '../validation-rules/rules-of.ts';
import { fieldType, isExternalId, isUnique } from './field-types.ts';
import type { ObjectsModel } from './objects.ts';

interface Reference {
  readonly from: string;
  readonly field: string;
  readonly to: string;
  readonly kind: string;
  /** How a formula on `from` reaches the parent (`Champion__r`, `Account`). */
  readonly traverse: string;
  /** How the parent lists its children (`Championed_Opportunities__r`); unknown for standard references. */
  readonly children: string;
  readonly onDelete: string;
}

/** Every reference between objects: custom lookups and master-details, and the standard references of standard objects. */
export function references(cat: Catalogue<ObjectsModel>): Reference[] {
  const refs: Reference[] = [];
  for (const object of cat.objects) {
    for (const [name, field] of Object.entries(object.fields)) {
      if (field.type === 'Lookup' || field.type === 'MasterDetail') {
        refs.push({
          from: object.apiName,
          field: name,
          to: field.referenceTo,
          kind: field.type === 'Lookup' ? 'Lookup' : 'Master-Detail',
          traverse: name.replace(/__c$/, '__r'),
          children: `${field.relationshipName}__r`,
          onDelete:
            field.type === 'Lookup' ? field.deleteConstraint : `Cascade${field.reparentable ? ', reparentable' : ''}`,
        });
      }
    }
    if (object.standard) {
      for (const f of cat.schema.object(object.apiName)?.fields() ?? []) {
        if (f.custom || f.type !== 'reference' || isAuditField(f.name)) continue;
        for (const to of f.referenceTo ?? []) {
          refs.push({
            from: object.apiName,
            field: f.name,
            to,
            kind: 'Standard',
            traverse: f.relationshipName ?? '',
            children: '',
            onDelete: '',
          });
        }
      }
    }
  }
  return sortBy(refs, (r) => `${r.from}.${r.field}.${r.to}`);
}

function properties(cat: Catalogue<ObjectsModel>, object: ObjectDef): string {
  const rows: [string, string][] = [
    ['API name', code(object.apiName)],
    ['Kind', object.standard ? 'Standard object' : object.customMetadata ? 'Custom metadata type' : 'Custom object'],
  ];
  if (!object.standard) {
    const custom = object as CustomObjectDef;
    rows.push(['Label', text(custom.label)], ['Plural label', text(custom.pluralLabel)]);
    if (!custom.customMetadata) {
      const format = custom.nameField.displayFormat ? ` ${code(custom.nameField.displayFormat)}` : '';
      rows.push(
        ['Name field', `${text(custom.nameField.label)} (${custom.nameField.type}${format})`],
        ['Sharing model', code(custom.sharingModel)],
        ['Reports', yesNo(custom.enableReports)],
        ['Activities', yesNo(custom.enableActivities)],
        ['Search', yesNo(custom.enableSearch)],
      );
    }
  } else {
    rows.push(['Label', text(cat.schema.object(object.apiName)?.label ?? object.apiName)]);
    if (object.sharingModel) rows.push(['Sharing model', code(object.sharingModel)]);
  }
  rows.push(['Locked', object.locked ? `${LOCK} yes` : 'no']);
  const origin = cat.origin(object);
  if (origin) rows.push(['Defined in', code(origin)]);
  return table(['Property', 'Value'], rows);
}

function fieldsSection(cat: Catalogue<ObjectsModel>, object: ObjectDef, from: string): string[] {
  const fields = sortBy(Object.entries(object.fields), ([name]) => name);
  const blocks = [heading(2, 'Fields')];
  if (fields.length === 0) blocks.push('No custom fields.');
  else
    blocks.push(
      table(
        [
          'Field',
          'Label',
          'Type',
          'Required',
          'Unique',
          'External ID',
          'History',
          'Locked',
          'Help text',
          'Description',
        ],
        fields.map(([name, f]) => [
          code(name),
          text(f.label),
          fieldType(name, f, cat, from),
          f.required === true,
          isUnique(f) ? (f.type === 'Text' && f.caseSensitive ? '✓ case-sensitive' : '✓') : '',
          isExternalId(f),
          f.trackHistory === true,
          f.locked ? LOCK : '',
          text(f.help),
          text(f.description),
        ]),
      ),
    );
  if (object.standard) {
    const settings = sortBy(Object.entries(object.standardFields), ([name]) => name);
    blocks.push(heading(3, 'Standard field settings'));
    if (settings.length === 0) blocks.push('None: standard fields keep their Salesforce defaults.');
    else
      blocks.push(
        table(
          ['Field', 'Label', 'History', 'Help text'],
          settings.map(([name, s]) => [
            code(name),
            text(cat.fieldLabel(object.apiName, name)),
            s.trackHistory === true,
            text(s.help),
          ]),
        ),
      );
  }
  return blocks;
}

function formulaSection(object: ObjectDef): string[] {
  const formulas = sortBy(Object.entries(object.fields), ([name]) => name).filter(([, f]) => f.type === 'Formula');
  if (formulas.length === 0) return [];
  return [
    heading(2, 'Formula fields'),
    ...formulas.flatMap(([name, f]) =>
      f.type === 'Formula'
        ? [
            heading(3, name),
            `${text(f.label)}: returns ${f.returns}, blank fields are treated as ${f.blanks === 'zero' ? 'zero' : 'blank'}.`,
            codeBlock(f.formula),
          ]
        : [],
    ),
  ];
}

function relationshipsSection(cat: Catalogue<ObjectsModel>, object: ObjectDef, from: string): string[] {
  const all = references(cat);
  const outgoing = all.filter((r) => r.from === object.apiName);
  const incoming = all.filter((r) => r.to.toLowerCase() === object.apiName.toLowerCase());
  return [
    heading(2, 'Relationships'),
    heading(3, 'References from this object'),
    outgoing.length
      ? table(
          ['Field', 'Kind', 'To', 'Parent in formulas', 'Children on the parent', 'On delete'],
          outgoing.map((r) => [
            code(r.field),
            r.kind,
            cat.objectLink(from, r.to),
            code(r.traverse),
            code(r.children),
            r.onDelete,
          ]),
        )
      : 'None.',
    heading(3, 'References to this object'),
    incoming.length
      ? table(
          ['From', 'Field', 'Kind', 'Children on this object'],
          incoming.map((r) => [cat.objectLink(from, r.from), code(r.field), r.kind, code(r.children)]),
        )
      : 'None in the model.',
  ];
}

/** The sections this family adds to an object's page: fields and formulas first, relationships after the rules. */
export function objectSections(cat: Catalogue<ObjectsModel>, object: ObjectDef, from: string): Ranked<string[]>[] {
  return [
    { rank: 10, value: fieldsSection(cat, object, from) },
    { rank: 20, value: formulaSection(object) },
    { rank: 40, value: relationshipsSection(cat, object, from) },
  ];
}

/** "Related definitions": every family's bullets for this object, by rank. */
function relatedSection(cat: Catalogue<ObjectsModel>, object: ObjectDef, from: string): string[] {
  const items = cat.related(object, from);
  return items.length ? [heading(2, 'Related definitions'), bullets(items)] : [];
}

/** An object's page: properties, then every family's sections (fields, rules, access...) by rank. */
export function renderObjectPage(cat: Catalogue<ObjectsModel>, object: ObjectDef): CataloguePage {
  const from = objectPage(object.apiName);
  const title = object.standard ? object.apiName : `${(object as CustomObjectDef).label} (${object.apiName})`;
  return {
    path: from,
    content: page([
      heading(1, text(title)),
      `${link('Model catalogue', href(from, INDEX_PAGE))} › Objects › ${code(object.apiName)}`,
      object.locked ? lockBadge('object') : undefined,
      object.description ? text(object.description) : undefined,
      properties(cat, object),
      ...cat.objectSections(object, from),
      ...relatedSection(cat, object, from),
    ]),
  };
}

/** The front page: object and field counts in the summary, then the table of objects. */
export function objectsIndex(cat: Catalogue<ObjectsModel & ValidationRulesModel>): {
  summary: Cell[][];
  sections: string[];
} {
  const fields = cat.model.objects.flatMap((o) => Object.values(o.fields));
  const objects = table(
    ['Object', 'Label', 'Kind', 'Custom fields', 'Validation rules', 'Locked', 'Description'],
    cat.objects.map((o) => [
      link(code(o.apiName), href(INDEX_PAGE, objectPage(o.apiName)), { raw: true }),
      text(o.standard ? (cat.schema.object(o.apiName)?.label ?? o.apiName) : (o as CustomObjectDef).label),
      o.standard ? 'standard object' : o.customMetadata ? 'custom metadata type' : 'custom object',
      Object.keys(o.fields).length,
      rulesOf(cat.model, o.apiName).length,
      o.locked ? LOCK : '',
      text(o.description),
    ]),
  );
  return {
    summary: [summaryRow('Objects', cat.model.objects), summaryRow('Custom fields', fields)],
    sections: [heading(2, 'Objects'), objects],
  };
}
