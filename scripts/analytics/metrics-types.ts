/**
 * The shape of metrics.json (`revops-report/1`): every figure the page and summary.md show.
 * Rates are fractions (0.25 = 25 %), amounts in the records' currency, days as numbers; a figure
 * the data cannot give is null, and `missing` says why and what would give it.
 */
import type { AttributionMetrics } from '../attribution/report-section.ts';
import type { BandName, FunnelStep } from './benchmarks.ts';

export const REPORT_FORMAT = 'revops-report/1';

export interface WinRateRow {
  readonly member: string;
  readonly closed: number;
  readonly won: number;
  readonly closedAmount: number;
  readonly wonAmount: number;
  readonly winRate: number | null;
  readonly winRateByValue: number | null;
}

export interface FunnelCounts {
  readonly mql: number;
  readonly inFlight: number;
  readonly dispositioned: number;
  readonly sal: number;
  readonly sql: number;
  readonly sao: number;
  readonly saoClosed: number;
  readonly won: number;
}

export type FunnelRates = Record<FunnelStep | 'mqlToSao' | 'mqlToWon', number | null>;

export interface FunnelGroup extends FunnelCounts {
  readonly conversion: FunnelRates;
}

export interface StepStanding {
  readonly step: FunnelStep | 'mqlToWon';
  readonly label: string;
  readonly value: number | null;
  readonly band: BandName | null;
  readonly bottomBelow: number;
  readonly median: readonly [number, number];
  readonly top: readonly [number, number];
  readonly worldClass: number;
  readonly source: string;
}

export interface Bottleneck {
  readonly step: FunnelStep;
  readonly label: string;
  readonly value: number;
  readonly band: BandName;
  /** value ÷ the bottom of the step's median band: how far below (or above) median it runs. */
  readonly standing: number;
  readonly inBottomQuartile: boolean;
  readonly rule: string;
}

export interface CoverageRow {
  readonly segment: string;
  readonly openDeals: number;
  readonly openAmount: number;
  readonly pipeline: number;
  readonly weightedPipeline: number;
  readonly negotiationAmount: number;
  readonly wonAmount: number;
  readonly target: number;
  readonly coverage: number | null;
  readonly weightedCoverage: number | null;
  readonly negotiationShare: number | null;
  readonly winRateByValue: number | null;
  readonly requiredPipeline: number | null;
  readonly createdPipeline: number | null;
}

export interface StageRow {
  readonly stage: string;
  readonly order: number;
  readonly forecastCategory: string;
  readonly probability: number;
  readonly motion: string;
  readonly deals: number;
  readonly amount: number;
  readonly weightedAmount: number;
}

export interface VelocityRow {
  readonly member: string;
  readonly openDeals: number;
  readonly closed: number;
  readonly won: number;
  readonly winRate: number | null;
  readonly averageDealSize: number | null;
  readonly cycleDays: number | null;
  readonly cycleDeals: number;
  readonly cohortDeals: number;
  readonly cohortOpen: number;
  readonly cohortWonFromCreatedDate: number;
  readonly cohortWonFromMqlDate: number;
  readonly perDay: number | null;
}

export interface VelocityQuarter {
  readonly quarter: string;
  readonly closed: number;
  readonly won: number;
  readonly winRate: number | null;
  readonly averageDealSize: number | null;
  readonly cycleDays: number | null;
  readonly cycleDeals: number;
  readonly perDay: number | null;
}

export interface SlipRow {
  readonly segment: string;
  readonly deals: number;
  readonly slipped: number;
  readonly pushes: number;
  readonly openDeals: number;
  readonly pastDue: number;
  readonly slipRate: number | null;
  readonly pastDueShare: number | null;
}

export interface RetentionBridge {
  readonly basis: 'trailing12m' | 'contracted12m';
  readonly start: string;
  readonly end: string;
  readonly customers: number;
  readonly beginningArr: number;
  readonly expansion: number;
  readonly contraction: number;
  readonly churn: number;
  readonly churnedCustomers: number;
  readonly endingArr: number;
  readonly nrr: number | null;
  readonly grr: number | null;
}

export interface AccuracyRow {
  readonly owner: string;
  readonly horizonDays: number;
  readonly months: number;
  readonly forecast: number;
  readonly actual: number;
  readonly mape: number | null;
  readonly wape: number | null;
  readonly bias: number | null;
}

export interface CapacityRow {
  readonly segment: string;
  readonly target: number;
  readonly openDeals: number;
  readonly requiredAes: number;
  readonly requiredReps: number;
  readonly aesForOpenPipeline: number;
}

export interface ScorecardRow {
  readonly owner: string;
  readonly pipelineCreated: number;
  readonly openDeals: number;
  readonly openAmount: number;
  readonly closed: number;
  readonly won: number;
  readonly wonAmount: number;
  readonly winRate: number | null;
  readonly averageDealSize: number | null;
  readonly averageCycleDays: number | null;
}

export interface ReasonRow {
  readonly reason: string;
  readonly count: number;
  readonly amount: number;
}

export interface QualityCheck {
  readonly name: string;
  readonly label: string;
  /** The chart's axis label. */
  readonly short: string;
  readonly numerator: number;
  readonly denominator: number;
  readonly value: number | null;
  /** The blueprint threshold: `value` must stay at or under `max`, or at or over `min`. */
  readonly max?: number;
  readonly min?: number;
  readonly ok: boolean | null;
  readonly source: string;
}

export interface MissingFigure {
  readonly metric: string;
  readonly needs: string;
}

export interface Metrics {
  readonly format: typeof REPORT_FORMAT;
  readonly asOf: string;
  /** Marketing attribution: credit by channel under each model, CAC, MQL → SQL, SLAs; null without touches. */
  readonly attribution?: AttributionMetrics | null;
  readonly source: {
    readonly kind: 'dataset' | 'org';
    readonly name: string;
    readonly records: Record<string, number>;
  };
  readonly winRate: {
    readonly overall: number | null;
    readonly overallByValue: number | null;
    readonly closed: number;
    readonly won: number;
    readonly bySegment: Record<string, number | null>;
    readonly bySegmentByValue: Record<string, number | null>;
    readonly segments: readonly WinRateRow[];
    readonly sources: readonly WinRateRow[];
    readonly competitors: readonly WinRateRow[];
    readonly motions: readonly WinRateRow[];
  };
  readonly funnel: {
    readonly volumes: FunnelCounts;
    readonly conversion: FunnelRates;
    readonly benchmarks: readonly StepStanding[];
    readonly bottleneck: Bottleneck | null;
    readonly bySegment: Record<string, FunnelGroup & { readonly bottleneck: Bottleneck | null }>;
    readonly bySource: Record<string, FunnelGroup>;
    readonly bySegmentSource: readonly (FunnelGroup & { readonly segment: string; readonly source: string })[];
  };
  readonly coverage: {
    readonly overall: CoverageRow;
    readonly bySegment: Record<string, CoverageRow>;
    readonly windowDays: number;
    readonly targetBasis: string;
  };
  readonly pipeline: { readonly total: number; readonly weighted: number; readonly byStage: readonly StageRow[] };
  readonly velocity: {
    readonly perDay: number | null;
    readonly overall: VelocityRow;
    readonly bySegment: Record<string, VelocityRow>;
    readonly cycleBasis: 'created date' | 'MQL date of the converted lead' | 'mixed' | 'none';
    readonly trend: readonly VelocityQuarter[];
    readonly timeInStage: readonly { stage: string; stays: number; averageDays: number; medianDays: number }[];
    readonly slip: { readonly overall: SlipRow; readonly bySegment: Record<string, SlipRow> };
  };
  readonly nrr: { readonly trailing12m: number | null; readonly contracted12m: number | null };
  readonly grr: { readonly trailing12m: number | null; readonly contracted12m: number | null };
  readonly retention: {
    readonly trailing12m: RetentionBridge;
    readonly contracted12m: RetentionBridge;
    readonly expansionBookings: number;
  };
  readonly forecastAccuracy: {
    readonly rollup: readonly AccuracyRow[];
    readonly byOwner: readonly AccuracyRow[];
  };
  readonly capacity: {
    readonly overall: CapacityRow;
    readonly bySegment: Record<string, CapacityRow>;
    readonly assumptions: Record<string, { readonly value: number; readonly source: string }>;
  };
  readonly scorecard: readonly ScorecardRow[];
  readonly reasons: {
    readonly loss: readonly ReasonRow[];
    readonly slip: readonly ReasonRow[];
    readonly churn: readonly ReasonRow[];
    readonly disqualification: readonly ReasonRow[];
  };
  readonly dataQuality: {
    readonly checks: readonly QualityCheck[];
    readonly speedToLeadMedianMinutes: number | null;
  };
  readonly missing: readonly MissingFigure[];
}
