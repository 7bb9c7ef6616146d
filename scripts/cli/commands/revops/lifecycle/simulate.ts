import { resolve } from 'node:path';
import { Flags } from '@salesforce/sf-plugins-core';
import type { SimulationResult, TakenAction } from '../../../../lifecycle/index.ts';
import { datasetFlag } from '../../../flags.ts';
import { loadMessages, RevOpsCommand } from '../../../revops-command.ts';

const messages = loadMessages('lifecycle.simulate');

/** A date (YYYY-MM-DD) or an ISO date/time with a zone, checked while parsing so that a typo is a usage error. */
const whenFlag = Flags.custom<string>({
  parse: async (input) => {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(input) ? new Date(`${input}T00:00:00Z`) : undefined;
    const date = day !== undefined && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(input);
    const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(input);
    if (!date && !(instant && !Number.isNaN(Date.parse(input))))
      throw new Error(`expected YYYY-MM-DD or an ISO date/time with a zone (2026-12-01T09:00:00Z), got "${input}"`);
    return input;
  },
});

const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

export default class LifecycleSimulate extends RevOpsCommand<SimulationResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    dataset: datasetFlag(messages.getMessage('flags.dataset.description')),
    'as-of': whenFlag({ summary: messages.getMessage('flags.as-of.summary'), required: true }),
    from: whenFlag({ summary: messages.getMessage('flags.from.summary') }),
    max: Flags.integer({ summary: messages.getMessage('flags.max.summary'), min: 0, default: 20 }),
  };

  public async run(): Promise<SimulationResult> {
    const { flags } = await this.parse(LifecycleSimulate);
    const [{ loadModel, openProject }, { lifecycleConfig, simulateLifecycle }] = await Promise.all([
      import('../../../../project.ts'),
      import('../../../../lifecycle/index.ts'),
    ]);
    const model = await loadModel(await openProject());
    const config = lifecycleConfig(model);
    const result = await simulateLifecycle(resolve(flags.dataset), config, { asOf: flags['as-of'], from: flags.from });
    this.report(result, flags.max);
    return result;
  }

  private report(result: SimulationResult, max: number): void {
    this.log(
      `lifecycle simulate: ${result.from.slice(0, 16)}Z → ${result.asOf.slice(0, 16)}Z (${result.timeZone}), ` +
        `${count(result.runs, 'job run')}, ${count(result.actions.length, 'action')}`,
    );
    const kinds = (counts: Record<string, number | undefined>) =>
      Object.entries(counts)
        .filter(([, n]) => n)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || 'nothing';
    const width = Math.max(0, ...Object.keys(result.byJob).map((j) => j.length));
    for (const [job, counts] of Object.entries(result.byJob)) this.log(`  ${job.padEnd(width)}  ${kinds(counts)}`);
    this.log(`  ${'total'.padEnd(width)}  ${kinds(result.totals)}`);
    for (const a of result.actions.slice(0, max)) this.log(line(a));
    if (result.actions.length > max)
      this.log(`  ... and ${count(result.actions.length - max, 'more action')} (--json lists all)`);
  }
}

const line = (a: TakenAction) =>
  `  ${a.at.slice(0, 16)}Z ${a.job} ${a.action} ${a.object} ${a.record} → ${a.recipient}: ${a.reason}`;
