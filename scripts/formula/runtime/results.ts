/** The formula's value converted to the external representation of its return type. */
import * as dec from '../decimal.ts';
import { formatDate, formatDateTime, formatTime } from '../datetime.ts';
import type { Fail } from './context.ts';

export const outDate = (d: number | null): string | null => (d === null ? null : formatDate(d));
export const outDateTime = (ms: number | null): string | null => (ms === null ? null : formatDateTime(ms));
export const outTime = (t: number | null): string | null => (t === null ? null : `${formatTime(t)}Z`);
export const outText = (s: string): string | null => (s === '' ? null : s);

export function outPercent(n: number | null, scale: number | undefined, fail: Fail): number | null {
  if (n === null) return null;
  const v = dec.fix(n * 100);
  if (!Number.isFinite(v)) return fail(`The result ${n} is out of range`);
  return scale === undefined ? v : dec.round(v, scale);
}

/** A number result; an overflow (Infinity) is an error of the whole formula, as #Error! is in Salesforce. */
export function outNumber(n: number | null, scale: number | undefined, fail: Fail): number | null {
  if (n === null) return null;
  if (!Number.isFinite(n)) return fail(`The result ${n} is out of range`);
  const v = scale === undefined ? n : dec.round(n, scale);
  return v === 0 ? 0 : v;
}
