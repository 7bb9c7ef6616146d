/**
 * Validation rules: the family that blocks bad data with a message on the right field. Rules
 * are written directly (`validationRule`), through recurring patterns (`immutableOnceSet`,
 * `requiredWhen`), or derived from other definitions (stage gates).
 */
import { defineFamily } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import * as builders from './builders.ts';
import * as patterns from './patterns.ts';
import { renderValidationRulesPage, ruleSections, rulesIndex } from './catalogue.ts';
import { checkValidationRules } from './checks.ts';
import { emitValidationRules } from './emit.ts';
import type { ValidationRulesModel } from './builders.ts';

export type { ValidationRulesModel } from './builders.ts';

export type { ValidationRuleDef } from './builders.ts';
export { rulesOf } from './rules-of.ts';

export const validationRule = locate(builders.validationRule);
export const immutableOnceSet = locate(patterns.immutableOnceSet);
export const requiredWhen = locate(patterns.requiredWhen);
export const allowedValues = locate(patterns.allowedValues);
export const unchangeableWhen = locate(patterns.unchangeableWhen);
export const withinRange = locate(patterns.withinRange);
export const setByAutomationOnly = locate(patterns.setByAutomationOnly);

export const validationRulesFamily = defineFamily<ValidationRulesModel>({
  name: 'validation-rules',
  sections: { validationRules: 'list' },
  check: checkValidationRules,
  formulas: (model) =>
    model.validationRules.map((rule) => ({
      component: `ValidationRule ${rule.object}.${rule.name}`,
      definition: rule,
      source: rule.formula,
      options: { object: rule.object, context: 'validationRule' as const },
    })),
  emit: emitValidationRules,
  lockable: (model) => model.validationRules,
  catalogue: {
    pages: (cat) => [renderValidationRulesPage(cat)],
    index: rulesIndex,
    objectSections: ruleSections,
  },
});
