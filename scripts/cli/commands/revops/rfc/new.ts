import { Flags } from '@salesforce/sf-plugins-core';
import { loadMessages, RevOpsCommand } from '../../../revops-command.ts';

const messages = loadMessages('rfc.new');

export interface RfcNewResult {
  readonly file: string;
}

export default class RfcNew extends RevOpsCommand<RfcNewResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    title: Flags.string({ summary: messages.getMessage('flags.title.summary'), required: true }),
    type: Flags.option({
      summary: messages.getMessage('flags.type.summary'),
      options: ['schema', 'automation', 'security', 'data', 'analytics', 'config'] as const,
      default: 'schema' as const,
    })(),
    author: Flags.string({ summary: messages.getMessage('flags.author.summary') }),
  };

  public async run(): Promise<RfcNewResult> {
    const { flags } = await this.parse(RfcNew);
    const { newRfc } = await import('../../../../change/rfc/index.ts');
    const file = await newRfc(process.cwd(), { title: flags.title, type: flags.type, author: flags.author });
    this.log(`${file}: written; fill in the scope, impact assessment and rollback plan, then run revops rfc check`);
    return { file };
  }
}
