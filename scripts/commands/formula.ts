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

/**
 * `--batch`: one JSON line in, one result line out (`{value,type}` or `{error}`); a bad line —
 * not JSON, not an object, a field of the wrong type, a formula or data error, anything else it
 * throws — is an `{error}` line naming its line number, and never stops the batch.
 */
export function evaluateBatch(model: RevOpsModel, lines: readonly string[]): string[] {
  const schema = buildSchema(model);
  const results: string[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      results.push(JSON.stringify(evaluateFormula(model, batchRequest(line), schema)));
    } catch (error) {
      const known = error instanceof FormulaError || error instanceof FormulaDataError || error instanceof SyntaxError;
      const message = error instanceof Error ? error.message : String(error);
      results.push(JSON.stringify({ error: `line ${i + 1}: ${known ? message : `internal error: ${message}`}` }));
    }
  });
  return results;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One batch line as a request; throws a SyntaxError saying what is wrong with it. */
function batchRequest(line: string): FormulaRequest {
  const request: unknown = JSON.parse(line);
  if (!isObject(request)) throw new SyntaxError('each line must be a JSON object with "object" and "formula"');
  if (typeof request.formula !== 'string' || typeof request.object !== 'string') {
    throw new SyntaxError('"object" and "formula" are required');
  }
  const wrong = (field: string, expected: string): never => {
    throw new SyntaxError(`"${field}" must be ${expected}, got ${JSON.stringify(request[field])}`);
  };
  for (const field of ['record', 'prior', 'user']) {
    if (request[field] != null && !isObject(request[field])) wrong(field, 'a JSON object');
  }
  const permissions = request.permissions;
  if (permissions != null && !(Array.isArray(permissions) && permissions.every((p) => typeof p === 'string'))) {
    wrong('permissions', 'a list of custom permission names');
  }
  if (request.now != null && typeof request.now !== 'string') wrong('now', 'an ISO 8601 date/time text');
  if (request.timeZone != null && typeof request.timeZone !== 'string') wrong('timeZone', 'a time zone name');
  if (request.blanks != null && request.blanks !== 'zero' && request.blanks !== 'blank')
    wrong('blanks', '"zero" or "blank"');
  return request as unknown as FormulaRequest;
}
