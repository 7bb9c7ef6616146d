import { Flags } from '@salesforce/sf-plugins-core';
import type { ReleaseRecord } from '../../../change/release/index.ts';
import { loadMessages, RevOpsCommand } from '../../revops-command.ts';

const messages = loadMessages('rollback');

export type RollbackResult = ReleaseRecord;

export default class Rollback extends RevOpsCommand<RollbackResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    'target-org': Flags.requiredOrg(),
    release: Flags.string({ summary: messages.getMessage('flags.release.summary'), required: true }),
  };

  public async run(): Promise<RollbackResult> {
    const network = await this.orgNetwork();
    const { flags } = await this.parse(Rollback);
    const [{ openProject }, change, org] = await Promise.all([
      import('../../../project.ts'),
      import('../../../change/release/index.ts'),
      import('../../../org/index.ts'),
    ]);
    const project = await openProject();
    const target = flags['target-org'];
    const progress = new org.DeployProgress(process.stderr, `rollback → ${org.usernameOf(target)}`);
    const releaseOrg = new change.ConnectionReleaseOrg(target.getConnection(project.apiVersion), {
      root: project.root,
      onStatus: (status) => progress.update(status),
      ...network,
    });
    const record = await change
      .rollback(project.root, { release: flags.release, org: releaseOrg, onProgress: network.onProgress })
      .finally(() => progress.stop());
    const plan = record.rollback!;
    const n = (m: Readonly<Record<string, readonly string[]>>) => Object.values(m).flat().length;
    this.log(
      `rollback of ${record.id}: ${n(plan.restore)} component(s) restored, ${n(plan.remove)} deleted, ${plan.deactivateFlows.length} flow(s) deactivated (${record.rolledBack?.id})`,
    );
    for (const line of plan.irreversible) this.log(`  not reversed: ${line}`);
    return record;
  }
}
