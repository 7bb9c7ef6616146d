/** Who may do what: object and field access, custom permissions, permission sets and their groups. */
import type { FieldRef, ObjectDef } from '../../core/model-types.ts';

/** Object access: any of Create, Read, Edit, Delete (`'CRE'`), plus the admin-only powers. */
export interface ObjectAccess {
  readonly create: boolean;
  readonly read: boolean;
  readonly edit: boolean;
  readonly delete: boolean;
  readonly viewAll: boolean;
  readonly modifyAll: boolean;
}

/**
 * `access('CRE')` = create, read, edit. `access('CRUD')` adds delete; `access('R')` is read-only.
 * View All / Modify All are separate on purpose: least privilege makes them stand out in review.
 */
export function access(letters: string, o: { viewAll?: boolean; modifyAll?: boolean } = {}): ObjectAccess {
  const has = (c: string) => letters.toUpperCase().includes(c);
  return {
    create: has('C'),
    read: has('R') || has('E') || has('U') || has('D'),
    edit: has('E') || has('U'),
    delete: has('D'),
    viewAll: o.viewAll ?? false,
    modifyAll: o.modifyAll ?? false,
  };
}

export interface FieldAccess {
  readonly field: FieldRef;
  readonly edit: boolean;
}
export const readOnly = (...fields: FieldRef[]): FieldAccess[] => fields.map((field) => ({ field, edit: false }));
export const editable = (...fields: FieldRef[]): FieldAccess[] => fields.map((field) => ({ field, edit: true }));

/**
 * Access to every custom field of an object, so that a new field is never forgotten: formula
 * fields are read-only and required fields are skipped (their access comes with the object).
 * `edit: false` grants read only, except `editableFields`; `readOnlyFields` are read only.
 */
export function fieldsOf(
  object: ObjectDef,
  o: { edit?: boolean; readOnlyFields?: readonly string[]; editableFields?: readonly string[] } = {},
): FieldAccess[] {
  const editable = (name: string) =>
    (o.editableFields ?? []).includes(name) || ((o.edit ?? true) && !(o.readOnlyFields ?? []).includes(name));
  return Object.entries(object.fields)
    .filter(([, f]) => !f.required && f.type !== 'MasterDetail')
    .map(([name, f]) => ({
      field: { object: object.apiName, field: name },
      edit: f.type !== 'Formula' && editable(name),
    }));
}

export interface PermissionSetDef {
  readonly kind: 'permissionSet';
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  readonly objects: Readonly<Record<string, ObjectAccess>>;
  readonly fields: readonly FieldAccess[];
  readonly customPermissions: readonly string[];
  readonly apexClasses: readonly string[];
  /** Visualforce pages the holder may open (`RevOps_Order_Form`). */
  readonly apexPages: readonly string[];
  /** Custom metadata types whose records the holder may read (orgs restrict them by default). */
  readonly customMetadataTypes: readonly string[];
  /** Record types the holder may use (`Opportunity.RevOps_New_Business`). */
  readonly recordTypes: readonly string[];
  /** System permissions by API name (`ConvertLeads`). */
  readonly userPermissions: readonly string[];
  readonly locked?: boolean;
}
export const permissionSet = (
  name: string,
  o: {
    label: string;
    description?: string;
    objects?: Record<string, ObjectAccess>;
    fields?: readonly (FieldAccess | readonly FieldAccess[])[];
    customPermissions?: readonly string[];
    apexClasses?: readonly string[];
    apexPages?: readonly string[];
    customMetadataTypes?: readonly { apiName: string }[];
    recordTypes?: readonly { object: string; name: string }[];
    userPermissions?: readonly string[];
    locked?: boolean;
  },
): PermissionSetDef => ({
  kind: 'permissionSet',
  name,
  label: o.label,
  description: o.description,
  objects: o.objects ?? {},
  fields: (o.fields ?? []).flat() as FieldAccess[],
  customPermissions: o.customPermissions ?? [],
  apexClasses: o.apexClasses ?? [],
  apexPages: o.apexPages ?? [],
  customMetadataTypes: (o.customMetadataTypes ?? []).map((t) => t.apiName),
  recordTypes: (o.recordTypes ?? []).map((rt) => `${rt.object}.${rt.name}`),
  userPermissions: o.userPermissions ?? [],
  locked: o.locked,
});

export interface PermissionSetGroupDef {
  readonly kind: 'permissionSetGroup';
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  readonly permissionSets: readonly string[];
  readonly locked?: boolean;
}
export const permissionSetGroup = (
  name: string,
  o: { label: string; description?: string; permissionSets: readonly PermissionSetDef[]; locked?: boolean },
): PermissionSetGroupDef => ({
  kind: 'permissionSetGroup',
  name,
  label: o.label,
  description: o.description,
  permissionSets: o.permissionSets.map((p) => p.name),
  locked: o.locked,
});

export interface CustomPermissionDef {
  readonly kind: 'customPermission';
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  readonly locked?: boolean;
}
export const customPermission = (
  name: string,
  o: { label: string; description?: string; locked?: boolean },
): CustomPermissionDef => ({
  kind: 'customPermission',
  name,
  ...o,
});

/** What this family adds to the model. */
export interface SecurityModel {
  readonly customPermissions: readonly CustomPermissionDef[];
  readonly permissionSets: readonly PermissionSetDef[];
  readonly permissionSetGroups: readonly PermissionSetGroupDef[];
}
