/**
 * The monthly RevOps memo and its board appendix (blueprint 000 §9): forecast accuracy, pipeline
 * coverage, discount integrity, SLA adherence and open risks, from the analytics report's
 * metrics (scripts/analytics) and the few records it does not read (forecast snapshots, discounts
 * against the ladder, exceptions), and the GTM risk register. memo-render.ts writes it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DISCOUNT_LADDER } from '../../model/governance/discount-ladder.ts';
import { riskRegister, type RiskEntry } from '../../model/compliance/risks-register.ts';
import { OPEN_RISK_STATUSES } from '../../model/compliance/risks.ts';
import type { Metrics } from '../analytics/metrics-types.ts';

type Row = Record<string, unknown>;

export interface ForecastCall {
  readonly segment: string;
  readonly snapshotDate: string;
  readonly horizonWeeks: number;
  readonly call: number;
  readonly quota: number;
  readonly closedWonToDate: number;
  readonly stageWeighted: number;
}

export interface DiscountIntegrity {
  readonly discountedWon: number;
  readonly aboveLadder: number;
  readonly aboveLadderApproved: number;
  /** Above the ladder and not approved: the leakage the deal desk never saw. */
  readonly leaked: number;
  /** Share of discounted won deals within the ladder or approved. */
  readonly integrity: number | null;
  readonly averageDiscount: number | null;
}

export interface ExceptionReview {
  readonly byStatus: Record<string, number>;
  readonly expiringIn7Days: number;
  /** Live (Requested/Approved) past their expiry date: should be 0, the Expiries job sets them Expired. */
  readonly pastExpiryNotExpired: number;
}

export interface MemoRisk extends RiskEntry {
  readonly score: number;
  readonly decisionDue: string;
  readonly decisionOverdue: boolean;
}

export interface Memo {
  readonly asOf: string;
  readonly dataset: string;
  readonly metrics: Metrics;
  readonly forecast: readonly ForecastCall[];
  readonly discounts: DiscountIntegrity;
  readonly handoffSla: { readonly packets: number; readonly breached: number; readonly adherence: number | null };
  readonly exceptions: ExceptionReview;
  readonly risks: readonly MemoRisk[];
}

export async function readRows(dataset: string, sobject: string): Promise<Row[]> {
  const text = await readFile(join(dataset, `${sobject}.ndjson`), 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return '';
    throw e;
  });
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Row);
}

const ref = (v: unknown) => (v as { External_Id__c?: string } | null)?.External_Id__c;
const ratio = (n: number, d: number) => (d ? n / d : null);
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The latest manager call per segment (the weekly snapshot job's rows). */
export function forecastCalls(snapshots: readonly Row[]): ForecastCall[] {
  const latest = new Map<string, Row>();
  for (const s of snapshots) {
    if (s.Level__c !== 'Manager') continue;
    const had = latest.get(String(s.Segment__c));
    if (!had || String(s.Snapshot_Date__c) > String(had.Snapshot_Date__c)) latest.set(String(s.Segment__c), s);
  }
  return [...latest.values()]
    .map((s) => ({
      segment: String(s.Segment__c),
      snapshotDate: String(s.Snapshot_Date__c),
      horizonWeeks: Number(s.Horizon_Weeks__c),
      call: Number(s.Call__c),
      quota: Number(s.Quota__c),
      closedWonToDate: Number(s.Closed_Won_To_Date__c),
      stageWeighted: Number(s.Stage_Weighted__c),
    }))
    .sort((a, b) => (a.segment < b.segment ? -1 : 1));
}

/** Closed-won deals with a discount, against their account segment's ladder (model/governance/discount-ladder.ts). */
export function discountIntegrity(opportunities: readonly Row[], accounts: readonly Row[]): DiscountIntegrity {
  const segmentOf = new Map(accounts.map((a) => [String(a.External_Id__c), String(a.Segment__c)]));
  const won = opportunities.filter((o) => o.StageName === 'Closed Won' && typeof o.Discount_Percent__c === 'number');
  const ladder = DISCOUNT_LADDER as Record<string, number>;
  const above = won.filter(
    (o) => (o.Discount_Percent__c as number) > (ladder[segmentOf.get(ref(o.Account) ?? '') ?? ''] ?? 0),
  );
  const approved = above.filter((o) => o.Discount_Approval_Status__c === 'Approved').length;
  const total = won.reduce((s, o) => s + (o.Discount_Percent__c as number), 0);
  return {
    discountedWon: won.length,
    aboveLadder: above.length,
    aboveLadderApproved: approved,
    leaked: above.length - approved,
    integrity: ratio(won.length - (above.length - approved), won.length),
    averageDiscount: won.length ? total / won.length / 100 : null,
  };
}

export function exceptionReview(exceptions: readonly Row[], asOf: string): ExceptionReview {
  const byStatus: Record<string, number> = {};
  for (const e of exceptions) byStatus[String(e.Status__c)] = (byStatus[String(e.Status__c)] ?? 0) + 1;
  const live = exceptions.filter((e) => e.Status__c === 'Requested' || e.Status__c === 'Approved');
  const week = addDays(asOf, 7);
  return {
    byStatus,
    expiringIn7Days: live.filter((e) => String(e.Expires_On__c) >= asOf && String(e.Expires_On__c) <= week).length,
    pastExpiryNotExpired: live.filter((e) => String(e.Expires_On__c) < asOf).length,
  };
}

/** Open risks (Open, Mitigating), highest score first, with their decision due date. */
export function openRisks(register: readonly RiskEntry[], asOf: string): MemoRisk[] {
  return register
    .filter((r) => OPEN_RISK_STATUSES.includes(r.Status__c))
    .map((r) => {
      const decisionDue = addDays(r.Raised_On__c, r.Decision_SLA_Days__c);
      return {
        ...r,
        score: r.Likelihood__c * r.Impact__c,
        decisionDue,
        decisionOverdue: !r.Decided_On__c && decisionDue < asOf,
      };
    })
    .sort((a, b) => b.score - a.score || (a.Name < b.Name ? -1 : 1));
}

/** The memo of `dataset` from its report's metrics; `register` defaults to the model's risk register. */
export async function buildMemo(
  dataset: string,
  metrics: Metrics,
  register: readonly RiskEntry[] = riskRegister,
): Promise<Memo> {
  const [snapshots, opportunities, accounts, exceptions, packets] = await Promise.all(
    ['Forecast_Snapshot__c', 'Opportunity', 'Account', 'Deal_Exception__c', 'Handoff_Packet__c'].map((o) =>
      readRows(dataset, o),
    ),
  );
  const breached = packets!.filter((p) => p.SLA_Breached__c === true).length;
  return {
    asOf: metrics.asOf,
    dataset: metrics.source.name,
    metrics,
    forecast: forecastCalls(snapshots!),
    discounts: discountIntegrity(opportunities!, accounts!),
    handoffSla: { packets: packets!.length, breached, adherence: ratio(packets!.length - breached, packets!.length) },
    exceptions: exceptionReview(exceptions!, metrics.asOf),
    risks: openRisks(register, metrics.asOf),
  };
}
