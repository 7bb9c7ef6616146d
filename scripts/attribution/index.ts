/**
 * `revops attribution`: the library. Reads a dataset, filters touches by rule, builds each
 * opportunity's journey, credits revenue and pipeline by one of the blueprint's models (integer
 * cents, summing exactly to each amount), and measures CAC, CAC payback, MQL → SQL and the
 * phase 7 SLAs; recommends a model by the blueprint's decision rule.
 */
import { SfError } from '@salesforce/core/sfError';
import type { RevOpsModel } from '../dsl/index.ts';
import { BENCHMARKS } from '../data/index.ts';
import { addJourney, emptyRollup, type OpportunityCredit } from './credit.ts';
import { loadAttributionDataset, type AttributionDataset } from './dataset.ts';
import { buildJourneys, filterTouches, type ExclusionRule } from './journeys.ts';
import {
  cacByChannel,
  cacBySegment,
  isNewBusiness,
  mqlToSqlBySource,
  type CacRow,
  type ConversionRow,
} from './metrics.ts';
import { attributionView } from './model-view.ts';
import { isModelName, MODEL_NAMES, MODELS, type ModelName } from './models.ts';
import { recommendModel, type Recommendation } from './recommend.ts';
import { slaCompliance, type SlaResult } from './sla.ts';

export { MODEL_NAMES, MODELS, splitCents, shares, isModelName } from './models.ts';
export type { ModelName, JourneyShape } from './models.ts';
export { loadAttributionDataset } from './dataset.ts';
export { filterTouches, buildJourneys, DUPLICATE_WINDOW_MS } from './journeys.ts';
export { attributionView } from './model-view.ts';
export { businessMs } from './sla.ts';

export class UnknownAttributionModelError extends SfError {
  constructor(name: string) {
    super(`Unknown attribution model "${name}". Models: ${MODEL_NAMES.join(', ')}.`, 'UnknownAttributionModel', [
      `Pass --model with one of: ${MODEL_NAMES.join(', ')}`,
    ]);
    this.exitCode = 2;
  }
}

export interface ChannelResult {
  readonly channel: string;
  readonly source: string;
  readonly revenueCents: number;
  readonly pipelineCents: number;
  readonly revenueShare: number;
}

export interface AttributionResult {
  readonly dataset: string;
  readonly model: ModelName;
  readonly modelDescription: string;
  readonly remainderRule: string;
  readonly touches: { readonly total: number; readonly kept: number; readonly excluded: Record<ExclusionRule, number> };
  readonly closedWon: { readonly deals: number; readonly amountCents: number; readonly unattributedCents: number };
  readonly pipeline: { readonly deals: number; readonly amountCents: number; readonly unattributedCents: number };
  readonly byChannel: readonly ChannelResult[];
  readonly bySource: readonly { source: string; revenueCents: number; pipelineCents: number }[];
  readonly byCampaign: readonly {
    campaign: string;
    name: string;
    channel: string | null;
    revenueCents: number;
    pipelineCents: number;
    spendCents: number;
  }[];
  readonly cacByChannel: readonly CacRow[];
  readonly cacBySegment: readonly CacRow[];
  readonly mqlToSqlBySource: readonly ConversionRow[];
  readonly sla: readonly SlaResult[];
  readonly recommendation: Recommendation;
  /** Every closed-won deal's credits, touch by touch. */
  readonly credits: readonly {
    opportunity: string;
    amountCents: number;
    credits: { touch: string; channel: string; campaign: string | null; cents: number }[];
  }[];
}

export const REMAINDER_RULE =
  'integer cents; each touch gets floor(amount × share), the cents left go one each to the largest remainders, the earlier touch first on a tie';

export async function runAttribution(
  dir: string,
  o: { model: RevOpsModel; attribution: string },
): Promise<AttributionResult> {
  if (!isModelName(o.attribution)) throw new UnknownAttributionModelError(o.attribution);
  return attribute(await loadAttributionDataset(dir), o.model, o.attribution);
}

/** Attribution over a loaded dataset (the pure part, which tests call directly). */
export function attribute(data: AttributionDataset, model: RevOpsModel, name: ModelName): AttributionResult {
  const view = attributionView(model);
  const wonStage = model.opportunityStages?.stages.find((s) => s.won)?.name ?? 'Closed Won';
  const lostStages = new Set(model.opportunityStages?.stages.filter((s) => s.closed && !s.won).map((s) => s.name));
  const statuses = model.leadStatuses?.statuses ?? [];
  const sqlStatuses = new Set(['SQL', ...statuses.filter((s) => s.converted).map((s) => s.name)]);
  const { kept, excluded } = filterTouches(data.touches, view);
  const journeys = buildJourneys(data.opportunities, kept).filter(
    (j) => j.touches.length || isNewBusiness(j.opportunity),
  );
  const rollup = emptyRollup(view, data.campaigns);
  const options = { model: name, view, wonStage, isNewCustomer: isNewBusiness };
  const won: OpportunityCredit[] = [];
  for (const j of journeys) {
    const credit = addJourney(rollup, j, options);
    if (credit) won.push(credit);
  }
  const byId = new Map(data.opportunities.map((x) => [x.id, x]));
  const anchorMs = data.anchorDate ? Date.parse(`${data.anchorDate}T12:00:00Z`) : Date.now();
  const wonJourneys = journeys.filter((j) => j.opportunity.stage === wonStage);
  return {
    dataset: data.dir,
    model: name,
    modelDescription: `${MODELS[name].label}: ${MODELS[name].description}`,
    remainderRule: REMAINDER_RULE,
    touches: { total: data.touches.length, kept: kept.length, excluded },
    closedWon: {
      deals: wonJourneys.length,
      amountCents: sum(wonJourneys.map((j) => j.opportunity.amountCents)),
      unattributedCents: Number(rollup.unattributedRevenueCents),
    },
    pipeline: {
      deals: journeys.length,
      amountCents: sum(journeys.map((j) => j.opportunity.amountCents)),
      unattributedCents: Number(rollup.unattributedPipelineCents),
    },
    ...rollups(rollup),
    cacByChannel: cacByChannel(rollup),
    cacBySegment: cacBySegment(
      rollup,
      won,
      (id) => data.segments.get(byId.get(id)?.account ?? '') ?? 'Unknown',
      (id) => isNewBusiness(byId.get(id)!),
    ),
    mqlToSqlBySource: mqlToSqlBySource(data.leads, view, sqlStatuses),
    sla: slaCompliance({
      leads: data.leads,
      opportunities: data.opportunities,
      lostStages,
      sqlStatuses,
      nowMs: anchorMs,
      mqlToSqlTarget: BENCHMARKS.mqlToSal.min * BENCHMARKS.salToSql.min,
    }),
    recommendation: recommendModel(wonJourneys, anchorMs),
    credits: won.map((w) => ({
      opportunity: w.opportunity,
      amountCents: Number(w.amountCents),
      credits: w.credits.map((c) => ({ ...c, cents: Number(c.cents) })),
    })),
  };
}

const sum = (xs: readonly bigint[]) => Number(xs.reduce((a, b) => a + b, 0n));

function rollups(rollup: ReturnType<typeof emptyRollup>) {
  const channels = [...rollup.channels.values()];
  const revenue = channels.reduce((s, c) => s + c.revenueCents, 0n);
  const byChannel = channels
    .map((c) => ({
      channel: c.channel,
      source: c.source,
      revenueCents: Number(c.revenueCents),
      pipelineCents: Number(c.pipelineCents),
      revenueShare: revenue ? Math.round(Number((c.revenueCents * 10_000n) / revenue)) / 10_000 : 0,
    }))
    .sort((a, b) => b.revenueCents - a.revenueCents || a.channel.localeCompare(b.channel));
  const sources = new Map<string, { source: string; revenueCents: number; pipelineCents: number }>();
  for (const c of byChannel) {
    const s = sources.get(c.source) ?? { source: c.source, revenueCents: 0, pipelineCents: 0 };
    s.revenueCents += c.revenueCents;
    s.pipelineCents += c.pipelineCents;
    sources.set(c.source, s);
  }
  const byCampaign = [...rollup.campaigns.values()]
    .map((c) => ({
      ...c,
      revenueCents: Number(c.revenueCents),
      pipelineCents: Number(c.pipelineCents),
      spendCents: Number(c.spendCents),
    }))
    .sort((a, b) => b.revenueCents - a.revenueCents || a.campaign.localeCompare(b.campaign));
  return { byChannel, bySource: [...sources.values()].sort((a, b) => b.revenueCents - a.revenueCents), byCampaign };
}
