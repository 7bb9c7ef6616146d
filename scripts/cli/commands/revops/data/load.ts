import { join } from 'node:path';
import { Flags } from '@salesforce/sf-plugins-core';
import type { LoadResult } from '../../../../org/index.ts';
import { datasetFlag, forceFlag } from '../../../flags.ts';
import { claimOutputFolder } from '../../../output-folder.ts';
import { loadMessages, RevOpsCommand } from '../../../revops-command.ts';

const messages = loadMessages('data.load');
const shared = loadMessages('shared');

export type DataLoadResult = LoadResult;

export default class DataLoad extends RevOpsCommand<DataLoadResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    'target-org': Flags.requiredOrg(),
    dataset: datasetFlag(messages.getMessage('flags.dataset.description')),
    out: Flags.directory({
      summary: messages.getMessage('flags.out.summary'),
      description: shared.getMessage('flags.out.description'),
    }),
    force: forceFlag(),
    fresh: Flags.boolean({ summary: messages.getMessage('flags.fresh.summary') }),
    'bulk-threshold': Flags.integer({ summary: messages.getMessage('flags.bulk-threshold.summary'), min: 1 }),
  };

  public async run(): Promise<DataLoadResult> {
    const network = await this.orgNetwork();
    const { flags } = await this.parse(DataLoad);
    const [{ openProject, loadModel }, org, support] = await Promise.all([
      import('../../../../project.ts'),
      import('../../../../org/index.ts'),
      import('../../../org-support.ts'),
    ]);
    const project = await openProject();
    const dataset = await org.readDataset(flags.dataset);
    const outDir = flags.out ?? join(project.root, 'out', 'load');
    await claimOutputFolder(outDir, { command: 'data load', force: flags.force, isDefault: flags.out === undefined });
    const target = flags['target-org'];
    const result = await org.loadDataset(target.getConnection(project.apiVersion), {
      dataset: flags.dataset,
      targetOrg: org.usernameOf(target),
      resolveRelationship: await support.modelRelationships(project),
      outDir,
      fresh: flags.fresh,
      bulkThreshold: flags['bulk-threshold'],
      dateShift: await support.datesToToday(project, dataset),
      onEvent: (event) => this.logToStderr(support.loadEventLine(event)),
      model: await loadModel(project),
      ...network,
    });
    this.log(support.loadSummaryLine(result));
    this.table(support.loadTable(result));
    this.log(
      `  report  ${support.shown(project.root, result.report)}\n  summary ${support.shown(project.root, result.summaryFile)}`,
    );
    if (!result.ok) process.exitCode = 1;
    return result;
  }
}
