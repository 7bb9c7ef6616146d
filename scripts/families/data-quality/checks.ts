import type { CheckContext } from '../../core/checks.ts';
import type { DataQualityModel } from './builders.ts';

/** Matching rules compare fields that exist; duplicate rules use matching rules of the model. */
export function checkDataQuality(model: DataQualityModel, check: CheckContext): void {
  check.unique(
    model.matchingRules,
    (r) => `${r.object}.${r.name}`,
    (r) => `MatchingRule ${r.object}.${r.name}`,
    'matching rule',
  );
  check.unique(
    model.duplicateRules,
    (r) => `${r.object}.${r.name}`,
    (r) => `DuplicateRule ${r.object}.${r.name}`,
    'duplicate rule',
  );
  for (const rule of model.matchingRules) {
    const c = `MatchingRule ${rule.object}.${rule.name}`;
    check.apiName(rule, c, rule.name);
    for (const item of rule.items) check.fieldExists(rule, c, item.field, 'matching item');
  }
  for (const rule of model.duplicateRules) {
    const c = `DuplicateRule ${rule.object}.${rule.name}`;
    check.apiName(rule, c, rule.name);
    for (const m of rule.matchingRules) {
      if (!model.matchingRules.some((r) => r.object === m.object && r.name === m.rule))
        check.report(rule, c, `uses unknown matching rule ${m.object}.${m.rule}`);
    }
  }
}
