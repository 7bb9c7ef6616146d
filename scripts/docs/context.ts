/**
 * What every catalogue page needs to know about the model beyond its plain lists: where each
 * page lives, how to link to an object or a field, labels of standard fields, which custom
 * permissions a rule honours, what access a permission set gives to a field.
 */
import {
  originOf,
  type FieldDef,
  type ObjectAccess,
  type ObjectDef,
  type PermissionSetDef,
  type RevOpsModel,
  type ValidationRuleDef,
} from '../dsl/index.ts';
import { buildSchema } from '../schema/build.ts';
import type { Schema } from '../schema/types.ts';
import { code, href, link } from './markdown.ts';

/** The catalogue's folder: owned by the generator like force-app/generated. */
export const DOCS_ROOT = 'docs/model';

/** Catalogue pages, relative to DOCS_ROOT. */
export const PAGE = {
  index: 'README.md',
  stages: 'stages.md',
  leadStatuses: 'lead-statuses.md',
  valueSets: 'value-sets.md',
  rules: 'validation-rules.md',
  permissions: 'permissions.md',
  flows: 'flows.md',
  analytics: 'analytics.md',
  dataQuality: 'data-quality.md',
  leadConvert: 'lead-convert.md',
} as const;

export const objectPage = (apiName: string): string => `objects/${apiName}.md`;

/** Case-insensitive, then code-point order: the same on every machine and locale. */
export const byString = (a: string, b: string): number => {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
};
export const sortBy = <T>(items: readonly T[], key: (item: T) => string): T[] =>
  [...items].sort((a, b) => byString(key(a), key(b)));

export const LOCK = '🔒';
export const lockBadge = (what: string): string =>
  `${LOCK} **Locked.** Changing this ${what} needs an approved governance RFC.`;

/** Access a permission set gives to one field. Parenthesised: it comes with the object permission. */
export type FieldAccessCell = 'Edit' | 'Read' | '(Edit)' | '(Read)' | undefined;

export interface Catalogue {
  readonly model: RevOpsModel;
  readonly schema: Schema;
  /** Model objects, by API name. */
  readonly objects: readonly ObjectDef[];
  object(apiName: string): ObjectDef | undefined;
  /** Validation rules of an object, by name. */
  rulesOf(apiName: string): ValidationRuleDef[];
  /** Model file that defined a definition (no line number: lines move with every edit). */
  origin(definition: object): string | undefined;
  /** Custom permissions a formula checks through `$Permission`, in the model's spelling. */
  permissionsIn(formula: string): string[];
  fieldLabel(object: string, field: string): string | undefined;
  /** Custom field definition, if the field is a model field. */
  fieldDef(object: string, field: string): FieldDef | undefined;
  /** Link to an object page, or the API name in code when the model does not define it. */
  objectLink(from: string, apiName: string): string;
  /** `Object.Field` in code, linked to the object's field list. */
  fieldLink(from: string, object: string, field: string, o?: { qualified?: boolean }): string;
  objectAccess(set: PermissionSetDef, object: string): ObjectAccess | undefined;
  fieldAccess(set: PermissionSetDef, object: string, field: string): FieldAccessCell;
}

const SYSTEM_AUDIT = new Set(['CreatedById', 'LastModifiedById', 'RecordTypeId']);
export const isAuditField = (name: string): boolean => SYSTEM_AUDIT.has(name);

export function catalogue(model: RevOpsModel): Catalogue {
  const schema = buildSchema(model);
  const objects = sortBy(model.objects, (o) => o.apiName);
  const byName = new Map(objects.map((o) => [o.apiName.toLowerCase(), o]));
  const rules = new Map<string, ValidationRuleDef[]>();
  for (const rule of sortBy(model.validationRules, (r) => r.name)) {
    const key = rule.object.toLowerCase();
    rules.set(key, [...(rules.get(key) ?? []), rule]);
  }
  const permissionNames = new Map(model.customPermissions.map((p) => [p.name.toLowerCase(), p.name]));

  const fieldDef = (object: string, field: string) => {
    const def = byName.get(object.toLowerCase());
    return def
      ? Object.entries(def.fields).find(([name]) => name.toLowerCase() === field.toLowerCase())?.[1]
      : undefined;
  };
  /** Fields whose access always comes with the object permission (Salesforce rejects field permissions on them). */
  const alwaysAccessible = (object: string, field: string) => {
    const def = fieldDef(object, field);
    if (def) return def.required === true || def.type === 'MasterDetail';
    const described = schema.object(object)?.field(field);
    return described !== undefined && !described.custom && !described.nillable;
  };
  const objectAccess = (set: PermissionSetDef, object: string) =>
    Object.entries(set.objects).find(([name]) => name.toLowerCase() === object.toLowerCase())?.[1];

  return {
    model,
    schema,
    objects,
    object: (apiName) => byName.get(apiName.toLowerCase()),
    rulesOf: (apiName) => rules.get(apiName.toLowerCase()) ?? [],
    origin: (definition) => originOf(definition)?.replace(/:\d+$/, ''),
    permissionsIn: (formula) =>
      [
        ...new Set(
          [...formula.matchAll(/\$Permission\.([A-Za-z0-9_]+)/gi)].map(
            (m) => permissionNames.get(m[1]!.toLowerCase()) ?? m[1]!,
          ),
        ),
      ].sort(byString),
    fieldLabel: (object, field) => fieldDef(object, field)?.label ?? schema.object(object)?.field(field)?.label,
    fieldDef,
    objectLink: (from, apiName) => {
      const def = byName.get(apiName.toLowerCase());
      return def ? link(code(def.apiName), href(from, objectPage(def.apiName)), { raw: true }) : code(apiName);
    },
    fieldLink: (from, object, field, o = {}) => {
      const label = code(o.qualified === false ? field : `${object}.${field}`);
      const def = byName.get(object.toLowerCase());
      return def ? link(label, href(from, objectPage(def.apiName), 'fields'), { raw: true }) : label;
    },
    objectAccess,
    fieldAccess: (set, object, field) => {
      const explicit = set.fields.find(
        (f) =>
          f.field.object.toLowerCase() === object.toLowerCase() && f.field.field.toLowerCase() === field.toLowerCase(),
      );
      if (explicit) return explicit.edit ? 'Edit' : 'Read';
      if (!alwaysAccessible(object, field)) return undefined;
      const access = objectAccess(set, object);
      if (access?.edit) return '(Edit)';
      if (access?.read) return '(Read)';
      return undefined;
    },
  };
}

/** `CRED VA MA` shorthand of an object permission; undefined when it grants nothing. */
export function accessCode(access: ObjectAccess | undefined): string | undefined {
  if (!access) return undefined;
  const letters = [
    access.create ? 'C' : '',
    access.read ? 'R' : '',
    access.edit ? 'E' : '',
    access.delete ? 'D' : '',
  ].join('');
  const powers = [access.viewAll ? 'VA' : '', access.modifyAll ? 'MA' : ''].filter(Boolean);
  const all = [letters, ...powers].filter(Boolean).join(' ');
  return all === '' ? undefined : all;
}
