import { Flags } from '@salesforce/sf-plugins-core';
import type { VerifyReport } from '../../../verify/index.ts';
import { claimOutputFolder } from '../../output-folder.ts';
import { loadMessages, RevOpsCommand } from '../../revops-command.ts';

const messages = loadMessages('verify');
const shared = loadMessages('shared');

export type VerifyCommandResult = Omit<VerifyReport, 'metadataPackage'> & {
  readonly package: VerifyReport['metadataPackage'];
};

export default class Verify extends RevOpsCommand<VerifyCommandResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    out: Flags.directory({
      summary: messages.getMessage('flags.out.summary'),
      description: shared.getMessage('flags.out.description'),
      default: 'out/verify',
    }),
    force: Flags.boolean({ summary: shared.getMessage('flags.force.summary') }),
  };

  public async run(): Promise<VerifyCommandResult> {
    const { flags, metadata } = await this.parse(Verify);
    const [{ loadModel, openProject }, { verifyProject }, { formatFinding }] = await Promise.all([
      import('../../../project.ts'),
      import('../../../verify/index.ts'),
      import('../../../verify/findings.ts'),
    ]);
    const project = await openProject();
    await claimOutputFolder(flags.out, {
      command: 'verify',
      force: flags.force,
      isDefault: metadata.flags.out?.setFromDefault,
    });
    const report = await verifyProject(project, await loadModel(project), flags.out);
    const { metadataPackage, ...rest } = report;
    this.table({
      data: report.checks.map((c) => ({ check: c.name, checked: c.checked, ms: c.ms })),
      columns: [
        { key: 'check', name: 'Check' },
        { key: 'checked', name: 'Checked' },
        { key: 'ms', name: 'ms' },
      ],
    });
    for (const w of report.warnings) this.warn(formatFinding(w).trim());
    if (report.errors.length) {
      process.exitCode = 1;
      this.logToStderr(`verify: ${report.errors.length} problem(s):\n${report.errors.map(formatFinding).join('\n')}`);
    } else {
      this.log(`verify: ${report.components.length} components, no problems`);
    }
    return { ...rest, package: metadataPackage };
  }
}
