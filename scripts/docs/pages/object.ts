/** One page per object: properties, fields, formulas, validation rules, relationships, access. */
import type { CustomObjectDef, ObjectDef, ValidationRuleDef } from '../../dsl/index.ts';
import { LOCK, PAGE, byString, isAuditField, lockBadge, objectPage, sortBy, type Catalogue } from '../context.ts';
import { fieldType, isExternalId, isUnique } from '../fields.ts';
import { anchor, bullets, code, codeBlock, heading, href, link, page, table, text, yesNo } from '../markdown.ts';

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
export function references(cat: Catalogue): Reference[] {
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

function properties(cat: Catalogue, object: ObjectDef): string {
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
  }
  rows.push(['Locked', object.locked ? `${LOCK} yes` : 'no']);
  const origin = cat.origin(object);
  if (origin) rows.push(['Defined in', code(origin)]);
  return table(['Property', 'Value'], rows);
}

function fieldsSection(cat: Catalogue, object: ObjectDef, from: string): string[] {
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

/** Properties and formula of one validation rule (shared with nothing else: rules live on their object's page). */
function ruleBlock(cat: Catalogue, rule: ValidationRuleDef, from: string): string[] {
  const bypass = cat.permissionsIn(rule.formula);
  const origin = cat.origin(rule);
  const errorField = rule.errorField
    ? `${code(rule.errorField)}${cat.fieldLabel(rule.object, rule.errorField) ? ` (${text(cat.fieldLabel(rule.object, rule.errorField))})` : ''}`
    : 'top of the page';
  const rows: [string, string][] = [
    ['Active', yesNo(rule.active)],
    ['Error message', text(rule.message)],
    ['Error shown on', errorField],
    [
      'Custom permissions checked',
      bypass.length
        ? bypass.map((p) => link(code(p), href(from, PAGE.permissions, anchor(p)), { raw: true })).join(', ')
        : 'none',
    ],
    ['Locked', rule.locked ? `${LOCK} yes` : 'no'],
  ];
  if (origin) rows.push(['Defined in', code(origin)]);
  return [
    heading(3, rule.name),
    rule.locked ? lockBadge('rule') : undefined,
    rule.description ? text(rule.description) : undefined,
    table(['Property', 'Value'], rows),
    'The save is blocked when this formula is true:',
    codeBlock(rule.formula),
  ].filter((b): b is string => b !== undefined);
}

function rulesSection(cat: Catalogue, object: ObjectDef, from: string): string[] {
  const rules = cat.rulesOf(object.apiName);
  if (rules.length === 0) return [heading(2, 'Validation rules'), 'None.'];
  return [
    heading(2, 'Validation rules'),
    table(
      ['Rule', 'Error shown on', 'Custom permissions checked', 'Active', 'Locked'],
      rules.map((r) => [
        link(code(r.name), `#${anchor(r.name)}`, { raw: true }),
        r.errorField ? code(r.errorField) : 'top of page',
        cat.permissionsIn(r.formula).map(code).join(', '),
        r.active,
        r.locked ? LOCK : '',
      ]),
    ),
    ...rules.flatMap((r) => ruleBlock(cat, r, from)),
  ];
}

function relationshipsSection(cat: Catalogue, object: ObjectDef, from: string): string[] {
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

function accessSection(cat: Catalogue, object: ObjectDef, from: string): string[] {
  const sets = cat.model.permissionSets;
  if (!object.standard && object.customMetadata) {
    const readers = sets.filter((s) => s.customMetadataTypes.includes(object.apiName));
    return [
      heading(2, 'Access'),
      readers.length
        ? `Records readable through: ${readers
            .map((s) => link(code(s.name), href(from, PAGE.permissions, anchor(s.name)), { raw: true }))
            .join(', ')}.`
        : 'No permission set of the model grants access to the records of this type.',
    ];
  }
  const fieldNames = [
    ...Object.keys(object.fields),
    ...Object.keys(object.standard ? object.standardFields : {}),
    ...sets.flatMap((s) => s.fields.filter((f) => f.field.object === object.apiName).map((f) => f.field.field)),
  ];
  const fields = [...new Set(fieldNames)].sort(byString);
  const granting = sets.filter(
    (s) => cat.objectAccess(s, object.apiName) || fields.some((f) => cat.fieldAccess(s, object.apiName, f)),
  );
  const blocks = [heading(2, 'Access')];
  if (granting.length === 0) return [...blocks, 'No permission set of the model grants access to this object.'];
  blocks.push(
    table(
      ['Permission set', 'Create', 'Read', 'Edit', 'Delete', 'View All', 'Modify All'],
      granting.map((s) => {
        const a = cat.objectAccess(s, object.apiName);
        return [
          link(code(s.name), href(from, PAGE.permissions, anchor(s.name)), { raw: true }),
          a?.create,
          a?.read,
          a?.edit,
          a?.delete,
          a?.viewAll ? '**✓**' : '',
          a?.modifyAll ? '**✓**' : '',
        ];
      }),
    ),
    heading(3, 'Field access'),
    'Edit or Read: granted field by field. (Edit) or (Read): a required field, whose access comes with the object permission. Empty: no access from this permission set.',
    table(
      ['Field', ...granting.map((s) => code(s.name))],
      fields.map((f) => [code(f), ...granting.map((s) => cat.fieldAccess(s, object.apiName, f) ?? '')]),
    ),
  );
  return blocks;
}

function relatedSection(cat: Catalogue, object: ObjectDef, from: string): string[] {
  const m = cat.model;
  const is = (name: string | undefined) => name?.toLowerCase() === object.apiName.toLowerCase();
  const items = [
    ...sortBy(
      m.paths.filter((p) => is(p.object)),
      (p) => p.name,
    ).map(
      (p) => `Path ${link(code(p.name), href(from, PAGE.stages, anchor(p.name)), { raw: true })} on ${code(p.field)}`,
    ),
    ...sortBy(
      m.flows.filter((f) => is(f.start.object)),
      (f) => f.name,
    ).map((f) => `Flow ${link(code(f.name), href(from, PAGE.flows, anchor(f.name)), { raw: true })}: ${text(f.label)}`),
    ...sortBy(
      m.reportTypes.filter((t) => is(t.baseObject)),
      (t) => t.name,
    ).map((t) => `Report type ${link(code(t.name), href(from, PAGE.analytics, anchor(t.name)), { raw: true })}`),
    ...sortBy(
      m.matchingRules.filter((r) => is(r.object)),
      (r) => r.name,
    ).map((r) => `Matching rule ${link(code(r.name), href(from, PAGE.dataQuality, anchor(r.name)), { raw: true })}`),
    ...sortBy(
      m.duplicateRules.filter((r) => is(r.object)),
      (r) => r.name,
    ).map((r) => `Duplicate rule ${link(code(r.name), href(from, PAGE.dataQuality, anchor(r.name)), { raw: true })}`),
    ...(m.leadConvert?.mappings.some((x) => is(x.from.object) || is(x.to.object))
      ? [`Lead conversion ${link('field mapping', href(from, PAGE.leadConvert))}`]
      : []),
    ...(is('Opportunity') && m.opportunityStages ? [`Opportunity ${link('stages', href(from, PAGE.stages))}`] : []),
    ...(is('Lead') && m.leadStatuses ? [`Lead ${link('statuses', href(from, PAGE.leadStatuses))}`] : []),
  ];
  return items.length ? [heading(2, 'Related definitions'), bullets(items)] : [];
}

function recordsSection(cat: Catalogue, object: ObjectDef): string[] {
  if (object.standard || !object.customMetadata) return [];
  const records = sortBy(
    cat.model.customMetadataRecords.filter((r) => r.type === object.apiName),
    (r) => r.name,
  );
  const fields = Object.keys(object.fields).sort(byString);
  const value = (v: unknown) => (v === null || v === undefined ? '' : code(String(v)));
  return [
    heading(2, 'Records'),
    records.length
      ? table(
          ['Record', 'Label', ...fields.map(code), 'Protected', 'Locked'],
          records.map((r) => [
            code(r.name),
            text(r.label),
            ...fields.map((f) => value(r.values[f])),
            r.protected === true,
            r.locked ? LOCK : '',
          ]),
        )
      : 'No records.',
  ];
}

export function renderObjectPage(cat: Catalogue, object: ObjectDef): { path: string; content: string } {
  const from = objectPage(object.apiName);
  const title = object.standard ? object.apiName : `${(object as CustomObjectDef).label} (${object.apiName})`;
  return {
    path: from,
    content: page([
      heading(1, text(title)),
      `${link('Model catalogue', href(from, PAGE.index))} › Objects › ${code(object.apiName)}`,
      object.locked ? lockBadge('object') : undefined,
      object.description ? text(object.description) : undefined,
      properties(cat, object),
      ...fieldsSection(cat, object, from),
      ...formulaSection(object),
      ...rulesSection(cat, object, from),
      ...relationshipsSection(cat, object, from),
      ...accessSection(cat, object, from),
      ...recordsSection(cat, object),
      ...relatedSection(cat, object, from),
    ]),
  };
}
