/**
 * The blueprints' benchmarks and planning assumptions the report measures against, each with the
 * blueprint file and section it comes from (../shared/blueprint; docs/metrics.md cites them too).
 * Values are fractions (0.25 = 25 %) and multiples (3 = 3x).
 */

/** Blueprint 002 §3 "Conversion Rate Benchmarks (B2B SaaS)": four bands per stage transition. */
export interface ConversionBands {
  /** Below this: bottom 25 %. */
  readonly bottomBelow: number;
  readonly median: readonly [number, number];
  readonly top: readonly [number, number];
  /** From this up: world class. */
  readonly worldClass: number;
  readonly source: string;
}

export type FunnelStep = 'mqlToSal' | 'salToSql' | 'sqlToSao' | 'saoToWon';
export const FUNNEL_STEPS: readonly FunnelStep[] = ['mqlToSal', 'salToSql', 'sqlToSao', 'saoToWon'];

export const STEP_LABELS: Readonly<Record<FunnelStep | 'mqlToWon', string>> = {
  mqlToSal: 'MQL → SAL',
  salToSql: 'SAL → SQL',
  sqlToSao: 'SQL → SAO',
  saoToWon: 'SAO → Won',
  mqlToWon: 'MQL → Won',
};

const band = (
  bottomBelow: number,
  median: [number, number],
  top: [number, number],
  worldClass: number,
  row: string,
): ConversionBands => ({ bottomBelow, median, top, worldClass, source: `002 §3 Conversion Rate Benchmarks: ${row}` });

export const CONVERSION_BANDS: Readonly<Record<FunnelStep | 'mqlToWon', ConversionBands>> = {
  mqlToSal: band(0.4, [0.5, 0.6], [0.7, 0.8], 0.85, 'MQL → SAL'),
  salToSql: band(0.3, [0.4, 0.5], [0.55, 0.65], 0.7, 'SAL → SQL'),
  sqlToSao: band(0.5, [0.6, 0.7], [0.75, 0.85], 0.9, 'SQL → Opp Created'),
  saoToWon: band(0.15, [0.2, 0.25], [0.3, 0.4], 0.45, 'Opp → Closed Won'),
  mqlToWon: band(0.02, [0.03, 0.05], [0.06, 0.1], 0.12, 'Full funnel (MQL → CW)'),
};

/** Where a value sits against its bands; the gaps between 002's bands get their own names. */
export type BandName = 'bottom-quartile' | 'below-median' | 'median' | 'above-median' | 'top-quartile' | 'world-class';

export function bandOf(value: number, bands: ConversionBands): BandName {
  if (value >= bands.worldClass) return 'world-class';
  if (value >= bands.top[0]) return 'top-quartile';
  if (value > bands.median[1]) return 'above-median';
  if (value >= bands.median[0]) return 'median';
  if (value >= bands.bottomBelow) return 'below-median';
  return 'bottom-quartile';
}

/** Blueprint 002 §4 "Healthy Pipeline Ratios". */
export const COVERAGE_BANDS = {
  total: { minimum: 3, healthy: [3.5, 4], optimal: [4, 5], source: '002 §4 Healthy Pipeline Ratios: total' },
  weighted: { minimum: 1.5, healthy: [2, 2.5], optimal: 3, source: '002 §4 Healthy Pipeline Ratios: weighted' },
  negotiationShare: {
    minimum: 0.15,
    healthy: [0.25, 0.3],
    optimal: 0.35,
    source: '002 §4 Healthy Pipeline Ratios: deals in negotiation stage',
  },
} as const;

/** Blueprint 002 §4 coverage model: open pipeline counts by how far past its expected close it is. */
export const DEAL_AGE_DISCOUNTS = {
  /** Up to this many days past the close date (or not yet due): 100 %. */
  freshDays: 30,
  /** From freshDays to this: 50 %; beyond: 25 %. */
  agingDays: 60,
  aging: 0.5,
  stale: 0.25,
  source: '002 §4 Pipeline Coverage Model: fresh 100 %, aging (30-60 days past) 50 %, stale (60+) 25 %',
} as const;

/** Blueprint 002 §5 Tier 1. */
export const RETENTION_BANDS = {
  nrr: { good: 1.05, great: 1.15, worldClass: 1.3, source: '002 §5 Tier 1: NRR good 105 %+, great 115 %+, 130 %+' },
  grr: { good: 0.85, great: 0.9, worldClass: 0.95, source: '002 §5 Tier 1: GRR good 85 %+, great 90 %+, 95 %+' },
} as const;

/** Blueprint 002 §4 MAPE grading. */
export const MAPE_GRADES = {
  excellent: 0.1,
  good: 0.15,
  needsWork: 0.25,
  source: '002 §4 Forecast accuracy: <10 % excellent, 10-15 % good, 15-25 % needs work, >25 % broken',
} as const;

export function mapeGrade(mape: number): 'excellent' | 'good' | 'needs work' | 'broken' {
  if (mape < MAPE_GRADES.excellent) return 'excellent';
  if (mape < MAPE_GRADES.good) return 'good';
  if (mape < MAPE_GRADES.needsWork) return 'needs work';
  return 'broken';
}

/** Win rate targets: 002 §5 Tier 2 (>25 %), 003 §7 (20-30 %). */
export const WIN_RATE_TARGET = { min: 0.25, source: '002 §5 Tier 2: win rate >25 %; 003 §7: 20-30 %' } as const;

/**
 * Planning assumptions the dataset cannot hold (no quota, no headcount plan): the blueprints'
 * own example figures, named in the report wherever they are used.
 */
export const ASSUMPTIONS = {
  /** Annual quota of a fully ramped AE, in ARR (004 capacity_model.ae.quota). */
  quotaPerAe: { value: 1_200_000, source: '004 capacity_model: AE quota $1.2M ARR/year' },
  /** Expected attainment (002 §6 Capacity Model example). */
  attainment: { value: 0.7, source: '002 §6 Capacity Model: 70 % attainment' },
  /** Annual attrition (004 headcount_planning example). */
  attrition: { value: 0.2, source: '004 headcount_planning: attrition 20 %' },
  /** Ramp adjustment (004 headcount_planning example: ramp_factor 1.25). */
  rampFactor: { value: 1.25, source: '004 headcount_planning: ramp factor 1.25' },
  /** Open opportunities one AE can carry (004 capacity_model.ae.capacity). */
  activeOpportunitiesPerAe: { value: 25, source: '004 capacity_model: 25 active opportunities per AE' },
} as const;

/** Trailing windows, in days. */
export const WINDOWS = {
  /** Closed deals, bookings and retention: the trailing year. */
  trailingDays: 365,
  /** Coverage counts pipeline closing within this many days after as-of (a rolling quarter). */
  coverageDays: 90,
  /** Cycle-length cohorts must have had this long to close (the longest benchmark cycle, ENT 90-180 days). */
  maturityDays: 180,
  /** Forecast snapshots this many days before each month starts. */
  forecastHorizons: [0, 30, 60],
  /** Months of forecast history measured. */
  forecastMonths: 6,
} as const;

/** Hygiene thresholds (002 §2 Data Hygiene Rules; 001 §Epic 1 SLAs). */
export const HYGIENE = {
  duplicateAccounts: { max: 0.02, source: '002 §2: duplicate accounts <2 %' },
  openOppFieldsComplete: { min: 1, source: '002 §2: missing fields on open opps, 100 % completion' },
  closedLostReason: { min: 1, source: '002 §2: closed-lost reason populated, 100 %' },
  stale: { max: 0, source: '001 §Epic 1 / 002 §2: stale deals flagged (close date passed)' },
  speedToLeadMinutes: { max: 15, source: '001 §Epic 1: 15-minute MQL touch SLA' },
  competitorNamed: { min: 1, source: '002 §7: competitor captured on every competitive loss' },
} as const;
