/**
 * Permission sets and groups, the permission matrix (object × permission set), access to
 * custom metadata types, the governed fields (field × permission set) and custom permissions.
 */
import {
  INDEX_PAGE,
  LOCK,
  byString,
  lockBadge,
  objectPage,
  sortBy,
  summaryRow,
  type Catalogue,
  type CataloguePage,
  type Ranked,
} from '../../core/catalogue.ts';
import { anchor, bullets, code, heading, href, link, page, table, text } from '../../core/markdown.ts';
import type { ObjectDef } from '../../core/model-types.ts';
import type { StagesModel } from '../stages/index.ts';
import type { ValidationRulesModel } from '../validation-rules/index.ts';
import { accessCode, fieldAccess, objectAccess } from './access.ts';
import type { PermissionSetDef } from './builders.ts';
import type { SecurityModel } from './builders.ts';
import { PERMISSIONS_PAGE } from './page.ts';

type Cat = Catalogue<SecurityModel & StagesModel & ValidationRulesModel>;
const FROM = PERMISSIONS_PAGE;

const setLink = (name: string) => link(code(name), `#${anchor(name)}`, { raw: true });

function groupsOf(cat: Cat, set: string): string[] {
  return sortBy(
    cat.model.permissionSetGroups.filter((g) => g.permissionSets.includes(set)),
    (g) => g.name,
  ).map((g) => g.name);
}

function fieldCounts(set: PermissionSetDef): { read: number; edit: number } {
  return { read: set.fields.length, edit: set.fields.filter((f) => f.edit).length };
}

function permissionSetsSection(cat: Cat): string[] {
  const sets = cat.model.permissionSets;
  const blocks: (string | undefined)[] = [heading(2, 'Permission sets')];
  if (sets.length === 0) return [heading(2, 'Permission sets'), 'The model defines no permission sets.'];
  blocks.push(
    table(
      ['Permission set', 'Label', 'Objects', 'Fields readable', 'Fields editable', 'Custom permissions', 'Locked'],
      sets.map((s) => [
        setLink(s.name),
        text(s.label),
        Object.keys(s.objects).length,
        fieldCounts(s).read,
        fieldCounts(s).edit,
        [...s.customPermissions].sort(byString).map(code).join(', '),
        s.locked ? LOCK : '',
      ]),
    ),
  );
  for (const s of sets) {
    const origin = cat.origin(s);
    blocks.push(
      heading(3, s.name),
      s.locked ? lockBadge('permission set') : undefined,
      s.description ? text(s.description) : undefined,
      table(
        ['Property', 'Value'],
        [
          ['Label', text(s.label)],
          [
            'Custom permissions',
            [...s.customPermissions]
              .sort(byString)
              .map((p) => link(code(p), `#${anchor(p)}`, { raw: true }))
              .join(', ') || 'none',
          ],
          ['Apex classes', [...s.apexClasses].sort(byString).map(code).join(', ') || 'none'],
          ['Visualforce pages', [...s.apexPages].sort(byString).map(code).join(', ') || 'none'],
          [
            'Custom metadata types',
            [...s.customMetadataTypes]
              .sort(byString)
              .map((t) => cat.objectLink(FROM, t))
              .join(', ') || 'none',
          ],
          ['Record types', [...s.recordTypes].sort(byString).map(code).join(', ') || 'none'],
          ['User permissions', [...s.userPermissions].sort(byString).map(code).join(', ') || 'none'],
          ['In groups', groupsOf(cat, s.name).map(code).join(', ') || 'none'],
          ...(origin ? [['Defined in', code(origin)] as [string, string]] : []),
        ],
      ),
    );
  }
  return blocks.filter((b): b is string => b !== undefined);
}

function groupsSection(cat: Cat): string[] {
  const groups = sortBy(cat.model.permissionSetGroups, (g) => g.name);
  return [
    heading(2, 'Permission set groups'),
    groups.length
      ? table(
          ['Group', 'Label', 'Permission sets', 'Description', 'Locked'],
          groups.map((g) => [
            code(g.name),
            text(g.label),
            g.permissionSets.map(setLink).join(', '),
            text(g.description),
            g.locked ? LOCK : '',
          ]),
        )
      : 'None.',
  ];
}

function matrixSection(cat: Cat): string[] {
  const sets = cat.model.permissionSets;
  const objects = [
    ...new Set([
      ...cat.objects.filter((o) => o.standard || !o.customMetadata).map((o) => o.apiName),
      ...sets.flatMap((s) => Object.keys(s.objects)),
    ]),
  ].sort(byString);
  const powers = sets.flatMap((s) =>
    sortBy(Object.entries(s.objects), ([o]) => o)
      .filter(([, a]) => a.viewAll || a.modifyAll)
      .map(
        ([o, a]) =>
          `${code(s.name)} on ${code(o)}: ${[a.viewAll ? 'View All' : '', a.modifyAll ? 'Modify All' : ''].filter(Boolean).join(' and ')}`,
      ),
  );
  return [
    heading(2, 'Permission matrix'),
    'Object permissions by permission set: **C**reate, **R**ead, **E**dit, **D**elete, **VA** View All, **MA** Modify All. An empty cell grants nothing.',
    sets.length
      ? table(
          ['Object', ...sets.map((s) => code(s.name))],
          objects.map((o) => [cat.objectLink(FROM, o), ...sets.map((s) => accessCode(objectAccess(s, o)) ?? '')]),
        )
      : 'No permission sets.',
    heading(3, 'View All and Modify All'),
    powers.length ? bullets(powers) : 'No permission set grants View All or Modify All.',
  ];
}

function metadataTypesSection(cat: Cat): string[] {
  const sets = cat.model.permissionSets;
  const types = [
    ...new Set([
      ...cat.objects.filter((o) => !o.standard && o.customMetadata).map((o) => o.apiName),
      ...sets.flatMap((s) => s.customMetadataTypes),
    ]),
  ].sort(byString);
  if (types.length === 0) return [];
  return [
    heading(2, 'Custom metadata type access'),
    table(
      ['Custom metadata type', ...sets.map((s) => code(s.name))],
      types.map((t) => [cat.objectLink(FROM, t), ...sets.map((s) => s.customMetadataTypes.includes(t))]),
    ),
  ];
}

interface GovernedField {
  readonly object: string;
  readonly field: string;
  readonly why: string[];
}

/** Fields governance cares about: locked, history-tracked, a stage exit criterion, or where a validation rule reports. */
export function governedFields(cat: Cat): GovernedField[] {
  const why = new Map<string, GovernedField>();
  const add = (object: string, field: string, reason: string) => {
    const key = `${object}.${field}`;
    const entry = why.get(key) ?? { object, field, why: [] };
    if (!entry.why.includes(reason)) entry.why.push(reason);
    why.set(key, entry);
  };
  for (const o of cat.objects) {
    for (const [name, f] of Object.entries(o.fields)) {
      if (f.locked) add(o.apiName, name, 'locked');
      if (f.trackHistory) add(o.apiName, name, 'history');
    }
    if (o.standard)
      for (const [name, s] of Object.entries(o.standardFields)) if (s.trackHistory) add(o.apiName, name, 'history');
  }
  for (const s of cat.model.opportunityStages?.stages ?? [])
    for (const c of s.exit) add(c.field.object, c.field.field, 'stage gate');
  for (const r of cat.model.validationRules) if (r.errorField) add(r.object, r.errorField, 'rule');
  return sortBy([...why.values()], (g) => `${g.object}.${g.field}`);
}

function governedSection(cat: Cat): string[] {
  const sets = cat.model.permissionSets;
  const fields = governedFields(cat);
  return [
    heading(2, 'Governed fields'),
    'A field is governed when it is locked, its history is tracked, it is a stage exit criterion (stage gate), or a validation rule reports its error on it (rule). Edit or Read: granted field by field. (Edit) or (Read): a required field, whose access comes with the object permission. Empty: no access from this permission set (for standard fields, the profile may still grant it).',
    fields.length && sets.length
      ? table(
          ['Field', 'Label', 'Why', ...sets.map((s) => code(s.name))],
          fields.map((g) => [
            cat.fieldLink(FROM, g.object, g.field),
            text(cat.fieldLabel(g.object, g.field)),
            g.why.join(', '),
            ...sets.map((s) => fieldAccess(cat, s, g.object, g.field) ?? ''),
          ]),
        )
      : 'None.',
  ];
}

function customPermissionsSection(cat: Cat): string[] {
  const permissions = sortBy(cat.model.customPermissions, (p) => p.name);
  const blocks: (string | undefined)[] = [heading(2, 'Custom permissions')];
  if (permissions.length === 0) return [heading(2, 'Custom permissions'), 'None.'];
  for (const p of permissions) {
    const sets = cat.model.permissionSets.filter((s) => s.customPermissions.includes(p.name));
    const holders = sets.map((s) => {
      const groups = groupsOf(cat, s.name);
      return `${setLink(s.name)}${groups.length ? ` (in ${groups.map(code).join(', ')})` : ''}`;
    });
    const rules = sortBy(
      cat.model.validationRules.filter((r) => cat.permissionsIn(r.formula).includes(p.name)),
      (r) => `${r.object}.${r.name}`,
    );
    const gates = cat.model.opportunityStages?.bypassPermission === p.name;
    blocks.push(
      heading(3, p.name),
      p.locked ? lockBadge('custom permission') : undefined,
      `${text(p.label)}${p.description ? `: ${text(p.description)}` : ''}`,
      `Held through: ${holders.length ? holders.join(', ') : 'no permission set of the model'}.`,
      rules.length
        ? `Checked by ${rules.length} validation rule${rules.length === 1 ? '' : 's'}${gates ? ' (including every stage gate)' : ''}:\n\n${bullets(
            rules.map((r) =>
              cat.object(r.object)
                ? link(
                    code(`${r.object}.${r.name}`),
                    href(FROM, objectPage(cat.object(r.object)!.apiName), anchor(r.name)),
                    {
                      raw: true,
                    },
                  )
                : code(`${r.object}.${r.name}`),
            ),
          )}`
        : 'Checked by no validation rule.',
    );
  }
  return blocks.filter((b): b is string => b !== undefined);
}

export function renderPermissionsPage(cat: Cat): CataloguePage {
  return {
    path: FROM,
    content: page([
      heading(1, 'Permissions'),
      `${link('Model catalogue', href(FROM, INDEX_PAGE))} › Permissions`,
      ...matrixSection(cat),
      ...governedSection(cat),
      ...permissionSetsSection(cat),
      ...groupsSection(cat),
      ...metadataTypesSection(cat),
      ...customPermissionsSection(cat),
    ]),
  };
}

/** An object's page: which permission sets grant what on it and on its fields. */
function accessSection(cat: Cat, object: ObjectDef, from: string): string[] {
  const sets = cat.model.permissionSets;
  if (!object.standard && object.customMetadata) {
    const readers = sets.filter((s) => s.customMetadataTypes.includes(object.apiName));
    return [
      heading(2, 'Access'),
      readers.length
        ? `Records readable through: ${readers
            .map((s) => link(code(s.name), href(from, PERMISSIONS_PAGE, anchor(s.name)), { raw: true }))
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
    (s) => objectAccess(s, object.apiName) || fields.some((f) => fieldAccess(cat, s, object.apiName, f)),
  );
  const blocks = [heading(2, 'Access')];
  if (granting.length === 0) return [...blocks, 'No permission set of the model grants access to this object.'];
  blocks.push(
    table(
      ['Permission set', 'Create', 'Read', 'Edit', 'Delete', 'View All', 'Modify All'],
      granting.map((s) => {
        const a = objectAccess(s, object.apiName);
        return [
          link(code(s.name), href(from, PERMISSIONS_PAGE, anchor(s.name)), { raw: true }),
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
      fields.map((f) => [code(f), ...granting.map((s) => fieldAccess(cat, s, object.apiName, f) ?? '')]),
    ),
  );
  return blocks;
}

export const accessSections = (cat: Cat, object: ObjectDef, from: string): Ranked<string[]>[] => [
  { rank: 50, value: accessSection(cat, object, from) },
];

export const securityIndex = (cat: Cat) => ({
  links: [
    `${link('Permissions', href(INDEX_PAGE, FROM))}: the permission matrix, governed fields, permission sets and groups, custom permissions`,
  ],
  summary: [
    summaryRow('Permission sets', cat.model.permissionSets, FROM),
    summaryRow('Permission set groups', cat.model.permissionSetGroups, FROM),
    summaryRow('Custom permissions', cat.model.customPermissions, FROM),
  ],
});
