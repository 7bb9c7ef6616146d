import { SfError } from '@salesforce/core/sfError';
import { Flags } from '@salesforce/sf-plugins-core';
import type { PushResult } from '../../../../attribution/push.ts';
import { datasetFlag } from '../../../flags.ts';
import { loadMessages, RevOpsCommand } from '../../../revops-command.ts';

const messages = loadMessages('attribution.push');

const money = (cents: number) =>
  (cents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

export default class AttributionPush extends RevOpsCommand<PushResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    'target-org': Flags.requiredOrg(),
    dataset: datasetFlag(messages.getMessage('flags.dataset.description')),
    model: Flags.string({ summary: messages.getMessage('flags.model.summary'), required: true }),
  };

  public async run(): Promise<PushResult> {
    const network = await this.orgNetwork();
    const { flags } = await this.parse(AttributionPush);
    const [{ loadModel, openProject }, { runAttribution }, { influenceModelName, pushInfluence }, org] =
      await Promise.all([
        import('../../../../project.ts'),
        import('../../../../attribution/index.ts'),
        import('../../../../attribution/push.ts'),
        import('../../../../org/index.ts'),
      ]);
    const project = await openProject();
    const model = await loadModel(project);
    const result = await runAttribution(flags.dataset, { model, attribution: flags.model });
    const name = influenceModelName(result.model);
    if (!model.campaignInfluenceModels.some((m) => m.name === name))
      throw new SfError(messages.getMessage('errors.NoInfluenceModel', [name]), 'NoInfluenceModel', [
        messages.getMessage('errors.NoInfluenceModel.action', [name]),
      ]);
    const target = flags['target-org'];
    this.spinner.start(`attribution push: ${result.model} credit to ${org.usernameOf(target)} as ${name}`);
    const pushed = await pushInfluence(target.getConnection(project.apiVersion), {
      model: result.model,
      result,
      ...network,
    });
    this.spinner.stop();
    this.log(
      `attribution push: ${pushed.written} CampaignInfluence records written under ${name} (${pushed.deleted} earlier ones replaced); ` +
        `${money(pushed.creditedCents)} credited to campaigns, ${money(pushed.uncampaignedCents)} on touches without a campaign (not written)`,
    );
    const { opportunities, campaigns } = pushed.notInOrg;
    if (opportunities.length || campaigns.length)
      this.warn(
        `not in the org (by External_Id__c), not written: ${opportunities.length} opportunities, ${campaigns.length} campaigns — load the dataset first (revops data load)`,
      );
    if (pushed.failed.length) {
      this.table({ data: pushed.failed.slice(0, 20), title: 'Rows the org refused' });
      throw new SfError(messages.getMessage('errors.RowsFailed', [pushed.failed.length, name]), 'InfluenceRowsFailed', [
        messages.getMessage('errors.RowsFailed.action'),
      ]);
    }
    return pushed;
  }
}
