import type { CheckContext } from '../../core/checks.ts';
import type { DataQualityModel } from './builders.ts';

/** Matching rules compare fields that exist; duplicate rules use matching rules of the model, numbered 1..n per object. */
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
  checkOrder(model, check);
}

/** Salesforce numbers an object's duplicate rules 1..n with no gap or repeat: ours must be 1..n among themselves. */
function checkOrder(model: DataQualityModel, check: CheckContext): void {
  const objects = [...new Set(model.duplicateRules.map((r) => r.object))];
  for (const object of objects) {
    // A rule defined twice is the uniqueness check's finding; count it once here.
    const byName = new Map(model.duplicateRules.filter((r) => r.object === object).map((r) => [r.name, r]));
    const rules = [...byName.values()];
    const orders = rules.map((r) => r.order).sort((a, b) => a - b);
    const misplaced = rules.findLast(
      (r) =>
        !Number.isInteger(r.order) ||
        r.order < 1 ||
        r.order > rules.length ||
        orders.filter((o) => o === r.order).length > 1,
    );
    if (!misplaced) continue;
    check.report(
      misplaced,
      `DuplicateRule ${misplaced.object}.${misplaced.name}`,
      `order ${misplaced.order}: the model's duplicate rules on ${object} must be numbered 1..${rules.length} without gaps or repeats (they have ${orders.join(', ')})`,
    );
  }
}
