import { at, type GeneratedFile } from '../../core/family.ts';
import { fieldPath } from '../../core/model-types.ts';
import { sortedByCodeUnit } from '../../core/retrieve-format.ts';
import { metadataXml } from '../../core/xml.ts';
import type { SecurityModel } from './builders.ts';

/** Custom permissions, permission sets and permission set groups. */
export async function emitSecurity(model: SecurityModel): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const p of model.customPermissions) {
    files.push({
      path: at('customPermissions', `${p.name}.customPermission-meta.xml`),
      content: await metadataXml('CustomPermission', { description: p.description, isLicensed: false, label: p.label }),
    });
  }
  for (const set of model.permissionSets) {
    // Every list in code-unit order of its key, as a retrieve writes it (`Opportunity.ARR__c`
    // before `Opportunity.Amount`; locale order would put Amount first).
    const byName = sortedByCodeUnit;
    files.push({
      path: at('permissionsets', `${set.name}.permissionset-meta.xml`),
      content: await metadataXml('PermissionSet', {
        classAccesses: byName(set.apexClasses, (c) => c).map((apexClass) => ({ apexClass, enabled: true })),
        customMetadataTypeAccesses: byName(set.customMetadataTypes, (t) => t).map((name) => ({
          enabled: true,
          name,
        })),
        customPermissions: byName(set.customPermissions, (p) => p).map((name) => ({ enabled: true, name })),
        description: set.description,
        fieldPermissions: byName(set.fields, (f) => fieldPath(f.field)).map((f) => ({
          editable: f.edit,
          field: fieldPath(f.field),
          readable: true,
        })),
        hasActivationRequired: false,
        label: set.label,
        pageAccesses: byName(set.apexPages, (p) => p).map((apexPage) => ({ apexPage, enabled: true })),
        objectPermissions: byName(Object.entries(set.objects), ([o]) => o).map(([object, a]) => ({
          allowCreate: a.create,
          allowDelete: a.delete,
          allowEdit: a.edit,
          allowRead: a.read,
          modifyAllRecords: a.modifyAll,
          object,
          // "View All Fields" (API 64+): a retrieve at API 66 writes it on every object permission.
          viewAllFields: false,
          viewAllRecords: a.viewAll,
        })),
        recordTypeVisibilities: byName(set.recordTypes, (r) => r).map((recordType) => ({
          recordType,
          visible: true,
        })),
        userPermissions: byName(set.userPermissions, (p) => p).map((name) => ({ enabled: true, name })),
      }),
    });
  }
  for (const group of model.permissionSetGroups) {
    files.push({
      path: at('permissionsetgroups', `${group.name}.permissionsetgroup-meta.xml`),
      content: await metadataXml('PermissionSetGroup', {
        description: group.description,
        // Every retrieved group writes it (33 of 33), false unless a session activates the group.
        hasActivationRequired: false,
        label: group.label,
        // In code-unit order, as a retrieve lists them; the order carries no meaning.
        permissionSets: sortedByCodeUnit(group.permissionSets, (p) => p),
        status: 'Updated',
      }),
    });
  }
  return files;
}
