import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Flags } from '@salesforce/sf-plugins-core';
import type { DiffReport } from '../../../change/diff/index.ts';
import { loadMessages, RevOpsCommand } from '../../revops-command.ts';

const messages = loadMessages('diff');

export type DiffCommandResult = DiffReport;

export default class Diff extends RevOpsCommand<DiffCommandResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    from: Flags.string({ char: 'f', summary: messages.getMessage('flags.from.summary') }),
    to: Flags.string({ char: 't', summary: messages.getMessage('flags.to.summary') }),
    markdown: Flags.boolean({ summary: messages.getMessage('flags.markdown.summary') }),
    'max-chars': Flags.integer({ summary: messages.getMessage('flags.max-chars.summary'), min: 2000, default: 30000 }),
    out: Flags.directory({ summary: messages.getMessage('flags.out.summary') }),
  };

  public async run(): Promise<DiffCommandResult> {
    const { flags } = await this.parse(Diff);
    const [{ diff }, { diffMarkdown, manifestXml }] = await Promise.all([
      import('../../../change/diff/index.ts'),
      import('../../../change/diff/markdown.ts'),
    ]);
    const report = await diff(process.cwd(), { from: flags.from, to: flags.to });
    const markdown = diffMarkdown(report, flags.markdown ? flags['max-chars'] : Number.MAX_SAFE_INTEGER);
    if (flags.out) {
      await mkdir(join(flags.out, 'package'), { recursive: true });
      await mkdir(join(flags.out, 'destructiveChanges'), { recursive: true });
      await writeFile(join(flags.out, 'package', 'package.xml'), manifestXml(report.package, report.apiVersion));
      await writeFile(
        join(flags.out, 'destructiveChanges', 'destructiveChanges.xml'),
        manifestXml(report.destructive, report.apiVersion),
      );
      await writeFile(join(flags.out, 'diff.json'), `${JSON.stringify(report, null, 2)}\n`);
      await writeFile(join(flags.out, 'diff.md'), markdown);
    }
    this.log(markdown.trimEnd());
    for (const w of report.warnings) this.warn(w);
    return report;
  }
}
