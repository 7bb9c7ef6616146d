/**
 * Touches (Touch__c): the multi-touch history attribution reads. A lead's part: touches before it
 * was known (stitched when it filled a form), the touch that created it (its original source,
 * milestone "Lead Created"), nurture up to the MQL, now and then a bot's visit or a double submit.
 * A deal's part: the hand-raise before it, the meeting it was created from (milestone
 * "Opportunity Created"), and touches while it was open. A converted lead's touches carry its
 * deal (stamped at conversion). Counts come first in each stream, so the plan can size them.
 */
import { campaignFor, campaignProfile } from './campaigns.ts';
import { MS_PER_DAY } from './calendar.ts';
import { EXTERNAL_ID_FIELD } from './catalog.ts';
import { oppStory, type DealStory } from './deal-stories.ts';
import { convertedContact, leadOrigin, leadStage } from './lead-origins.ts';
import type { Rng } from './prng.ts';
import type { Values } from './values.ts';
import { BOT_AGENTS, BROWSER_AGENTS, CHANNEL_TOUCH_TYPE, CHANNEL_UTM } from './vocabulary.ts';
import { rngFor, type Base, type World } from './world.ts';

export const TOUCH_OBJECT = 'Touch__c';
const HOUR = 3_600_000;
const PRE_CHANNELS: readonly (readonly [string, number])[] = [
  ['Organic Search', 0.45],
  ['Review Site', 0.25],
  ['Paid Social', 0.15],
  ['Paid Search', 0.15],
];
const NURTURE_CHANNELS: readonly (readonly [string, number])[] = [
  ['Email Nurture', 0.55],
  ['Organic Search', 0.25],
  ['Free Trial', 0.2],
];

interface LeadCounts {
  readonly pre: number;
  readonly nurture: number;
  readonly bot: boolean;
  readonly duplicate: boolean;
}

function leadCounts(world: Base, j: number): { counts: LeadCounts; rng: Rng } {
  const rng = rngFor(world, 'touch-lead', j);
  const prospect = leadStage(world, j) === 'prospect';
  const counts = {
    pre: rng.weightedIndex([0.45, 0.35, 0.2]),
    nurture: rng.weightedIndex(prospect ? [0.5, 0.35, 0.15] : [0.25, 0.35, 0.25, 0.15]),
    bot: rng.bool(0.05),
    duplicate: rng.bool(0.06),
  };
  return { counts, rng };
}

/** Touches of lead `j` (its deal's part not included). */
export function leadTouchCount(world: Base, j: number): number {
  const { pre, nurture, bot, duplicate } = leadCounts(world, j).counts;
  return pre + 1 + nurture + (bot ? 1 : 0) + (duplicate ? 1 : 0);
}

function dealCount(world: Base, i: number): { deal: number; rng: Rng } {
  const rng = rngFor(world, 'touch-opp', i);
  return { deal: rng.weightedIndex([0.25, 0.35, 0.25, 0.15]), rng };
}

/** Touches of new-business opportunity `i`'s own part: hand-raise, creation meeting, touches while open. */
export const dealTouchCount = (world: Base, i: number): number => 2 + dealCount(world, i).deal;

interface TouchSpec {
  readonly at: number;
  readonly channel: string;
  readonly campaign: number;
  readonly milestone?: 'Lead Created' | 'Opportunity Created';
  readonly type?: string;
  readonly bot?: 'flag' | 'agent';
}

interface Person {
  readonly lead: number;
  readonly contact: number;
  readonly opportunity: number;
}

/** A campaign running on `day` (its own channel), or a channel without campaign from `fallback`. */
function channelOn(
  world: World,
  rng: Rng,
  day: number,
  pCampaign: number,
  fallback: readonly (readonly [string, number])[],
) {
  const k = rng.bool(pCampaign) ? campaignFor(world, world.plan.campaigns, day, rng) : -1;
  return k >= 0
    ? { channel: campaignProfile(world, k).channel.name, campaign: k }
    : { channel: rng.weighted(fallback), campaign: -1 };
}

const dayOf = (ms: number) => Math.floor(ms / MS_PER_DAY);

/** The lead's part, in time order. */
function leadJourney(world: World, j: number): TouchSpec[] {
  const { counts, rng } = leadCounts(world, j);
  const { origin } = leadOrigin(world, j);
  const now = world.nowMs;
  const mql = origin.mqlMs;
  const created = Math.min(
    now - HOUR,
    (mql ?? now - rng.int(2, 300) * MS_PER_DAY) - (counts.nurture ? rng.float(2, 30) * MS_PER_DAY : 0),
  );
  const out: TouchSpec[] = [];
  for (let p = 0; p < counts.pre; p++) {
    const at = created - rng.float(1, 45) * MS_PER_DAY;
    out.push({ at, ...channelOn(world, rng, dayOf(at), 0.4, PRE_CHANNELS) });
  }
  const creation = {
    at: created,
    channel: origin.source.name,
    campaign: origin.campaign,
    milestone: 'Lead Created' as const,
  };
  out.push(creation);
  const end = Math.min(now, mql ?? now);
  for (let q = 0; q < counts.nurture; q++) {
    const last = q === counts.nurture - 1 && mql !== null;
    const at = last ? end : created + rng.float(0.05, 0.95) * Math.max(HOUR, end - created);
    out.push({ at, ...channelOn(world, rng, dayOf(at), 0.5, NURTURE_CHANNELS) });
  }
  out.sort((a, b) => a.at - b.at);
  if (counts.bot) {
    const at = created + rng.float(-3, 3) * MS_PER_DAY;
    out.push({
      at: Math.min(at, now),
      channel: 'Organic Search',
      campaign: -1,
      type: 'Site Visit',
      bot: rng.bool(0.5) ? 'flag' : 'agent',
    });
  }
  if (counts.duplicate) out.push(repeat(creation, created + rng.float(1, 20) * 60_000));
  return out;
}

/** The deal's own part, in time order. */
function dealJourney(world: World, story: DealStory): TouchSpec[] {
  const { deal, rng } = dealCount(world, story.index);
  const created = story.createdDay * MS_PER_DAY + rng.float(9, 16) * HOUR;
  const hasLead = world.plan.leadOfOpp[story.index]! >= 0;
  const raiseAt = created - rng.float(1, 12) * MS_PER_DAY;
  // With a lead, the hand-raise is a later web touch; without one, it is how the contact became known.
  const raise: TouchSpec = hasLead
    ? { at: raiseAt, ...channelOn(world, rng, dayOf(raiseAt), 0.5, NURTURE_CHANNELS) }
    : { at: raiseAt, channel: story.source.name, campaign: story.campaign, milestone: 'Lead Created' };
  const out: TouchSpec[] = [
    raise,
    { at: created, channel: 'Sales Meeting', campaign: -1, milestone: 'Opportunity Created' },
  ];
  const end = Math.min(world.nowMs, (story.closeDay + 1) * MS_PER_DAY - HOUR);
  for (let q = 0; q < deal; q++) {
    const at = created + rng.float(0.05, 0.95) * Math.max(HOUR, end - created);
    out.push({
      at,
      ...channelOn(world, rng, dayOf(at), 0.5, [
        ['Email Nurture', 0.6],
        ['Webinar', 0.4],
      ]),
    });
  }
  return out.sort((a, b) => a.at - b.at);
}

const WEB = new Set(Object.keys(CHANNEL_UTM));

/** A lead is created by a form on the web; other touches are what their channel does. */
const typeOf = (t: TouchSpec): string =>
  t.type ??
  (t.milestone === 'Lead Created' && WEB.has(t.channel)
    ? 'Form Fill'
    : (CHANNEL_TOUCH_TYPE[t.channel] ?? 'Site Visit'));

/** The same touch again (a double submit): same type, no milestone. */
const repeat = (t: TouchSpec, at: number): TouchSpec => ({ ...t, at, type: typeOf(t), milestone: undefined });

function touchValues(world: World, n: number, t: TouchSpec, who: Person, rng: Rng): Values {
  const web = WEB.has(t.channel);
  const utm = web ? CHANNEL_UTM[t.channel] : undefined;
  const name = t.campaign >= 0 ? campaignProfile(world, t.campaign).name : null;
  return {
    [EXTERNAL_ID_FIELD]: world.ids.generic(TOUCH_OBJECT, n),
    Lead__c: who.lead >= 0 ? world.ids.lead(who.lead) : null,
    Contact__c: who.contact >= 0 ? world.ids.contact(who.contact) : null,
    Opportunity__c: who.opportunity >= 0 ? world.ids.opportunity(who.opportunity) : null,
    Campaign__c: t.campaign >= 0 ? world.ids.campaign(t.campaign) : null,
    Touched_At__c: Math.round(t.at),
    Channel__c: t.channel,
    Touch_Type__c: typeOf(t),
    Milestone__c: t.milestone ?? null,
    UTM_Source__c: utm?.source ?? null,
    UTM_Medium__c: utm?.medium ?? null,
    UTM_Campaign__c: utm && name ? name.toLowerCase().replace(/[^a-z0-9]+/g, '-') : null,
    User_Agent__c: t.bot === 'agent' ? rng.pick(BOT_AGENTS) : web ? rng.pick(BROWSER_AGENTS) : null,
    Is_Bot__c: t.bot === 'flag',
  };
}

/** The channel of lead `j`'s latest UTM-tagged touch (what the snapshot flow sets as most recent source). */
export function latestTaggedChannel(world: World, j: number): string | null {
  const tagged = leadJourney(world, j).filter((t) => !t.bot && WEB.has(t.channel));
  return tagged.length ? tagged.reduce((a, b) => (b.at >= a.at ? b : a)).channel : null;
}

export function* touchRecords(world: World): Generator<Values> {
  const { plan } = world;
  let n = 0;
  const rng = rngFor(world, 'touch-fill', 0);
  for (let j = 0; j < plan.leads; j++) {
    const who = { lead: j, contact: -1, opportunity: plan.oppOfLead[j]! };
    const touches = leadJourney(world, j);
    for (const t of touches) yield touchValues(world, n++, t, who, rng);
  }
  for (let i = 0; i < plan.opportunities; i++) {
    const story = oppStory(world, i);
    const seat = convertedContact(world, story);
    const contact = seat >= 0 ? seat : plan.contactStart[story.account]!;
    const lead = plan.leadOfOpp[i]!;
    const touches = dealJourney(world, story);
    // Before the deal existed the person was still the lead; afterwards, the contact it became.
    const converted = story.createdDay * MS_PER_DAY;
    for (const t of touches)
      yield touchValues(
        world,
        n++,
        t,
        { lead: lead >= 0 && t.at < converted ? lead : -1, contact, opportunity: i },
        rng,
      );
  }
}
