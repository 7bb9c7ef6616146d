import type { FormulaValue } from './compiler.ts';
import type { FormulaType } from './types.ts';

/** What the CLI prints for a result: `{"value": …, "type": "…"}`. */
export interface PresentedValue {
  readonly value: boolean | number | string | null;
  readonly type: string;
}

/**
 * Presents a compiled formula's result as the CLI prints it. The compiled function already returns
 * the external representation (dates 'YYYY-MM-DD', datetimes ISO 8601 UTC, times 'HH:MM:SS.mmmZ',
 * numbers as JSON numbers, percents as the API value, blank as null); this pairs it with the
 * Salesforce type name and normalises -0 and blank text.
 */
export function presentValue(value: FormulaValue, type: FormulaType): PresentedValue {
  let v: boolean | number | string | null = value;
  if (typeof v === 'number' && Object.is(v, -0)) v = 0;
  if (v === '') v = null;
  if (type === 'Checkbox') v = v === true;
  return { value: v, type: type === 'Null' ? 'Text' : type };
}

/** One JSON line for the CLI. */
export function presentJson(value: FormulaValue, type: FormulaType): string {
  return JSON.stringify(presentValue(value, type));
}
