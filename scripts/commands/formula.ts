import type { RevOpsModel } from '../dsl/index.ts';
import { check, evaluate, FormulaDataError, FormulaError, type PresentedValue } from '../formula/index.ts';
import { buildSchema } from '../schema/build.ts';

/** One evaluation request, as `revops formula eval` flags or one line of `--batch` input. */
export interface FormulaRequest {
  readonly object: string;
  readonly formula: string;
  readonly record?: Record<string, unknown>;
  readonly prior?: Record<string, unknown>;
  readonly user?: Record<string, unknown>;
  readonly permissions?: readonly string[];
  readonly now?: string;
  readonly timeZone?: string;
  readonly blanks?: 'zero' | 'blank';
}

/** `revops formula check`: the formula's result type and the fields it reads, or a positioned error. */
export function checkFormula(model: RevOpsModel, object: string, formula: string) {
  const checked = check(formula, { schema: buildSchema(model), object });
  return { type: checked.returnType, references: checked.references };
}

/** `revops formula eval`: one value; FormulaError / FormulaDataError for bad formulas or data. */
export function evaluateFormula(
  model: RevOpsModel,
  request: FormulaRequest,
  schema = buildSchema(model),
): PresentedValue {
  return evaluate(request.formula, {
    schema,
    object: request.object,
    blankAsZero: request.blanks === 'zero',
    record: request.record ?? {},
    prior: request.prior,
    user: request.user,
    permissions: request.permissions,
    now: request.now,
    timeZone: request.timeZone,
  });
}

/** `--batch`: one JSON line in, one result line out (`{value,type}` or `{error}`); a bad line never stops the batch. */
export function evaluateBatch(model: RevOpsModel, lines: readonly string[]): string[] {
  const schema = buildSchema(model);
  return lines
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        const request = JSON.parse(line) as FormulaRequest;
        if (typeof request.formula !== 'string' || typeof request.object !== 'string') {
          return JSON.stringify({ error: `line ${i + 1}: "object" and "formula" are required` });
        }
        return JSON.stringify(evaluateFormula(model, request, schema));
      } catch (error) {
        if (error instanceof FormulaError || error instanceof FormulaDataError || error instanceof SyntaxError) {
          return JSON.stringify({ error: `line ${i + 1}: ${error.message}` });
        }
        throw error;
      }
    });
}
