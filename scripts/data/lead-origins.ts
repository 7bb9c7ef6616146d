/**
 * Who each lead is before its record is written: how far it got in the funnel (its own stream,
 * so the plan can match converted leads cheaply), and where it came from — a converted lead
 * is the champion of the deal it sourced, with that deal's source and campaign.
 */
import { FUNNEL } from './benchmarks.ts';
import { campaignFor, campaignProfile } from './campaigns.ts';
import { MS_PER_DAY } from './calendar.ts';
import { oppStory, type DealStory } from './deal-stories.ts';
import { accountProfile, emailLocal, personName, type AccountProfile } from './profiles.ts';
import type { Rng } from './prng.ts';
import { COMMITTEE, DIRECT_INBOUND, OUTBOUND, ROLE_PEOPLE, type SourceDef } from './vocabulary.ts';
import { rngFor, type Base, type World } from './world.ts';

export type LeadStage = 'prospect' | 'inFlight' | 'nurture' | 'disqualified' | 'sal' | 'sql' | 'converted';

/** How far lead `j` got; drawn from its own stream so the plan can match converted leads cheaply. */
export function leadStage(world: Base, j: number): LeadStage {
  const rng = rngFor(world, 'lead-funnel', j);
  if (rng.bool(FUNNEL.preMqlNurture)) return 'prospect';
  if (rng.bool(FUNNEL.inFlightMql)) return 'inFlight';
  if (!rng.bool(FUNNEL.mqlToSal)) return rng.bool(FUNNEL.rejectedDisqualified) ? 'disqualified' : 'nurture';
  if (!rng.bool(FUNNEL.salToSql)) return 'sal';
  if (!rng.bool(FUNNEL.sqlToOpportunity)) return 'sql';
  return 'converted';
}

/** Expected share of leads that convert (sizes the lead pool to the inbound deals). */
export const CONVERSION_PER_LEAD =
  (1 - FUNNEL.preMqlNurture) * (1 - FUNNEL.inFlightMql) * FUNNEL.mqlToSal * FUNNEL.salToSql * FUNNEL.sqlToOpportunity;

/** The contact a converted lead became: the champion seat after the seats earlier deals took. */
export function convertedContact(world: World, story: DealStory): number {
  const start = world.plan.contactStart[story.account]!;
  const count = world.plan.contactStart[story.account + 1]! - start;
  return story.ordinal < count ? start + ((story.ordinal + 1) % count) : -1;
}

export interface LeadOrigin {
  readonly company: AccountProfile;
  readonly first: string;
  readonly last: string;
  readonly email: string;
  readonly persona: string | undefined;
  readonly source: SourceDef;
  readonly campaign: number;
  readonly mqlMs: number | null;
}

function convertedOrigin(world: World, j: number, rng: Rng): LeadOrigin {
  const story = oppStory(world, world.plan.oppOfLead[j]!);
  const contact = convertedContact(world, story);
  const name = personName(contact >= 0 ? contact : j);
  const seat = contact >= 0 ? contact - world.plan.contactStart[story.account]! : -1;
  const mqlDay = story.createdDay - rng.int(2, 21);
  return {
    company: story.profile,
    first: name.first,
    last: name.last,
    email: `${emailLocal(name, contact < 0)}@${story.profile.domain}`,
    persona: seat >= 0 ? ROLE_PEOPLE[COMMITTEE[seat % COMMITTEE.length]!]?.persona : undefined,
    source: story.source,
    campaign: story.campaign,
    mqlMs: mqlDay * MS_PER_DAY + rng.float(8, 20) * 3_600_000,
  };
}

function ownOrigin(world: World, j: number, stage: LeadStage, rng: Rng): LeadOrigin {
  const existing = rng.bool(FUNNEL.existingAccount) && world.plan.accounts > 0;
  const company = accountProfile(world, existing ? rng.int(0, world.plan.accounts - 1) : world.plan.accounts + j);
  const name = personName(j);
  const mqlMs =
    stage === 'prospect'
      ? null
      : stage === 'inFlight'
        ? world.nowMs - rng.float(0.25, 7) * 3_600_000
        : (world.today - rng.int(1, 365)) * MS_PER_DAY + rng.float(8, 20) * 3_600_000;
  const day = Math.floor((mqlMs ?? world.nowMs - rng.int(1, 365) * MS_PER_DAY) / MS_PER_DAY);
  let source: SourceDef;
  let campaign = -1;
  if (rng.bool(0.75)) {
    campaign = rng.bool(0.65) ? campaignFor(world, world.plan.campaigns, day, rng) : -1;
    source = campaign >= 0 ? campaignProfile(world, campaign).channel : rng.weighted(DIRECT_INBOUND);
  } else {
    source = rng.weighted(OUTBOUND);
  }
  return {
    company,
    first: name.first,
    last: name.last,
    email: `${emailLocal(name, existing)}@${company.domain}`,
    persona: undefined,
    source,
    campaign,
    mqlMs,
  };
}

/** Who lead `j` is and where it came from; `rng` continues the lead's own stream. */
export function leadOrigin(world: World, j: number): { stage: LeadStage; rng: Rng; origin: LeadOrigin } {
  let stage = leadStage(world, j);
  if (stage === 'converted' && world.plan.oppOfLead[j]! < 0) stage = 'sql';
  const rng = rngFor(world, 'lead', j);
  const origin = stage === 'converted' ? convertedOrigin(world, j, rng) : ownOrigin(world, j, stage, rng);
  return { stage, rng, origin };
}
