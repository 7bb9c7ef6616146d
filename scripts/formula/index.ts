/**
 * The Salesforce formula engine: parse → check (against a Schema) → compile once → evaluate.
 *
 *   const checked = check('AND(ISCHANGED(StageName), ISBLANK(NextStep))', { schema, object: 'Opportunity', context: 'validationRule' });
 *   const rule = compile(checked);
 *   rule({ record, prior, now: '2024-05-01T12:00:00Z' });  // → true / false
 */
import { check, type CheckOptions } from './checker.ts';
import { compile, type CompiledFormula, type FormulaValue } from './compiler.ts';
import { presentValue, type PresentedValue } from './present.ts';
import type { EvalContext } from './runtime.ts';
import type { Schema } from '../schema/types.ts';

export { parse, print, sourceOf } from './parser.ts';
export { check } from './checker.ts';
export { compile } from './compiler.ts';
export { FormulaError } from './errors.ts';
export { FormulaDataError } from './runtime.ts';
export { presentValue, presentJson } from './present.ts';
export { schemaFrom } from './test-schema.ts';
export { FUNCTIONS, UNSUPPORTED_FUNCTIONS, FUNCTION_SPECS } from './functions/index.ts';
export { translateJavaRegex, MAX_REGEX_STEPS } from './regex.ts';
export { MAX_FORMULA_LENGTH, MAX_TEXT_LENGTH } from './limits.ts';
export { normaliseReturnType, formulaTypeOf } from './types.ts';
export type { FormulaAst } from './ast.ts';
export type { CheckOptions, CheckedFormula, FieldReference } from './checker.ts';
export type { CompiledFormula, FormulaValue } from './compiler.ts';
export type { EvalContext } from './runtime.ts';
export type { PresentedValue } from './present.ts';
export type { FormulaType, FormulaContext, ReturnTypeName } from './types.ts';
export type { FieldInput, SchemaInput } from './test-schema.ts';
export type { FormulaErrorKind } from './errors.ts';

export type EvaluateOptions = CheckOptions & EvalContext;

const cache = new WeakMap<Schema, Map<string, CompiledFormula>>();

/** Parses, checks and compiles (cached per schema and options). */
export function compileFormula(source: string, options: CheckOptions): CompiledFormula {
  let bySchema = cache.get(options.schema);
  if (!bySchema) {
    bySchema = new Map();
    cache.set(options.schema, bySchema);
  }
  const key = JSON.stringify([
    options.object,
    options.context ?? 'any',
    options.returnType ?? '',
    options.blankAsZero ?? false,
    options.scale ?? null,
    source,
  ]);
  let compiled = bySchema.get(key);
  if (!compiled) {
    compiled = compile(check(source, options));
    if (bySchema.size > 10_000) bySchema.clear();
    bySchema.set(key, compiled);
  }
  return compiled;
}

/** Convenience: check + compile (cached) + evaluate once. Returns the value and its Salesforce type. */
export function evaluate(source: string, options: EvaluateOptions): PresentedValue {
  const compiled = compileFormula(source, options);
  return presentValue(compiled(options), compiled.returnType);
}

/** Evaluates and returns the raw value (external representation). */
export function evaluateValue(source: string, options: EvaluateOptions): FormulaValue {
  return compileFormula(source, options)(options);
}
