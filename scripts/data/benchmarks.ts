/**
 * The blueprints' benchmarks (../shared/blueprint) and the distributions the generator draws
 * from to land inside them. `BENCHMARKS` is what a dataset is judged against (tests, the
 * `data generate` summary); `SEGMENTS`, `FUNNEL` and `PIPELINE` are the generator's targets,
 * chosen in the middle of each range so that sampling noise stays inside it.
 */

export interface Range {
  readonly min: number;
  readonly max: number;
  /** Blueprint file and section the range comes from. */
  readonly source: string;
}

export type SegmentKey = 'ENT' | 'MM' | 'SMB';
export const SEGMENT_KEYS: readonly SegmentKey[] = ['ENT', 'MM', 'SMB'];

export const BENCHMARKS = {
  mqlToSal: { min: 0.6, max: 0.8, source: '003 §1: MQL → SAL 60-80 %' },
  salToSql: { min: 0.4, max: 0.6, source: '003 §1: SAL → SQL 40-60 %' },
  sqlToOpportunity: { min: 0.5, max: 0.7, source: '003 §1: SQL → Opportunity 50-70 %' },
  winRate: { min: 0.2, max: 0.3, source: '003 §1, §7: Opportunity → Closed Won 20-30 %' },
  /** Sales cycle (days from opportunity to close) by segment. */
  cycleDays: {
    ENT: { min: 90, max: 180, source: '004 GTM: sales-led (enterprise) cycle 90-180 days' },
    MM: { min: 45, max: 90, source: '002 §4: 60-day example cycle; between the sales-led and product-led motions' },
    SMB: { min: 14, max: 45, source: '004 GTM: product-led cycle 7-30 days; inside sales up to 45' },
  } satisfies Record<SegmentKey, Range>,
  /** Annual contract value by segment. */
  arr: {
    ENT: { min: 100_000, max: 500_000, source: '002 §6: $100K+ enterprise field; 004: ACV $50,000+' },
    MM: { min: 25_000, max: 100_000, source: '002 §6: $10-50K inside sales, $50-100K field sales' },
    SMB: { min: 5_000, max: 25_000, source: '002 §6: $1-10K inside sales + PLG, $10-50K inside sales' },
  } satisfies Record<SegmentKey, Range>,
  /** Minutes from MQL to first touch before the SLA is breached (001 §Epic 1: 15m MQL touch). */
  speedToLeadMinutes: 15,
  /** An open deal idle this long is stale (001 §Epic 1, 002 §2: >14 days). */
  staleAfterDays: 14,
  /** Renewal opportunities are created this many days before the contract ends (000 §4, §7). */
  renewalWindowsDays: [180, 120, 90],
} as const;

export interface SegmentProfile {
  /** Share of root accounts in the segment. */
  readonly share: number;
  readonly contacts: readonly [number, number];
  /** Weights for 0, 1, 2... opportunities per account. */
  readonly opportunities: readonly number[];
  /** Chance that a root account has subsidiaries, and how many at most. */
  readonly subsidiaries: readonly [probability: number, max: number];
  readonly employees: readonly [number, number];
  readonly cycleMedianDays: number;
  readonly arrMedian: number;
  /** Share of closed deals won. */
  readonly winRate: number;
  readonly termMonths: readonly (readonly [number, number])[];
  readonly packages: readonly (readonly [string, number])[];
  /** Triangular discount distribution (lo, mode, hi), and the chance of no discount at all. */
  readonly discount: readonly [number, number, number];
  readonly noDiscount: number;
}

export const SEGMENTS: Record<SegmentKey, SegmentProfile> = {
  ENT: {
    share: 0.17,
    contacts: [5, 9],
    opportunities: [0, 0.3, 0.35, 0.25, 0.1],
    subsidiaries: [0.45, 3],
    employees: [1_001, 60_000],
    cycleMedianDays: 125,
    arrMedian: 175_000,
    winRate: 0.23,
    termMonths: [
      [12, 0.35],
      [24, 0.3],
      [36, 0.35],
    ],
    packages: [['Enterprise', 1]],
    discount: [3, 16, 34],
    noDiscount: 0.2,
  },
  MM: {
    share: 0.33,
    contacts: [3, 6],
    opportunities: [0.1, 0.45, 0.35, 0.1],
    subsidiaries: [0.12, 1],
    employees: [201, 1_000],
    cycleMedianDays: 62,
    arrMedian: 48_000,
    winRate: 0.25,
    termMonths: [
      [12, 0.6],
      [24, 0.3],
      [36, 0.1],
    ],
    packages: [
      ['Growth', 0.8],
      ['Enterprise', 0.2],
    ],
    discount: [0, 11, 27],
    noDiscount: 0.3,
  },
  SMB: {
    share: 0.5,
    contacts: [2, 4],
    opportunities: [0.25, 0.6, 0.15],
    subsidiaries: [0, 0],
    employees: [8, 200],
    cycleMedianDays: 28,
    arrMedian: 11_000,
    winRate: 0.28,
    termMonths: [
      [12, 0.85],
      [24, 0.15],
    ],
    packages: [
      ['Starter', 0.55],
      ['Growth', 0.45],
    ],
    discount: [0, 7, 21],
    noDiscount: 0.4,
  },
};

/** The lead funnel (002 §3, 003 §1): targets in the middle of the benchmark ranges. */
export const FUNNEL = {
  /** Known leads that have not reached MQL yet: nurture without an MQL date. */
  preMqlNurture: 0.08,
  /** MQLs from the last hours, not yet accepted or rejected (SLA: 4 business hours). */
  inFlightMql: 0.04,
  mqlToSal: 0.7,
  salToSql: 0.5,
  sqlToOpportunity: 0.6,
  /** Of MQLs the SDR rejects, the share disqualified with a reason (the rest go back to nurture). */
  rejectedDisqualified: 0.6,
  /** Leads at companies that already are accounts (lead-to-account matching). */
  existingAccount: 0.2,
};

export const PIPELINE = {
  /** Share of new-business opportunities already closed (won, lost, no decision). */
  closedShare: 0.6,
  /** Of deals closed without a win, the share that ended without a decision. */
  noDecisionShare: 0.35,
  /** Open deals gone idle: close date passed, next step only a nudge. */
  staleShare: 0.12,
  /** Chance that a deal's close date moved later at least once, by outcome. */
  slipped: { open: 0.35, won: 0.2, lost: 0.3 },
  /** First deals of an account sourced by marketing (the rest outbound or partner). */
  inboundShare: 0.55,
  expansionInboundShare: 0.25,
  /** Deals whose contract ends within the renewal window get a renewal opportunity... */
  renewalOpportunityWindowDays: 180,
  /** ...unless the customer gave notice (churn: GRR ~90 %, 002 §5). */
  nonRenewingShare: 0.1,
  /** History depth: closed deals closed within this many days before the anchor. */
  closedWithinDays: 365,
};

/** Lead-to-record ratio the sizing aims for: converted leads ≈ inbound opportunities. */
export const LEADS_PER_NEW_OPPORTUNITY = 3.1;

/** Record counts of the named scales. */
export const SCALES = { small: 3_000, medium: 30_000, large: 300_000 } as const;
export type ScaleName = keyof typeof SCALES;

/** The anchor ("today") of a dataset unless `--anchor-date` says otherwise. */
export const DEFAULT_ANCHOR_DATE = '2026-12-01';
export const DEFAULT_SEED = 42;
