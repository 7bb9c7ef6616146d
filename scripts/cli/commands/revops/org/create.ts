import { join } from 'node:path';
import { Flags } from '@salesforce/sf-plugins-core';
import type { ScratchOrgSummary } from '../../../../org/index.ts';
import { loadMessages, RevOpsCommand } from '../../../revops-command.ts';

const messages = loadMessages('org.create');

export type OrgCreateResult = ScratchOrgSummary;

export default class OrgCreate extends RevOpsCommand<OrgCreateResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    'target-dev-hub': Flags.requiredHub(),
    alias: Flags.string({ char: 'a', summary: messages.getMessage('flags.alias.summary'), default: 'revops' }),
    'duration-days': Flags.integer({
      char: 'd',
      summary: messages.getMessage('flags.duration-days.summary'),
      min: 1,
      max: 30,
      default: 7,
    }),
    'set-default': Flags.boolean({ summary: messages.getMessage('flags.set-default.summary') }),
  };

  public async run(): Promise<OrgCreateResult> {
    const network = await this.orgNetwork();
    const { flags } = await this.parse(OrgCreate);
    const [{ openProject }, org] = await Promise.all([
      import('../../../../project.ts'),
      import('../../../../org/index.ts'),
    ]);
    const project = await openProject();
    const definitionFile = join(project.root, 'config', 'project-scratch-def.json');
    await org.readScratchDefinition(definitionFile);
    const hub = flags['target-dev-hub'];
    this.spinner.start(`org create: asking Dev Hub ${org.usernameOf(hub)} for a scratch org (a few minutes)`);
    const created = await org.createScratchOrg({
      hub,
      definitionFile,
      alias: flags.alias,
      durationDays: flags['duration-days'],
      setDefault: flags['set-default'],
      ...network,
    });
    this.spinner.stop();
    for (const warning of created.warnings) this.warn(warning);
    const expires = created.expirationDate ? `; expires ${created.expirationDate}` : '';
    this.log(
      `Created scratch org ${created.username} (alias ${created.alias}) from Dev Hub ${created.devHub}${expires}`,
    );
    return created;
  }
}
