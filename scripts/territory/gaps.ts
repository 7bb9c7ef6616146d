/**
 * Quarterly gap analysis (000 §3, 002 review cadence "quarterly assessment"): per territory, the
 * bookings run-rate (closed-won Amount per quarter over the four fiscal quarters before the
 * current one), the open pipeline closing in the current and the next quarter, the pipeline that
 * `pipelineCoverage`× the run-rate needs, and the gap.
 */
import type { DatasetRecord } from '../data/reader.ts';
import type { TerritoryDesignDef } from '../dsl/index.ts';

export interface QuarterGap {
  readonly territory: string;
  readonly quarter: string;
  readonly runRate: number;
  readonly needed: number;
  readonly pipeline: number;
  readonly gap: number;
}

/** Fiscal quarter index (years × 4 + quarter) of a YYYY-MM-DD day, for a year starting in `startMonth`. */
export function fiscalQuarterIndex(day: string, startMonth: number): number {
  const months = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - startMonth;
  return Math.floor(months / 3);
}

/** `FY2026Q4`: the fiscal year is named by the calendar year it ends in. */
export function fiscalQuarterLabel(index: number, startMonth: number): string {
  const year = Math.floor(index / 4) + (startMonth === 1 ? 0 : 1);
  return `FY${year}Q${(index % 4) + 1}`;
}

const round = (x: number) => Math.round(x * 100) / 100;

export function quarterGaps(
  design: TerritoryDesignDef,
  scores: readonly { readonly territory: string }[],
  opportunities: readonly DatasetRecord[],
  territoryOf: ReadonlyMap<string, string>,
  stages: ReadonlyMap<string, { readonly closed: boolean; readonly won: boolean }>,
  anchorDate: string,
): QuarterGap[] {
  const start = design.fiscalYearStartMonth;
  const current = fiscalQuarterIndex(anchorDate, start);
  const won = new Map<string, number>();
  const open = new Map<string, number>();
  for (const o of opportunities) {
    const t = territoryOf.get((o.Account as { External_Id__c?: string } | null)?.External_Id__c ?? '');
    const stage = stages.get(String(o.StageName));
    if (!t || !stage || typeof o.CloseDate !== 'string') continue;
    const q = fiscalQuarterIndex(o.CloseDate, start);
    const amount = Number(o.Amount ?? 0) || 0;
    if (stage.won && q >= current - 4 && q < current) won.set(t, (won.get(t) ?? 0) + amount);
    if (!stage.closed && (q === current || q === current + 1))
      open.set(`${t}|${q}`, (open.get(`${t}|${q}`) ?? 0) + amount);
  }
  const out: QuarterGap[] = [];
  for (const { territory } of scores) {
    const runRate = (won.get(territory) ?? 0) / 4;
    const needed = design.pipelineCoverage * runRate;
    for (const q of [current, current + 1]) {
      const pipeline = open.get(`${territory}|${q}`) ?? 0;
      out.push({
        territory,
        quarter: fiscalQuarterLabel(q, start),
        runRate: round(runRate),
        needed: round(needed),
        pipeline: round(pipeline),
        gap: round(Math.max(0, needed - pipeline)),
      });
    }
  }
  return out;
}
