import { join } from 'node:path';
import { Flags } from '@salesforce/sf-plugins-core';
import type { DeployProgress, OrgUpResult } from '../../../../org/index.ts';
import { datasetFlag } from '../../../flags.ts';
import { loadMessages, RevOpsCommand } from '../../../revops-command.ts';

const messages = loadMessages('org.up');

export type OrgUpCommandResult = OrgUpResult;

export default class OrgUp extends RevOpsCommand<OrgUpCommandResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    alias: Flags.string({ char: 'a', summary: messages.getMessage('flags.alias.summary'), default: 'revops' }),
    // A name, not Flags.requiredHub(): a resumed run that needs no new org must not need the hub.
    'target-dev-hub': Flags.string({ char: 'v', summary: messages.getMessage('flags.target-dev-hub.summary') }),
    dataset: datasetFlag(messages.getMessage('flags.dataset.description')),
    'duration-days': Flags.integer({
      char: 'd',
      summary: messages.getMessage('flags.duration-days.summary'),
      min: 1,
      max: 30,
    }),
    'fresh-data': Flags.boolean({ summary: messages.getMessage('flags.fresh-data.summary') }),
  };

  public async run(): Promise<OrgUpCommandResult> {
    const network = await this.orgNetwork();
    const { flags } = await this.parse(OrgUp);
    const [{ openProject }, org, support] = await Promise.all([
      import('../../../../project.ts'),
      import('../../../../org/index.ts'),
      import('../../../org-support.ts'),
    ]);
    const project = await openProject();
    const dataset = await org.readDataset(flags.dataset);
    let progress: DeployProgress | undefined;
    const result = await org
      .orgUp({
        project,
        alias: flags.alias,
        devHub: flags['target-dev-hub'],
        durationDays: flags['duration-days'],
        requestTimeoutMs: network.requestTimeoutMs,
        dataset: flags.dataset,
        permissionSets: await support.modelPermissionSets(project),
        activations: await support.deployActivations(project),
        resolveRelationship: await support.modelRelationships(project),
        onProgress: (line) => {
          progress?.stop();
          this.logToStderr(`org up: ${line}`);
          if (line.startsWith('deploy: running')) progress = new org.DeployProgress(process.stderr, 'deploy');
        },
        deployOptions: {
          onStatus: (status) => progress?.update(status),
          activationWait: { onWaiting: (line) => this.logToStderr(`org up: activate: ${line}`) },
        },
        loadOptions: {
          outDir: join(project.root, 'out', 'load'),
          fresh: flags['fresh-data'],
          dateShift: await support.datesToToday(project, dataset),
          onEvent: (event) => this.logToStderr(support.loadEventLine(event)),
        },
      })
      .finally(() => progress?.stop());
    for (const step of result.steps) if (step.report) this.logToStderr(`\n${step.report}\n`);
    const who = result.username ? `${result.username} (alias ${result.alias})` : `alias ${result.alias}`;
    this.log(result.ok ? `org up: ${who} is ready` : `org up: stopped; run it again to resume (${who})`);
    this.table({
      data: result.steps.map((s) => ({
        step: s.step,
        status: s.status,
        time: s.ms === undefined ? '-' : `${(s.ms / 1000).toFixed(1)} s`,
        detail: s.detail,
      })),
      columns: [
        { key: 'step', name: 'Step' },
        { key: 'status', name: 'Status' },
        { key: 'time', name: 'Time' },
        { key: 'detail', name: 'Detail' },
      ],
    });
    this.log(`  state   ${support.shown(project.root, result.stateFile)}`);
    if (!result.ok) process.exitCode = 1;
    return result;
  }
}
