import { Flags } from '@salesforce/sf-plugins-core';
import type { DeployOutcome, TestLevel } from '../../../org/index.ts';
import { loadMessages, RevOpsCommand } from '../../revops-command.ts';

const messages = loadMessages('deploy');

export type DeployResult = DeployOutcome;

/** The Metadata API's test levels (scripts/org/deploy.ts TEST_LEVELS; a test checks they agree). */
export const TEST_LEVEL_OPTIONS = [
  'NoTestRun',
  'RunSpecifiedTests',
  'RunLocalTests',
  'RunAllTestsInOrg',
] as const satisfies readonly TestLevel[];

export default class Deploy extends RevOpsCommand<DeployResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    'target-org': Flags.requiredOrg(),
    'dry-run': Flags.boolean({ summary: messages.getMessage('flags.dry-run.summary') }),
    'test-level': Flags.option({
      char: 'l',
      summary: messages.getMessage('flags.test-level.summary'),
      options: TEST_LEVEL_OPTIONS,
    })(),
    tests: Flags.string({
      char: 't',
      summary: messages.getMessage('flags.tests.summary'),
      multiple: true,
      delimiter: ',',
    }),
  };

  public async run(): Promise<DeployResult> {
    const network = await this.orgNetwork();
    const { flags } = await this.parse(Deploy);
    if (flags.tests?.length && flags['test-level'] !== 'RunSpecifiedTests')
      throw messages.createError('error.testsNeedLevel', [], [], 2);
    const [{ openProject }, org, support] = await Promise.all([
      import('../../../project.ts'),
      import('../../../org/index.ts'),
      import('../../org-support.ts'),
    ]);
    const project = await openProject();
    const target = flags['target-org'];
    const username = org.usernameOf(target);
    const dryRun = flags['dry-run'];
    const progress = new org.DeployProgress(process.stderr, `${dryRun ? 'validate' : 'deploy'} → ${username}`);
    const outcome = await org
      .deployProject({
        project,
        connection: target.getConnection(project.apiVersion),
        checkOnly: dryRun,
        testLevel: flags['test-level'],
        runTests: flags.tests,
        onStatus: (status) => progress.update(status),
        activations: dryRun ? [] : await support.deployActivations(project),
        activationWait: { onWaiting: (line) => this.logToStderr(`activate: ${line}`) },
        ...network,
      })
      .finally(() => progress.stop());
    const counts = `${outcome.componentsDeployed}/${outcome.componentsTotal} components`;
    const tests = outcome.testsTotal ? `, ${outcome.testsCompleted}/${outcome.testsTotal} tests` : '';
    if (!outcome.success) {
      process.exitCode = 1;
      this.printFailures(outcome);
      this.logToStderr(
        `\ndeploy: ${outcome.status} (${outcome.id}): nothing was changed in ${username} (rollbackOnError)`,
      );
      return outcome;
    }
    this.log(
      dryRun
        ? `validate: ${outcome.status} — ${counts}${tests} would deploy to ${username}; nothing was changed (${outcome.id})`
        : `deploy: ${outcome.status} — ${counts}${tests} deployed to ${username} (${outcome.id})` +
            (outcome.activated?.length ? `\nactivated: ${outcome.activated.join(', ')}` : ''),
    );
    return outcome;
  }

  private printFailures(outcome: DeployOutcome): void {
    if (outcome.failures.length)
      this.table({
        title: `Component failures (${outcome.failures.length})`,
        data: outcome.failures.map((f) => ({ component: f.component, location: f.location, message: f.message })),
        columns: [
          { key: 'component', name: 'Component' },
          { key: 'location', name: 'File:Line' },
          { key: 'message', name: 'Message' },
        ],
      });
    if (outcome.testFailures.length)
      this.table({
        title: `Apex test failures (${outcome.testFailures.length})`,
        data: outcome.testFailures.map((f) => ({ test: f.test, message: f.message, where: f.location ?? '-' })),
        columns: [
          { key: 'test', name: 'Test' },
          { key: 'message', name: 'Message' },
          { key: 'where', name: 'Where' },
        ],
      });
    if (outcome.coverageWarnings.length)
      this.logToStderr(`Code coverage:\n${outcome.coverageWarnings.map((w) => `  ${w}`).join('\n')}`);
    if (outcome.errorMessage && !outcome.failures.length) this.logToStderr(`Deploy error: ${outcome.errorMessage}`);
  }
}
