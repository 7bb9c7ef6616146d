/**
 * The revenue plan applied to people: who in the rep roster holds a quota role, how productive a
 * rep is over a stretch of months given the hire date and the ramp schedule, and a rep's quota
 * for a period. The seed's Forecast_Quota__c records, `revops capacity` and `revops comp
 * calculate` all use these, so a quota means the same thing everywhere.
 */
import type { QuotaRoleDef, RampStep } from '../dsl/index.ts';
import { rampAt } from '../dsl/index.ts';

/** The roster fields these read (scripts/data/roster-people.ts writes them). */
export interface RosterPerson {
  readonly id: string;
  readonly name: string;
  readonly active: boolean;
  readonly title?: string;
  readonly hiredOn?: string;
}
export interface RosterSeatRef {
  readonly pool: string;
  readonly user: string;
  readonly active: boolean;
}

/** Months since year 0 of a `YYYY-MM-DD` date (the day of the month is ignored). */
export const monthIndex = (day: string): number => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;

/** Tenure month of a rep hired on `hiredOn` during the month `month` (a monthIndex): the hire month is month 1. */
export const tenureMonth = (hiredOn: string, month: number): number => month - monthIndex(hiredOn) + 1;

/**
 * Average productivity (0-1) over `months` calendar months from `fromMonth` (a monthIndex): a
 * month before the hire counts 0, a month of tenure t counts the ramp's productivity at t.
 * A rep without a hire date is taken as fully ramped.
 */
export function averageProductivity(
  ramp: readonly RampStep[],
  hiredOn: string | undefined,
  fromMonth: number,
  months: number,
): number {
  if (!hiredOn || months <= 0) return 1;
  let sum = 0;
  for (let m = fromMonth; m < fromMonth + months; m++) {
    const t = tenureMonth(hiredOn, m);
    sum += t >= 1 ? rampAt(ramp, t) : 0;
  }
  return sum / months;
}

/** Active roster people holding a role: a seat in one of its pools, or its title. */
export function roleHolders<P extends RosterPerson>(
  role: QuotaRoleDef,
  users: readonly P[],
  seats: readonly RosterSeatRef[],
): P[] {
  const pools = new Set(role.roster.pools ?? []);
  const seated = new Set(seats.filter((s) => pools.has(s.pool)).map((s) => s.user));
  return users.filter(
    (u) => u.active && (seated.has(u.id) || (role.roster.title !== undefined && u.title === role.roster.title)),
  );
}

/** Calendar months from `start` to `end` (YYYY-MM-DD, inclusive): a quarter is 3. */
export const monthsBetween = (start: string, end: string): number => monthIndex(end) - monthIndex(start) + 1;

/**
 * A rep's quota for a period: the role's annual quota for the period's share of the year, times
 * the rep's average productivity over the period's months (a ramping rep carries less), in
 * whole dollars.
 */
export function periodQuota(
  role: QuotaRoleDef,
  ramp: readonly RampStep[],
  hiredOn: string | undefined,
  start: string,
  end: string,
): number {
  const months = monthsBetween(start, end);
  return Math.round(((role.annualQuota * months) / 12) * averageProductivity(ramp, hiredOn, monthIndex(start), months));
}
