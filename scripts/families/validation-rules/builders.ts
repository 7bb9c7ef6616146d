/** Validation rules: a formula that blocks the save when true, with the message the user sees. */
import type { FieldRef } from '../../core/model-types.ts';

export interface ValidationRuleDef {
  readonly kind: 'validationRule';
  readonly object: string;
  readonly name: string;
  readonly formula: string;
  readonly message: string;
  /** The field the message appears on (top of page when absent). */
  readonly errorField?: string;
  readonly description?: string;
  readonly active: boolean;
  readonly locked?: boolean;
}
export const validationRule = (
  object: { apiName: string },
  name: string,
  o: {
    formula: string;
    message: string;
    errorField?: FieldRef;
    description?: string;
    active?: boolean;
    locked?: boolean;
  },
): ValidationRuleDef => ({
  kind: 'validationRule',
  object: object.apiName,
  name,
  formula: o.formula,
  message: o.message,
  errorField: o.errorField?.field,
  description: o.description,
  active: o.active ?? true,
  locked: o.locked,
});

/** What this family adds to the model. */
export interface ValidationRulesModel {
  readonly validationRules: readonly ValidationRuleDef[];
}
