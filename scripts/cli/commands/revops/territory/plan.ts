import type { TerritoryPlan } from '../../../../territory/plan.ts';
import { datasetFlag } from '../../../flags.ts';
import { loadMessages, RevOpsCommand } from '../../../revops-command.ts';

const messages = loadMessages('territory.plan');

const money = (x: number) => `${Math.round(x / 1000).toLocaleString('en-US')}k`;

export default class TerritoryPlanCommand extends RevOpsCommand<TerritoryPlan> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    dataset: datasetFlag(messages.getMessage('flags.dataset.description')),
  };

  public async run(): Promise<TerritoryPlan> {
    const { flags } = await this.parse(TerritoryPlanCommand);
    const [{ loadModel, openProject }, { planTerritories }] = await Promise.all([
      import('../../../../project.ts'),
      import('../../../../territory/plan.ts'),
    ]);
    const model = await loadModel(await openProject());
    const plan = await planTerritories(model, flags.dataset);
    this.print(plan);
    return plan;
  }

  private print(p: TerritoryPlan): void {
    const w = p.weights;
    this.log(`territory plan: ${p.model} on ${p.dataset} (anchor ${p.anchorDate})`);
    this.log(
      `  weights: accounts ${w.addressableAccounts}, revenue ${w.revenuePotential}, pipeline ${w.pipeline}, density ${w.density}`,
    );
    this.log('  territory                owner     accts  addr  revenue  pipeline  countries  score');
    for (const t of p.territories)
      this.log(
        `  ${t.territory.padEnd(24)} ${(t.owner ?? '-').padEnd(8)}${t.inheritedFrom ? '^' : ' '} ${String(t.accounts).padStart(5)} ${String(t.addressable).padStart(5)} ${money(t.revenue).padStart(8)} ${money(t.pipeline).padStart(9)} ${String(t.density).padStart(10)} ${t.score.toFixed(1).padStart(6)}`,
      );
    for (const v of p.vacant)
      this.log(
        `  vacant: ${v.territory} covered by ${v.coveredBy ?? 'nobody'}${v.from ? ` (owner of ${v.from})` : ''}`,
      );
    this.log(`  rep TAM (sum of scores): ${p.reps.map((r) => `${r.user} ${r.tam.toFixed(1)}`).join(', ')}`);
    for (const f of p.flags)
      this.log(
        `  FLAG ${f.user}: TAM ${f.tam.toFixed(1)} is ${f.ratio}x ${f.comparedTo}'s ${f.otherTam.toFixed(1)} (limit ${p.maxTamRatio}x)`,
      );
    for (const m of p.moves)
      this.log(
        `  move ${m.territory}: ${m.from} → ${m.to} effective ${m.effective} (spread ${m.spreadBefore}x → ${m.spreadAfter}x)`,
      );
    const short = p.gaps.filter((g) => g.gap > 0);
    this.log(`  quarterly gaps: ${short.length} of ${p.gaps.length} territory-quarters short of pipeline`);
    for (const g of short)
      this.log(
        `    ${g.quarter} ${g.territory}: pipeline ${money(g.pipeline)} vs ${money(g.needed)} needed (gap ${money(g.gap)})`,
      );
    if (p.unassigned.length) this.log(`  unassigned accounts: ${p.unassigned.length}`);
  }
}
