/**
 * Attribution in the analytics report (`revops report`): the dataset's closed-won revenue
 * credited by channel under every model, and — under the model the blueprint's decision rule
 * recommends for the data — pipeline by channel, CAC and payback by channel and segment, MQL →
 * SQL by source and the phase 7 SLAs. A dataset without touches (an org extract without
 * Touch__c) has no attribution section; the report says so.
 */
import type { RevOpsModel } from '../dsl/index.ts';
import { openDataset } from '../data/index.ts';
import { loadAttributionDataset } from './dataset.ts';
import { attribute, type AttributionResult } from './index.ts';
import type { CacRow, ConversionRow } from './metrics.ts';
import { MODEL_NAMES, MODELS, type ModelName } from './models.ts';
import type { Recommendation } from './recommend.ts';
import type { SlaResult } from './sla.ts';

export interface AttributionMetrics {
  /** The model the detail below is computed under: the recommendation (U-shaped when data-driven). */
  readonly model: ModelName;
  readonly recommendation: Recommendation;
  readonly closedWonCents: number;
  /** Revenue credit (cents) per channel under every model; pipeline under `model`. */
  readonly channels: readonly {
    readonly channel: string;
    readonly source: string;
    readonly revenueCents: Readonly<Record<ModelName, number>>;
    readonly pipelineCents: number;
  }[];
  readonly cacByChannel: readonly CacRow[];
  readonly cacBySegment: readonly CacRow[];
  readonly mqlToSqlBySource: readonly ConversionRow[];
  readonly sla: readonly SlaResult[];
}

export async function attributionMetrics(dir: string, model: RevOpsModel): Promise<AttributionMetrics | null> {
  const { manifest } = await openDataset(dir);
  if (!manifest.objects.some((o) => o.sobject === 'Touch__c')) return null;
  const data = await loadAttributionDataset(dir);
  const results = new Map<ModelName, AttributionResult>(MODEL_NAMES.map((m) => [m, attribute(data, model, m)]));
  const recommended = results.get('u-shaped')!.recommendation;
  const name: ModelName = recommended.model === 'data-driven' ? 'u-shaped' : recommended.model;
  const main = results.get(name)!;
  const revenue = (channel: string) =>
    Object.fromEntries(
      MODEL_NAMES.map((m) => [m, results.get(m)!.byChannel.find((c) => c.channel === channel)?.revenueCents ?? 0]),
    ) as Record<ModelName, number>;
  return {
    model: name,
    recommendation: recommended,
    closedWonCents: main.closedWon.amountCents,
    channels: main.byChannel
      .filter((c) => c.revenueCents || c.pipelineCents || MODEL_NAMES.some((m) => revenue(c.channel)[m]))
      .map((c) => ({
        channel: c.channel,
        source: c.source,
        revenueCents: revenue(c.channel),
        pipelineCents: c.pipelineCents,
      })),
    cacByChannel: main.cacByChannel.filter((c) => c.spend > 0),
    cacBySegment: main.cacBySegment,
    mqlToSqlBySource: main.mqlToSqlBySource,
    sla: main.sla,
  };
}

const usd = (cents: number) =>
  (cents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const amount = (x: number | null) => (x === null ? '—' : usd(Math.round(x * 100)));
const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10} %`);

/** The section's tables as header + rows (plain text), for the summary and the page alike. */
export function attributionTables(a: AttributionMetrics): { title: string; head: string[]; rows: string[][] }[] {
  return [
    {
      title: `Closed-won revenue by channel under each model (${usd(a.closedWonCents)} in all)`,
      head: ['Channel', 'Source', ...MODEL_NAMES.map((m) => MODELS[m].label), `Pipeline (${MODELS[a.model].label})`],
      rows: a.channels.map((c) => [
        c.channel,
        c.source,
        ...MODEL_NAMES.map((m) => usd(c.revenueCents[m])),
        usd(c.pipelineCents),
      ]),
    },
    {
      title: `CAC and payback by channel (${MODELS[a.model].label})`,
      head: ['Channel', 'Spend', 'New customers', 'CAC', 'Payback (months)'],
      rows: a.cacByChannel.map((c) => [
        c.key,
        amount(c.spend),
        c.customers.toFixed(2),
        amount(c.cac),
        String(c.paybackMonths ?? '—'),
      ]),
    },
    {
      title: `CAC and payback by segment (${MODELS[a.model].label})`,
      head: ['Segment', 'Spend', 'New customers', 'CAC', 'Payback (months)'],
      rows: a.cacBySegment.map((c) => [
        c.key,
        amount(c.spend),
        c.customers.toFixed(2),
        amount(c.cac),
        String(c.paybackMonths ?? '—'),
      ]),
    },
    {
      title: 'MQL → SQL by original source',
      head: ['Source', 'Channel', 'MQLs', 'SQLs', 'Rate'],
      rows: a.mqlToSqlBySource.map((c) => [c.source, c.channel, String(c.mqls), String(c.sqls), pct(c.rate)]),
    },
    {
      title: 'Marketing ↔ sales SLAs (002 phase 7)',
      head: ['Side', 'Commitment', 'Target', 'Compliance', 'Measured'],
      rows: a.sla.map((s) => [s.side, s.commitment, s.target, pct(s.compliance), String(s.measured)]),
    },
  ];
}

export const recommendationLine = (a: AttributionMetrics): string =>
  `Recommended model: ${a.recommendation.model} — ${a.recommendation.reason}`;

/** The section in Markdown (summary.md). */
export function attributionMarkdown(a: AttributionMetrics | null | undefined): string[] {
  if (!a) return ['', '## Marketing attribution', '', 'No touches (Touch__c) in this data: nothing to attribute.'];
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const lines = ['', '## Marketing attribution', '', recommendationLine(a)];
  for (const t of attributionTables(a))
    lines.push('', `### ${t.title}`, '', row(t.head), row(t.head.map(() => '---')), ...t.rows.map(row));
  return lines;
}
