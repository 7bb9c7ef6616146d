import { Flags } from '@salesforce/sf-plugins-core';
import type { PermsetAssignment } from '../../../../org/index.ts';
import { loadMessages, RevOpsCommand } from '../../../revops-command.ts';

const messages = loadMessages('permsets.assign');

export type PermsetsAssignResult = PermsetAssignment;

export default class PermsetsAssign extends RevOpsCommand<PermsetsAssignResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    'target-org': Flags.requiredOrg(),
    name: Flags.string({
      char: 'n',
      summary: messages.getMessage('flags.name.summary'),
      multiple: true,
      delimiter: ',',
    }),
  };

  public async run(): Promise<PermsetsAssignResult> {
    const network = await this.orgNetwork();
    const { flags } = await this.parse(PermsetsAssign);
    const [{ openProject }, org, support] = await Promise.all([
      import('../../../../project.ts'),
      import('../../../../org/index.ts'),
      import('../../../org-support.ts'),
    ]);
    const project = await openProject();
    const names = flags.name?.length ? flags.name : await support.modelPermissionSets(project);
    const target = flags['target-org'];
    this.spinner.start(`permsets: assigning ${names.length} permission set(s) in ${org.usernameOf(target)}`);
    const result = await org.assignPermissionSets(target.getConnection(project.apiVersion), names, undefined, network);
    this.spinner.stop();
    this.table({
      data: [
        ...result.assigned.map((name) => ({ name, status: 'assigned' })),
        ...result.alreadyAssigned.map((name) => ({ name, status: 'already assigned' })),
      ],
      columns: [
        { key: 'name', name: 'Permission set' },
        { key: 'status', name: 'Status' },
      ],
    });
    this.log(`permsets: ${names.length} permission set(s) held by ${result.assignee}`);
    return result;
  }
}
