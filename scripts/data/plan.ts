/**
 * Sizing a dataset: how many accounts give `target` records, which accounts are subsidiaries,
 * how many contacts and deals each has, which deals are won, renew or were sourced by a lead.
 * Only typed arrays indexed by account or deal are kept (a few MB for a million records); the
 * records themselves are regenerated from their index when written.
 */
import { SEGMENTS } from './benchmarks.ts';
import { campaignCount } from './campaigns.ts';
import {
  forecastCounts,
  PERIOD_OBJECT,
  QUOTA_OBJECT,
  SNAPSHOT_OBJECT,
  supportingForecastRecords,
} from './forecasts.ts';
import { genericCount } from './generic.ts';
import { contractStory, oppStory, renewalStory, renewsInWindow } from './deal-stories.ts';
import { CONVERSION_PER_LEAD, leadStage } from './lead-origins.ts';
import { accountProfile, rootAccountProfile } from './profiles.ts';
import {
  COMMITMENT_OBJECT,
  commitmentsOf,
  CONCESSION_OBJECT,
  EXCEPTION_OBJECT,
  exceptionReason,
  HANDOFF_OBJECT,
  handoffsOf,
  hasConcession,
  POC_OBJECT,
} from './revops-records.ts';
import { lineCount } from './quote-terms.ts';
import { hasPoc } from './lifecycle-records.ts';
import { dealTouchCount, leadTouchCount, TOUCH_OBJECT } from './touches.ts';
import { isSupporting } from './supporting.ts';
import { rngFor, type Base, type Plan } from './world.ts';

/** Objects with a domain generator; any other seeded object is generated generically. */
export const DOMAIN_OBJECTS = new Set([
  'Account',
  'Contact',
  'Lead',
  'Opportunity',
  'Contract',
  'Campaign',
  HANDOFF_OBJECT,
  COMMITMENT_OBJECT,
  CONCESSION_OBJECT,
  EXCEPTION_OBJECT,
  'Product2',
  'PricebookEntry',
  'OpportunityLineItem',
  'Quote',
  'QuoteLineItem',
  POC_OBJECT,
  TOUCH_OBJECT,
  PERIOD_OBJECT,
  QUOTA_OBJECT,
  SNAPSHOT_OBJECT,
]);

interface Layout {
  readonly accounts: number;
  readonly parentOf: Int32Array;
  readonly contactStart: Uint32Array;
  readonly oppStart: Uint32Array;
  readonly accountOfOpp: Uint32Array;
  readonly campaigns: number;
}

function layout(base: Base, accounts: number, campaigns: number): Layout {
  const parentOf = new Int32Array(accounts).fill(-1);
  for (let a = 0; a < accounts;) {
    const [chance, max] = SEGMENTS[rootAccountProfile(base, a).segment].subsidiaries;
    const rng = rngFor(base, 'account-layout', a);
    const children = rng.bool(chance) ? Math.min(rng.int(1, max), accounts - a - 1) : 0;
    for (let k = 1; k <= children; k++) parentOf[a + k] = a;
    a += 1 + children;
  }
  const contactStart = new Uint32Array(accounts + 1);
  const oppStart = new Uint32Array(accounts + 1);
  const world = { ...base, plan: { accounts, parentOf } };
  for (let a = 0; a < accounts; a++) {
    const segment = SEGMENTS[accountProfile(world, a).segment];
    const rng = rngFor(base, 'account-size', a);
    contactStart[a + 1] = contactStart[a]! + rng.int(segment.contacts[0], segment.contacts[1]);
    oppStart[a + 1] = oppStart[a]! + rng.weightedIndex(segment.opportunities);
  }
  const accountOfOpp = new Uint32Array(oppStart[accounts]!);
  for (let a = 0; a < accounts; a++) accountOfOpp.fill(a, oppStart[a]!, oppStart[a + 1]!);
  return { accounts, parentOf, contactStart, oppStart, accountOfOpp, campaigns };
}

interface Measured {
  readonly layout: Layout;
  readonly won: Uint32Array;
  readonly renewals: Uint32Array;
  readonly inbound: Uint32Array;
  /** Records of every seeded object except leads. */
  readonly counts: Map<string, number>;
}

function measure(base: Base, accounts: number, campaigns: number, generic: ReadonlyMap<string, number>): Measured {
  const shape = layout(base, accounts, campaigns);
  const world = { ...base, plan: shape };
  const won: number[] = [];
  const renewals: number[] = [];
  const inbound: number[] = [];
  let handoffs = 0;
  let commitments = 0;
  let concessions = 0;
  let exceptions = 0;
  let lines = 0;
  let quotes = 0;
  let pocs = 0;
  let touches = 0;
  for (let a = 0; a < accounts; a++) {
    const profile = accountProfile(world, a);
    for (let i = shape.oppStart[a]!; i < shape.oppStart[a + 1]!; i++) {
      const story = oppStory(world, i, profile);
      touches += dealTouchCount(base, i);
      if (story.source.inbound) inbound.push(i);
      handoffs += handoffsOf(base, story).length;
      commitments += commitmentsOf(base, story);
      if (exceptionReason(base, story)) exceptions++;
      if (hasPoc(base, story)) pocs++;
      if (story.outcome !== 'won') continue;
      won.push(i);
      lines += lineCount(base, story);
      if (lineCount(base, story)) quotes++;
      if (hasConcession(base, story)) concessions++;
      const contract = contractStory(base, story);
      if (renewsInWindow(base, contract)) {
        renewals.push(i);
        handoffs += handoffsOf(base, renewalStory(base, story, contract)).length;
      }
    }
  }
  const all: [string, number][] = [
    ['Account', accounts],
    ['Contact', shape.contactStart[accounts]!],
    ['Opportunity', shape.oppStart[accounts]! + renewals.length],
    ['Contract', won.length],
    ['Campaign', campaigns],
    [HANDOFF_OBJECT, handoffs],
    [COMMITMENT_OBJECT, commitments],
    [CONCESSION_OBJECT, concessions],
    [EXCEPTION_OBJECT, exceptions],
    ['Product2', base.model.skus.length],
    ['PricebookEntry', base.model.skus.length],
    ['OpportunityLineItem', lines],
    ['Quote', quotes],
    ['QuoteLineItem', lines],
    [POC_OBJECT, pocs],
    [TOUCH_OBJECT, touches],
    ...forecastCounts(base),
    ...generic,
  ];
  return {
    layout: shape,
    won: Uint32Array.from(won),
    renewals: Uint32Array.from(renewals),
    inbound: Uint32Array.from(inbound),
    counts: new Map(all.filter(([name]) => base.catalog.has(name))),
  };
}

/** Business records only: supporting objects (touches, the catalogue) sit outside the target (supporting.ts). */
const sum = (counts: ReadonlyMap<string, number>) =>
  [...counts].reduce((a, [name, n]) => (isSupporting(name) ? a : a + n), 0);

/**
 * The plan for `target` business records. Leads absorb the difference, so a dataset with a Lead
 * object has exactly `target` of them (at least a tenth leads); supporting records (touches) come on top.
 */
export function buildPlan(base: Base, target: number): Plan {
  if (!Number.isSafeInteger(target) || target < 1)
    throw new RangeError(`record count must be a positive integer, got ${target}`);
  const campaigns = campaignCount(target);
  const generic = new Map(
    base.catalog.objects.filter((o) => !DOMAIN_OBJECTS.has(o.name)).map((o) => [o.name, genericCount(target)] as const),
  );
  const hasLeads = base.catalog.has('Lead');
  // Supporting records (the reps' quotas) are counted outside the target: they take no lead's place.
  const supporting = supportingForecastRecords(base);
  const budget = (m: Measured) => target - sum(m.counts) + supporting;

  const probe = Math.max(1, Math.round(target / 16));
  const sample = measure(base, probe, campaigns, generic);
  // Campaigns and generic objects scale with the target, forecasting records with the calendar;
  // everything else with the accounts.
  const calendar = new Set(forecastCounts(base).map(([n]) => n));
  const fixed = sum(new Map([...sample.counts].filter(([n]) => n === 'Campaign' || generic.has(n) || calendar.has(n))));
  const perAccount =
    (sum(sample.counts) - fixed + (hasLeads ? sample.inbound.length / CONVERSION_PER_LEAD : 0)) / probe;
  let accounts = Math.max(1, Math.round((target - fixed + supporting) / perAccount));
  let m = measure(base, accounts, campaigns, generic);
  while (hasLeads && budget(m) < target * 0.1 && accounts > 1) {
    accounts = Math.max(1, Math.floor(accounts * 0.9));
    m = measure(base, accounts, campaigns, generic);
  }
  const leads = hasLeads ? Math.max(0, budget(m)) : 0;

  // Converted leads take the inbound deals in order; a lead with no deal left stays an SQL.
  const opportunities = m.layout.oppStart[accounts]!;
  const leadOfOpp = new Int32Array(opportunities).fill(-1);
  const oppOfLead = new Int32Array(leads).fill(-1);
  for (let j = 0, k = 0; j < leads && k < m.inbound.length; j++) {
    if (leadStage(base, j) !== 'converted') continue;
    const opp = m.inbound[k++]!;
    oppOfLead[j] = opp;
    leadOfOpp[opp] = j;
  }
  const counts = new Map(m.counts);
  if (hasLeads) counts.set('Lead', leads);
  // Touches are supporting records: the deals' part was measured, the leads' part comes on top.
  if (counts.has(TOUCH_OBJECT)) {
    let leadTouches = 0;
    for (let j = 0; j < leads; j++) leadTouches += leadTouchCount(base, j);
    counts.set(TOUCH_OBJECT, counts.get(TOUCH_OBJECT)! + leadTouches);
  }
  return {
    target,
    accounts,
    parentOf: m.layout.parentOf,
    contactStart: m.layout.contactStart,
    oppStart: m.layout.oppStart,
    accountOfOpp: m.layout.accountOfOpp,
    opportunities,
    won: m.won,
    renewals: m.renewals,
    inbound: m.inbound,
    leadOfOpp,
    oppOfLead,
    leads,
    campaigns,
    counts,
  };
}
