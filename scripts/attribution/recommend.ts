/**
 * Blueprint 002's decision rule, applied to the data: start U-shaped; move to W-shaped once
 * opportunity creation is tracked; move to data-driven beyond 500 closed-won deals a year.
 */
import type { Journey } from './journeys.ts';

export const DATA_DRIVEN_WON_PER_YEAR = 500;
/** Opportunity creation counts as tracked when this share of won journeys marks it. */
export const TRACKED_SHARE = 0.9;

export interface Recommendation {
  readonly model: 'u-shaped' | 'w-shaped' | 'data-driven';
  readonly closedWonLastYear: number;
  readonly opportunityCreationTracked: number;
  readonly reason: string;
}

const DAY = 86_400_000;

export function recommendModel(wonJourneys: readonly Journey[], anchorMs: number): Recommendation {
  const lastYear = wonJourneys.filter((j) => {
    const close = Date.parse(`${j.opportunity.closeDate}T00:00:00Z`);
    return close <= anchorMs && close > anchorMs - 365 * DAY;
  }).length;
  const marked = wonJourneys.filter((j) => j.touches.some((t) => t.milestone === 'Opportunity Created')).length;
  const tracked = wonJourneys.length ? Math.round((marked / wonJourneys.length) * 1000) / 1000 : 0;
  const pct = `${Math.round(tracked * 1000) / 10} %`;
  if (lastYear >= DATA_DRIVEN_WON_PER_YEAR)
    return {
      model: 'data-driven',
      closedWonLastYear: lastYear,
      opportunityCreationTracked: tracked,
      reason: `${lastYear} closed-won deals in the last 12 months (≥ ${DATA_DRIVEN_WON_PER_YEAR}): enough volume for a data-driven model (not computed here: it needs a warehouse); W-shaped meanwhile`,
    };
  if (tracked >= TRACKED_SHARE)
    return {
      model: 'w-shaped',
      closedWonLastYear: lastYear,
      opportunityCreationTracked: tracked,
      reason: `opportunity creation is tracked on ${pct} of won journeys (≥ ${TRACKED_SHARE * 100} %) and ${lastYear} closed-won deals in the last 12 months (< ${DATA_DRIVEN_WON_PER_YEAR})`,
    };
  return {
    model: 'u-shaped',
    closedWonLastYear: lastYear,
    opportunityCreationTracked: tracked,
    reason: `opportunity creation is tracked on only ${pct} of won journeys (< ${TRACKED_SHARE * 100} %): start U-shaped`,
  };
}
