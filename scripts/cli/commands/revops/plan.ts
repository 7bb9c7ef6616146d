import { Flags } from '@salesforce/sf-plugins-core';
import type { PlanResult } from '../../../plan/index.ts';
import { claimOutputFolder } from '../../output-folder.ts';
import { loadMessages, RevOpsCommand } from '../../revops-command.ts';

const messages = loadMessages('plan');
const shared = loadMessages('shared');

export type PlanCommandResult = PlanResult;

export default class Plan extends RevOpsCommand<PlanCommandResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    out: Flags.directory({
      summary: shared.getMessage('flags.out.summary'),
      description: shared.getMessage('flags.out.description'),
      default: 'out/plan',
    }),
    force: Flags.boolean({ summary: shared.getMessage('flags.force.summary') }),
    dataset: Flags.directory({
      summary: shared.getMessage('flags.dataset.summary'),
      description: messages.getMessage('flags.dataset.description'),
      exists: true,
    }),
    from: Flags.string({ char: 'f', summary: messages.getMessage('flags.from.summary') }),
  };

  public async run(): Promise<PlanCommandResult> {
    const { flags, metadata } = await this.parse(Plan);
    // Loaded here, not at the top: every command file is imported to list the commands, and
    // plan's libraries (SDR, the verifiers) should cost nothing to the others.
    const [{ openProject }, { plan }] = await Promise.all([
      import('../../../project.ts'),
      import('../../../plan/index.ts'),
    ]);
    const project = await openProject();
    await claimOutputFolder(flags.out, {
      command: 'plan',
      force: flags.force,
      isDefault: metadata.flags.out?.setFromDefault,
    });
    this.spinner.start('plan: drift check, verify, package, rules over the dataset');
    const result = await plan(project, { outDir: flags.out, dataset: flags.dataset, from: flags.from });
    this.spinner.stop(result.ok ? 'done' : 'failed');
    if (!result.ok) process.exitCode = 1;
    await this.print(result);
    return result;
  }

  private async print(result: PlanResult): Promise<void> {
    const { formatFinding } = await import('../../../verify/findings.ts');
    if (result.errors.length) {
      const count = result.errors.length;
      this.logToStderr(`revops plan: FAILED (${count} problem${count === 1 ? '' : 's'})`);
      for (const e of result.errors) this.logToStderr(formatFinding(e));
      return;
    }
    this.log(
      `revops plan: ${result.componentCount} components would deploy (${result.lockedDefinitions} locked definitions)\n`,
    );
    this.table({
      data: Object.entries(result.componentsByType)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([type, count]) => ({ type, count })),
      columns: [
        { key: 'type', name: 'Type' },
        { key: 'count', name: 'Components' },
      ],
    });
    const contents = result.contents;
    if (contents) {
      const leaf = (name: string) => name.split('/').pop();
      this.log(`  custom objects (${contents.customObjects.length}): ${contents.customObjects.join(', ')}`);
      this.log(
        `  reports: ${contents.reports.length} in ${contents.reportFolders} folders; dashboards (${contents.dashboards.length}): ${contents.dashboards.map(leaf).join(', ')}`,
      );
    }
    // As sf warnings: on stderr, and in the --json envelope's warnings.
    for (const w of result.warnings) this.warn(formatFinding(w).trim());
    const impact = result.datasetImpact;
    if (impact) {
      const blocked = impact.blocking.length
        ? `${impact.blocking.length} rule(s) would block records (warnings above)`
        : 'no record blocked';
      this.log(
        `  dataset: ${impact.dataset}: ${impact.records.toLocaleString('en-US')} records, ${impact.rules} rules, ${blocked}`,
      );
    }
    if (result.report) {
      const r = result.report;
      const rate = r.winRate === null ? '—' : `${(r.winRate * 100).toFixed(1)} %`;
      this.log(`  report: ${r.index} (${r.charts} charts; win rate ${rate}, bottleneck ${r.bottleneck ?? '—'})`);
    }
    const change = result.changeImpact;
    if (change) {
      const totals = Object.entries(change.totals).map(([kind, n]) => `${n} ${kind}`);
      this.log(
        `  change since ${change.from.ref}: ${totals.join(', ') || 'no record affected'} (revops impact --from ${change.from.ref} lists them)`,
      );
      for (const s of change.sections.flatMap((x) => x.subjects).filter((x) => x.effects.length))
        this.log(`    ${s.subject}: ${s.effects.map((e) => `${e.count} ${e.kind}`).join(', ')}`);
    }
    this.log(`  checks: ${result.checks.map((c) => `${c.name} ${c.checked}`).join(', ')}`);
    if (result.package) {
      this.log(
        `  package: ${result.package.zip} (${(result.package.zipBytes / 1024).toFixed(1)} KiB), manifest ${result.package.packageXml}`,
      );
    }
    this.log(`  model and force-app/ in sync; done in ${(result.durationMs / 1000).toFixed(1)} s`);
  }
}
