import { Flags } from '@salesforce/sf-plugins-core';
import type { ImpactReport } from '../../../change/impact/index.ts';
import { loadMessages, RevOpsCommand } from '../../revops-command.ts';

const messages = loadMessages('impact');
const shared = loadMessages('shared');

export type ImpactCommandResult = ImpactReport;

export default class Impact extends RevOpsCommand<ImpactCommandResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    from: Flags.string({ char: 'f', summary: messages.getMessage('flags.from.summary') }),
    to: Flags.string({ char: 't', summary: messages.getMessage('flags.to.summary') }),
    dataset: Flags.directory({ summary: shared.getMessage('flags.dataset.summary'), exists: true }),
    examples: Flags.integer({ summary: messages.getMessage('flags.examples.summary'), min: 0, max: 100, default: 5 }),
    'max-chars': Flags.integer({ summary: messages.getMessage('flags.max-chars.summary'), min: 2000, default: 15000 }),
  };

  public async run(): Promise<ImpactCommandResult> {
    const { flags } = await this.parse(Impact);
    const [{ impact }, { impactMarkdown }] = await Promise.all([
      import('../../../change/impact/index.ts'),
      import('../../../change/impact/markdown.ts'),
    ]);
    const report = await impact(process.cwd(), {
      from: flags.from,
      to: flags.to,
      dataset: flags.dataset,
      examples: flags.examples,
    });
    this.log(impactMarkdown(report, flags['max-chars']).trimEnd());
    return report;
  }
}
