/**
 * Sharing: sharing rules (the org-wide defaults they open up are set on the objects, the groups
 * they share to are the roles family's).
 */
import { defineFamily } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import * as builders from './builders.ts';
import type { SharingRulesModel } from './builders.ts';
import { renderSharingPage, sharingIndex, sharingRelated } from './catalogue.ts';
import { checkSharing, type SharingCheckModel } from './checks.ts';
import { emitSharing } from './emit.ts';

export type { SharingCriterion, SharingRuleDef, SharingRulesModel } from './builders.ts';
export { criterion } from './builders.ts';
export { orgWideDefault } from './checks.ts';

export const sharingCriteriaRule = locate(builders.sharingCriteriaRule);
export const sharingOwnerRule = locate(builders.sharingOwnerRule);

export const sharingFamily = defineFamily<SharingRulesModel, SharingCheckModel>({
  name: 'sharing',
  sections: { sharingRules: 'list' },
  check: checkSharing,
  emit: emitSharing,
  lockable: (model) => [...model.sharingRules],
  catalogue: { pages: (cat) => [renderSharingPage(cat)], index: sharingIndex, related: sharingRelated },
});
