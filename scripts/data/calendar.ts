/**
 * Dates as day numbers (days since 1970-01-01, UTC), so that generating a million records does
 * date arithmetic on integers. A dataset is generated relative to its anchor date ("today"),
 * never to the clock, so the same seed gives the same dataset tomorrow.
 */
export type Day = number;

export const MS_PER_DAY = 86_400_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` → day number; undefined unless it is a real calendar date. */
export function parseDay(text: string): Day | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const day = ms / MS_PER_DAY;
  return formatDay(day) === text ? day : undefined;
}

const formatted = new Map<Day, string>();

export function formatDay(day: Day): string {
  let text = formatted.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (formatted.size < 20_000) formatted.set(day, text);
  }
  return text;
}

/** ISO 8601 UTC with milliseconds, as Salesforce returns datetimes. */
export const formatDateTime = (ms: number): string => new Date(Math.round(ms)).toISOString();

function parts(day: Day): { year: number; month: number; date: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), date: d.getUTCDate() };
}

/** Salesforce's ADDMONTHS: the same day of the month, or the month's last day when it has fewer. */
export function addMonths(day: Day, months: number): Day {
  const { year, month, date } = parts(day);
  const lastDay = new Date(Date.UTC(year, month + months + 1, 0)).getUTCDate();
  return Date.UTC(year, month + months, Math.min(date, lastDay)) / MS_PER_DAY;
}

/** A contract's end date as Salesforce computes it: start + term months - 1 day. */
export const contractEndDay = (start: Day, termMonths: number): Day => addMonths(start, termMonths) - 1;

/** `FY26Q3` (fiscal year = calendar year: the model defines no fiscal settings). */
export function fiscalQuarter(day: Day): string {
  const { year, month } = parts(day);
  return `FY${String(year % 100).padStart(2, '0')}Q${Math.floor(month / 3) + 1}`;
}

/** First day of the quarter `offset` quarters from the one holding `day`. */
export function quarterStart(day: Day, offset = 0): Day {
  const { year, month } = parts(day);
  return Date.UTC(year, Math.floor(month / 3) * 3 + offset * 3, 1) / MS_PER_DAY;
}
