/**
 * Opportunities. Each deal has a story — outcome, how far it got, when it was opened and
 * closes, what it is worth — drawn from the segment's benchmarks. Its fields follow from the
 * story and from the model's stages: every exit criterion of a stage the deal has passed is
 * filled (the stage-gate rules hold), fields of the current stage are half done, later ones
 * empty. Renewal opportunities exist for contracts ending within 180 days.
 */
import { BENCHMARKS, PIPELINE, SEGMENTS, type SegmentKey } from './benchmarks.ts';
import { campaignFor, campaignProfile } from './campaigns.ts';
import { fiscalQuarter, MS_PER_DAY, type Day } from './calendar.ts';
import { EXTERNAL_ID_FIELD } from './catalog.ts';
import type { ContractStory } from './contracts.ts';
import { accountProfile, type AccountProfile } from './profiles.ts';
import type { Rng } from './prng.ts';
import { genericValue, type Values } from './values.ts';
import {
  COMPETITION,
  DECISION_CRITERIA,
  DECISION_PROCESS,
  DIRECT_INBOUND,
  METRICS,
  NEXT_STEPS,
  OUTBOUND,
  PRICE_PER_SEAT,
  PROBLEM_STATEMENTS,
  PRODUCT_FAMILIES,
  REGRESSION_REASONS,
  SKU_METRIC,
  STALE_NEXT_STEPS,
  USE_CASES,
  type SourceDef,
} from './vocabulary.ts';
import { rngFor, type Base, type Plan, type World } from './world.ts';

export type Outcome = 'open' | 'won' | 'lost' | 'noDecision';

/** What happened to a deal; every field value of the record follows from it. */
export interface DealStory {
  /** New-business opportunity index (for a renewal: the won opportunity it renews). */
  readonly index: number;
  readonly renewal: boolean;
  readonly account: number;
  /** Position among the account's opportunities (0 = the first deal). */
  readonly ordinal: number;
  readonly profile: AccountProfile;
  readonly outcome: Outcome;
  /** Open stages passed: a deal in open stage k has passed k, a won deal all of them. */
  readonly passed: number;
  readonly createdDay: Day;
  readonly closeDay: Day;
  readonly cycleDays: number;
  /** Idle open deal: the close date passed and only a nudge is planned. */
  readonly stale: boolean;
  /** Times the close date moved later. */
  readonly pushes: number;
  readonly regressed: boolean;
  readonly arr: number;
  readonly termMonths: number;
  readonly seats: number;
  readonly discount: number | null;
  readonly family: string;
  readonly pkg: string;
  readonly useCase: string;
  readonly source: SourceDef;
  readonly campaign: number;
  readonly expansion: boolean;
  readonly contractStartDay: Day;
}

type PlanningWorld = Base & { plan: Pick<Plan, 'accounts' | 'parentOf' | 'oppStart' | 'accountOfOpp' | 'campaigns'> };

const round500 = (x: number) => Math.max(500, Math.round(x / 500) * 500);
/** Weights n, n-1, ..., 1: most deals sit (or die) in early stages. */
const earlyStageWeights = (n: number) => Array.from({ length: n }, (_, k) => n - k);

function drawSource(
  world: PlanningWorld,
  rng: Rng,
  inbound: boolean,
  day: Day,
): { source: SourceDef; campaign: number } {
  if (!inbound) return { source: rng.weighted(OUTBOUND), campaign: -1 };
  const campaign = rng.bool(0.7) ? campaignFor(world, world.plan.campaigns, day, rng) : -1;
  if (campaign >= 0) return { source: campaignProfile(world, campaign).channel, campaign };
  return { source: rng.weighted(DIRECT_INBOUND), campaign: -1 };
}

/** The story of new-business opportunity `index` (pass the account's profile when iterating by account). */
export function oppStory(world: PlanningWorld, index: number, profile?: AccountProfile): DealStory {
  const { plan, stages, today } = world;
  const account = plan.accountOfOpp[index]!;
  profile ??= accountProfile(world, account);
  const segment: SegmentKey = profile.segment;
  const seg = SEGMENTS[segment];
  const rng = rngFor(world, 'opportunity', index);
  const n = Math.max(1, stages.open.length);

  let outcome: Outcome = 'open';
  if (rng.bool(PIPELINE.closedShare)) {
    if (rng.bool(seg.winRate) && stages.won) outcome = 'won';
    else if (stages.lost) outcome = stages.noDecision && rng.bool(PIPELINE.noDecisionShare) ? 'noDecision' : 'lost';
  }
  const bench = BENCHMARKS.cycleDays[segment];
  const cycleDays = Math.round(rng.logNormal(seg.cycleMedianDays, 0.3, bench.min, bench.max));
  const stageDrawn = rng.weightedIndex(earlyStageWeights(n));
  const passed = outcome === 'won' ? n : stageDrawn;

  let createdDay: Day;
  let closeDay: Day;
  let stale = false;
  const pushes = rng.bool(PIPELINE.slipped[outcome === 'noDecision' ? 'lost' : outcome])
    ? 1 + (rng.bool(0.35) ? 1 + (rng.bool(0.3) ? 1 : 0) : 0)
    : 0;
  if (outcome === 'open') {
    stale = rng.bool(PIPELINE.staleShare);
    const age = stale
      ? Math.round(cycleDays * rng.float(1.0, 1.5))
      : Math.max(1, Math.round((cycleDays * (passed + rng.float(0.1, 0.95))) / n));
    createdDay = today - age;
    const planned = createdDay + cycleDays + pushes * rng.int(14, 30);
    closeDay = stale ? today - rng.int(1, 45) : planned > today ? planned : today + rng.int(7, 30);
  } else {
    closeDay = today - rng.int(1, PIPELINE.closedWithinDays);
    const share = outcome === 'won' ? rng.float(0.85, 1.2) : ((passed + 1) / (n + 1)) * rng.float(0.8, 1.2);
    createdDay = closeDay - Math.max(1, Math.round(cycleDays * share));
  }

  const arrBench = BENCHMARKS.arr[segment];
  const arr = round500(rng.logNormal(seg.arrMedian, 0.45, arrBench.min, arrBench.max));
  const termMonths = rng.weighted(seg.termMonths);
  const pkg = rng.weighted(seg.packages);
  const family = rng.pick(PRODUCT_FAMILIES);
  const seats = Math.max(1, Math.round(arr / ((PRICE_PER_SEAT[pkg] ?? 600) * rng.float(0.85, 1.15))));
  const [lo, mode, hi] = seg.discount;
  const discount = rng.bool(seg.noDiscount) ? null : Math.round(rng.triangular(lo, mode, hi) * 2) / 2;
  const useCase = rng.pick(USE_CASES);
  const ordinal = index - plan.oppStart[account]!;
  const expansion = ordinal > 0;
  const inbound = rng.bool(expansion ? PIPELINE.expansionInboundShare : PIPELINE.inboundShare);
  const { source, campaign } = drawSource(world, rng, inbound, createdDay);
  return {
    index,
    renewal: false,
    account,
    ordinal,
    profile,
    outcome,
    passed,
    createdDay,
    closeDay,
    cycleDays,
    stale,
    pushes,
    regressed: outcome === 'open' && passed > 0 && rng.bool(0.05),
    arr,
    termMonths,
    seats,
    discount,
    family,
    pkg,
    useCase,
    source,
    campaign,
    expansion,
    contractStartDay: closeDay + rng.int(0, 30),
  };
}

const RENEWAL_SOURCE: SourceDef = { name: 'Customer Renewal', leadSource: 'Other', inbound: false };

/** The renewal opportunity of a won deal's contract: further along the closer the end date. */
export function renewalStory(world: Base, won: DealStory, contract: ContractStory): DealStory {
  const n = Math.max(1, world.stages.open.length);
  const daysToEnd = contract.endDay - world.today;
  const window = PIPELINE.renewalOpportunityWindowDays;
  return {
    ...won,
    renewal: true,
    outcome: 'open',
    passed: Math.min(n - 1, Math.max(0, Math.floor((1 - daysToEnd / window) * n))),
    createdDay: contract.endDay - window,
    closeDay: contract.endDay,
    cycleDays: window,
    stale: false,
    pushes: 0,
    regressed: false,
    arr: round500(contract.arr * (1 + (contract.uplift ?? 0) / 100)),
    discount: null,
    useCase: 'Renewal',
    source: RENEWAL_SOURCE,
    campaign: -1,
    expansion: true,
    contractStartDay: contract.endDay + 1,
  };
}

/** `{Segment}-{Geo}-{PrimaryProduct}-{UseCase}-{FiscalQ}` (blueprint 000 §1). */
export const dealName = (world: Base, story: DealStory): string =>
  `${segmentValue(world, story.profile.segment)}-${story.profile.geo}-${story.family}-${story.useCase}-${fiscalQuarter(story.closeDay)}`;

const segmentValue = (world: Base, segment: SegmentKey) =>
  world.picklists.prefer('Account', 'Segment__c', segment) ?? segment;

export const clmContractId = (world: World, story: DealStory): string =>
  `CLM-${new Date(story.contractStartDay * MS_PER_DAY).getUTCFullYear()}-${world.ids.opportunity(story.index).split('-').pop()}`;

/** Where a field not gated by the model is usually filled, as a share of the way through the stages. */
const NATURAL_PROGRESS: Record<string, number> = {
  Problem_Statement__c: 0,
  Economic_Buyer__c: 0,
  Metrics__c: 0.2,
  Champion__c: 0.2,
  Decision_Criteria__c: 0.2,
  Competition__c: 0.2,
  Mutual_Action_Plan_Url__c: 0.2,
  Decision_Process__c: 0.4,
  Primary_Competitor__c: 0.4,
  Tech_Validation_Complete__c: 0.4,
  Security_Review_Complete__c: 0.4,
  ARR__c: 0.6,
  Term_Months__c: 0.6,
  Seats__c: 0.6,
  Primary_SKU__c: 0.6,
  Discount_Percent__c: 0.6,
  Business_Case_Url__c: 0.6,
  Paper_Process__c: 0.6,
  Procurement_Path__c: 0.8,
  Contract_Id__c: 0.8,
  Contract_Start_Date__c: 0.8,
};

const LOSS_WEIGHTS: Record<'lost' | 'noDecision', Record<string, number>> = {
  lost: { Competitor: 0.3, Pricing: 0.2, 'Product Gap': 0.2, Timing: 0.1, 'No Budget': 0.1, 'Champion Left': 0.1 },
  noDecision: { 'No Decision': 0.5, 'No Budget': 0.25, Timing: 0.25 },
};

function weightedValue(rng: Rng, values: readonly string[], weights: Record<string, number>): string | null {
  if (!values.length) return null;
  const known = values.filter((v) => weights[v]);
  return known.length ? known[rng.weightedIndex(known.map((v) => weights[v]!))]! : rng.pick(values);
}

/** Contact of the account in committee seat `seat` (0 = economic buyer, 1 = champion). */
export function committeeContact(world: World, account: number, seat: number): string | null {
  const start = world.plan.contactStart[account]!;
  const count = world.plan.contactStart[account + 1]! - start;
  return count ? world.ids.contact(start + Math.min(seat, count - 1)) : null;
}

function stageName(world: Base, story: DealStory): string {
  const { stages } = world;
  if (story.outcome === 'won') return stages.won!.name;
  if (story.outcome === 'lost') return stages.lost!.name;
  if (story.outcome === 'noDecision') return stages.noDecision!.name;
  return stages.open[Math.min(story.passed, stages.open.length - 1)]?.name ?? 'Prospecting';
}

/** The record of a deal: known fields from the story, then every passed exit criterion enforced. */
export function opportunityValues(world: World, story: DealStory, rng: Rng): Values {
  const { picklists: pick, today, stages } = world;
  const id = story.renewal ? world.ids.renewal(story.index) : world.ids.opportunity(story.index);
  const n = Math.max(1, stages.open.length);
  const open = story.outcome === 'open';
  const won = story.outcome === 'won';
  const segment = story.profile.segment;
  const discount = won ? (story.discount ?? 0) : story.discount;
  const lossReason =
    story.outcome === 'lost' || story.outcome === 'noDecision'
      ? weightedValue(rng, pick.values('Opportunity', 'Loss_Reason__c'), LOSS_WEIGHTS[story.outcome])
      : null;
  const competitors = pick.values('Opportunity', 'Primary_Competitor__c');
  const lostToCompetitor = lossReason !== null && /competitor/i.test(lossReason);
  const namedCompetitors = competitors.filter((c) => !/do nothing/i.test(c));
  const slug = id.toLowerCase();

  // Progress through the stages: fields of passed stages are filled, of the current stage half the time.
  const inStage = rng.next();
  const reached = (field: string): boolean => {
    if (won) return true;
    const gate = stages.gateOf(field);
    const natural = gate ?? Math.round((NATURAL_PROGRESS[field] ?? 0) * n);
    return natural < story.passed || (natural === story.passed && inStage < 0.5);
  };
  const when = <T>(field: string, value: () => T): T | null => (reached(field) ? value() : null);

  const values: Values = {
    [EXTERNAL_ID_FIELD]: id,
    Name: dealName(world, story),
    AccountId: world.ids.account(story.account),
    Type: story.renewal
      ? pick.prefer('Opportunity', 'Type', 'Renewal', 'Existing Customer - Renewal')
      : pick.prefer('Opportunity', 'Type', story.expansion ? 'Existing Customer - Upgrade' : 'New Customer'),
    StageName: stageName(world, story),
    CloseDate: story.closeDay,
    Amount: story.arr,
    NextStep: open ? rng.pick(story.stale ? STALE_NEXT_STEPS : NEXT_STEPS) : null,
    LeadSource: pick.prefer('Opportunity', 'LeadSource', story.source.leadSource, 'Other'),
    CampaignId: story.campaign >= 0 ? world.ids.campaign(story.campaign) : null,
    ContractId: story.renewal ? world.ids.contract(story.index) : null,
    Problem_Statement__c: when('Problem_Statement__c', () => rng.pick(PROBLEM_STATEMENTS)),
    Metrics__c: when('Metrics__c', () => rng.pick(METRICS)),
    Economic_Buyer__c: when('Economic_Buyer__c', () => committeeContact(world, story.account, 0)),
    Champion__c: when('Champion__c', () => committeeContact(world, story.account, 1)),
    Decision_Criteria__c: when('Decision_Criteria__c', () => rng.pick(DECISION_CRITERIA)),
    Decision_Process__c: when('Decision_Process__c', () => rng.pick(DECISION_PROCESS)),
    Competition__c: when('Competition__c', () => rng.pick(COMPETITION)),
    Primary_Competitor__c: lostToCompetitor
      ? (rng.pick(namedCompetitors.length ? namedCompetitors : competitors) ?? null)
      : when('Primary_Competitor__c', () => (competitors.length && rng.bool(0.45) ? rng.pick(competitors) : null)),
    Mutual_Action_Plan_Url__c: when('Mutual_Action_Plan_Url__c', () => `https://plans.revops-os.example/map/${slug}`),
    Tech_Validation_Complete__c: reached('Tech_Validation_Complete__c'),
    Security_Review_Complete__c: reached('Security_Review_Complete__c'),
    Business_Case_Url__c: when('Business_Case_Url__c', () => `https://docs.revops-os.example/business-case/${slug}`),
    Paper_Process__c: when('Paper_Process__c', () =>
      rng.pick(
        segment === 'SMB'
          ? ['Order Form Only', 'Our MSA']
          : segment === 'ENT'
            ? ['Customer Paper', 'Procurement Portal', 'Our MSA']
            : ['Our MSA', 'Order Form Only', 'Customer Paper'],
      ),
    ),
    Procurement_Path__c: when('Procurement_Path__c', () =>
      rng.weighted([
        ['Direct', 0.7],
        ['Reseller', 0.1],
        ['Marketplace', 0.1],
        ['Procurement Portal', segment === 'ENT' ? 0.2 : 0.02],
      ]),
    ),
    Contract_Id__c: when('Contract_Id__c', () => clmContractId(world, story)),
    Contract_Start_Date__c: when('Contract_Start_Date__c', () => story.contractStartDay),
    ARR__c: when('ARR__c', () => story.arr),
    Term_Months__c: when('Term_Months__c', () => story.termMonths),
    Seats__c: when('Seats__c', () => story.seats),
    Primary_SKU__c: when('Primary_SKU__c', () => `${story.family}:${story.pkg}:${SKU_METRIC[story.family] ?? 'Seat'}`),
    Discount_Percent__c: when('Discount_Percent__c', () => discount),
    Next_Step_Date__c: open ? today + rng.int(0, story.stale ? 3 : 14) : null,
    Slip_Reason__c: story.pushes ? (rng.pick(pick.values('Opportunity', 'Slip_Reason__c')) ?? null) : null,
    Push_Count__c: story.pushes,
    Last_Slip_Date__c: story.pushes
      ? Math.max(
          story.createdDay,
          Math.min(today, story.closeDay, story.createdDay + rng.int(7, Math.max(7, story.cycleDays))),
        )
      : null,
    Stage_Regression_Reason__c: story.regressed ? rng.pick(REGRESSION_REASONS) : null,
    Loss_Reason__c: lossReason,
    Lead_Source_Original__c: story.source.name,
  };
  enforceExitCriteria(world, story, values, rng);
  Object.assign(values, discountDecision(world, story, values));
  return values;
}

/**
 * The deal desk: a discount above the segment's ladder was approved (preferred), or awaits
 * approval, or the deal went ahead at the ladder: whichever the model's rules let a record be
 * inserted with at the deal's stage.
 */
function discountDecision(world: World, story: DealStory, values: Values): Values {
  const discount = values.Discount_Percent__c as number | null;
  if (discount === null || discount === undefined) return { Discount_Approval_Status__c: null };
  const status = (s: string) => world.picklists.prefer('Opportunity', 'Discount_Approval_Status__c', s);
  const ladder = world.ladder[story.profile.segment];
  const candidates: Values[] =
    discount > ladder
      ? [
          { Discount_Percent__c: discount, Discount_Approval_Status__c: status('Approved') },
          { Discount_Percent__c: discount, Discount_Approval_Status__c: status('Pending') },
          { Discount_Percent__c: ladder, Discount_Approval_Status__c: status('Not Required') },
        ]
      : [{ Discount_Percent__c: discount, Discount_Approval_Status__c: status('Not Required') }];
  candidates.push({ Discount_Percent__c: null, Discount_Approval_Status__c: null });
  const { profile } = story;
  const account = {
    Id: values.AccountId,
    Name: profile.name,
    Segment__c: segmentValue(world, profile.segment),
    Geo__c: profile.geo,
    Vertical__c: profile.vertical,
    ICP_Tier__c: profile.tier,
    Website_Domain__c: profile.domain,
  };
  return world.guard.choose('Opportunity', values, candidates, { Account: account }) ?? candidates.at(-1)!;
}

/** Every exit criterion of every stage the deal has passed holds a value, whatever the field. */
function enforceExitCriteria(world: World, story: DealStory, values: Values, rng: Rng): void {
  const object = world.catalog.get('Opportunity');
  if (!object) return;
  for (const stage of world.stages.open.slice(0, story.passed)) {
    for (const criterion of stage.exit) {
      const name = criterion.field.field;
      const current = values[name];
      if (current !== null && current !== undefined && current !== false && current !== '') continue;
      const column = object.columns.find((c) => c.field.name === name);
      if (!column) continue;
      values[name] =
        column.field.type === 'boolean'
          ? true
          : column.target === 'Contact'
            ? committeeContact(world, story.account, rng.int(0, 3))
            : genericValue(world, object, column, rng, values[EXTERNAL_ID_FIELD] as string);
    }
  }
}

/** New-business deals, account by account, then the renewal opportunities. */
export function* opportunityRecords(world: World, contractOf: (story: DealStory) => ContractStory): Generator<Values> {
  const { plan } = world;
  for (let a = 0; a < plan.accounts; a++) {
    const profile = accountProfile(world, a);
    for (let i = plan.oppStart[a]!; i < plan.oppStart[a + 1]!; i++) {
      const story = oppStory(world, i, profile);
      yield opportunityValues(world, story, rngFor(world, 'opportunity-fields', i));
    }
  }
  for (const i of plan.renewals) {
    const won = oppStory(world, i);
    yield opportunityValues(world, renewalStory(world, won, contractOf(won)), rngFor(world, 'renewal-fields', i));
  }
}
