/**
 * Run-time helpers the compiled formulas call. Values are in the engine's internal
 * representation (see typed-ast.ts and datetime.ts): numbers are doubles snapped to decimal
 * (decimal.ts), text is a string ("" for blank), checkbox is true/false/null, Date is a day
 * number, DateTime epoch ms, Time ms since midnight, null for blank.
 *
 * Helpers that can fail take a `site` argument: the compiled formula's error callback for the
 * position of the call, so run-time errors (Salesforce's #Error!) point into the formula.
 */
export type { EvalContext, Fail } from './runtime/context.ts';
export * from './runtime/values.ts';
export * from './runtime/globals.ts';
export * from './runtime/clock.ts';
export * from './runtime/text.ts';
export * from './runtime/math.ts';
export * from './runtime/dates.ts';
export * from './runtime/results.ts';
