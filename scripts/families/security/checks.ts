/** Salesforce's rules for custom permissions, permission sets and permission set groups. */
import type { CheckContext } from '../../core/checks.ts';
import { fieldPath } from '../../core/model-types.ts';
import type { FieldAccess, PermissionSetDef } from './builders.ts';
import type { SecurityModel } from './builders.ts';
import { recordTypeRef, type RecordTypesModel } from '../record-types/builders.ts';

export function checkSecurity(model: SecurityModel & RecordTypesModel, check: CheckContext): void {
  check.unique(
    model.customPermissions,
    (p) => p.name,
    (p) => `CustomPermission ${p.name}`,
    'custom permission',
  );
  for (const p of model.customPermissions) check.apiName(p, `CustomPermission ${p.name}`, p.name);
  check.unique(
    model.permissionSets,
    (p) => p.name,
    (p) => `PermissionSet ${p.name}`,
    'permission set',
  );
  for (const set of model.permissionSets) {
    checkPermissionSet(set, check);
    checkRecordTypeAccess(model, set, check);
  }
  check.unique(
    model.permissionSetGroups,
    (g) => g.name,
    (g) => `PermissionSetGroup ${g.name}`,
    'permission set group',
  );
  for (const group of model.permissionSetGroups) {
    const c = `PermissionSetGroup ${group.name}`;
    check.apiName(group, c, group.name);
    for (const p of group.permissionSets)
      if (!model.permissionSets.some((s) => s.name === p))
        check.report(group, c, `includes unknown permission set ${p}`);
  }
}

function checkPermissionSet(set: PermissionSetDef, check: CheckContext): void {
  const c = `PermissionSet ${set.name}`;
  check.apiName(set, c, set.name);
  for (const [object, a] of Object.entries(set.objects)) {
    if (!check.schema.object(object)) check.report(set, c, `object permission names unknown object ${object}`);
    const parent = ACCESS_FROM_PARENT[object];
    if (parent)
      check.report(
        set,
        c,
        `${object} has no object permission in Salesforce (its access comes from ${parent}); grant ${parent} instead`,
      );
    if (a.delete && !a.edit)
      check.report(set, c, `${object}: Delete requires Edit (Salesforce rejects the combination)`);
    if (a.modifyAll && !(a.viewAll && a.delete))
      check.report(set, c, `${object}: Modify All requires View All and Delete`);
  }
  for (const p of set.customPermissions)
    if (!check.schema.hasCustomPermission(p)) check.report(set, c, `grants unknown custom permission ${p}`);
  for (const t of set.customMetadataTypes)
    if (!t.endsWith('__mdt') || !check.schema.object(t))
      check.report(set, c, `grants unknown custom metadata type ${t}`);
  for (const access of set.fields) checkFieldAccess(set, c, access, check);
}

/** A record type the set grants must be one of the model's, on an object the set can read. */
function checkRecordTypeAccess(model: RecordTypesModel, set: PermissionSetDef, check: CheckContext): void {
  const c = `PermissionSet ${set.name}`;
  for (const ref of set.recordTypes) {
    const rt = model.recordTypes.find((r) => recordTypeRef(r) === ref);
    if (!rt) check.report(set, c, `grants unknown record type ${ref}`);
    else if (!set.objects[rt.object]?.read)
      check.report(set, c, `grants record type ${ref} without read access to ${rt.object}`);
  }
  for (const p of set.userPermissions)
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(p))
      check.report(set, c, `"${p}" is not a user permission API name (like ConvertLeads)`);
}

/** Objects every user reads without an object permission (a permission set cannot grant one on them). */
const ALWAYS_READABLE: ReadonlySet<string> = new Set(['User']);

/**
 * Standard objects with no object permission of their own (Setup lists none; a permission set
 * naming them does not deploy): opportunity products are read and edited with their opportunity,
 * price book entries with the product and the price book's sharing, quote lines with their quote.
 */
export const ACCESS_FROM_PARENT: Readonly<Record<string, string>> = {
  OpportunityLineItem: 'Opportunity',
  PricebookEntry: 'Product2',
  QuoteLineItem: 'Quote',
};

function checkFieldAccess(set: PermissionSetDef, c: string, access: FieldAccess, check: CheckContext): void {
  check.fieldExists(set, c, access.field, 'field permission');
  const field = check.schema.object(access.field.object)?.field(access.field.field);
  if (!field) return;
  if (!field.custom && !field.nillable)
    check.report(set, c, `${fieldPath(access.field)} is always required; Salesforce rejects field permissions on it`);
  else if (field.custom && !field.nillable)
    check.report(
      set,
      c,
      `${fieldPath(access.field)} is a required field; its access comes with the object, so it cannot be listed`,
    );
  if (access.edit && field.calculated)
    check.report(set, c, `${fieldPath(access.field)} is a formula field and cannot be editable`);
  const object = ACCESS_FROM_PARENT[access.field.object] ?? access.field.object;
  if (!set.objects[object]?.read && !ALWAYS_READABLE.has(object))
    check.report(set, c, `grants ${fieldPath(access.field)} without read access to ${object}`);
}
