import { resolve } from 'node:path';
import { Flags } from '@salesforce/sf-plugins-core';
import type { RetentionHit, RetentionSimulation } from '../../../../compliance/retention-simulate.ts';
import { datasetFlag } from '../../../flags.ts';
import { loadMessages, RevOpsCommand } from '../../../revops-command.ts';

const messages = loadMessages('retention.simulate');

/** A calendar day, checked while parsing so that a typo is a usage error. */
const dayFlag = Flags.custom<string>({
  parse: async (input) => {
    const day = new Date(`${input}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input) || Number.isNaN(day.getTime()) || !day.toISOString().startsWith(input))
      throw new Error(`expected a day as YYYY-MM-DD, got "${input}"`);
    return input;
  },
});

const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

export default class RetentionSimulate extends RevOpsCommand<RetentionSimulation> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    dataset: datasetFlag(messages.getMessage('flags.dataset.description')),
    'as-of': dayFlag({ summary: messages.getMessage('flags.as-of.summary') }),
    max: Flags.integer({ summary: messages.getMessage('flags.max.summary'), min: 0, default: 10 }),
  };

  public async run(): Promise<RetentionSimulation> {
    const { flags } = await this.parse(RetentionSimulate);
    const [{ loadModel, openProject }, { simulateRetention }] = await Promise.all([
      import('../../../../project.ts'),
      import('../../../../compliance/retention-simulate.ts'),
    ]);
    const model = await loadModel(await openProject());
    const result = await simulateRetention(resolve(flags.dataset), model, { asOf: flags['as-of'] });
    this.report(result, flags.max);
    return result;
  }

  private report(result: RetentionSimulation, max: number): void {
    this.log(`retention simulate: as of ${result.asOf}, ${count(result.hits.length, 'record')} to clear or delete`);
    const width = Math.max(0, ...result.rules.map((r) => r.rule.length));
    for (const r of result.rules) {
      const blank = r.noClock
        ? `; ${r.noClock} without ${r.noClock === r.records ? 'a clock in the dataset' : 'a clock'}`
        : '';
      this.log(
        `  ${r.rule.padEnd(width)}  ${r.action.padEnd(6)} ${r.expired} of ${r.records} ${r.object} (before ${r.cutoff}${blank})`,
      );
    }
    for (const hit of result.hits.slice(0, max)) this.log(line(hit));
    if (result.hits.length > max)
      this.log(`  ... and ${count(result.hits.length - max, 'more record')} (--json lists all)`);
  }
}

const line = (h: RetentionHit) =>
  `  ${h.rule} ${h.object} ${h.record}: ${h.action === 'Delete' ? 'delete' : `clear ${h.fields.join(', ')}`} — ${h.why}`;
