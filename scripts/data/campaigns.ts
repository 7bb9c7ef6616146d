/**
 * Campaigns: the last eight quarters of programmes, named `{Channel}-{Theme}-{Quarter}-{Audience}`
 * (blueprint 000 §1), with their channel (the lead source hierarchy) and spend. Leads and deals
 * sourced by marketing point at a campaign of the quarter they arrived in.
 */
import { fiscalQuarter, formatDay, MS_PER_DAY, quarterStart, type Day } from './calendar.ts';
import type { Rng } from './prng.ts';
import type { Values } from './values.ts';
import { CAMPAIGN_AUDIENCES, CAMPAIGN_CHANNELS, CAMPAIGN_THEMES, CHANNEL_SPEND } from './vocabulary.ts';
import { EXTERNAL_ID_FIELD } from './catalog.ts';
import { rngFor, type Base, type World } from './world.ts';

export const CAMPAIGN_QUARTERS = 8;
const COMBINATIONS = CAMPAIGN_CHANNELS.length * CAMPAIGN_THEMES.length * CAMPAIGN_AUDIENCES.length;

/** Campaigns in a dataset of `target` records (the name space allows 8 × 175); a tiny dataset gets a few. */
export const campaignCount = (target: number): number =>
  Math.min(1000, Math.max(Math.min(12, Math.ceil(target / 20)), Math.round(target / 250)));

export interface CampaignProfile {
  readonly name: string;
  readonly channel: (typeof CAMPAIGN_CHANNELS)[number];
  readonly start: Day;
  readonly end: Day;
}

/** Campaign k runs in quarter slot k % 8 (7 = the anchor's quarter); its name is unique. */
export function campaignProfile(world: Base, k: number): CampaignProfile {
  const slot = k % CAMPAIGN_QUARTERS;
  const m = Math.floor(k / CAMPAIGN_QUARTERS);
  const r = (m * 37 + slot) % COMBINATIONS;
  const channel = CAMPAIGN_CHANNELS[r % CAMPAIGN_CHANNELS.length]!;
  const theme = CAMPAIGN_THEMES[Math.floor(r / CAMPAIGN_CHANNELS.length) % CAMPAIGN_THEMES.length]!;
  const audience = CAMPAIGN_AUDIENCES[Math.floor(r / (CAMPAIGN_CHANNELS.length * CAMPAIGN_THEMES.length))]!;
  const qStart = quarterStart(world.today, slot - (CAMPAIGN_QUARTERS - 1));
  const qEnd = quarterStart(world.today, slot - (CAMPAIGN_QUARTERS - 2)) - 1;
  const start = qStart + ((m * 13) % 45);
  return {
    name: `${channel.channel}-${theme}-${fiscalQuarter(qStart)}-${audience}`,
    channel,
    start,
    end: Math.min(qEnd, start + (channel.channel === 'Event' ? 2 : channel.channel === 'Webinar' ? 0 : 40)),
  };
}

const quarterIndex = (day: Day) => {
  const d = new Date(day * MS_PER_DAY);
  return d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3);
};

/** A campaign of the quarter holding `day` (one of `count`), or -1 when that quarter has none. */
export function campaignFor(world: Base, count: number, day: Day, rng: Rng): number {
  const slot = CAMPAIGN_QUARTERS - 1 - (quarterIndex(world.today) - quarterIndex(day));
  if (slot < 0 || slot >= CAMPAIGN_QUARTERS || slot >= count) return -1;
  const inSlot = Math.floor((count - 1 - slot) / CAMPAIGN_QUARTERS) + 1;
  return slot + CAMPAIGN_QUARTERS * rng.int(0, inSlot - 1);
}

export function* campaignRecords(world: World): Generator<Values> {
  const pick = world.picklists;
  for (let k = 0; k < world.plan.campaigns; k++) {
    const c = campaignProfile(world, k);
    const status = c.end < world.today ? 'Completed' : c.start > world.today ? 'Planned' : 'In Progress';
    const [lo, hi] = CHANNEL_SPEND[c.channel.name] ?? [5_000, 20_000];
    const budget = Math.round(rngFor(world, 'campaign-spend', k).float(lo, hi) / 100) * 100;
    // Spend so far: all of it once the campaign ended (give or take 10 %), pro rata while it runs.
    const ran = Math.min(1, Math.max(0, (world.today - c.start + 1) / (c.end - c.start + 1)));
    const actual = Math.round((budget * ran * rngFor(world, 'campaign-actual', k).float(0.9, 1.1)) / 100) * 100;
    yield {
      [EXTERNAL_ID_FIELD]: world.ids.campaign(k),
      Name: c.name,
      Type: pick.prefer('Campaign', 'Type', c.channel.campaignType, 'Other'),
      Status: pick.prefer('Campaign', 'Status', status),
      StartDate: formatDay(c.start),
      EndDate: formatDay(c.end),
      IsActive: status !== 'Completed',
      BudgetedCost: budget,
      ActualCost: status === 'Planned' ? null : actual,
      Channel__c: c.channel.name,
    };
  }
}
