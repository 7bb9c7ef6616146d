import { Flags } from '@salesforce/sf-plugins-core';
import type { RoutingChange } from '../../../../route/rules-from.ts';
import type { SimulateResult } from '../../../../route/simulate.ts';
import { datasetFlag } from '../../../flags.ts';
import { loadMessages, RevOpsCommand } from '../../../revops-command.ts';

const messages = loadMessages('route.simulate');

export type RouteSimulateResult = SimulateResult & { readonly changes?: readonly RoutingChange[] };

const isoFlag = Flags.custom<string>({
  summary: messages.getMessage('flags.as-of.summary'),
  parse: async (input) => {
    if (!/^\d{4}-\d{2}-\d{2}T/.test(input) || Number.isNaN(Date.parse(input)))
      throw new Error(`expected an ISO 8601 instant like 2026-12-07T14:00:00Z, got "${input}"`);
    return new Date(input).toISOString();
  },
});

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export default class RouteSimulate extends RevOpsCommand<RouteSimulateResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    dataset: datasetFlag(messages.getMessage('flags.dataset.description')),
    'as-of': isoFlag(),
    'rules-from': Flags.string({ summary: messages.getMessage('flags.rules-from.summary') }),
    max: Flags.integer({ summary: messages.getMessage('flags.max.summary'), min: 0, default: 50 }),
  };

  public async run(): Promise<RouteSimulateResult> {
    const { flags } = await this.parse(RouteSimulate);
    const [{ loadModel, openProject }, { simulateRouting }] = await Promise.all([
      import('../../../../project.ts'),
      import('../../../../route/simulate.ts'),
    ]);
    const project = await openProject();
    const model = await loadModel(project);
    const options = { model, dataset: flags.dataset, asOf: flags['as-of'] };
    const result = await simulateRouting(options);
    this.printSummary(result);
    if (!flags['rules-from']) return result;
    const { routingChanges } = await import('../../../../route/rules-from.ts');
    const changes = await routingChanges(project, flags['rules-from'], options);
    this.log(`\n${changes.length} lead(s) would route differently under ${flags['rules-from']}'s rules`);
    for (const c of changes.slice(0, flags.max))
      this.log(
        `  ${c.lead}: ${where(c.before)} (${c.before.rule ?? 'no rule'}) → ${where(c.after)} (${c.after.rule ?? 'no rule'})`,
      );
    return { ...result, changes };
  }

  private printSummary(r: SimulateResult): void {
    const n = r.decisions.length;
    this.log(
      `route simulate: ${n} leads (${r.mode === 'burst' ? 'all at once' : 'each at its MQL date'}), ${r.dataset}`,
    );
    this.log(`  holds ${r.holds}, fallbacks ${r.fallbacks}, cap hits ${r.capHits}`);
    this.log(
      '  by rule: ' +
        Object.entries(r.byRule)
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
    );
    const queues = Object.entries(r.byOwner).filter(([k]) => k.startsWith('queue:'));
    this.log('  queues: ' + queues.map(([k, v]) => `${k.slice(6)} ${v}`).join(', '));
    for (const [pool, count] of Object.entries(r.byPool)) {
      this.log(`  pool ${pool}: ${count} leads`);
      for (const s of r.seats.filter((x) => x.pool === pool))
        this.log(
          `    ${s.owner.padEnd(10)} weight ${s.weight}  ${String(s.leads).padStart(5)}  ${pct(s.share).padStart(6)} (weight share ${pct(s.weightShare)})`,
        );
    }
    const waits = r.decisions
      .filter((d) => d.slaDueAt)
      .map((d) => (Date.parse(d.slaDueAt!) - Date.parse(d.decidedAt)) / 60_000)
      .sort((a, b) => a - b);
    if (waits.length)
      this.log(
        `  first-touch SLA: ${waits.length} due; minutes from routing to due: median ${Math.round(waits[waits.length >> 1]!)}, ` +
          `max ${Math.round(waits.at(-1)!)} (business hours of the owner)`,
      );
  }
}

const where = (d: { kind: string; owner: string | null; queue: string | null }) =>
  d.kind === 'owner' ? d.owner! : `${d.kind} ${d.queue}`;
