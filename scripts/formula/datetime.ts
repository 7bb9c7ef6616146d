/**
 * Dates and times in the engine's internal representation:
 *   Date     = whole days since 1970-01-01 (UTC calendar), an integer
 *   DateTime = milliseconds since the epoch (UTC)
 *   Time     = milliseconds since midnight, 0 ≤ t < 86 400 000
 * Parsing is hand-written (no Date.parse ambiguity about local time; a datetime without a zone is UTC).
 */
export const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a proleptic Gregorian y-m-d (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number, packed as y*10000 + m*100 + d (no allocation). */
export function civilFromDays(z: number): number {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 10000 + m * 100 + d;
}

export const yearOf = (days: number): number => Math.floor(civilFromDays(days) / 10000);
export const monthOf = (days: number): number => Math.floor(civilFromDays(days) / 100) % 100;
export const dayOf = (days: number): number => civilFromDays(days) % 100;

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Salesforce dates have four-digit years (DATE takes "a four-digit year"; TEXT returns
 * "YYYY-MM-DD, that is, a four-digit year"), so a formula's dates run from 0001-01-01 to
 * 9999-12-31; a date or date/time computed outside that range is an error, never a silent value.
 */
export const FIRST_DAY = daysFromCivil(1, 1, 1);
export const LAST_DAY = daysFromCivil(9999, 12, 31);
export const FIRST_INSTANT = FIRST_DAY * MS_PER_DAY;
export const LAST_INSTANT = (LAST_DAY + 1) * MS_PER_DAY - 1;
export const DATE_RANGE = '0001-01-01 to 9999-12-31';

export const isDayInRange = (days: number): boolean => days >= FIRST_DAY && days <= LAST_DAY;
export const isInstantInRange = (ms: number): boolean => ms >= FIRST_INSTANT && ms <= LAST_INSTANT;

/** A valid y-m-d as a day number, or null. */
export function dateOf(y: number, m: number, d: number): number | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return daysFromCivil(y, m, d);
}

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
};
const num2 = (s: string, i: number): number => digit(s, i) * 10 + digit(s, i + 1);
const num4 = (s: string, i: number): number => num2(s, i) * 100 + num2(s, i + 2);

/** 'YYYY-MM-DD' → day number, or null when not a valid date. */
export function parseDateText(s: string): number | null {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const y = num4(s, 0);
  const m = num2(s, 5);
  const d = num2(s, 8);
  if (y !== y || m !== m || d !== d) return null;
  return dateOf(y, m, d);
}

const DATETIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * 'YYYY-MM-DD HH:MM:SS', ISO 8601 ('…T…', optional fraction, 'Z' or ±hh:mm offset; no zone = UTC),
 * or a bare date (midnight UTC) → epoch ms, or null.
 */
export function parseDateTimeText(s: string): number | null {
  const m = DATETIME_RE.exec(s);
  if (!m) return null;
  const day = dateOf(Number(m[1]), Number(m[2]), Number(m[3]));
  if (day === null) return null;
  const hh = m[4] === undefined ? 0 : Number(m[4]);
  const mi = m[5] === undefined ? 0 : Number(m[5]);
  const ss = m[6] === undefined ? 0 : Number(m[6]);
  if (hh > 23 || mi > 59 || ss > 59) return null;
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000 + 1e-9);
  let offset = 0;
  const z = m[8];
  if (z !== undefined && z !== 'Z') {
    const sign = z[0] === '-' ? -1 : 1;
    const digits = z.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 23 || om > 59) return null;
    offset = sign * (oh * 60 + om) * 60_000;
  }
  return day * MS_PER_DAY + ((hh * 60 + mi) * 60 + ss) * 1000 + ms - offset;
}

const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?Z?$/;

/** 'HH:MM[:SS[.mmm]][Z]' → ms since midnight, or null. */
export function parseTimeText(s: string): number | null {
  const m = TIME_RE.exec(s);
  if (!m) return null;
  const hh = Number(m[1]);
  const mi = Number(m[2]);
  const ss = m[3] === undefined ? 0 : Number(m[3]);
  if (hh > 23 || mi > 59 || ss > 59) return null;
  const ms = m[4] === undefined ? 0 : Number(m[4].padEnd(3, '0'));
  return ((hh * 60 + mi) * 60 + ss) * 1000 + ms;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);
const pad4 = (n: number): string => (n < 10 ? `000${n}` : n < 100 ? `00${n}` : n < 1000 ? `0${n}` : `${n}`);

export function formatDate(days: number): string {
  const c = civilFromDays(days);
  return `${pad4(Math.floor(c / 10000))}-${pad2(Math.floor(c / 100) % 100)}-${pad2(c % 100)}`;
}

/** ISO 8601 UTC with milliseconds: 2024-05-01T13:45:00.000Z */
export function formatDateTime(ms: number): string {
  const days = Math.floor(ms / MS_PER_DAY);
  const t = ms - days * MS_PER_DAY;
  return `${formatDate(days)}T${formatTime(t)}Z`;
}

/** HH:mm:ss.SSS */
export function formatTime(t: number): string {
  const ms = t % 1000;
  const s = Math.floor(t / 1000);
  return `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}.${pad3(ms)}`;
}

/** TEXT(datetime): 'YYYY-MM-DD HH:MM:SSZ' in GMT, as Salesforce prints it. */
export function textOfDateTime(ms: number): string {
  const days = Math.floor(ms / MS_PER_DAY);
  const t = Math.floor((ms - days * MS_PER_DAY) / 1000);
  return `${formatDate(days)} ${pad2(Math.floor(t / 3600))}:${pad2(Math.floor(t / 60) % 60)}:${pad2(t % 60)}Z`;
}

/** Add months, clamping to the month's last day; a month-end date stays at month end (Salesforce ADDMONTHS). */
export function addMonthsToDays(days: number, months: number): number {
  const c = civilFromDays(days);
  const y = Math.floor(c / 10000);
  const m = Math.floor(c / 100) % 100;
  const d = c % 100;
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const dim = daysInMonth(ny, nm);
  const nd = d === daysInMonth(y, m) ? dim : Math.min(d, dim);
  return daysFromCivil(ny, nm, nd);
}

// ------------------------------------------------------------------ time zones

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();
const QUARTER_HOUR = 900_000;

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      era: 'short', // years before 1 AD read as "1 BC": the era tells them apart
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Whether `tz` is an IANA time zone name this runtime knows. */
export function isValidTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** Offset of `tz` from UTC at instant `ms`, in ms (positive east of Greenwich). */
export function zoneOffset(ms: number, tz: string): number {
  if (tz === 'UTC' || tz === 'GMT' || tz === 'Etc/UTC') return 0;
  const bucket = Math.floor(ms / QUARTER_HOUR);
  const key = `${tz}|${bucket}`;
  const hit = offsetCache.get(key);
  if (hit !== undefined) return hit;
  const at = bucket * QUARTER_HOUR;
  let y = 0,
    bc = false,
    mo = 0,
    d = 0,
    h = 0,
    mi = 0,
    s = 0;
  for (const p of formatter(tz).formatToParts(new Date(at))) {
    switch (p.type) {
      case 'year':
        y = Number(p.value);
        break;
      case 'month':
        mo = Number(p.value);
        break;
      case 'day':
        d = Number(p.value);
        break;
      case 'hour':
        h = Number(p.value);
        break;
      case 'minute':
        mi = Number(p.value);
        break;
      case 'second':
        s = Number(p.value);
        break;
      case 'era':
        bc = p.value === 'BC';
        break;
      default:
        break;
    }
  }
  const local = daysFromCivil(bc ? 1 - y : y, mo, d) * MS_PER_DAY + ((h * 60 + mi) * 60 + s) * 1000;
  const offset = local - at;
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/** The calendar date (day number) of instant `ms` in time zone `tz`. */
export function localDays(ms: number, tz: string): number {
  return Math.floor((ms + zoneOffset(ms, tz)) / MS_PER_DAY);
}
