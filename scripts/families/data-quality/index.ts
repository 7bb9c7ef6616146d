/** De-duplication: matching rules and the duplicate rules that use them. */
import { defineFamily } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import * as builders from './builders.ts';
import { dataQualityIndex, dataQualityRelated, renderDataQualityPage } from './catalogue.ts';
import { checkDataQuality } from './checks.ts';
import { emitDataQuality } from './emit.ts';
import type { DataQualityModel } from './builders.ts';

export type { DataQualityModel } from './builders.ts';

export type { DuplicateRuleDef, MatchingRuleDef, MatchingRuleItemDef } from './builders.ts';
export { exact, fuzzy } from './builders.ts';
export { STANDARD_DUPLICATE_RULES } from './sort-order.ts';

export const matchingRule = locate(builders.matchingRule);
export const duplicateRule = locate(builders.duplicateRule);

export const dataQualityFamily = defineFamily<DataQualityModel>({
  name: 'data-quality',
  sections: { matchingRules: 'list', duplicateRules: 'list', existingDuplicateRules: 'single' },
  check: checkDataQuality,
  activations: (model) =>
    model.duplicateRules
      .filter((r) => r.active)
      .map((r) => ({
        type: 'DuplicateRule',
        fullName: `${r.object}.${r.name}`,
        waitFor: r.matchingRules.map((m) => ({ type: 'MatchingRule', fullName: `${m.object}.${m.rule}` })),
      })),
  emit: emitDataQuality,
  catalogue: { pages: (cat) => [renderDataQualityPage(cat)], index: dataQualityIndex, related: dataQualityRelated },
});
