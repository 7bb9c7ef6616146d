/**
 * What happened to each deal and each contract — the stories every record generator reads. A
 * deal's story (outcome, how far it got, when it opened and closes, what it is worth) is drawn
 * from its segment's benchmarks; a won deal's contract story sets the renewal clock; a contract
 * ending inside the renewal window gets a renewal deal. Records (opportunities.ts, contracts.ts,
 * people.ts...) follow from these stories and never draw them differently.
 */
import { BENCHMARKS, PIPELINE, SEGMENTS, type SegmentKey } from './benchmarks.ts';
import { campaignFor, campaignProfile } from './campaigns.ts';
import { contractEndDay, type Day } from './calendar.ts';
import { accountProfile, type AccountProfile } from './profiles.ts';
import type { Rng } from './prng.ts';
import { DIRECT_INBOUND, OUTBOUND, PRICE_PER_SEAT, PRODUCT_FAMILIES, USE_CASES, type SourceDef } from './vocabulary.ts';
import { rngFor, type Base, type Plan } from './world.ts';

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

  const { createdDay, closeDay, stale, pushes } = dealTiming(rng, today, { outcome, cycleDays, passed, stages: n });

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

/**
 * When a deal opened and closes (or is due to), whether it went stale, how often it slipped. Drawn
 * right after the outcome and stage, in this order: the same seed must give the same dates.
 */
function dealTiming(
  rng: Rng,
  today: Day,
  deal: { readonly outcome: Outcome; readonly cycleDays: number; readonly passed: number; readonly stages: number },
): { createdDay: Day; closeDay: Day; stale: boolean; pushes: number } {
  const { outcome, cycleDays, passed, stages: n } = deal;
  const pushes = rng.bool(PIPELINE.slipped[outcome === 'noDecision' ? 'lost' : outcome])
    ? 1 + (rng.bool(0.35) ? 1 + (rng.bool(0.3) ? 1 : 0) : 0)
    : 0;
  if (outcome === 'open') {
    const stale = rng.bool(PIPELINE.staleShare);
    const age = stale
      ? Math.round(cycleDays * rng.float(1.0, 1.5))
      : Math.max(1, Math.round((cycleDays * (passed + rng.float(0.1, 0.95))) / n));
    const createdDay = today - age;
    const planned = createdDay + cycleDays + pushes * rng.int(14, 30);
    // A stale deal is due on the anchor day and has not moved: an open deal cannot be saved with a
    // past close date (Open_Deal_Close_Date_Not_Past), so the seed's stale deals fall due as it loads.
    const closeDay = stale ? today : planned > today ? planned : today + rng.int(7, 30);
    return { createdDay, closeDay, stale, pushes };
  }
  const closeDay = today - rng.int(1, PIPELINE.closedWithinDays);
  const share = outcome === 'won' ? rng.float(0.85, 1.2) : ((passed + 1) / (n + 1)) * rng.float(0.8, 1.2);
  return { createdDay: closeDay - Math.max(1, Math.round(cycleDays * share)), closeDay, stale: false, pushes };
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

export interface ContractStory {
  readonly startDay: Day;
  readonly endDay: Day;
  readonly termMonths: number;
  readonly arr: number;
  readonly renewalType: 'Auto-Renew' | 'Manual' | 'Evergreen' | 'Non-Renewing';
  readonly uplift: number | null;
  readonly cap: number | null;
}

export function contractStory(world: Base, won: DealStory): ContractStory {
  const rng = rngFor(world, 'contract', won.index);
  const renewalType = rng.bool(PIPELINE.nonRenewingShare)
    ? 'Non-Renewing'
    : rng.weighted<ContractStory['renewalType']>([
        ['Auto-Renew', 0.5],
        ['Manual', 0.45],
        ['Evergreen', 0.05],
      ]);
  const cap = rng.bool(0.8) ? rng.pick([3, 5, 7, 10]) : null;
  const uplift = renewalType === 'Non-Renewing' ? null : Math.round(rng.float(0, cap ?? 5) * 2) / 2;
  return {
    startDay: won.contractStartDay,
    endDay: contractEndDay(won.contractStartDay, won.termMonths),
    termMonths: won.termMonths,
    arr: won.arr,
    renewalType,
    uplift,
    cap,
  };
}

/** Does this contract get a renewal opportunity (ends within the window, customer not leaving)? */
export function renewsInWindow(world: Base, contract: ContractStory): boolean {
  const days = contract.endDay - world.today;
  return contract.renewalType !== 'Non-Renewing' && days >= 0 && days <= PIPELINE.renewalOpportunityWindowDays;
}
