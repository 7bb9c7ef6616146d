import { Flags } from '@salesforce/sf-plugins-core';
import type { ReleaseRecord } from '../../../change/release/index.ts';
import { loadMessages, RevOpsCommand } from '../../revops-command.ts';

const messages = loadMessages('release');

export type ReleaseResult = ReleaseRecord;

export default class Release extends RevOpsCommand<ReleaseResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    'target-org': Flags.requiredOrg(),
    rfc: Flags.integer({ summary: messages.getMessage('flags.rfc.summary'), min: 1, required: true }),
    from: Flags.string({ char: 'f', summary: messages.getMessage('flags.from.summary') }),
    to: Flags.string({ char: 't', summary: messages.getMessage('flags.to.summary') }),
    'validate-only': Flags.boolean({ summary: messages.getMessage('flags.validate-only.summary') }),
    'no-tag': Flags.boolean({ summary: messages.getMessage('flags.no-tag.summary') }),
  };

  public async run(): Promise<ReleaseResult> {
    const network = await this.orgNetwork();
    const { flags } = await this.parse(Release);
    const [{ openProject }, change, org] = await Promise.all([
      import('../../../project.ts'),
      import('../../../change/release/index.ts'),
      import('../../../org/index.ts'),
    ]);
    const project = await openProject();
    const target = flags['target-org'];
    const progress = new org.DeployProgress(process.stderr, `release → ${org.usernameOf(target)}`);
    const releaseOrg = new change.ConnectionReleaseOrg(target.getConnection(project.apiVersion), {
      root: project.root,
      onStatus: (status) => progress.update(status),
      ...network,
    });
    const record = await change
      .release(project.root, {
        rfc: flags.rfc,
        from: flags.from,
        to: flags.to,
        org: releaseOrg,
        validateOnly: flags['validate-only'],
        tag: !flags['no-tag'],
        onProgress: network.onProgress,
      })
      .finally(() => progress.stop());
    this.printSummary(record);
    return record;
  }

  private printSummary(record: ReleaseRecord): void {
    const count = (m: Readonly<Record<string, readonly string[]>>) => Object.values(m).flat().length;
    const what = `${count(record.package)} component(s), ${count(record.destructive)} deleted`;
    if (record.status === 'validated') {
      this.log(
        `release ${record.id}: validated (${record.validation?.id}) — ${what}; run the same command to quick-deploy it`,
      );
      return;
    }
    this.log(`release ${record.id}: RFC ${record.rfc} released to ${record.org} — ${what}`);
    this.log(`  validation ${record.validation?.id} (${record.testLevel}), deploy ${record.deploy?.id}`);
    for (const a of record.activations)
      this.log(`  ${a.state}: ${a.type} ${a.fullName}${a.message ? ` (${a.message})` : ''}`);
    this.log(`  record: releases/${record.id}/release.json; rollback: revops rollback --release ${record.id}`);
    for (const line of record.rollback?.irreversible ?? []) this.log(`  cannot be rolled back: ${line}`);
  }
}
