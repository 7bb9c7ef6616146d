/**
 * Forecasting records of a dataset, derived from its deals: the quarter holding the anchor date
 * and the next one as open periods, a team quota per period and segment (the quarter's deal ARR
 * over 3.5, so coverage starts inside the blueprint's 3-4x), and the accuracy snapshots the weekly job
 * has taken in the open quarter (the horizons already passed), one per segment roll-up.
 *
 * Then each rep's own quota per period, from the revenue plan (model/gtm): every active roster
 * member of an ARR quota role gets the role's annual quota for the quarter, ramped by tenure
 * (scripts/capacity/ramp.ts). The roster's quotaOwners names whose each one is. These are
 * supporting records: counted outside the dataset's record target (plan.ts), so adding them moves
 * no account, lead or deal.
 *
 * Not seeded, by the model's own rules (data check runs as an ordinary user): closed periods
 * (only the forecast admin closes one, Period_Closed_By_Forecast_Admin) and submissions (each is
 * a person's own call, with its owner, manager and version key, and a dataset has no users).
 */
import { periodQuota, roleHolders } from '../capacity/ramp.ts';
import { SEGMENTS, type SegmentKey } from './benchmarks.ts';
import { formatDay, quarterStart, type Day } from './calendar.ts';
import type { DealStory } from './deal-stories.ts';
import { EXTERNAL_ID_FIELD } from './catalog.ts';
import { deals } from './revops-records.ts';
import { rosterPeople } from './roster-people.ts';
import type { Values } from './values.ts';
import type { Base, World } from './world.ts';

export const PERIOD_OBJECT = 'Forecast_Period__c';
export const QUOTA_OBJECT = 'Forecast_Quota__c';
export const SNAPSHOT_OBJECT = 'Forecast_Snapshot__c';

/** The horizons of Forecast_Snapshot__c (model/forecasting/objects.ts), largest first. */
const HORIZON_WEEKS = [10, 6, 2];
/** Forecast-category weights of blueprint 003's category model (Commit, Best Case, Pipeline). */
const CATEGORY_WEIGHTS: Readonly<Record<string, number>> = { Commit: 1, 'Best Case': 0.5, Pipeline: 0.15 };
/** Quota = the quarter's deal ARR / this: pipeline coverage starts near the blueprint's 3-4x. */
const COVERAGE_AT_START = 3.5;
const PERIODS = 2;
const segments = Object.keys(SEGMENTS) as SegmentKey[];

const periodEnd = (today: Day, p: number): Day => quarterStart(today, p + 1) - 1;
const snapshotDays = (today: Day): Day[] =>
  HORIZON_WEEKS.map((w) => periodEnd(today, 0) - 7 * w).filter((day) => day <= today);

/** A rep's quota for a period, before it becomes a record. */
export interface RepQuota {
  readonly user: string;
  readonly role: string;
  readonly period: number;
  readonly segment: string;
  readonly quota: number;
}

/** The reps' own quotas: each period, each active holder of an ARR quota role of the revenue plan. */
export function repQuotas(base: Base): RepQuota[] {
  const plan = base.model.revenuePlan;
  const people = rosterPeople(base);
  if (!plan || !people) return [];
  const out: RepQuota[] = [];
  for (let p = 0; p < PERIODS; p++) {
    const [start, end] = [formatDay(quarterStart(base.today, p)), formatDay(periodEnd(base.today, p))];
    for (const role of plan.roles.filter((r) => r.measure !== 'pipeline'))
      for (const rep of roleHolders(role, people.users, people.seats))
        out.push({
          user: rep.id,
          role: role.role,
          period: p,
          segment: role.segment,
          quota: periodQuota(role, plan.ramp, rep.hiredOn, start, end),
        });
  }
  return out;
}

const teamQuotaCount = () => PERIODS * segments.length;

/** Records of each forecasting object; the plan counts them with the same functions. */
export function forecastCounts(base: Base): [string, number][] {
  return [
    [PERIOD_OBJECT, PERIODS],
    [QUOTA_OBJECT, teamQuotaCount() + repQuotas(base).length],
    [SNAPSHOT_OBJECT, snapshotDays(base.today).length * segments.length],
  ];
}

/** Forecasting records counted outside the record target (the reps' quotas). */
export const supportingForecastRecords = (base: Base): number =>
  base.catalog.has(QUOTA_OBJECT) ? repQuotas(base).length : 0;

/** Forecast_Quota__c External_Id__c → user id of the reps' quotas (the roster writes it). */
export function repQuotaOwners(world: World): Record<string, string> {
  const out: Record<string, string> = {};
  repQuotas(world).forEach((q, k) => (out[world.ids.generic(QUOTA_OBJECT, teamQuotaCount() + k)] = q.user));
  return out;
}

export function* periodRecords(world: World): Generator<Values> {
  for (let p = 0; p < PERIODS; p++) {
    const start = quarterStart(world.today, p);
    const end = periodEnd(world.today, p);
    const year = new Date(start * 86_400_000).getUTCFullYear();
    yield {
      [EXTERNAL_ID_FIELD]: world.ids.generic(PERIOD_OBJECT, p),
      Name: `FY${year}-Q${Math.floor(new Date(start * 86_400_000).getUTCMonth() / 3) + 1}`,
      Start_Date__c: start,
      End_Date__c: end,
      Status__c: 'Open',
      Closed_On__c: null,
      Closed_Won_ARR__c: null,
    };
  }
}

const round = (value: number, to: number) => Math.round(value / to) * to;

export function* quotaRecords(world: World): Generator<Values> {
  yield* teamQuotaRecords(world);
  let n = teamQuotaCount();
  for (const q of repQuotas(world))
    yield {
      [EXTERNAL_ID_FIELD]: world.ids.generic(QUOTA_OBJECT, n++),
      Forecast_Period__c: world.ids.generic(PERIOD_OBJECT, q.period),
      Segment__c: q.segment,
      Quota_ARR__c: q.quota,
    };
}

/** The team quota per period and segment (a manager's, in an org): what the snapshots measure coverage against. */
function* teamQuotaRecords(world: World): Generator<Values> {
  const arr = new Map<string, number>();
  for (const story of deals(world))
    for (let p = 0; p < PERIODS; p++)
      if (story.closeDay >= quarterStart(world.today, p) && story.closeDay <= periodEnd(world.today, p)) {
        const key = `${p}/${story.profile.segment}`;
        arr.set(key, (arr.get(key) ?? 0) + story.arr);
      }
  let n = 0;
  for (let p = 0; p < PERIODS; p++)
    for (const segment of segments)
      yield {
        [EXTERNAL_ID_FIELD]: world.ids.generic(QUOTA_OBJECT, n++),
        Forecast_Period__c: world.ids.generic(PERIOD_OBJECT, p),
        Segment__c: segment,
        Quota_ARR__c: Math.max(10_000, round((arr.get(`${p}/${segment}`) ?? 0) / COVERAGE_AT_START, 10_000)),
      };
}

/** The open stage a deal stood at on `day`: its progress spread evenly over its life so far. */
function stageOn(world: World, story: DealStory, day: Day): number {
  const end = story.outcome === 'open' ? world.today : story.closeDay;
  const share = end > story.createdDay ? (day - story.createdDay) / (end - story.createdDay) : 1;
  return Math.min(world.stages.open.length - 1, Math.floor(share * (story.passed + 1)));
}

interface Models {
  won: number;
  open: number;
  weighted: number;
  category: number;
  commit: number;
}

function modelsOn(world: World, segment: SegmentKey, day: Day, winRate: number): Values {
  const m: Models = { won: 0, open: 0, weighted: 0, category: 0, commit: 0 };
  const [start, end] = [quarterStart(world.today, 0), periodEnd(world.today, 0)];
  for (const story of deals(world)) {
    if (story.profile.segment !== segment || story.closeDay < start || story.closeDay > end) continue;
    if (story.closeDay <= day) {
      if (story.outcome === 'won') m.won += story.arr;
    } else if (story.createdDay <= day) {
      const stage = world.stages.open[stageOn(world, story, day)]!;
      m.open += story.arr;
      m.weighted += (story.arr * stage.probability) / 100;
      m.category += story.arr * (CATEGORY_WEIGHTS[stage.forecast] ?? 0);
      if (stage.forecast === 'Commit') m.commit += story.arr;
    }
  }
  return {
    Call__c: round(m.won + m.commit, 1000),
    Stage_Weighted__c: Math.round(m.won + m.weighted),
    Win_Rate_Model__c: Math.round(m.won + m.open * winRate),
    Category_Model__c: Math.round(m.won + m.category),
    Closed_Won_To_Date__c: m.won,
    Open_Pipeline__c: m.open,
  };
}

/** Won share of the segment's deals closed before the quarter: the historical win rate model. */
function winRates(world: World): Map<SegmentKey, number> {
  const start = quarterStart(world.today, 0);
  const tally = new Map(segments.map((s) => [s, { won: 0, closed: 0 }]));
  for (const story of deals(world))
    if (story.outcome !== 'open' && story.closeDay < start) {
      const t = tally.get(story.profile.segment)!;
      t.closed++;
      if (story.outcome === 'won') t.won++;
    }
  return new Map(segments.map((s) => [s, tally.get(s)!.closed ? tally.get(s)!.won / tally.get(s)!.closed : 0]));
}

export function* snapshotRecords(world: World): Generator<Values> {
  const quotas = new Map<string, unknown>();
  for (const q of teamQuotaRecords(world))
    if (q.Forecast_Period__c === world.ids.generic(PERIOD_OBJECT, 0)) quotas.set(String(q.Segment__c), q.Quota_ARR__c);
  const rates = winRates(world);
  let n = 0;
  for (const day of snapshotDays(world.today))
    for (const segment of segments)
      yield {
        [EXTERNAL_ID_FIELD]: world.ids.generic(SNAPSHOT_OBJECT, n++),
        Forecast_Period__c: world.ids.generic(PERIOD_OBJECT, 0),
        Level__c: 'Manager',
        Segment__c: segment,
        Horizon_Weeks__c: Math.round((periodEnd(world.today, 0) - day) / 7),
        Snapshot_Date__c: day,
        ...modelsOn(world, segment, day, rates.get(segment) ?? 0),
        Quota__c: quotas.get(segment) ?? null,
        Actual__c: null,
        Snapshot_Key__c: `${segment}/${world.ids.generic(PERIOD_OBJECT, 0)}/${Math.round((periodEnd(world.today, 0) - day) / 7)}`,
      };
}
