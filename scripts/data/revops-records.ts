/**
 * The RevOps registries around deals (blueprint 000 §4, §7, §9): hand-off packets at each
 * hand-off (SDR→AE for sourced deals, AE→SE for technical evaluations, AE→CS on Closed Won,
 * CS→Renewals for renewals), commitments made while selling, concessions given on won deals,
 * and open deal exceptions awaiting review. What a deal has is a pure function of its story, so
 * the plan counts these records with the same functions that write them.
 */
import { EXTERNAL_ID_FIELD } from './catalog.ts';
import { contractStory, oppStory, renewalStory, type ContractStory, type DealStory } from './deal-stories.ts';
import { handoffTimes, pocRecords, POC_OBJECT } from './lifecycle-records.ts';
import { accountProfile } from './profiles.ts';
import type { Rng } from './prng.ts';
import { preferenceOrder } from './rule-guard.ts';
import type { Values } from './values.ts';
import {
  COMMITMENT_TEXT,
  CONCESSION_DETAILS,
  EXCEPTION_DETAILS,
  HANDOFF_REJECTIONS,
  PRICE_PER_SEAT,
  RISKS,
  SUCCESS_CRITERIA,
  USE_CASE_TEXT,
} from './vocabulary.ts';
import { rngFor, type Base, type World } from './world.ts';

const HANDOFFS = [
  { code: 'SA', pattern: /sdr.*ae/i },
  { code: 'AS', pattern: /ae.*se/i },
  { code: 'AC', pattern: /ae.*cs/i },
  { code: 'CR', pattern: /cs.*renew/i },
] as const;
type HandoffCode = (typeof HANDOFFS)[number]['code'];

export const HANDOFF_OBJECT = 'Handoff_Packet__c';
export const COMMITMENT_OBJECT = 'Commitment__c';
export const CONCESSION_OBJECT = 'Concession__c';
export const EXCEPTION_OBJECT = 'Deal_Exception__c';

function handoffType(world: Base, code: HandoffCode): string | undefined {
  const pattern = HANDOFFS.find((h) => h.code === code)!.pattern;
  return world.picklists.values(HANDOFF_OBJECT, 'Handoff_Type__c').find((v) => pattern.test(v));
}

/** Hand-offs of a new-business deal (the CS→Renewals packet belongs to its renewal opportunity). */
export function handoffsOf(world: Base, story: DealStory): HandoffCode[] {
  if (story.renewal) return handoffType(world, 'CR') ? ['CR'] : [];
  const rng = rngFor(world, 'handoffs', story.index);
  const codes: HandoffCode[] = [];
  const technical = story.passed >= Math.ceil(world.stages.open.length * 0.4);
  if (story.source.inbound) codes.push('SA');
  if (technical && rng.bool(0.6)) codes.push('AS');
  if (story.outcome === 'won') codes.push('AC');
  return codes.filter((c) => handoffType(world, c));
}

export function commitmentsOf(world: Base, story: DealStory): number {
  const rng = rngFor(world, 'commitments', story.index);
  if (story.outcome === 'won') return rng.weightedIndex([0.5, 0.35, 0.15]);
  if (story.outcome === 'open' && story.passed >= Math.ceil(world.stages.open.length * 0.6))
    return rng.weightedIndex([0.7, 0.3]);
  return 0;
}

export function hasConcession(world: Base, story: DealStory): boolean {
  return story.outcome === 'won' && rngFor(world, 'concession', story.index).bool(story.discount ? 0.35 : 0.15);
}

/** Open deals with an off-process request: discounts above the ladder, and a few others. */
export function exceptionReason(world: Base, story: DealStory): string | null {
  if (story.outcome !== 'open') return null;
  const reasons = world.picklists.values(EXCEPTION_OBJECT, 'Reason__c');
  const aboveLadder = reasons.find((r) => /ladder/i.test(r));
  const rng = rngFor(world, 'exception', story.index);
  const applied = story.passed >= Math.round(0.6 * world.stages.open.length) ? story.discount : null;
  if (aboveLadder && applied !== null && applied > world.ladder[story.profile.segment]) return aboveLadder;
  return rng.bool(0.05) ? (rng.pick(reasons.filter((r) => r !== aboveLadder)) ?? null) : null;
}

const statusOf = (rng: Rng, recent: boolean): string =>
  recent
    ? 'Submitted'
    : rng.weighted([
        ['Accepted', 0.8],
        ['Submitted', 0.1],
        ['Rejected', 0.06],
        ['Draft', 0.04],
      ]);

function handoffValues(world: World, story: DealStory, code: HandoffCode, commitments: number): Values {
  const rng = rngFor(world, `handoff-${code}`, story.index);
  const { today } = world;
  const handedOverOn = code === 'SA' ? story.createdDay : code === 'AC' ? story.closeDay : story.createdDay + 20;
  const status = world.picklists.prefer(HANDOFF_OBJECT, 'Status__c', statusOf(rng, today - handedOverOn < 3));
  const draft = status === 'Draft';
  const opportunity = story.renewal ? world.ids.renewal(story.index) : world.ids.opportunity(story.index);
  const lead = code === 'SA' ? world.plan.leadOfOpp[story.index]! : -1;
  return {
    [EXTERNAL_ID_FIELD]: world.ids.handoff(HANDOFF_OBJECT, code, story.index),
    Handoff_Type__c: handoffType(world, code) ?? null,
    Opportunity__c: opportunity,
    Account__c: world.ids.account(story.account),
    Lead__c: lead >= 0 ? world.ids.lead(lead) : null,
    Use_Case__c: rng.pick(USE_CASE_TEXT),
    Success_Criteria__c: rng.pick(SUCCESS_CRITERIA),
    Risks__c: draft ? null : rng.pick(RISKS),
    Commitments_Summary__c: commitments ? `${commitments} commitment(s) in the registry; see Commitments.` : 'None.',
    Status__c: status,
    Rejection_Reason__c: status === 'Rejected' ? rng.pick(HANDOFF_REJECTIONS) : null,
    ...handoffTimes(
      world,
      story.index + (story.renewal ? world.plan.opportunities : 0),
      code,
      status ?? 'Draft',
      handedOverOn,
    ),
  };
}

/** Iterates won and open deals once per generator: the story is recomputed, never stored. */
export function* deals(world: World): Generator<DealStory> {
  const { plan } = world;
  for (let a = 0; a < plan.accounts; a++) {
    const profile = accountProfile(world, a);
    for (let i = plan.oppStart[a]!; i < plan.oppStart[a + 1]!; i++) yield oppStory(world, i, profile);
  }
}

export function* handoffRecords(world: World): Generator<Values> {
  for (const story of deals(world)) {
    const commitments = world.catalog.has(COMMITMENT_OBJECT) ? commitmentsOf(world, story) : 0;
    for (const code of handoffsOf(world, story)) yield handoffValues(world, story, code, commitments);
  }
  for (const i of world.plan.renewals) {
    const won = oppStory(world, i);
    const renewal = renewalStory(world, won, contractStory(world, won));
    for (const code of handoffsOf(world, renewal)) yield handoffValues(world, renewal, code, 0);
  }
}

export function* commitmentRecords(world: World): Generator<Values> {
  const types = world.picklists.values(COMMITMENT_OBJECT, 'Type__c');
  for (const story of deals(world)) {
    const count = commitmentsOf(world, story);
    for (let k = 0; k < count; k++) {
      const rng = rngFor(world, `commitment-${k}`, story.index);
      const type = rng.pick(types) ?? null;
      const due = story.outcome === 'won' ? story.contractStartDay + rng.int(14, 180) : story.closeDay + rng.int(0, 90);
      const values: Values = {
        [EXTERNAL_ID_FIELD]: world.ids.perOpportunity(COMMITMENT_OBJECT, story.index, k),
        Opportunity__c: world.ids.opportunity(story.index),
        Account__c: world.ids.account(story.account),
        Type__c: type,
        Description__c: rng.pick(COMMITMENT_TEXT[type ?? ''] ?? COMMITMENT_TEXT.Services!),
        Due_Date__c: due,
        Overdue__c: false,
      };
      // Past due: mostly delivered, some missed, a few still open (when the rules allow seeding those).
      const statuses = preferenceOrder<string>(
        rng.next(),
        due < world.today
          ? [
              ['Delivered', 0.75],
              ['Missed', 0.15],
              ['Open', 0.1],
            ]
          : [
              ['Open', 0.6],
              ['In Progress', 0.4],
            ],
      ).map((s) => ({ Status__c: world.picklists.prefer(COMMITMENT_OBJECT, 'Status__c', s) }));
      yield { ...values, ...(world.guard.choose(COMMITMENT_OBJECT, values, statuses) ?? statuses[0]) };
    }
  }
}

function concessionValue(type: string, story: DealStory, contract: ContractStory): number {
  switch (type) {
    case 'Discount':
      return story.arr * ((story.discount ?? 5) / 100);
    case 'Free Months':
      return (story.arr / 12) * 2;
    case 'Extra Seats':
      return Math.ceil(story.seats * 0.1) * (PRICE_PER_SEAT[story.pkg] ?? 600);
    case 'Price Lock':
      return story.arr * ((contract.cap ?? 5) / 100);
    default:
      return story.arr * 0.02;
  }
}

export function* concessionRecords(world: World): Generator<Values> {
  const types = world.picklists.values(CONCESSION_OBJECT, 'Type__c');
  for (const story of deals(world)) {
    if (!hasConcession(world, story)) continue;
    const rng = rngFor(world, 'concession-fields', story.index);
    const contract = contractStory(world, story);
    const type = (story.discount && types.includes('Discount') ? 'Discount' : rng.pick(types)) ?? null;
    // Concessions end at renewal at the latest: free months end early, the rest with the contract.
    const expires = type === 'Free Months' ? Math.min(contract.endDay, contract.startDay + 60) : contract.endDay;
    yield {
      [EXTERNAL_ID_FIELD]: world.ids.perOpportunity(CONCESSION_OBJECT, story.index),
      Opportunity__c: world.ids.opportunity(story.index),
      Account__c: world.ids.account(story.account),
      Contract__c: world.ids.contract(story.index),
      Type__c: type,
      Value__c: Math.round(concessionValue(type ?? '', story, contract)),
      Details__c: CONCESSION_DETAILS[type ?? ''] ?? CONCESSION_DETAILS.Other!,
      Expires_On__c: expires,
      Status__c: world.picklists.prefer(CONCESSION_OBJECT, 'Status__c', expires < world.today ? 'Expired' : 'Active'),
    };
  }
}

export function* exceptionRecords(world: World): Generator<Values> {
  for (const story of deals(world)) {
    const reason = exceptionReason(world, story);
    if (!reason) continue;
    const rng = rngFor(world, 'exception-fields', story.index);
    const values: Values = {
      [EXTERNAL_ID_FIELD]: world.ids.perOpportunity(EXCEPTION_OBJECT, story.index),
      Opportunity__c: world.ids.opportunity(story.index),
      Account__c: world.ids.account(story.account),
      Reason__c: reason,
      Details__c: EXCEPTION_DETAILS[reason] ?? EXCEPTION_DETAILS.Other!,
      Expires_On__c: world.today + rng.int(7, 60),
    };
    // A decided exception names its reviewer (a user, not part of a dataset) and only the deal desk
    // decides: the rules leave seeded exceptions Requested unless they change.
    const statuses = preferenceOrder<string>(rng.next(), [
      ['Approved', 0.45],
      ['Requested', 0.45],
      ['Rejected', 0.1],
    ]).map((s) => ({ Status__c: world.picklists.prefer(EXCEPTION_OBJECT, 'Status__c', s) }));
    yield { ...values, ...(world.guard.choose(EXCEPTION_OBJECT, values, statuses) ?? statuses[0]) };
  }
}

export function* pocRecordsOf(world: World): Generator<Values> {
  yield* pocRecords(world, deals(world));
}

export { POC_OBJECT };
