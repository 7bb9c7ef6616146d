/**
 * Role-scoped access: custom permissions (the bypass, the deal desk), permission sets with
 * object and field access, and the permission set groups users are given.
 */
import { defineFamily } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import type { RecordTypesModel } from '../record-types/builders.ts';
import type { StagesModel } from '../stages/index.ts';
import type { ValidationRulesModel } from '../validation-rules/index.ts';
import * as builders from './builders.ts';
import { accessSections, renderPermissionsPage, securityIndex } from './catalogue.ts';
import { checkSecurity } from './checks.ts';
import { emitSecurity } from './emit.ts';

export type {
  CustomPermissionDef,
  FieldAccess,
  ObjectAccess,
  PermissionSetDef,
  PermissionSetGroupDef,
} from './builders.ts';
import type { SecurityModel } from './builders.ts';

export type { SecurityModel } from './builders.ts';
export { access, editable, fieldsOf, readOnly } from './builders.ts';
export { accessCode, fieldAccess, objectAccess, type FieldAccessCell } from './access.ts';
export { governedFields } from './catalogue.ts';
export { ACCESS_FROM_PARENT } from './checks.ts';

export const customPermission = locate(builders.customPermission);
export const permissionSet = locate(builders.permissionSet);
export const permissionSetGroup = locate(builders.permissionSetGroup);

export const securityFamily = defineFamily<
  SecurityModel,
  SecurityModel & StagesModel & ValidationRulesModel & RecordTypesModel
>({
  name: 'security',
  sections: { customPermissions: 'list', permissionSets: 'list', permissionSetGroups: 'list' },
  // `$Permission.X` in formulas resolves only to the model's custom permissions.
  describe: (model, schema) => {
    for (const p of model.customPermissions) schema.addCustomPermission(p.name);
  },
  check: checkSecurity,
  // Apex classes and pages are hand-written or generated: verify checks each granted one exists in the project.
  references: (model) =>
    model.permissionSets.flatMap((set) => [
      ...set.apexClasses.map((name) => ({
        type: 'ApexClass',
        name,
        component: `PermissionSet ${set.name}`,
        definition: set,
        message: `grants unknown Apex class ${name}`,
      })),
      ...set.apexPages.map((name) => ({
        type: 'ApexPage',
        name,
        component: `PermissionSet ${set.name}`,
        definition: set,
        message: `grants unknown Visualforce page ${name}`,
      })),
    ]),
  emit: emitSecurity,
  lockable: (model) => [...model.customPermissions, ...model.permissionSets],
  catalogue: {
    pages: (cat) => [renderPermissionsPage(cat)],
    index: securityIndex,
    objectSections: accessSections,
  },
});
