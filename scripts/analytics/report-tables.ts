/**
 * The small tables the report itself provides to the metric SQL — the measuring date and the
 * blueprint assumptions (params), the model's stages and lead status roles, the calendar months
 * and forecast horizons — as portable CREATE TABLE / INSERT statements. In a warehouse they are
 * seeds (dbt seeds, or a one-row params view).
 */
import { ASSUMPTIONS, DEAL_AGE_DISCOUNTS, HYGIENE, WINDOWS } from './benchmarks.ts';
import type { ReportTerms } from './terms.ts';

export const MS_PER_DAY = 86_400_000;

/** `YYYY-MM-DD` → days since 1970-01-01. */
export const dayNumber = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY;
export const isoDate = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/** Calendar quarter index (year × 4 + quarter − 1) and month index (year × 12 + month − 1) of a day. */
export function periodIndexes(day: number): { quarter: number; month: number } {
  const d = new Date(day * MS_PER_DAY);
  const month = d.getUTCFullYear() * 12 + d.getUTCMonth();
  return { quarter: Math.floor(month / 3), month };
}

/** First day of month index `m` (year × 12 + month − 1). */
export const monthStartDay = (m: number): number => Date.UTC(Math.floor(m / 12), m % 12, 1) / MS_PER_DAY;

export const quarterLabel = (q: number): string => `${Math.floor(q / 4)} Q${(q % 4) + 1}`;
export const monthLabel = (m: number): string => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

const literal = (value: string | number | boolean): string =>
  typeof value === 'string'
    ? `'${value.replace(/'/g, "''")}'`
    : typeof value === 'boolean'
      ? String(value).toUpperCase()
      : String(value);

function table(
  name: string,
  columns: readonly string[],
  rows: readonly (readonly (string | number | boolean)[])[],
): string {
  const create = `CREATE TABLE ${name} (${columns.join(', ')});`;
  if (!rows.length) return create;
  const values = rows.map((r) => `(${r.map(literal).join(', ')})`).join(',\n  ');
  return `${create}\nINSERT INTO ${name} VALUES\n  ${values};`;
}

export interface ReportParams {
  readonly asOfDay: number;
}

export function reportTablesSql(terms: ReportTerms, params: ReportParams): string {
  const { asOfDay } = params;
  const { quarter, month } = periodIndexes(asOfDay);
  const paramColumns: [string, number][] = [
    ['as_of_day', asOfDay],
    ['as_of_quarter', quarter],
    ['trailing_days', WINDOWS.trailingDays],
    ['coverage_days', WINDOWS.coverageDays],
    ['maturity_days', WINDOWS.maturityDays],
    ['fresh_days', DEAL_AGE_DISCOUNTS.freshDays],
    ['aging_days', DEAL_AGE_DISCOUNTS.agingDays],
    ['aging_factor', DEAL_AGE_DISCOUNTS.aging],
    ['stale_factor', DEAL_AGE_DISCOUNTS.stale],
    ['quota_per_ae', ASSUMPTIONS.quotaPerAe.value],
    ['attainment', ASSUMPTIONS.attainment.value],
    ['attrition', ASSUMPTIONS.attrition.value],
    ['ramp_factor', ASSUMPTIONS.rampFactor.value],
    ['active_opportunities_per_ae', ASSUMPTIONS.activeOpportunitiesPerAe.value],
    ['speed_to_lead_sla_minutes', HYGIENE.speedToLeadMinutes.max],
  ];
  // Whole months before the as-of month, oldest first.
  const months = Array.from({ length: WINDOWS.forecastMonths }, (_, i) => month - WINDOWS.forecastMonths + i);
  return [
    table(
      'params',
      paramColumns.map(([name, value]) => `${name} ${Number.isInteger(value) ? 'INTEGER' : 'DOUBLE PRECISION'}`),
      [paramColumns.map(([, value]) => value)],
    ),
    table(
      'stages',
      [
        'stage_name VARCHAR(255)',
        'stage_order INTEGER',
        'probability DOUBLE PRECISION',
        'forecast_category VARCHAR(40)',
        'is_closed BOOLEAN',
        'is_won BOOLEAN',
      ],
      terms.stages.map((s) => [s.name, s.order, s.probability, s.forecastCategory, s.closed, s.won]),
    ),
    table(
      'lead_status_roles',
      ['status VARCHAR(255)', 'funnel_role VARCHAR(20)'],
      Object.entries(terms.leadStatusRoles),
    ),
    table(
      'calendar_months',
      ['month_index INTEGER', 'start_day INTEGER', 'end_day INTEGER'],
      months.map((m) => [m, monthStartDay(m), monthStartDay(m + 1) - 1]),
    ),
    table(
      'forecast_horizons',
      ['horizon_days INTEGER'],
      WINDOWS.forecastHorizons.map((h) => [h]),
    ),
  ].join('\n');
}
