import { Flags } from '@salesforce/sf-plugins-core';
import { loadMessages, RevOpsCommand } from '../../../revops-command.ts';

const messages = loadMessages('org.delete');

export interface OrgDeleteResult {
  readonly username: string;
  readonly devHub: string;
}

export default class OrgDelete extends RevOpsCommand<OrgDeleteResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    'target-org': Flags.requiredOrg(),
  };

  public async run(): Promise<OrgDeleteResult> {
    const network = await this.orgNetwork();
    const { flags } = await this.parse(OrgDelete);
    const { deleteScratchOrg } = await import('../../../../org/index.ts');
    this.spinner.start('org delete: deleting the scratch org through its Dev Hub');
    const deleted = await deleteScratchOrg(flags['target-org'], network);
    this.spinner.stop();
    this.log(`Deleted scratch org ${deleted.username} (Dev Hub ${deleted.devHub})`);
    return { username: deleted.username, devHub: deleted.devHub };
  }
}
