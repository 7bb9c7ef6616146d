/**
 * Business-hours arithmetic over a calendar (time zone, working days and hours, holidays), the
 * same algorithm as the Apex `LifecycleClock`: walk the calendar's local days from the start,
 * consuming each working day's open window. A day's window is placed with the zone's offset at
 * noon UTC of that date, so daylight-saving changes (which happen at night) move it correctly.
 */
import { zoneOffset } from '../core/time-zone.ts';
import type { BusinessCalendarDef } from '../families/registry.ts';

/** What a job needs from time: adding business hours to an instant (swap in another calendar here). */
export interface BusinessClock {
  readonly timeZone: string;
  /** The instant `hours` business hours after `startMs`. */
  addBusinessHours(startMs: number, hours: number): number;
  /** The local date (`YYYY-MM-DD`) of an instant in the calendar's zone. */
  localDate(ms: number): string;
  /** The instant of a local wall time `HH:MM` on a local date. */
  wallTime(day: string, hhmm: string): number;
}

const HOUR = 3_600_000;
const DAY = 86_400_000;
const QUARTER_HOUR = 900_000;
/** Apex has no loop without a bound either: a calendar with no working day in a year is an error. */
const MAX_DAYS = 400;

/** An instant as `YYYY-MM-DDTHH:MM:SSZ`, the form ledger keys use (Apex: formatGmt). */
export const isoSecond = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}Z`;
export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
export const addDays = (day: string, n: number): string => isoDay(dayMs(day) + n * DAY);
export const daysBetween = (from: string, to: string): number => Math.round((dayMs(to) - dayMs(from)) / DAY);
/** ISO weekday of a date, 1 = Monday. */
export const weekday = (day: string): number => ((new Date(dayMs(day)).getUTCDay() + 6) % 7) + 1;

export function calendarClock(calendar: BusinessCalendarDef): BusinessClock {
  const { timeZone } = calendar;
  const holidays = new Set(calendar.holidays);
  // Offsets change on quarter-hour boundaries at most: remember them per quarter hour (Intl is slow).
  const offsets = new Map<number, number>();
  const offset = (ms: number) => {
    const quarter = Math.floor(ms / QUARTER_HOUR);
    let o = offsets.get(quarter);
    if (o === undefined) offsets.set(quarter, (o = zoneOffset(timeZone, quarter * QUARTER_HOUR)));
    return o;
  };
  const localDate = (ms: number) => isoDay(ms + offset(ms));
  const wallTime = (day: string, hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    return dayMs(day) + h! * HOUR + m! * 60_000 - offset(dayMs(day) + 12 * HOUR);
  };
  const working = (day: string) => calendar.days.includes(weekday(day)) && !holidays.has(day);
  return {
    timeZone,
    localDate,
    wallTime,
    addBusinessHours(startMs, hours) {
      let remaining = Math.round(hours * HOUR);
      let day = localDate(startMs);
      for (let i = 0; i < MAX_DAYS; i++, day = addDays(day, 1)) {
        if (!working(day)) continue;
        const from = Math.max(wallTime(day, calendar.opens), startMs);
        const close = wallTime(day, calendar.closes);
        if (from >= close) continue;
        if (remaining <= close - from) return from + remaining;
        remaining -= close - from;
      }
      throw new Error(`Calendar ${calendar.name} has no working day within ${MAX_DAYS} days of ${localDate(startMs)}`);
    },
  };
}
