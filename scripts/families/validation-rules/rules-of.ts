import { sortBy } from '../../core/catalogue.ts';
import type { ValidationRuleDef } from './builders.ts';

/** The validation rules of one object (API names compare case-insensitively), by name. */
export const rulesOf = (model: { readonly validationRules: readonly ValidationRuleDef[] }, apiName: string) =>
  sortBy(
    model.validationRules.filter((r) => r.object.toLowerCase() === apiName.toLowerCase()),
    (r) => r.name,
  );
