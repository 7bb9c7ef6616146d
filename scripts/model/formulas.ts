/**
 * The model's formulas (validation rules, formula fields, flow formulas: each family says where
 * its formulas are), parsed and type-checked by the formula engine against the schema the model
 * defines. Part of the model's checks: a formula that does not parse or names a missing field
 * stops generate like any other problem.
 */
import type { ModelIssue } from '../core/checks.ts';
import type { AnyFamily, ModelFormula } from '../core/family.ts';
import { originOf } from '../core/origin.ts';
import { FAMILIES, type RevOpsModel } from '../families/registry.ts';
import { check, FormulaError } from '../formula/index.ts';
import type { Schema } from '../schema/types.ts';

export const modelFormulas = (model: RevOpsModel, families: readonly AnyFamily[] = FAMILIES): ModelFormula[] =>
  families.flatMap((family) => family.formulas?.(model) ?? []);

/** Every formula error, pointing into the formula (line, column, caret), at the definition's model line. */
export function formulaIssues(
  model: RevOpsModel,
  schema: Schema,
  families: readonly AnyFamily[] = FAMILIES,
): ModelIssue[] {
  const issues: ModelIssue[] = [];
  for (const f of modelFormulas(model, families)) {
    // A formula on an object the model lacks is the family check's finding (one issue, not two).
    if (!schema.object(f.options.object)) continue;
    try {
      check(f.source, { ...f.options, schema });
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      issues.push({ component: f.component, origin: originOf(f.definition), message: error.message });
    }
  }
  return issues;
}
