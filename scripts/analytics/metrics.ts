/**
 * metrics.json from the metric SQL files (sql/metrics/*.sql): each file runs on the staged
 * tables, and this module only shapes its rows — names, nesting, rounding, benchmark bands and
 * the bottleneck. It takes a query runner, not an engine, so the same files run anywhere.
 */
import { readdir, readFile } from 'node:fs/promises';
import { ASSUMPTIONS, bandOf, CONVERSION_BANDS, FUNNEL_STEPS, STEP_LABELS, WINDOWS } from './benchmarks.ts';
import type { QueryRunner, Row } from './engine.ts';
import { qualitySection } from './quality.ts';
import { isoDate, quarterLabel } from './report-tables.ts';
import {
  REPORT_FORMAT,
  type AccuracyRow,
  type Bottleneck,
  type CapacityRow,
  type CoverageRow,
  type FunnelGroup,
  type Metrics,
  type MissingFigure,
  type ReasonRow,
  type RetentionBridge,
  type SlipRow,
  type StepStanding,
  type VelocityRow,
  type WinRateRow,
} from './metrics-types.ts';

export const METRICS_SQL_DIR = new URL('./sql/metrics/', import.meta.url);

/** Every metric SQL file by name (`win_rate`, `funnel`, ...). */
export async function metricSql(): Promise<Record<string, string>> {
  const files = (await readdir(METRICS_SQL_DIR)).filter((f) => f.endsWith('.sql')).sort();
  const texts = await Promise.all(files.map((f) => readFile(new URL(f, METRICS_SQL_DIR), 'utf8')));
  return Object.fromEntries(files.map((f, i) => [f.replace(/\.sql$/, ''), texts[i]!]));
}

/** Twelve significant digits: the last bits of a parallel floating-point sum must not change the file. */
export function num(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  if (!Number.isFinite(n)) return null;
  const rounded = Number(n.toPrecision(12));
  return rounded === 0 ? 0 : rounded;
}
const count = (value: unknown): number => num(value) ?? 0;
const byKey = <T>(rows: readonly T[], key: (row: T) => string): Record<string, T> =>
  Object.fromEntries(rows.map((r) => [key(r), r]));

function winRateRow(r: Row): WinRateRow {
  return {
    member: String(r.member),
    closed: count(r.closed),
    won: count(r.won),
    closedAmount: count(r.closed_amount),
    wonAmount: count(r.won_amount),
    winRate: num(r.win_rate),
    winRateByValue: num(r.win_rate_by_value),
  };
}

function winRateSection(rows: Row[]): Metrics['winRate'] {
  const of = (dimension: string) => rows.filter((r) => r.dimension === dimension).map(winRateRow);
  const overall = of('overall')[0]!;
  const segments = of('segment');
  return {
    overall: overall.winRate,
    overallByValue: overall.winRateByValue,
    closed: overall.closed,
    won: overall.won,
    bySegment: Object.fromEntries(segments.map((s) => [s.member, s.winRate])),
    bySegmentByValue: Object.fromEntries(segments.map((s) => [s.member, s.winRateByValue])),
    segments,
    sources: of('source'),
    competitors: of('competitor'),
    motions: of('motion'),
  };
}

function funnelGroup(r: Row): FunnelGroup {
  return {
    mql: count(r.mql),
    inFlight: count(r.in_flight),
    dispositioned: count(r.dispositioned),
    sal: count(r.sal),
    sql: count(r.sql_reached),
    sao: count(r.sao),
    saoClosed: count(r.sao_closed),
    won: count(r.won),
    conversion: {
      mqlToSal: num(r.mql_to_sal),
      salToSql: num(r.sal_to_sql),
      sqlToSao: num(r.sql_to_sao),
      saoToWon: num(r.sao_to_won),
      mqlToSao: num(r.mql_to_sao),
      mqlToWon: num(r.mql_to_won),
    },
  };
}

export function standings(conversion: FunnelGroup['conversion']): StepStanding[] {
  return ([...FUNNEL_STEPS, 'mqlToWon'] as const).map((step) => {
    const bands = CONVERSION_BANDS[step];
    const value = conversion[step];
    return { step, label: STEP_LABELS[step], value, band: value === null ? null : bandOf(value, bands), ...bands };
  });
}

/**
 * 002's diagnostic rule: a bottom-quartile step is the bottleneck; of several, the one furthest
 * below its median band. With none in the bottom quartile, the step furthest below (or least
 * above) its median is named, marked as such.
 */
export function bottleneckOf(conversion: FunnelGroup['conversion']): Bottleneck | null {
  const candidates = FUNNEL_STEPS.flatMap((step) => {
    const value = conversion[step];
    if (value === null) return [];
    const bands = CONVERSION_BANDS[step];
    return [{ step, value, band: bandOf(value, bands), standing: value / bands.median[0] }];
  });
  if (!candidates.length) return null;
  const worst = candidates.reduce((a, b) => (b.standing < a.standing ? b : a));
  return {
    step: worst.step,
    label: STEP_LABELS[worst.step],
    value: worst.value,
    band: worst.band,
    standing: num(worst.standing)!,
    inBottomQuartile: worst.band === 'bottom-quartile',
    rule: '002 §3 diagnostic rule: a bottom-quartile stage conversion is the bottleneck; fix it first',
  };
}

function funnelSection(rows: Row[]): Metrics['funnel'] {
  const of = (dimension: string) => rows.filter((r) => r.dimension === dimension);
  const overall = funnelGroup(of('overall')[0]!);
  const { conversion, ...volumes } = overall;
  return {
    volumes,
    conversion,
    benchmarks: standings(conversion),
    bottleneck: bottleneckOf(conversion),
    bySegment: Object.fromEntries(
      of('segment').map((r) => {
        const group = funnelGroup(r);
        return [String(r.segment), { ...group, bottleneck: bottleneckOf(group.conversion) }];
      }),
    ),
    bySource: Object.fromEntries(of('source').map((r) => [String(r.lead_source), funnelGroup(r)])),
    bySegmentSource: of('segment_source').map((r) => ({
      segment: String(r.segment),
      source: String(r.lead_source),
      ...funnelGroup(r),
    })),
  };
}

function coverageRow(r: Row): CoverageRow {
  return {
    segment: String(r.segment),
    openDeals: count(r.open_deals),
    openAmount: count(r.open_amount),
    pipeline: count(r.pipeline),
    weightedPipeline: count(r.weighted_pipeline),
    negotiationAmount: count(r.negotiation_amount),
    wonAmount: count(r.won_amount),
    target: count(r.target),
    coverage: num(r.coverage),
    weightedCoverage: num(r.weighted_coverage),
    negotiationShare: num(r.negotiation_share),
    winRateByValue: num(r.win_rate_by_value),
    requiredPipeline: num(r.required_pipeline),
    createdPipeline: num(r.created_pipeline),
  };
}

function coverageSection(rows: Row[]): Metrics['coverage'] {
  const all = rows.map(coverageRow);
  return {
    overall: all.find((r) => r.segment === '(all)')!,
    bySegment: byKey(
      all.filter((r) => r.segment !== '(all)'),
      (r) => r.segment,
    ),
    windowDays: WINDOWS.coverageDays,
    targetBasis: `run rate: Closed Won bookings of the trailing ${WINDOWS.trailingDays} days, scaled to ${WINDOWS.coverageDays} days (the data holds no quota)`,
  };
}

function pipelineSection(rows: Row[]): Metrics['pipeline'] {
  const byStage = rows.map((r) => ({
    stage: String(r.stage_name),
    order: count(r.stage_order),
    forecastCategory: String(r.forecast_category),
    probability: count(r.probability),
    motion: String(r.motion),
    deals: count(r.deals),
    amount: count(r.amount),
    weightedAmount: count(r.weighted_amount),
  }));
  const sum = (pick: (s: (typeof byStage)[number]) => number) => num(byStage.reduce((t, s) => t + pick(s), 0))!;
  return { total: sum((s) => s.amount), weighted: sum((s) => s.weightedAmount), byStage };
}

function velocityRow(r: Row): VelocityRow {
  return {
    member: String(r.member),
    openDeals: count(r.open_deals),
    closed: count(r.closed),
    won: count(r.won),
    winRate: num(r.win_rate),
    averageDealSize: num(r.average_deal_size),
    cycleDays: num(r.cycle_days),
    cycleDeals: count(r.cycle_deals),
    cohortDeals: count(r.cohort_deals),
    cohortOpen: count(r.cohort_open),
    cohortWonFromCreatedDate: count(r.cohort_won_created),
    cohortWonFromMqlDate: count(r.cohort_won_mql),
    perDay: num(r.velocity_per_day),
  };
}

const slipRow = (r: Row): SlipRow => ({
  segment: String(r.segment),
  deals: count(r.deals),
  slipped: count(r.slipped),
  pushes: count(r.pushes),
  openDeals: count(r.open_deals),
  pastDue: count(r.past_due),
  slipRate: num(r.slip_rate),
  pastDueShare: num(r.past_due_share),
});

function velocitySection(q: Record<string, Row[]>): Metrics['velocity'] {
  const rows = q.velocity!.map((r) => ({ dimension: r.dimension, row: velocityRow(r) }));
  const overall = rows.find((r) => r.dimension === 'overall')!.row;
  const slips = q.slip!.map(slipRow);
  const { cohortWonFromCreatedDate: created, cohortWonFromMqlDate: mql } = overall;
  return {
    perDay: overall.perDay,
    overall,
    bySegment: byKey(
      rows.filter((r) => r.dimension === 'segment').map((r) => r.row),
      (r) => r.member,
    ),
    cycleBasis: created && mql ? 'mixed' : created ? 'created date' : mql ? 'MQL date of the converted lead' : 'none',
    trend: q.velocity_trend!.map((r) => ({
      quarter: quarterLabel(count(r.quarter_index)),
      closed: count(r.closed),
      won: count(r.won),
      winRate: num(r.win_rate),
      averageDealSize: num(r.average_deal_size),
      cycleDays: num(r.cycle_days),
      cycleDeals: count(r.cycle_deals),
      perDay: num(r.velocity_per_day),
    })),
    timeInStage: q.time_in_stage!.map((r) => ({
      stage: String(r.stage_name),
      stays: count(r.stays),
      averageDays: count(r.average_days),
      medianDays: count(r.median_days),
    })),
    slip: {
      overall: slips.find((s) => s.segment === '(all)')!,
      bySegment: byKey(
        slips.filter((s) => s.segment !== '(all)'),
        (s) => s.segment,
      ),
    },
  };
}

function bridge(r: Row): RetentionBridge {
  return {
    basis: r.basis as RetentionBridge['basis'],
    start: isoDate(count(r.start_day)),
    end: isoDate(count(r.end_day)),
    customers: count(r.customers),
    beginningArr: count(r.beginning_arr),
    expansion: count(r.expansion),
    contraction: count(r.contraction),
    churn: count(r.churn),
    churnedCustomers: count(r.churned_customers),
    endingArr: count(r.ending_arr),
    nrr: num(r.nrr),
    grr: num(r.grr),
  };
}

function accuracyRow(r: Row): AccuracyRow {
  return {
    owner: String(r.owner_name),
    horizonDays: count(r.horizon_days),
    months: count(r.months),
    forecast: count(r.forecast),
    actual: count(r.actual),
    mape: num(r.mape),
    wape: num(r.wape),
    bias: num(r.bias),
  };
}

function capacityRow(r: Row): CapacityRow {
  return {
    segment: String(r.segment),
    target: count(r.target),
    openDeals: count(r.open_deals),
    requiredAes: count(r.required_aes),
    requiredReps: count(r.required_reps),
    aesForOpenPipeline: count(r.aes_for_open_pipeline),
  };
}

function reasonsSection(rows: Row[]): Metrics['reasons'] {
  const of = (kind: string): ReasonRow[] =>
    rows
      .filter((r) => r.kind === kind)
      .map((r) => ({ reason: String(r.reason), count: count(r.deals), amount: count(r.amount) }));
  return { loss: of('loss'), slip: of('slip'), churn: of('churn'), disqualification: of('disqualification') };
}

/** What the data lacks, metric by metric, from what it holds (availability.sql). */
function missingFigures(a: Row): MissingFigure[] {
  const missing: MissingFigure[] = [];
  if (!count(a.opportunities_with_created_date))
    missing.push(
      {
        metric: 'Pipeline created vs needed (coverage)',
        needs: 'Opportunity.CreatedDate: when each deal was opened',
      },
      {
        metric: 'Cycle length and velocity of deals not sourced by a lead',
        needs:
          'Opportunity.CreatedDate (the cycle falls back to the MQL date of the converted lead, which only inbound deals have)',
      },
    );
  if (!count(a.history_rows))
    missing.push(
      {
        metric: 'Forecast accuracy (MAPE per rep, WAPE and bias)',
        needs: 'OpportunityHistory (or forecast submissions): what the pipeline said before each month',
      },
      { metric: 'Time in stage', needs: 'OpportunityHistory: the date each deal entered each stage' },
    );
  if (!count(a.opportunities_with_owner))
    missing.push({
      metric: 'Rep scorecard and MAPE per rep',
      needs: 'Opportunity.OwnerId (owners): a dataset holds no users',
    });
  missing.push({
    metric: 'Coverage against quota, capacity against a revenue target',
    needs:
      'quotas and a revenue target (none in Salesforce records): the report uses the trailing run rate and the blueprints’ example quota',
  });
  return missing;
}

function retentionMissing(trailing: RetentionBridge): MissingFigure[] {
  return trailing.beginningArr > 0
    ? []
    : [
        {
          metric: 'NRR and GRR over the trailing 12 months',
          needs: `contracts active on ${trailing.start} (contract history of more than a year, with renewals): the report shows the contracted next 12 months instead`,
        },
      ];
}

export interface MetricsContext {
  readonly asOf: string;
  readonly source: Metrics['source'];
}

/** Runs every metric SQL file through `run` and assembles metrics.json. */
export async function computeMetrics(run: QueryRunner, context: MetricsContext): Promise<Metrics> {
  const sql = await metricSql();
  const q: Record<string, Row[]> = {};
  for (const [name, text] of Object.entries(sql)) q[name] = await run(text);
  const winRate = winRateSection(q.win_rate!);
  const [contracted, trailing] = ['contracted12m', 'trailing12m'].map((b) =>
    bridge(q.retention!.find((r) => r.basis === b)!),
  ) as [RetentionBridge, RetentionBridge];
  const capacity = q.capacity!.map(capacityRow);
  return {
    format: REPORT_FORMAT,
    asOf: context.asOf,
    source: context.source,
    winRate,
    funnel: funnelSection(q.funnel!),
    coverage: coverageSection(q.coverage!),
    pipeline: pipelineSection(q.pipeline_by_stage!),
    velocity: velocitySection(q),
    nrr: { trailing12m: trailing.nrr, contracted12m: contracted.nrr },
    grr: { trailing12m: trailing.grr, contracted12m: contracted.grr },
    retention: {
      trailing12m: trailing,
      contracted12m: contracted,
      expansionBookings: winRate.motions.find((m) => m.member === 'expansion')?.wonAmount ?? 0,
    },
    forecastAccuracy: {
      rollup: q.accuracy!.filter((r) => r.level === 'rollup').map(accuracyRow),
      byOwner: q.accuracy!.filter((r) => r.level === 'owner').map(accuracyRow),
    },
    capacity: {
      overall: capacity.find((c) => c.segment === '(all)')!,
      bySegment: byKey(
        capacity.filter((c) => c.segment !== '(all)'),
        (c) => c.segment,
      ),
      assumptions: { ...ASSUMPTIONS },
    },
    scorecard: q.scorecard!.map((r) => ({
      owner: String(r.owner_name),
      pipelineCreated: count(r.pipeline_created),
      openDeals: count(r.open_deals),
      openAmount: count(r.open_amount),
      closed: count(r.closed),
      won: count(r.won),
      wonAmount: count(r.won_amount),
      winRate: num(r.win_rate),
      averageDealSize: num(r.average_deal_size),
      averageCycleDays: num(r.average_cycle_days),
    })),
    reasons: reasonsSection(q.reasons!),
    dataQuality: qualitySection(q.data_quality!, q.speed_to_lead![0]),
    missing: [...missingFigures(q.availability![0]!), ...retentionMissing(trailing)],
  };
}
