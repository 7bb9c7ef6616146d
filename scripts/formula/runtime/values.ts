/**
 * Reading record values into the internal representation. Values of the wrong shape are the
 * data's fault, not the formula's: they raise FormulaDataError naming the value.
 */
import * as dec from '../decimal.ts';
import { clip, quote } from '../errors.ts';
import {
  DATE_RANGE,
  MS_PER_DAY,
  isDayInRange,
  isInstantInRange,
  parseDateText,
  parseDateTimeText,
  parseTimeText,
} from '../datetime.ts';

export class FormulaDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormulaDataError';
  }
}

export function str(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  throw new FormulaDataError(`Expected a text value, got ${describe(v)}`);
}

/** ID fields read as their 15-character form, as in Salesforce formulas. */
export function id15(v: unknown): string {
  const s = str(v);
  return s.length === 18 ? s.slice(0, 15) : s;
}

export function bool(v: unknown): boolean {
  if (v === true || v === 'true') return true;
  if (v === false || v === null || v === undefined || v === 'false' || v === '') return false;
  throw new FormulaDataError(`Expected a checkbox value, got ${describe(v)}`);
}

export function num(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : bad('number', v);
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string') {
    const n = dec.parseNumberText(v);
    if (n !== null) return n;
  }
  return bad('number', v);
}

export const num0 = (v: unknown): number => num(v) ?? 0;

export function pct(v: unknown): number | null {
  const n = num(v);
  return n === null ? null : dec.fix(n / 100);
}

export const pct0 = (v: unknown): number => pct(v) ?? 0;

export function date(v: unknown): number | null {
  if (typeof v === 'string') {
    if (v === '') return null;
    const d = parseDateText(v.length > 10 && (v[10] === 'T' || v[10] === ' ') ? v.slice(0, 10) : v);
    return d === null ? bad('date (YYYY-MM-DD)', v) : d;
  }
  if (v === null || v === undefined) return null;
  const days = v instanceof Date ? Math.floor(v.getTime() / MS_PER_DAY) : NaN;
  return isDayInRange(days) ? days : bad(`date (${DATE_RANGE})`, v);
}

export function datetime(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  const ms =
    typeof v === 'string' ? parseDateTimeText(v) : v instanceof Date ? v.getTime() : typeof v === 'number' ? v : null;
  return ms !== null && isInstantInRange(ms) ? ms : bad(`datetime (ISO 8601, ${DATE_RANGE})`, v);
}

export function time(v: unknown): number | null {
  if (typeof v === 'string') {
    if (v === '') return null;
    const t = parseTimeText(v);
    return t === null ? bad('time (HH:MM:SS.mmm)', v) : t;
  }
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' && v >= 0 && v < MS_PER_DAY) return v;
  return bad('time (HH:MM:SS.mmm)', v);
}

function bad(what: string, v: unknown): never {
  throw new FormulaDataError(`Expected a ${what} value, got ${describe(v)}`);
}

/** The offending value, on one line and short: record values can be long. */
function describe(v: unknown): string {
  if (typeof v === 'string') return quote(v);
  if (v instanceof Date) return `Date ${quote(Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString())}`;
  try {
    return `${typeof v} ${clip(JSON.stringify(v) ?? String(v))}`;
  } catch {
    return typeof v;
  }
}
