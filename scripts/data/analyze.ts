/**
 * Measures a dataset against the blueprints' benchmarks, reading only what is in the files (so
 * it measures any dataset, not just generated ones). Funnel conventions, since a snapshot only
 * holds each lead's current status: a status is the furthest step reached; Nurture and
 * Disqualified leads with an MQL date were turned back at acceptance; MQLs still waiting
 * (status MQL) are not yet dispositioned and left out of MQL → SAL.
 */
import type { RevOpsModel } from '../dsl/index.ts';
import { buildSchema } from '../schema/build.ts';
import { BENCHMARKS, type Range, type SegmentKey } from './benchmarks.ts';
import { contractEndDay, parseDay } from './calendar.ts';
import { DatasetError } from './errors.ts';
import { readManifest, type ManifestObject } from './manifest.ts';
import { leadStatusView, stageView, type FunnelStatus, type StageView } from './model-view.ts';
import { readRecords, type DatasetRecord } from './reader.ts';
import type { World } from './world.ts';
import { oppStory } from './deal-stories.ts';

export interface SegmentStats {
  readonly deals: number;
  readonly closed: number;
  readonly won: number;
  readonly winRate: number;
  readonly medianWonArr: number | null;
}

export interface DatasetStats {
  readonly anchorDate: string;
  readonly records: Record<string, number>;
  readonly leads: {
    readonly byStatus: Record<string, number>;
    readonly prospects: number;
    readonly inFlight: number;
    readonly dispositioned: number;
    readonly reachedSal: number;
    readonly reachedSql: number;
    readonly converted: number;
    readonly mqlToSal: number;
    readonly salToSql: number;
    readonly sqlToOpportunity: number;
    readonly disqualificationReasons: Record<string, number>;
    readonly touched: number;
    readonly slaBreached: number;
    readonly medianSpeedToLeadMinutes: number | null;
  };
  readonly opportunities: {
    readonly newBusiness: number;
    readonly renewals: number;
    readonly byStage: Record<string, number>;
    readonly open: number;
    readonly won: number;
    readonly lost: number;
    readonly noDecision: number;
    readonly winRate: number;
    readonly bySegment: Record<string, SegmentStats>;
    /** Open deals whose close date has passed: idle, past due. */
    readonly stale: number;
    readonly slipped: number;
    readonly lossReasons: Record<string, number>;
    readonly competitorLosses: number;
    readonly competitorLossesNamingCompetitor: number;
    /** Deals with a discount above their segment's ladder (awaiting or holding approval). */
    readonly discountsAboveLadder: number;
  };
  readonly contracts: {
    readonly total: number;
    readonly nonRenewing: number;
    /** Contracts ending within 0-90, 91-120 and 121-180 days of the anchor. */
    readonly renewalWindows: { readonly within90: number; readonly within120: number; readonly within180: number };
    readonly renewalOpportunities: number;
  };
  readonly handoffsByType: Record<string, number>;
}

const bump = (counts: Record<string, number>, key: string, by = 1) => (counts[key] = (counts[key] ?? 0) + by);
const ratio = (a: number, b: number) => (b ? a / b : 0);
const median = (xs: number[]) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const relationId = (value: unknown) =>
  value && typeof value === 'object'
    ? ((value as Record<string, unknown>).External_Id__c as string | undefined)
    : undefined;

/** Visits every record of one object (none when the dataset does not hold it). */
type EachRecord = (name: string, visit: (r: DatasetRecord) => void) => Promise<void>;

export async function analyzeDataset(dir: string, model: RevOpsModel): Promise<DatasetStats> {
  const schema = buildSchema(model);
  const manifest = await readManifest(dir);
  const anchorDate = manifest.anchorDate ?? '';
  const today = parseDay(anchorDate);
  if (today === undefined)
    throw new DatasetError(`${dir}/manifest.json`, 'has no anchorDate to measure against', undefined, {
      name: 'DatasetNoAnchorDate',
      actions: ['Add "anchorDate": "YYYY-MM-DD" to manifest.json, or regenerate the dataset'],
    });
  const each: EachRecord = async (name, visit) => {
    const e = manifest.objects.find((o: ManifestObject) => o.sobject === name);
    if (e) for await (const { record } of readRecords(dir, e)) visit(record);
  };

  const segmentOf = new Map<string, string>();
  await each('Account', (r) => segmentOf.set(r.External_Id__c as string, String(r.Segment__c)));
  const leads = await leadFunnel(each, leadStatusView(model, schema));
  const opportunities = await dealTallies(each, { model, stages: stageView(model, schema), segmentOf, today });
  const contracts = await contractTallies(each, today, opportunities.renewals);
  const handoffsByType: Record<string, number> = {};
  await each('Handoff_Packet__c', (r) => bump(handoffsByType, String(r.Handoff_Type__c)));
  return {
    anchorDate,
    records: Object.fromEntries(manifest.objects.map((o) => [o.sobject, o.count])),
    leads,
    opportunities,
    contracts,
    handoffsByType,
  };
}

/** The funnel from the leads' current statuses (see the conventions above). */
async function leadFunnel(each: EachRecord, statuses: Record<FunnelStatus, string>): Promise<DatasetStats['leads']> {
  const byStatus: Record<string, number> = {};
  const reasons: Record<string, number> = {};
  let prospects = 0;
  let touched = 0;
  let breached = 0;
  const speeds: number[] = [];
  await each('Lead', (r) => {
    const status = String(r.Status);
    bump(byStatus, status);
    if (!r.MQL_Date__c) prospects++;
    if (r.Disqualification_Reason__c) bump(reasons, String(r.Disqualification_Reason__c));
    if (r.MQL_Date__c && r.First_Touch_At__c) {
      const minutes = (Date.parse(String(r.First_Touch_At__c)) - Date.parse(String(r.MQL_Date__c))) / 60_000;
      touched++;
      speeds.push(minutes);
      if (minutes > BENCHMARKS.speedToLeadMinutes) breached++;
    }
  });
  const count = (...names: string[]) => names.reduce((n, s) => n + (byStatus[s] ?? 0), 0);
  const inFlight = count(statuses.mql);
  const reachedSal = count(statuses.sal, statuses.sql, statuses.converted);
  const reachedSql = count(statuses.sql, statuses.converted);
  const converted = count(statuses.converted);
  const dispositioned = Object.values(byStatus).reduce((a, b) => a + b, 0) - prospects - inFlight;
  return {
    byStatus,
    prospects,
    inFlight,
    dispositioned,
    reachedSal,
    reachedSql,
    converted,
    mqlToSal: ratio(reachedSal, dispositioned),
    salToSql: ratio(reachedSql, reachedSal),
    sqlToOpportunity: ratio(converted, reachedSql),
    disqualificationReasons: reasons,
    touched,
    slaBreached: breached,
    medianSpeedToLeadMinutes: median(speeds),
  };
}

interface DealContext {
  readonly model: RevOpsModel;
  readonly stages: StageView;
  readonly segmentOf: ReadonlyMap<string, string>;
  readonly today: number;
}

/** New-business deals by stage and segment, hygiene (stale, slipped), losses and the deal desk; renewals counted apart. */
async function dealTallies(each: EachRecord, context: DealContext): Promise<DatasetStats['opportunities']> {
  const { stages, today } = context;
  const byStage: Record<string, number> = {};
  const lossReasons: Record<string, number> = {};
  const segments: Record<string, { deals: number; closed: number; won: number; arr: number[] }> = {};
  const n = { newBusiness: 0, renewals: 0, stale: 0, slipped: 0, competitorLosses: 0, naming: 0, aboveLadder: 0 };
  const ladder = Object.fromEntries(
    context.model.customMetadataRecords
      .filter((r) => /ladder/i.test(r.type))
      .map((r) => [String(r.values.Segment__c), Number(r.values.Max_Discount__c)]),
  );
  await each('Opportunity', (r) => {
    if (relationId(r.Contract)) {
      n.renewals++;
      return;
    }
    n.newBusiness++;
    const stage = String(r.StageName);
    bump(byStage, stage);
    const segment = context.segmentOf.get(relationId(r.Account) ?? '') ?? 'unknown';
    const s = (segments[segment] ??= { deals: 0, closed: 0, won: 0, arr: [] });
    s.deals++;
    const isOpen = stages.open.some((x) => x.name === stage);
    if (!isOpen) s.closed++;
    if (stage === stages.won?.name) {
      s.won++;
      if (typeof r.ARR__c === 'number') s.arr.push(r.ARR__c);
    }
    if (isOpen && typeof r.CloseDate === 'string' && parseDay(r.CloseDate)! <= today) n.stale++;
    if (typeof r.Push_Count__c === 'number' && r.Push_Count__c > 0) n.slipped++;
    if (r.Loss_Reason__c) {
      bump(lossReasons, String(r.Loss_Reason__c));
      if (/competitor/i.test(String(r.Loss_Reason__c))) {
        n.competitorLosses++;
        if (r.Primary_Competitor__c) n.naming++;
      }
    }
    if (typeof r.Discount_Percent__c === 'number' && r.Discount_Percent__c > (ladder[segment] ?? Infinity))
      n.aboveLadder++;
  });
  const won = byStage[stages.won?.name ?? ''] ?? 0;
  const lost = byStage[stages.lost?.name ?? ''] ?? 0;
  const noDecision = byStage[stages.noDecision?.name ?? ''] ?? 0;
  return {
    newBusiness: n.newBusiness,
    renewals: n.renewals,
    byStage,
    open: n.newBusiness - won - lost - noDecision,
    won,
    lost,
    noDecision,
    winRate: ratio(won, won + lost + noDecision),
    bySegment: Object.fromEntries(
      Object.entries(segments).map(([k, s]) => [
        k,
        { deals: s.deals, closed: s.closed, won: s.won, winRate: ratio(s.won, s.closed), medianWonArr: median(s.arr) },
      ]),
    ),
    stale: n.stale,
    slipped: n.slipped,
    lossReasons,
    competitorLosses: n.competitorLosses,
    competitorLossesNamingCompetitor: n.naming,
    discountsAboveLadder: n.aboveLadder,
  };
}

/** Contracts, those whose customer gave notice, and how many end inside each renewal window. */
async function contractTallies(
  each: EachRecord,
  today: number,
  renewalOpportunities: number,
): Promise<DatasetStats['contracts']> {
  const windows = { within90: 0, within120: 0, within180: 0 };
  let total = 0;
  let nonRenewing = 0;
  await each('Contract', (r) => {
    total++;
    if (/non.?renew/i.test(String(r.Renewal_Type__c))) nonRenewing++;
    const start = parseDay(String(r.StartDate));
    if (start === undefined || typeof r.ContractTerm !== 'number') return;
    const days = contractEndDay(start, r.ContractTerm) - today;
    if (days < 0) return;
    if (days <= 90) windows.within90++;
    else if (days <= 120) windows.within120++;
    else if (days <= 180) windows.within180++;
  });
  return { total, nonRenewing, renewalWindows: windows, renewalOpportunities };
}

export interface BenchmarkCheck {
  readonly name: string;
  readonly value: number;
  readonly range: Range;
  readonly ok: boolean;
}

/** The dataset's figures next to the blueprint ranges they must fall in. */
export function benchmarkChecks(stats: DatasetStats): BenchmarkCheck[] {
  const check = (name: string, value: number, range: Range) => ({
    name,
    value,
    range,
    ok: value >= range.min && value <= range.max,
  });
  const checks = [
    check('MQL → SAL', stats.leads.mqlToSal, BENCHMARKS.mqlToSal),
    check('SAL → SQL', stats.leads.salToSql, BENCHMARKS.salToSql),
    check('SQL → Opportunity', stats.leads.sqlToOpportunity, BENCHMARKS.sqlToOpportunity),
    check('Win rate', stats.opportunities.winRate, BENCHMARKS.winRate),
  ];
  for (const [segment, s] of Object.entries(stats.opportunities.bySegment)) {
    const range = BENCHMARKS.arr[segment as SegmentKey];
    if (range && s.medianWonArr !== null) checks.push(check(`Median won ARR ${segment}`, s.medianWonArr, range));
  }
  return checks;
}

/**
 * Sales-cycle length is in the generator's stories, not in the records: the model has no field
 * for the date a deal was opened (CreatedDate is set by the org on load). Median days from
 * opening to close of won deals, per segment.
 */
export function storyCycleDays(world: World): Record<string, number | null> {
  const cycles: Record<string, number[]> = {};
  for (const i of world.plan.won) {
    const story = oppStory(world, i);
    (cycles[story.profile.segment] ??= []).push(story.closeDay - story.createdDay);
  }
  return Object.fromEntries(Object.entries(cycles).map(([k, v]) => [k, median(v)]));
}
