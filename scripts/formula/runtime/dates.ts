/** Date, date/time and time helpers on day numbers, epoch milliseconds and milliseconds since midnight. */
import * as dec from '../decimal.ts';
import {
  DATE_RANGE,
  FIRST_DAY,
  FIRST_INSTANT,
  MS_PER_DAY,
  addMonthsToDays,
  isDayInRange,
  isInstantInRange,
  civilFromDays,
  dateOf,
  daysFromCivil,
  isValidTimeZone,
  localDays,
  parseDateText,
  parseDateTimeText,
  parseTimeText,
} from '../datetime.ts';
import { zoneOf } from './clock.ts';
import type { EvalContext, Fail } from './context.ts';
import { quote } from '../errors.ts';

export function makeDate(y: number, m: number, d: number, fail: Fail): number {
  const r = dateOf(Math.trunc(y), Math.trunc(m), Math.trunc(d));
  return r === null ? fail(`DATE(${y}, ${m}, ${d}) is not a valid date`) : r;
}

export function dateValueOfText(s: string, fail: Fail): number | null {
  if (s === '') return null;
  const t = s.trim();
  const d = parseDateText(t.length > 10 && (t[10] === ' ' || t[10] === 'T') ? t.slice(0, 10) : t);
  return d === null ? fail(`DATEVALUE(): ${quote(s)} is not a date (YYYY-MM-DD)`) : d;
}

export function dateValueOfDateTime(ms: number, ctx: EvalContext, fail: Fail): number {
  const tz = zoneOf(ctx);
  if (tz === 'UTC' || tz === 'GMT') return Math.floor(ms / MS_PER_DAY);
  if (!isValidTimeZone(tz)) fail(`Unknown time zone ${quote(tz)}`);
  // In the time zone, the first and last instants can fall on a day outside the range.
  return inRange(localDays(ms, tz), 'DATEVALUE()', fail);
}

export function dateTimeValueOfText(s: string, fail: Fail): number | null {
  if (s === '') return null;
  const ms = parseDateTimeText(s.trim());
  return ms === null ? fail(`DATETIMEVALUE(): ${quote(s)} is not a date/time (YYYY-MM-DD HH:MM:SS)`) : ms;
}

export function timeValueOfText(s: string, fail: Fail): number | null {
  if (s === '') return null;
  const t = parseTimeText(s.trim());
  if (t !== null) return t;
  const ms = parseDateTimeText(s.trim());
  if (ms !== null) return timeOfDateTime(ms);
  return fail(`TIMEVALUE(): ${quote(s)} is not a time (HH:MM:SS.MS)`);
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

/** A computed date, or an error when it falls outside the dates Salesforce has. */
function inRange(days: number, what: string, fail: Fail): number {
  if (isDayInRange(days)) return days;
  return fail(`${what} gives a date ${days < FIRST_DAY ? 'before' : 'after'} the dates Salesforce has (${DATE_RANGE})`);
}

function instantInRange(ms: number, what: string, fail: Fail): number {
  if (isInstantInRange(ms)) return ms;
  return fail(
    `${what} gives a date/time ${ms < FIRST_INSTANT ? 'before' : 'after'} the dates Salesforce has (${DATE_RANGE})`,
  );
}

export const addDays = (d: number, n: number, fail: Fail): number =>
  inRange(d + Math.trunc(n), 'The date arithmetic', fail);
export const addDateTime = (ms: number, days: number, fail: Fail): number =>
  instantInRange(ms + Math.round(days * MS_PER_DAY), 'The date/time arithmetic', fail);
export const addTime = (t: number, n: number): number => (((t + Math.trunc(n)) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
export const diffDateTime = (a: number, b: number): number => dec.fix((a - b) / MS_PER_DAY);

/** ADDMONTHS; months beyond any representable date are cut short before the calendar arithmetic. */
export function addMonths(d: number, n: number, fail: Fail): number {
  const months = Math.max(-200_000, Math.min(200_000, Math.trunc(n)));
  return inRange(addMonthsToDays(d, months), 'ADDMONTHS()', fail);
}

export function addMonthsDateTime(ms: number, n: number, fail: Fail): number {
  const days = Math.floor(ms / MS_PER_DAY);
  return addMonths(days, n, fail) * MS_PER_DAY + (ms - days * MS_PER_DAY);
}

/** FROMUNIXTIME: seconds since 1970-01-01T00:00:00Z. */
export const fromUnixTime = (seconds: number, fail: Fail): number =>
  instantInRange(Math.round(seconds * 1000), 'FROMUNIXTIME()', fail);

export const hour = (t: number): number => Math.floor(t / 3_600_000);
export const minute = (t: number): number => Math.floor(t / 60_000) % 60;
export const second = (t: number): number => Math.floor(t / 1000) % 60;
export const millisecond = (t: number): number => t % 1000;
