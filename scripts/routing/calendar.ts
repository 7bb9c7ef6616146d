/**
 * Business calendars: a time zone, working windows per weekday and holidays, with the two
 * questions routing asks of them — is it working time now, and when is a deadline N business
 * minutes from now — and the local day and week that caps count in. RoutingCalendar.cls is the
 * Apex twin and follows the same steps: local time is UTC plus the zone's offset at that
 * instant (the IANA database in both: Intl here, TimeZone.getOffset in Apex), and a local wall
 * time becomes an instant by the same two-step offset lookup, so that both sides land on the
 * same instant on days when the clocks change.
 */
import { isTimeZone, zoneOffset } from '../core/time-zone.ts';
import type { CalendarRecord, HolidayRecord } from './records.ts';

export { isTimeZone, zoneOffset };

export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Monday first, as the records' fields. */
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** `[start, end)` minutes of a local day. */
export type Window = readonly [number, number];

/** The instant of a local wall time (ms as if UTC): the offset looked up at the guess, then at the result. */
export function localToInstant(timeZone: string, localMs: number): number {
  const guess = localMs - zoneOffset(timeZone, localMs);
  return localMs - zoneOffset(timeZone, guess);
}

const dayKeys = new Map<number, string>();
/** `YYYY-MM-DD` of an epoch day (memoised: routing asks for the same few days millions of times). */
export function dayKey(epochDay: number): string {
  let key = dayKeys.get(epochDay);
  if (key === undefined) {
    key = new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
    if (dayKeys.size > 100_000) dayKeys.clear();
    dayKeys.set(epochDay, key);
  }
  return key;
}

/** `09:00-12:00,13:00-17:00` → [[540, 720], [780, 1020]]; throws on anything else. */
export function parseWindows(text: string | null | undefined): Window[] {
  if (!text || !text.trim()) return [];
  return text.split(',').map((part) => {
    const m = /^\s*(\d{2}):(\d{2})-(\d{2}):(\d{2})\s*$/.exec(part);
    if (!m) throw new Error(`working hours "${part.trim()}": expected HH:MM-HH:MM`);
    const start = Number(m[1]) * 60 + Number(m[2]);
    const end = Number(m[3]) * 60 + Number(m[4]);
    if (Number(m[2]) > 59 || Number(m[4]) > 59 || start >= end || end > 1440)
      throw new Error(`working hours "${part.trim()}": the start must come before the end, within the day`);
    return [start, end] as const;
  });
}

export class BusinessCalendar {
  readonly name: string;
  readonly timeZone: string;
  /** Windows per weekday, Monday = 0. */
  readonly week: readonly (readonly Window[])[];
  readonly holidays: ReadonlySet<string>;

  constructor(name: string, timeZone: string, week: readonly (readonly Window[])[], holidays: Iterable<string> = []) {
    this.name = name;
    this.timeZone = timeZone;
    this.week = week;
    this.holidays = new Set(holidays);
  }

  static fromRecords(record: CalendarRecord, holidays: readonly HolidayRecord[]): BusinessCalendar {
    const week = WEEKDAYS.map((d) => parseWindows(record[`${d}__c`]));
    const days = holidays.filter((h) => h.Calendar__c === record.DeveloperName).map((h) => h.Date__c);
    return new BusinessCalendar(record.DeveloperName, record.Time_Zone__c, week, days);
  }

  /** The local epoch day of an instant. */
  localDay(instantMs: number): number {
    return Math.floor((instantMs + zoneOffset(this.timeZone, instantMs)) / DAY_MS);
  }

  /** Monday = 0 (epoch day 0, 1970-01-01, was a Thursday). */
  static weekday(epochDay: number): number {
    return (((epochDay + 3) % 7) + 7) % 7;
  }

  /** `YYYY-MM-DD` of the local day: what daily caps count in. */
  dayKeyAt(instantMs: number): string {
    return dayKey(this.localDay(instantMs));
  }

  /** `YYYY-MM-DD` of the Monday of the local week: what weekly caps count in. */
  weekKeyAt(instantMs: number): string {
    const day = this.localDay(instantMs);
    return dayKey(day - BusinessCalendar.weekday(day));
  }

  /** The working windows of a local day as instants, in order. */
  windowsOn(epochDay: number): [number, number][] {
    if (this.holidays.has(dayKey(epochDay))) return [];
    const midnight = epochDay * DAY_MS;
    return this.week[BusinessCalendar.weekday(epochDay)]!.map(([s, e]) => [
      localToInstant(this.timeZone, midnight + s * MINUTE_MS),
      localToInstant(this.timeZone, midnight + e * MINUTE_MS),
    ]);
  }

  isWorking(instantMs: number): boolean {
    return this.windowsOn(this.localDay(instantMs)).some(([s, e]) => s <= instantMs && instantMs < e);
  }

  /**
   * The instant `minutes` business minutes after `startMs` (the first working instant at or
   * after it for 0), or null when the calendar has no working time in the next 400 days.
   */
  addBusinessMinutes(startMs: number, minutes: number): number | null {
    let remaining = minutes * MINUTE_MS;
    const first = this.localDay(startMs);
    for (let day = first; day <= first + 400; day++) {
      for (const [s, e] of this.windowsOn(day)) {
        if (e <= startMs) continue;
        const from = Math.max(s, startMs);
        if (e - from >= remaining) return from + remaining;
        remaining -= e - from;
      }
    }
    return null;
  }
}
