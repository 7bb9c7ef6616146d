import { resolve } from 'node:path';
import { Flags } from '@salesforce/sf-plugins-core';
import type { CompResult, RepPayout } from '../../../../comp/index.ts';
import { datasetFlag } from '../../../flags.ts';
import { loadMessages, RevOpsCommand } from '../../../revops-command.ts';

const messages = loadMessages('comp.calculate');

const money = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;
const pct = (n: number | null) => (n === null ? 'n/a' : `${(n * 100).toFixed(1)} %`);

export default class CompCalculate extends RevOpsCommand<CompResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    dataset: datasetFlag(messages.getMessage('flags.dataset.description')),
    period: Flags.string({ summary: messages.getMessage('flags.period.summary'), required: true }),
  };

  public async run(): Promise<CompResult> {
    const { flags } = await this.parse(CompCalculate);
    const [{ loadModel, openProject }, { compCalculate }] = await Promise.all([
      import('../../../../project.ts'),
      import('../../../../comp/index.ts'),
    ]);
    const model = await loadModel(await openProject());
    const result = await compCalculate(model, resolve(flags.dataset), flags.period);
    const p = result.period;
    this.log(`comp calculate: ${p.name} (${p.start} to ${p.end}), ${result.reps.length} reps on a quota`);
    for (const rep of result.reps) this.rep(rep);
    if (result.unpaidDeals.length)
      this.log(
        `\n${result.unpaidDeals.length} closed-won deals belong to nobody on a quota this period: ${result.unpaidDeals.join(', ')}`,
      );
    return result;
  }

  private rep(rep: RepPayout): void {
    this.log(
      `\n${rep.user} ${rep.name} (${rep.role}, ${rep.plan}): quota ${money(rep.quota)}, credited ${money(rep.credited)}, ` +
        `attainment ${pct(rep.attainment)}, variable at target ${money(rep.variableTarget)} → payout ${money(rep.payout)}`,
    );
    for (const line of rep.lines) this.log(`  ${line.explanation}`);
    for (const claw of rep.clawbacks) this.log(`  ${claw.explanation}`);
  }
}
