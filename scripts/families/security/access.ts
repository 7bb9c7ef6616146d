/** What a permission set grants on one object or field, as the catalogue shows it. */
import type { Catalogue } from '../../core/catalogue.ts';
import type { ObjectAccess, PermissionSetDef } from './builders.ts';

/** Access a permission set gives to one field. Parenthesised: it comes with the object permission. */
export type FieldAccessCell = 'Edit' | 'Read' | '(Edit)' | '(Read)' | undefined;

export const objectAccess = (set: PermissionSetDef, object: string): ObjectAccess | undefined =>
  Object.entries(set.objects).find(([name]) => name.toLowerCase() === object.toLowerCase())?.[1];

/** Fields whose access always comes with the object permission (Salesforce rejects field permissions on them). */
function alwaysAccessible(cat: Catalogue, object: string, field: string): boolean {
  const def = cat.fieldDef(object, field);
  if (def) return def.required === true || def.type === 'MasterDetail';
  const described = cat.schema.object(object)?.field(field);
  return described !== undefined && !described.custom && !described.nillable;
}

export function fieldAccess(cat: Catalogue, set: PermissionSetDef, object: string, field: string): FieldAccessCell {
  const explicit = set.fields.find(
    (f) => f.field.object.toLowerCase() === object.toLowerCase() && f.field.field.toLowerCase() === field.toLowerCase(),
  );
  if (explicit) return explicit.edit ? 'Edit' : 'Read';
  if (!alwaysAccessible(cat, object, field)) return undefined;
  const access = objectAccess(set, object);
  if (access?.edit) return '(Edit)';
  if (access?.read) return '(Read)';
  return undefined;
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
