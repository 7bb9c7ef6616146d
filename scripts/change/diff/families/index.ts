/**
 * The family handlers behind `revops diff`: one per metadata-type family (as sfdx-git-delta has
 * one handler per layout), each a pure function from a component's two versions to what a
 * reviewer needs to know. A type without its own handler gets the generic one.
 */
import type { Describe } from '../types.ts';
import { describeDashboard, describeReport } from './analytics.ts';
import { describeField } from './fields.ts';
import { describeFlow } from './flows.ts';
import { describeGeneric } from './generic.ts';
import { describeCustomPermission, describePermissionSet, describePermissionSetGroup } from './permissions.ts';
import { describeValidationRule } from './validation-rules.ts';
import { describeValueSet } from './value-sets.ts';

const HANDLERS: Readonly<Record<string, Describe>> = {
  CustomField: describeField,
  ValidationRule: describeValidationRule,
  GlobalValueSet: describeValueSet,
  StandardValueSet: describeValueSet,
  PermissionSet: describePermissionSet,
  Profile: describePermissionSet,
  MutingPermissionSet: describePermissionSet,
  PermissionSetGroup: describePermissionSetGroup,
  CustomPermission: describeCustomPermission,
  Flow: describeFlow,
  Report: describeReport,
  Dashboard: describeDashboard,
};

export const describerOf = (type: string): Describe => HANDLERS[type] ?? describeGeneric;
