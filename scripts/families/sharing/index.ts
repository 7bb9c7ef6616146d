/**
 * Sharing: public groups and sharing rules (the org-wide defaults they open up are set on the
 * objects). Folders shared to a group must name one of the model's groups.
 */
import { defineFamily } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import * as builders from './builders.ts';
import type { SharingRulesModel } from './builders.ts';
import { renderSharingPage, sharingIndex, sharingRelated } from './catalogue.ts';
import { checkSharing, type SharingCheckModel } from './checks.ts';
import { emitSharing } from './emit.ts';

export type { PublicGroupDef, SharingCriterion, SharingRuleDef, SharingRulesModel } from './builders.ts';
export { criterion } from './builders.ts';
export { orgWideDefault } from './checks.ts';

export const publicGroup = locate(builders.publicGroup);
export const sharingCriteriaRule = locate(builders.sharingCriteriaRule);
export const sharingOwnerRule = locate(builders.sharingOwnerRule);

export const sharingFamily = defineFamily<SharingRulesModel, SharingCheckModel>({
  name: 'sharing',
  sections: { publicGroups: 'list', sharingRules: 'list' },
  check: checkSharing,
  emit: emitSharing,
  lockable: (model) => [...model.publicGroups, ...model.sharingRules],
  catalogue: { pages: (cat) => [renderSharingPage(cat)], index: sharingIndex, related: sharingRelated },
});
