import { resolve } from 'node:path';
import { Flags } from '@salesforce/sf-plugins-core';
import type { CheckResult, FormatIssue } from '../../../../data/index.ts';
import { anchorDateFlag, datasetFlag } from '../../../flags.ts';
import { loadMessages, RevOpsCommand } from '../../../revops-command.ts';

const messages = loadMessages('data.check');

export type DataCheckResult = CheckResult & { readonly format: readonly FormatIssue[] };

const number = (n: number) => n.toLocaleString('en-US');

export default class DataCheck extends RevOpsCommand<DataCheckResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    dataset: datasetFlag(messages.getMessage('flags.dataset.description')),
    'anchor-date': anchorDateFlag(),
    strict: Flags.boolean({ summary: messages.getMessage('flags.strict.summary') }),
    max: Flags.integer({ summary: messages.getMessage('flags.max.summary'), min: 0, default: 50 }),
  };

  public async run(): Promise<DataCheckResult> {
    const { flags } = await this.parse(DataCheck);
    const [{ loadModel, openProject }, { checkDataset, verifyDatasetFormat }] = await Promise.all([
      import('../../../../project.ts'),
      import('../../../../data/index.ts'),
    ]);
    const dir = resolve(flags.dataset);
    const model = await loadModel(await openProject());
    const result = await checkDataset(dir, {
      model,
      anchorDate: flags['anchor-date'],
      maxViolations: Math.max(flags.max, 1000),
    });
    const format = flags.strict ? await verifyDatasetFormat(dir, model) : [];
    const ok = result.ok && format.length === 0;
    const evaluations = result.rules.reduce((n, r) => n + r.evaluated, 0);
    const summary =
      `${number(result.records)} records, ${result.rules.length} rules, ${number(evaluations)} evaluations ` +
      `(anchor ${result.anchorDate})`;
    this.printProblems(result, format, flags.max);
    if (ok) {
      this.log(`data check: no violations; ${summary}${flags.strict ? '; format contract holds' : ''}`);
      for (const u of result.unexercised) this.log(`  not exercised (no records): ${u}`);
    } else {
      process.exitCode = 1;
      this.logToStderr(
        `data check: ${number(result.violationCount)} violation(s), ${number(result.problemCount)} record(s) not checkable` +
          `${flags.strict ? `, ${format.length} format issue(s)` : ''}; ${summary}`,
      );
    }
    return { ...result, ok, format };
  }

  private printProblems(result: CheckResult, format: readonly FormatIssue[], max: number): void {
    for (const issue of format.slice(0, max))
      this.logToStderr(`${issue.file}${issue.line ? `:${issue.line}` : ''}: ${issue.problem}`);
    const fired = result.rules.filter((r) => r.violations > 0);
    const width = Math.max(0, ...fired.map((r) => `${r.object}.${r.rule}`.length));
    for (const r of fired)
      this.logToStderr(
        `  ${`${r.object}.${r.rule}`.padEnd(width)}  ${number(r.violations).padStart(7)} of ${number(r.evaluated)}`,
      );
    for (const v of result.violations.slice(0, max))
      this.logToStderr(
        `${v.file}:${v.line}: ${v.object} ${v.externalId}: ${v.rule}${v.errorField ? ` [${v.errorField}]` : ''}: ${v.message}`,
      );
    if (result.violationCount > max)
      this.logToStderr(`  ... and ${number(result.violationCount - max)} more violations`);
    for (const p of result.problems.slice(0, max)) this.logToStderr(`${p.kind}: ${p.message}`);
    if (result.problemCount > max) this.logToStderr(`  ... and ${number(result.problemCount - max)} more problems`);
  }
}
