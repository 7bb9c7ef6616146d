import { Flags } from '@salesforce/sf-plugins-core';
import type { AttributionResult } from '../../../attribution/index.ts';
import { datasetFlag } from '../../flags.ts';
import { loadMessages, RevOpsCommand } from '../../revops-command.ts';

const messages = loadMessages('attribution');

const money = (cents: number) =>
  (cents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const amount = (x: number | null) =>
  x === null ? 'n/a' : x.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 1000) / 10} %`);

export default class Attribution extends RevOpsCommand<AttributionResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    dataset: datasetFlag(messages.getMessage('flags.dataset.description')),
    model: Flags.string({ summary: messages.getMessage('flags.model.summary'), required: true }),
  };

  public async run(): Promise<AttributionResult> {
    const { flags } = await this.parse(Attribution);
    const [{ loadModel, openProject }, { runAttribution }] = await Promise.all([
      import('../../../project.ts'),
      import('../../../attribution/index.ts'),
    ]);
    const model = await loadModel(await openProject());
    const result = await runAttribution(flags.dataset, { model, attribution: flags.model });
    this.print(result);
    return result;
  }

  private print(r: AttributionResult): void {
    const { excluded } = r.touches;
    this.log(`${r.modelDescription}`);
    this.log(
      `touches: ${r.touches.kept} of ${r.touches.total} kept (bot flag ${excluded['bot-flag']}, bot user agent ${excluded['bot-user-agent']}, duplicates ${excluded['duplicate-within-30-minutes']})`,
    );
    this.log(
      `closed won: ${r.closedWon.deals} deals, ${money(r.closedWon.amountCents)} (unattributed ${money(r.closedWon.unattributedCents)}); pipeline: ${r.pipeline.deals} deals, ${money(r.pipeline.amountCents)}`,
    );
    this.table({
      data: r.byChannel.map((c) => ({
        source: c.source,
        channel: c.channel,
        revenue: money(c.revenueCents),
        share: pct(c.revenueShare),
        pipeline: money(c.pipelineCents),
      })),
      title: 'Credit by channel',
    });
    this.table({
      data: r.cacByChannel
        .filter((c) => c.spend > 0)
        .map((c) => ({
          channel: c.key,
          spend: amount(c.spend),
          customers: c.customers,
          cac: amount(c.cac),
          payback: c.paybackMonths ?? 'n/a',
        })),
      title: 'CAC and CAC payback (months) by channel',
    });
    this.table({
      data: r.cacBySegment.map((c) => ({
        segment: c.key,
        spend: amount(c.spend),
        customers: c.customers,
        cac: amount(c.cac),
        payback: c.paybackMonths ?? 'n/a',
      })),
      title: 'CAC and CAC payback (months) by segment',
    });
    this.table({
      data: r.mqlToSqlBySource.map((c) => ({
        source: c.source,
        channel: c.channel,
        mqls: c.mqls,
        sqls: c.sqls,
        rate: pct(c.rate),
      })),
      title: 'MQL → SQL by original source',
    });
    this.table({
      data: r.sla.map((s) => ({
        side: s.side,
        commitment: s.commitment,
        compliance: pct(s.compliance),
        measured: s.measured,
        note: s.note,
      })),
      title: 'Marketing ↔ sales SLAs (blueprint 002 phase 7)',
    });
    this.log(`recommended model: ${r.recommendation.model} — ${r.recommendation.reason}`);
  }
}
