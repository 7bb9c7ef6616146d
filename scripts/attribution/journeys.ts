/**
 * From touches to journeys: bot and duplicate touches are filtered out by rule, the rest are
 * grouped by the opportunity they belong to and put in time order, milestones marked.
 */
import type { JourneyShape } from './models.ts';
import type { AttributionView } from './model-view.ts';
import type { OpportunityRow, TouchRow } from './dataset.ts';

/** Two touches of one person, campaign, channel and type this close together are one touch. */
export const DUPLICATE_WINDOW_MS = 30 * 60_000;

export type ExclusionRule = 'bot-flag' | 'bot-user-agent' | 'duplicate-within-30-minutes';

export interface FilterResult {
  readonly kept: readonly TouchRow[];
  readonly excluded: Readonly<Record<ExclusionRule, number>>;
}

const byTime = (a: TouchRow, b: TouchRow) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The filter rules, in order: a touch the web collector flagged as a bot's; a touch whose user
 * agent names a crawler, preview or headless browser (both: the model's Touch__c
 * Counts_For_Attribution__c formula); a repeat of a kept touch of the same person, campaign, channel and
 * type within 30 minutes (a double form submit, a re-opened email).
 */
export function filterTouches(touches: readonly TouchRow[], view: AttributionView): FilterResult {
  const excluded: Record<ExclusionRule, number> = {
    'bot-flag': 0,
    'bot-user-agent': 0,
    'duplicate-within-30-minutes': 0,
  };
  const lastKept = new Map<string, number>();
  const kept: TouchRow[] = [];
  for (const t of [...touches].sort(byTime)) {
    if (t.isBot) excluded['bot-flag']++;
    else if (!view.countsForAttribution(t)) excluded['bot-user-agent']++;
    else {
      const key = [t.lead ?? '', t.contact ?? '', t.campaign ?? '', t.channel, t.type].join('\u0000');
      const previous = lastKept.get(key);
      if (previous !== undefined && t.at - previous <= DUPLICATE_WINDOW_MS) {
        excluded['duplicate-within-30-minutes']++;
        continue;
      }
      lastKept.set(key, t.at);
      kept.push(t);
    }
  }
  return { kept, excluded };
}

export interface Journey extends JourneyShape {
  readonly opportunity: OpportunityRow;
  /** Kept touches up to the close, in time order. */
  readonly touches: readonly TouchRow[];
}

const endOfDay = (date: string) => Date.parse(`${date}T23:59:59.999Z`);

/** The journey of each opportunity: its kept touches up to the end of its close date. */
export function buildJourneys(opportunities: readonly OpportunityRow[], kept: readonly TouchRow[]): Journey[] {
  const byOpp = new Map<string, TouchRow[]>();
  for (const t of kept) if (t.opportunity) byOpp.set(t.opportunity, [...(byOpp.get(t.opportunity) ?? []), t]);
  return opportunities.map((o) => {
    const close = endOfDay(o.closeDate);
    const touches = (byOpp.get(o.id) ?? []).filter((t) => Number.isNaN(close) || t.at <= close).sort(byTime);
    return { opportunity: o, touches, ...shapeOf(touches) };
  });
}

export function shapeOf(touches: readonly TouchRow[]): JourneyShape {
  const lead = touches.findIndex((t) => t.milestone === 'Lead Created');
  const opp = touches.findIndex((t) => t.milestone === 'Opportunity Created');
  return {
    length: touches.length,
    leadCreated: lead >= 0 ? lead : 0,
    opportunityCreated: opp >= 0 ? opp : touches.length - 1,
  };
}

/** The part of a journey that created the pipeline: its touches up to the opportunity's creation. */
export function pipelineJourney(j: Journey): Journey {
  const touches = j.touches.slice(0, j.opportunityCreated + 1);
  return { ...j, touches, ...shapeOf(touches) };
}
