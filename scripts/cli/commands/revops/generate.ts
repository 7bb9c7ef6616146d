import { Flags } from '@salesforce/sf-plugins-core';
import type { GenerateResult } from '../../../commands/generate.ts';
import { loadMessages, RevOpsCommand } from '../../revops-command.ts';

const messages = loadMessages('generate');

export interface GenerateCommandResult {
  readonly files: number;
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
  /** With --check: whether force-app/ and model/ agree. */
  readonly inSync: boolean;
}

export default class Generate extends RevOpsCommand<GenerateCommandResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    check: Flags.boolean({ summary: messages.getMessage('flags.check.summary') }),
  };

  public async run(): Promise<GenerateCommandResult> {
    const { flags } = await this.parse(Generate);
    const [{ openProject }, { generate }] = await Promise.all([
      import('../../../project.ts'),
      import('../../../commands/generate.ts'),
    ]);
    const result: GenerateResult = await generate(await openProject(), { check: flags.check });
    const { added, changed, removed } = result.drift;
    const summary = { files: result.files.length, added, changed, removed, inSync: result.inSync };
    if (!flags.check) {
      this.log(
        `generate: ${result.files.length} files; ${added.length} added, ${changed.length} changed, ${removed.length} removed`,
      );
      return summary;
    }
    if (result.inSync) {
      this.log(`generate --check: ${result.files.length} generated files match model/`);
      return summary;
    }
    process.exitCode = 1;
    this.logToStderr('generate --check: force-app/ and model/ disagree (run `revops generate` and commit):');
    for (const [label, paths] of [
      ['missing', added],
      ['differs', changed],
      ['not in model', removed],
    ] as const) {
      for (const p of paths) this.logToStderr(`  ${label.padEnd(12)} ${p}`);
    }
    return summary;
  }
}
