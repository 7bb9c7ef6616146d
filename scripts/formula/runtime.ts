/**
 * Run-time helpers the compiled formulas call. Values are in the engine's internal
 * representation (see typed-ast.ts and datetime.ts): numbers are doubles snapped to decimal
 * (decimal.ts), text is a string ("" for blank), checkbox is true/false/null, Date is a day
 * number, DateTime epoch ms, Time ms since midnight, null for blank.
 *
 * Helpers that can fail take a `site` argument: the compiled formula's error callback for the
 * position of the call, so run-time errors (Salesforce's #Error!) point into the formula.
 */
import * as dec from './decimal.ts';
import {
  MS_PER_DAY,
  addMonthsToDays,
  civilFromDays,
  dateOf,
  daysFromCivil,
  formatDate,
  formatDateTime,
  formatTime,
  localDays,
  parseDateText,
  parseDateTimeText,
  parseTimeText,
  textOfDateTime,
  isValidTimeZone,
} from './datetime.ts';
import { javaRegex } from './regex.ts';

/** Throws a positioned runtime FormulaError (built by the compiler for one call site). */
export type Fail = (message: string) => never;

/** What a formula evaluates against. Records are plain objects keyed by API name. */
export interface EvalContext {
  /** The record; relationship values nest under the relationship name: `{Account: {Name: 'Acme'}}`. */
  readonly record?: Readonly<Record<string, unknown>> | null;
  /** The record before the change (ISCHANGED / PRIORVALUE / ISNEW). Absent = the record is being created. */
  readonly prior?: Readonly<Record<string, unknown>> | null;
  /** `$User` (and `$User.Profile`, `$User.UserRole` when nested). */
  readonly user?: Readonly<Record<string, unknown>> | null;
  /** `$Profile`; defaults to `user.Profile`. */
  readonly profile?: Readonly<Record<string, unknown>> | null;
  /** `$UserRole`; defaults to `user.UserRole`. */
  readonly userRole?: Readonly<Record<string, unknown>> | null;
  /** `$RecordType`; defaults to `record.RecordType`. */
  readonly recordType?: Readonly<Record<string, unknown>> | null;
  /** `$Organization`. */
  readonly organization?: Readonly<Record<string, unknown>> | null;
  /** Custom permissions the running user has (`$Permission.X`); names are case-insensitive. */
  readonly permissions?: ReadonlySet<string> | readonly string[] | null;
  /** The current instant for TODAY / NOW / TIMENOW. Required by formulas that use them. */
  readonly now?: Date | string | number | null;
  /** IANA time zone for TODAY and DATEVALUE(datetime); defaults to `user.TimeZoneSidKey`, then UTC. */
  readonly timeZone?: string | null;
  /** Overrides "new record" (default: no `prior`). */
  readonly isNew?: boolean | null;
  readonly isClone?: boolean | null;
  /** `$CustomMetadata` values overriding the schema's: `{Type__mdt: {Record: {Field__c: value}}}`. */
  readonly customMetadata?: Readonly<
    Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>
  > | null;
}

export class FormulaDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormulaDataError';
  }
}

// ------------------------------------------------------------------ reading record values

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
  if (v instanceof Date) return Math.floor(v.getTime() / MS_PER_DAY);
  return bad('date (YYYY-MM-DD)', v);
}

export function datetime(v: unknown): number | null {
  if (typeof v === 'string') {
    if (v === '') return null;
    const ms = parseDateTimeText(v);
    return ms === null ? bad('datetime (ISO 8601)', v) : ms;
  }
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  return bad('datetime (ISO 8601)', v);
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

function describe(v: unknown): string {
  try {
    return typeof v === 'string' ? JSON.stringify(v) : `${typeof v} ${JSON.stringify(v)}`;
  } catch {
    return typeof v;
  }
}

// ------------------------------------------------------------------ globals

const permissionSets = new WeakMap<object, Set<string>>();

export function hasPermission(ctx: EvalContext, lowerName: string): boolean {
  const p = ctx.permissions;
  if (!p) return false;
  let set = permissionSets.get(p);
  if (!set) {
    set = new Set([...p].map((x) => String(x).toLowerCase()));
    permissionSets.set(p, set);
  }
  return set.has(lowerName);
}

export function customMetadata(ctx: EvalContext, type: string, record: string, field: string): unknown {
  const byType = ctx.customMetadata?.[type];
  const rec = byType?.[record];
  return rec && Object.hasOwn(rec, field) ? rec[field] : undefined;
}

export const profileOf = (ctx: EvalContext): unknown =>
  ctx.profile ?? (ctx.user as Record<string, unknown> | null | undefined)?.Profile;
export const userRoleOf = (ctx: EvalContext): unknown =>
  ctx.userRole ?? (ctx.user as Record<string, unknown> | null | undefined)?.UserRole;
export const recordTypeOf = (ctx: EvalContext): unknown =>
  ctx.recordType ?? (ctx.record as Record<string, unknown> | null | undefined)?.RecordType;

// ------------------------------------------------------------------ clock

let lastNow: unknown;
let lastZone: string | undefined;
let lastNowMs = 0;
let lastToday = 0;

function zoneOf(ctx: EvalContext): string {
  const tz = ctx.timeZone ?? (ctx.user?.TimeZoneSidKey as string | undefined) ?? 'UTC';
  return tz;
}

function refreshClock(ctx: EvalContext, fail: Fail): void {
  const now = ctx.now;
  const tz = zoneOf(ctx);
  if (now === lastNow && tz === lastZone && now !== undefined) return;
  if (now === undefined || now === null) {
    fail('TODAY(), NOW() and TIMENOW() need the current time: pass `now` in the evaluation context');
  }
  const ms = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : parseDateTimeText(String(now));
  if (ms === null || !Number.isFinite(ms)) fail(`Invalid 'now' value: ${String(now)}`);
  if (!isValidTimeZone(tz)) fail(`Unknown time zone '${tz}'`);
  lastNowMs = ms;
  lastToday = localDays(ms, tz);
  lastNow = now;
  lastZone = tz;
}

export function today(ctx: EvalContext, fail: Fail): number {
  refreshClock(ctx, fail);
  return lastToday;
}

export function now(ctx: EvalContext, fail: Fail): number {
  refreshClock(ctx, fail);
  return lastNowMs;
}

export function timeNow(ctx: EvalContext, fail: Fail): number {
  refreshClock(ctx, fail);
  return ((lastNowMs % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
}

// ------------------------------------------------------------------ logical

export function isNumber(s: string): boolean {
  return dec.parseNumberText(s) !== null;
}

// ------------------------------------------------------------------ text

export function value(s: string, fail: Fail): number | null {
  if (s === '') return null;
  const n = dec.parseNumberText(s);
  return n === null ? fail(`VALUE(): "${s}" is not a number`) : n;
}

export function textOfNumber(n: number | null): string {
  return n === null ? '' : dec.textOfNumber(n);
}

export const textOfDate = (d: number | null): string => (d === null ? '' : formatDate(d));
export const textOfDateTimeValue = (ms: number | null): string => (ms === null ? '' : textOfDateTime(ms));
export const textOfTime = (t: number | null): string => (t === null ? '' : formatTime(t));

export function left(s: string, n: number | null): string {
  if (n === null || n <= 0) return '';
  return s.slice(0, Math.floor(n));
}

export function right(s: string, n: number | null): string {
  if (n === null || n <= 0 || !Number.isInteger(n)) return '';
  return n >= s.length ? s : s.slice(s.length - n);
}

export function mid(s: string, start: number | null, n: number | null): string {
  if (start === null || n === null) return '';
  const from = start <= 0 ? 0 : Math.floor(start) - 1;
  const len = n < 0 ? 0 : Math.floor(n);
  return s.slice(from, from + len);
}

export function find(search: string, s: string, start: number | null): number {
  if (search === '' || s === '') return 0;
  if (start !== null && start <= 0) return 0;
  const from = start === null ? 0 : Math.floor(start) - 1;
  return s.indexOf(search, from) + 1;
}

export function pad(s: string, n: number | null, padding: string, leftSide: boolean): string {
  // A blank text (or a blank pad string) gives a blank result, like the other text functions.
  if (n === null || n <= 0 || s === '' || padding === '') return '';
  const len = Math.floor(n);
  if (s.length >= len) return s.slice(0, len);
  let fill = '';
  const need = len - s.length;
  while (fill.length < need) fill += padding;
  fill = fill.slice(0, need);
  return leftSide ? fill + s : s + fill;
}

export function substitute(s: string, find: string, repl: string): string {
  if (s === '' || find === '') return s;
  return s.split(find).join(repl);
}

/** TRIM removes leading and trailing spaces (and other whitespace, as Java's trim does: ≤ U+0020). */
export function trim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 32) a++;
  while (b > a && s.charCodeAt(b - 1) <= 32) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

export function includes(multi: string, v: string): boolean {
  if (multi === '' || v === '') return false;
  if (multi === v) return true;
  return multi.split(';').includes(v);
}

export function picklistCount(multi: string): number {
  return multi === '' ? 0 : multi.split(';').length;
}

export function regex(s: string, pattern: string, fail: Fail): boolean {
  let re: RegExp;
  try {
    re = javaRegex(pattern);
  } catch (e) {
    return fail(`Invalid regular expression in REGEX(): ${(e as Error).message}`);
  }
  return re.test(s);
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

export function caseSafeId(s: string): string {
  if (s.length !== 15) return s;
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = s.charCodeAt(block * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += ID_CHARS[bits];
  }
  return s + suffix;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#039;');

export function hyperlink(url: string, label: string, target: string | null): string {
  const t = target === null ? '_blank' : target;
  return `<a href="${url || ' '}" target="${escapeHtml(t)}">${escapeHtml(label || ' ')}</a>`;
}

export function image(
  url: string,
  alt: string,
  height: number | null | undefined,
  width: number | null | undefined,
): string {
  const styles: string[] = [];
  if (height !== undefined) styles.push(`height:${cssNumber(height ?? 0)}px;`);
  if (width !== undefined) styles.push(`width:${cssNumber(width ?? 0)}px;`);
  return `<img src="${url || ' '}" alt="${escapeHtml(alt || ' ')}"${styles.length ? ` style="${styles.join(' ')}"` : ''} border="0"/>`;
}

const cssNumber = (n: number): string => String(n).replace(/^(-)?0\./, '$1.');

export function ascii(s: string): number | null {
  return s === '' ? null : (s.codePointAt(0) as number);
}

export function chr(n: number | null, fail: Fail): string {
  if (n === null) return '';
  if (!Number.isInteger(n) || n < 0 || n > 0x10ffff) return fail(`CHR(): ${n} is not a valid character code`);
  return String.fromCodePoint(n);
}

export function initcap(s: string): string {
  return s
    .toLowerCase()
    .replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

export const reverse = (s: string): string => Array.from(s).reverse().join('');

// ------------------------------------------------------------------ math

export function divide(a: number, b: number, fail: Fail): number {
  if (b === 0) return fail('Division by zero');
  return dec.div(a, b);
}

export function modulo(a: number, b: number, fail: Fail): number {
  if (b === 0) return fail('MOD(): division by zero');
  return dec.mod(a, b);
}

export function power(a: number, b: number, fail: Fail): number {
  const r = dec.pow(a, b);
  if (!Number.isFinite(r)) fail(`${a} ^ ${b} is out of range`);
  return r;
}

export function sqrt(n: number, fail: Fail): number {
  if (n < 0) return fail('SQRT() of a negative number');
  return dec.fix(Math.sqrt(n));
}

export function ln(n: number, fail: Fail): number {
  if (n <= 0) return fail('LN() of a number that is not positive');
  return dec.fix(Math.log(n));
}

export function log10(n: number, fail: Fail): number {
  if (n <= 0) return fail('LOG() of a number that is not positive');
  return dec.fix(Math.log10(n));
}

export function exp(n: number, fail: Fail): number {
  const r = Math.exp(n);
  if (!Number.isFinite(r)) fail(`EXP(${n}) is out of range`);
  return dec.fix(r);
}

// ------------------------------------------------------------------ dates

export function makeDate(y: number, m: number, d: number, fail: Fail): number {
  const r = dateOf(Math.trunc(y), Math.trunc(m), Math.trunc(d));
  return r === null ? fail(`DATE(${y}, ${m}, ${d}) is not a valid date`) : r;
}

export function dateValueOfText(s: string, fail: Fail): number | null {
  if (s === '') return null;
  const t = s.trim();
  const d = parseDateText(t.length > 10 && (t[10] === ' ' || t[10] === 'T') ? t.slice(0, 10) : t);
  return d === null ? fail(`DATEVALUE(): "${s}" is not a date (YYYY-MM-DD)`) : d;
}

export function dateValueOfDateTime(ms: number, ctx: EvalContext, fail: Fail): number {
  const tz = zoneOf(ctx);
  if (tz === 'UTC' || tz === 'GMT') return Math.floor(ms / MS_PER_DAY);
  if (!isValidTimeZone(tz)) fail(`Unknown time zone '${tz}'`);
  return localDays(ms, tz);
}

export function dateTimeValueOfText(s: string, fail: Fail): number | null {
  if (s === '') return null;
  const ms = parseDateTimeText(s.trim());
  return ms === null ? fail(`DATETIMEVALUE(): "${s}" is not a date/time (YYYY-MM-DD HH:MM:SS)`) : ms;
}

export function timeValueOfText(s: string, fail: Fail): number | null {
  if (s === '') return null;
  const t = parseTimeText(s.trim());
  if (t !== null) return t;
  const ms = parseDateTimeText(s.trim());
  if (ms !== null) return timeOfDateTime(ms);
  return fail(`TIMEVALUE(): "${s}" is not a time (HH:MM:SS.MS)`);
}

export const timeOfDateTime = (ms: number): number => ((ms % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;

export const year = (d: number): number => Math.floor(civilFromDays(d) / 10000);
export const month = (d: number): number => Math.floor(civilFromDays(d) / 100) % 100;
export const day = (d: number): number => civilFromDays(d) % 100;
/** WEEKDAY: 1 = Sunday … 7 = Saturday. 1970-01-01 was a Thursday. */
export const weekday = (d: number): number => ((((d + 4) % 7) + 7) % 7) + 1;
export const dayOfYear = (d: number): number => d - daysFromCivil(year(d), 1, 1) + 1;

/** ISO 8601 week-numbering year and week. */
function isoWeekParts(d: number): number {
  const wd = ((((d + 3) % 7) + 7) % 7) + 1; // Monday = 1 … Sunday = 7
  const thursday = d - wd + 4;
  const y = year(thursday);
  const week = Math.floor((thursday - daysFromCivil(y, 1, 1)) / 7) + 1;
  return y * 100 + week;
}
export const isoWeek = (d: number): number => isoWeekParts(d) % 100;
export const isoYear = (d: number): number => Math.floor(isoWeekParts(d) / 100);

export const addDays = (d: number, n: number): number => d + Math.trunc(n);
export const addDateTime = (ms: number, days: number): number => ms + Math.round(days * MS_PER_DAY);
export const addTime = (t: number, n: number): number => (((t + Math.trunc(n)) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
export const diffDateTime = (a: number, b: number): number => dec.fix((a - b) / MS_PER_DAY);

export function addMonths(d: number, n: number): number {
  return addMonthsToDays(d, Math.trunc(n));
}

export function addMonthsDateTime(ms: number, n: number): number {
  const days = Math.floor(ms / MS_PER_DAY);
  return addMonthsToDays(days, Math.trunc(n)) * MS_PER_DAY + (ms - days * MS_PER_DAY);
}

export const hour = (t: number): number => Math.floor(t / 3_600_000);
export const minute = (t: number): number => Math.floor(t / 60_000) % 60;
export const second = (t: number): number => Math.floor(t / 1000) % 60;
export const millisecond = (t: number): number => t % 1000;

// ------------------------------------------------------------------ results

export const outDate = (d: number | null): string | null => (d === null ? null : formatDate(d));
export const outDateTime = (ms: number | null): string | null => (ms === null ? null : formatDateTime(ms));
export const outTime = (t: number | null): string | null => (t === null ? null : `${formatTime(t)}Z`);
export const outText = (s: string): string | null => (s === '' ? null : s);

export function outPercent(n: number | null, scale: number | undefined): number | null {
  if (n === null) return null;
  const v = dec.fix(n * 100);
  return scale === undefined ? v : dec.round(v, scale);
}

export function outNumber(n: number | null, scale: number | undefined): number | null {
  if (n === null) return null;
  if (!Number.isFinite(n)) throw new FormulaDataError(`The result ${n} is out of range`);
  const v = scale === undefined ? n : dec.round(n, scale);
  return v === 0 ? 0 : v;
}

export const fix = dec.fix;
export const add = dec.add;
export const sub = dec.sub;
export const mul = dec.mul;
export const round = dec.round;
export const trunc = dec.trunc;
export const ceilingAway = dec.ceilingAway;
export const floorToward = dec.floorToward;
export const mceiling = dec.mceiling;
export const mfloor = dec.mfloor;
