/**
 * Credits: each opportunity's amount split over its journey by one model, in integer cents, then
 * rolled up by channel, source and campaign. Revenue credits closed-won deals over their whole
 * journey; pipeline credits every new-business deal over the touches up to its creation.
 */
import type { CampaignRow, OpportunityRow, TouchRow } from './dataset.ts';
import { pipelineJourney, type Journey } from './journeys.ts';
import { splitCents, type ModelName } from './models.ts';
import type { AttributionView } from './model-view.ts';

export interface TouchCredit {
  readonly touch: string;
  readonly channel: string;
  readonly campaign: string | null;
  readonly cents: bigint;
}

export interface OpportunityCredit {
  readonly opportunity: string;
  readonly amountCents: bigint;
  readonly credits: readonly TouchCredit[];
}

/** The credits of one journey; an opportunity without touches has none (reported as unattributed). */
export function creditJourney(model: ModelName, journey: Journey): OpportunityCredit {
  const { opportunity, touches } = journey;
  const parts = touches.length ? splitCents(opportunity.amountCents, model, journey) : [];
  return {
    opportunity: opportunity.id,
    amountCents: opportunity.amountCents,
    credits: touches.map((t: TouchRow, i) => ({
      touch: t.id,
      channel: t.channel,
      campaign: t.campaign,
      cents: parts[i]!,
    })),
  };
}

export interface ChannelTotals {
  readonly channel: string;
  readonly source: string;
  revenueCents: bigint;
  pipelineCents: bigint;
  /** Closed-won new customers credited to the channel (fractions of deals, in millionths). */
  customerMillionths: bigint;
  /** Credited new-customer ARR. */
  newArrCents: bigint;
  spendCents: bigint;
}

export interface CampaignTotals {
  readonly campaign: string;
  readonly name: string;
  readonly channel: string | null;
  revenueCents: bigint;
  pipelineCents: bigint;
  spendCents: bigint;
}

export interface Rollup {
  readonly channels: Map<string, ChannelTotals>;
  readonly campaigns: Map<string, CampaignTotals>;
  unattributedRevenueCents: bigint;
  unattributedPipelineCents: bigint;
}

export function emptyRollup(view: AttributionView, campaigns: ReadonlyMap<string, CampaignRow>): Rollup {
  const rollup: Rollup = {
    channels: new Map(),
    campaigns: new Map(),
    unattributedRevenueCents: 0n,
    unattributedPipelineCents: 0n,
  };
  for (const c of view.channels) channelOf(rollup, view, c);
  for (const c of campaigns.values()) {
    rollup.campaigns.set(c.id, {
      campaign: c.id,
      name: c.name,
      channel: c.channel,
      revenueCents: 0n,
      pipelineCents: 0n,
      spendCents: c.spendCents,
    });
    if (c.channel) channelOf(rollup, view, c.channel).spendCents += c.spendCents;
  }
  return rollup;
}

export function channelOf(rollup: Rollup, view: AttributionView, channel: string): ChannelTotals {
  let row = rollup.channels.get(channel);
  if (!row) {
    row = {
      channel,
      source: view.sourceOf(channel),
      revenueCents: 0n,
      pipelineCents: 0n,
      customerMillionths: 0n,
      newArrCents: 0n,
      spendCents: 0n,
    };
    rollup.channels.set(channel, row);
  }
  return row;
}

export interface CreditOptions {
  readonly model: ModelName;
  readonly view: AttributionView;
  readonly wonStage: string;
  readonly isNewCustomer: (o: OpportunityRow) => boolean;
}

/** Adds one journey's revenue (if won) and pipeline credits to the rollup; returns the revenue credits. */
export function addJourney(rollup: Rollup, journey: Journey, o: CreditOptions): OpportunityCredit | undefined {
  const pipeline = creditJourney(o.model, pipelineJourney(journey));
  if (!pipeline.credits.length) rollup.unattributedPipelineCents += journey.opportunity.amountCents;
  for (const c of pipeline.credits) {
    channelOf(rollup, o.view, c.channel).pipelineCents += c.cents;
    if (c.campaign) campaignRow(rollup, c.campaign).pipelineCents += c.cents;
  }
  if (journey.opportunity.stage !== o.wonStage) return undefined;
  const revenue = creditJourney(o.model, journey);
  if (!revenue.credits.length) rollup.unattributedRevenueCents += journey.opportunity.amountCents;
  const amount = journey.opportunity.amountCents;
  const newCustomer = o.isNewCustomer(journey.opportunity);
  for (const c of revenue.credits) {
    const row = channelOf(rollup, o.view, c.channel);
    row.revenueCents += c.cents;
    if (newCustomer && amount > 0n) {
      row.customerMillionths += (c.cents * 1_000_000n) / amount;
      row.newArrCents += c.cents;
    }
    if (c.campaign) campaignRow(rollup, c.campaign).revenueCents += c.cents;
  }
  return revenue;
}

function campaignRow(rollup: Rollup, id: string): CampaignTotals {
  let row = rollup.campaigns.get(id);
  if (!row) {
    row = { campaign: id, name: id, channel: null, revenueCents: 0n, pipelineCents: 0n, spendCents: 0n };
    rollup.campaigns.set(id, row);
  }
  return row;
}
