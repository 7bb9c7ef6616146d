import type { AnyFamily, ModelFormula } from '../core/family.ts';
import { originOf } from '../core/origin.ts';
import { FAMILIES, type RevOpsModel } from '../families/registry.ts';
import { check, FormulaError } from '../formula/index.ts';
import type { Schema } from '../schema/types.ts';
import type { Finding } from './findings.ts';

/** Every formula of the model (each family says where its formulas are) with how Salesforce will check it. */
export const modelFormulas = (model: RevOpsModel, families: readonly AnyFamily[] = FAMILIES): ModelFormula[] =>
  families.flatMap((family) => family.formulas?.(model) ?? []);

/**
 * Parses and type-checks every formula of the model (validation rules, formula fields, flow formulas) against the schema the model defines:
 * unknown fields, picklists compared with `=`, wrong argument or return types are errors that
 * point into the formula.
 */
export function checkFormulas(
  model: RevOpsModel,
  schema: Schema,
): { errors: Finding[]; warnings: Finding[]; checked: number } {
  const errors: Finding[] = [];
  const formulas = modelFormulas(model);
  for (const f of formulas) {
    try {
      check(f.source, { ...f.options, schema });
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      errors.push({
        check: 'formulas',
        location: originOf(f.definition) ?? 'model',
        component: f.component,
        message: error.message,
      });
    }
  }
  return { errors, warnings: [], checked: formulas.length };
}
