/** Salesforce's rules for validation rules (their formulas are checked by the formula engine). */
import type { CheckContext } from '../../core/checks.ts';
import type { ValidationRulesModel } from './builders.ts';

export function checkValidationRules(model: ValidationRulesModel, check: CheckContext): void {
  check.unique(
    model.validationRules,
    (r) => `${r.object}.${r.name}`,
    (r) => `ValidationRule ${r.object}.${r.name}`,
    'validation rule',
  );
  for (const rule of model.validationRules) {
    const c = `ValidationRule ${rule.object}.${rule.name}`;
    check.apiName(rule, c, rule.name);
    if (!check.schema.object(rule.object)) check.report(rule, c, `unknown object ${rule.object}`);
    if (rule.errorField) check.fieldExists(rule, c, { object: rule.object, field: rule.errorField }, 'error location');
    if (rule.message.length > 255)
      check.report(rule, c, `error message is ${rule.message.length} characters; the limit is 255`);
    // The formula's length (3,900 characters) is checked by the formula engine with every other formula.
  }
}
