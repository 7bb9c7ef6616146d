/**
 * Billing arithmetic shared by the seed generator and `revops quote check`: service periods and
 * proration. A period runs from its first to its last day inclusive; proration counts whole
 * calendar months from the first day, then the remaining days as thirtieths of a month.
 */
const DAY = 86_400_000;

export const parseDate = (s: string): number => Date.parse(`${s}T00:00:00Z`) / DAY;
export const formatDate = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/** The same day of the month `months` later (clamped to the month's last day). */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / DAY;
}

/** The share of a year that the period first..last (inclusive) covers. */
export function prorationFactor(first: number, last: number): number {
  const end = last + 1;
  let months = 0;
  while (addMonths(first, months + 1) <= end) months++;
  const days = end - addMonths(first, months);
  return (months + days / 30) / 12;
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;

/** What billing invoices for a line: quantity × annual unit price × the share of the year. */
export const billedAmount = (quantity: number, unitPrice: number, first: number, last: number): number =>
  round2(quantity * unitPrice * prorationFactor(first, last));
