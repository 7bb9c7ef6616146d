import { resolve } from 'node:path';
import { Flags } from '@salesforce/sf-plugins-core';
import type { CapacityResult, ScenarioCapacity } from '../../../capacity/index.ts';
import { datasetFlag } from '../../flags.ts';
import { loadMessages, RevOpsCommand } from '../../revops-command.ts';

const messages = loadMessages('capacity');

const money = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;
const gap = (n: number) => (n > 0 ? `gap ${money(n)}` : `surplus ${money(-n)}`);
const up = (n: number) => Math.ceil(n - 1e-9).toLocaleString('en-US');
const one = (n: number) => n.toFixed(1);

export default class Capacity extends RevOpsCommand<CapacityResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    dataset: datasetFlag(messages.getMessage('flags.dataset.description')),
    scenario: Flags.option({
      summary: messages.getMessage('flags.scenario.summary'),
      options: ['bear', 'base', 'bull'] as const,
    })(),
  };

  public async run(): Promise<CapacityResult> {
    const { flags } = await this.parse(Capacity);
    const [{ loadModel, openProject }, { capacity }] = await Promise.all([
      import('../../../project.ts'),
      import('../../../capacity/index.ts'),
    ]);
    const model = await loadModel(await openProject());
    const result = await capacity(model, resolve(flags.dataset), flags.scenario);
    this.log(`capacity: revenue plan ${result.plan}, fiscal year from ${result.fiscalYearStart}`);
    for (const s of result.scenarios) this.scenario(s);
    return result;
  }

  private scenario(s: ScenarioCapacity): void {
    const t = s.targets;
    const f = s.funnel;
    this.log(
      `\n${s.scenario} (${Math.round(s.confidence * 100)} % confidence): new business ${money(t.newBusiness)}, ` +
        `expansion ${money(t.expansion)}, churn ${money(t.churned)}, net new ${money(t.netNew)}, ending ARR ${money(t.endingArr)}`,
    );
    for (const r of s.roles)
      this.log(
        `  ${r.role.padEnd(7)} target ${money(r.target)} ÷ (${money(r.annualQuota)} × ${Math.round(r.expectedAttainment * 100)} %) = ` +
          `${one(r.requiredAtFullRamp)} at full ramp; ${r.headcount} on the roster = ${one(r.currentCapacity)} after ramp and attrition; ` +
          `a hire adds ${r.newHireCapacity.toFixed(2)} → hire ${r.hiresNeeded} (expect ${one(r.expectedLeavers)} to leave); ` +
          `capacity ${money(r.productiveCapacity)}, ${gap(r.gap)}`,
      );
    this.log(
      `  funnel  ${up(f.newDeals)} deals ← ${up(f.opportunities)} opportunities (win ${Math.round(f.winRate * 100)} %) ← ${up(f.sqls)} SQLs ← ` +
        `${up(f.sals)} SALs ← ${up(f.mqls)} MQLs; pipeline ${money(f.pipeline)}, created ${f.salesCycleDays} days before close`,
    );
    this.log(
      `  expansion ${up(f.expansionDeals)} deals ← ${up(f.expansionOpportunities)} opportunities (win ${Math.round(f.expansionWinRate * 100)} %); ` +
        `pipeline ${money(f.expansionPipeline)}`,
    );
  }
}
