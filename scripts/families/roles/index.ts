/** Roles and public groups: the structure records and analytics folders are shared along. */
import { defineFamily } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import * as builders from './builders.ts';
import { checkRoles } from './checks.ts';
import { emitRoles } from './emit.ts';
import type { RolesModel } from './builders.ts';

export type { RolesModel, RoleDef, PublicGroupDef } from './builders.ts';

export const role = locate(builders.role);
export const publicGroup = locate(builders.publicGroup);

export const rolesFamily = defineFamily<RolesModel>({
  name: 'roles',
  sections: { roles: 'list', publicGroups: 'list' },
  check: checkRoles,
  emit: emitRoles,
  lockable: (model) => [...model.roles, ...model.publicGroups],
});
