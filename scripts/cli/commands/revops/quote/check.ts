import { resolve } from 'node:path';
import { Flags } from '@salesforce/sf-plugins-core';
import type { QuoteCheckResult } from '../../../../quote/check.ts';
import { datasetFlag } from '../../../flags.ts';
import { loadMessages, RevOpsCommand } from '../../../revops-command.ts';

const messages = loadMessages('quote.check');

export default class QuoteCheck extends RevOpsCommand<QuoteCheckResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    dataset: datasetFlag(messages.getMessage('flags.dataset.description')),
    max: Flags.integer({ summary: messages.getMessage('flags.max.summary'), min: 0, default: 50 }),
  };

  public async run(): Promise<QuoteCheckResult> {
    const { flags } = await this.parse(QuoteCheck);
    const [{ loadModel, openProject }, { checkQuotes }] = await Promise.all([
      import('../../../../project.ts'),
      import('../../../../quote/check.ts'),
    ]);
    const model = await loadModel(await openProject());
    const result = await checkQuotes(resolve(flags.dataset), model);
    const width = Math.max(...result.rules.map((r) => r.id.length));
    for (const r of result.rules)
      this.log(
        `  ${r.id.padEnd(width)}  ${String(r.failures).padStart(5)} failing of ${String(r.checked).padStart(6)}  ${r.description}`,
      );
    for (const f of result.failures.slice(0, flags.max))
      this.logToStderr(`${f.file}:${f.line}: ${f.object} ${f.externalId}: ${f.rule}: ${f.message}`);
    if (result.failures.length > flags.max) this.logToStderr(`  ... and ${result.failures.length - flags.max} more`);
    const checked = result.rules.reduce((n, r) => n + r.checked, 0);
    if (result.ok) this.log(`quote check: 0 failures; ${result.rules.length} rules, ${checked} checks`);
    else {
      process.exitCode = 1;
      this.logToStderr(
        `quote check: ${result.failures.length} failure(s); ${result.rules.length} rules, ${checked} checks`,
      );
    }
    return result;
  }
}
