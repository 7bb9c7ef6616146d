/**
 * `revops deploy` through the real source-deploy-retrieve pipeline (component set, zip, polling,
 * DeployResult) with the Metadata API calls stubbed on an org connection from @salesforce/core's
 * TestContext: success with progress, failures as an object and as an array, Apex test failures.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { Org, type Connection } from '@salesforce/core';
import type { MetadataApiDeployStatus } from '@salesforce/source-deploy-retrieve';
import { openProject, type Project } from '../../scripts/project.ts';
import { deployProject, formatDeployFailures, type DeployStatus } from '../../scripts/org/deploy.ts';
import { DeployProgress, describeStatus } from '../../scripts/org/deploy-progress.ts';
import { OrgToolkitError } from '../../scripts/org/errors.ts';
import { coreTestContext, stubDevHubAndScratchOrg, writeDeployProject } from './core-test-context.ts';

const DEPLOY_ID = '0Af000000000001AAA';

/** A checkDeployStatus answer (status as the plain string the Metadata API sends). */
function status(
  overrides: Partial<Omit<MetadataApiDeployStatus, 'status'>> & { status?: string },
): MetadataApiDeployStatus {
  return {
    id: DEPLOY_ID,
    status: 'InProgress',
    success: false,
    done: false,
    checkOnly: false,
    createdBy: '005000000000001',
    createdByName: 'Admin',
    createdDate: '2026-01-01T00:00:00.000Z',
    lastModifiedDate: '2026-01-01T00:00:00.000Z',
    ignoreWarnings: false,
    rollbackOnError: true,
    runTestsEnabled: false,
    numberComponentErrors: 0,
    numberComponentsDeployed: 2,
    numberComponentsTotal: 4,
    numberTestErrors: 0,
    numberTestsCompleted: 0,
    numberTestsTotal: 0,
    details: {},
    ...overrides,
  } as unknown as MetadataApiDeployStatus;
}

const failure = (componentType: string, fullName: string, fileName: string, problem: string, lineNumber?: string) => ({
  changed: 'false' as const,
  created: 'false' as const,
  deleted: 'false' as const,
  success: 'false' as const,
  createdDate: '2026-01-01T00:00:00.000Z',
  problemType: 'Error' as const,
  componentType,
  fullName,
  fileName,
  problem,
  ...(lineNumber ? { lineNumber, columnNumber: '1' } : {}),
});

describe('revops deploy', () => {
  const $$ = coreTestContext();
  let project: Project;
  let connection: Connection;
  // sinon stubs from the TestContext sandbox (sinon ships no types here)
  let deployCall: { firstCall: { args: [Buffer, Record<string, unknown>] }; callCount: number };
  let checkStatus: { onCall(n: number): { resolves(value: unknown): void }; resolves(value: unknown): void };
  let organization: { resolves(value: unknown): void };

  before(async () => {
    project = await openProject(await writeDeployProject());
  });
  after(async () => {
    await rm(project.root, { recursive: true, force: true });
  });

  beforeEach(async () => {
    const { scratch } = await stubDevHubAndScratchOrg($$);
    connection = (await Org.create({ aliasOrUsername: 'so' })).getConnection(project.apiVersion);
    $$.SANDBOX.stub(connection, 'retrieveMaxApiVersion').resolves('66.0');
    deployCall = $$.SANDBOX.stub(connection.metadata, 'deploy').resolves({ id: DEPLOY_ID, state: 'Queued' });
    // A scratch org (it expires), unless a test says otherwise.
    organization = $$.SANDBOX.stub(connection, 'query').resolves({
      done: true,
      totalSize: 1,
      records: [{ IsSandbox: false, TrialExpirationDate: '2026-12-31' }],
    });
    checkStatus = $$.SANDBOX.stub(connection.metadata, 'checkDeployStatus');
    assert.equal(connection.getUsername(), scratch.username, 'alias resolved as sf does');
  });

  const deploy = (options: Partial<Parameters<typeof deployProject>[0]> = {}) =>
    deployProject({ project, connection, pollFrequencyMs: 2, ...options });

  describe('the test level when none is asked for', () => {
    const org = (IsSandbox: boolean, TrialExpirationDate: string | null) =>
      organization.resolves({ done: true, totalSize: 1, records: [{ IsSandbox, TrialExpirationDate }] });
    const levelOf = async () => {
      checkStatus.resolves(status({ status: 'Succeeded', success: true, done: true, numberComponentsDeployed: 4 }));
      await deploy();
      return deployCall.firstCall.args[1].testLevel;
    };

    test('a production org (no sandbox, no expiry) runs the local tests: active flows need their coverage', async () => {
      org(false, null);
      assert.equal(await levelOf(), 'RunLocalTests');
    });

    test('a sandbox keeps the org default', async () => {
      org(true, null);
      assert.equal(await levelOf(), undefined);
    });

    test('a scratch org keeps the org default', async () => {
      org(false, '2026-12-31');
      assert.equal(await levelOf(), undefined);
    });

    test('an explicit level wins, and the org type is not even read', async () => {
      org(false, null);
      checkStatus.resolves(status({ status: 'Succeeded', success: true, done: true, numberComponentsDeployed: 4 }));
      await deploy({ testLevel: 'NoTestRun' });
      assert.equal(deployCall.firstCall.args[1].testLevel, 'NoTestRun');
      assert.equal((connection.query as unknown as { callCount: number }).callCount, 0);
    });
  });

  test('deploys with rollbackOnError, reports progress, succeeds', async () => {
    checkStatus.onCall(0).resolves(status({ stateDetail: 'Processing Type: CustomField' }));
    checkStatus
      .onCall(1)
      .resolves(status({ status: 'Succeeded', success: true, done: true, numberComponentsDeployed: 4 }));
    const updates: DeployStatus[] = [];
    const outcome = await deploy({ onStatus: (s) => updates.push(s) });

    assert.equal(deployCall.callCount, 1);
    const [zip, apiOptions] = deployCall.firstCall.args;
    assert.ok(Buffer.isBuffer(zip) && zip.length > 0, 'SDR built the zip from the project');
    assert.equal(apiOptions.rollbackOnError, true);
    assert.equal(apiOptions.checkOnly, false);
    assert.equal(updates.length, 1);
    assert.equal(describeStatus(updates[0]!), 'InProgress (Processing Type: CustomField) · components 2/4');
    assert.deepEqual(
      { success: outcome.success, status: outcome.status, id: outcome.id, deployed: outcome.componentsDeployed },
      { success: true, status: 'Succeeded', id: DEPLOY_ID, deployed: 4 },
    );
    assert.equal(outcome.failures.length, 0);
  });

  test('--dry-run validates only (checkOnly) and passes the test level', async () => {
    checkStatus.resolves(status({ status: 'Succeeded', success: true, done: true, checkOnly: true }));
    const outcome = await deploy({ checkOnly: true, testLevel: 'RunLocalTests' });
    const [, apiOptions] = deployCall.firstCall.args;
    assert.equal(apiOptions.checkOnly, true);
    assert.equal(apiOptions.testLevel, 'RunLocalTests');
    assert.equal(apiOptions.rollbackOnError, true);
    assert.ok(outcome.success && outcome.checkOnly);
  });

  test('one component failure (an object, not an array) becomes a row with component, file:line, message', async () => {
    checkStatus.resolves(
      status({
        status: 'Failed',
        done: true,
        numberComponentErrors: 1,
        details: {
          componentFailures: failure(
            'CustomField',
            'Deal_Note__c.Summary__c',
            'objects/Deal_Note__c.object',
            'Length must be between 1 and 131072',
            '5',
          ),
        },
      }),
    );
    const outcome = await deploy();
    assert.equal(outcome.success, false);
    assert.deepEqual(outcome.failures, [
      {
        component: 'CustomField Deal_Note__c.Summary__c',
        location: 'force-app/main/default/objects/Deal_Note__c/fields/Summary__c.field-meta.xml:5',
        message: 'Length must be between 1 and 131072 (5:1)',
      },
    ]);
    const table = formatDeployFailures(outcome);
    assert.match(table, /Component failures \(1\):/);
    assert.match(table, /COMPONENT\s+FILE:LINE\s+MESSAGE/);
    assert.match(
      table,
      /CustomField Deal_Note__c\.Summary__c\s+force-app\/main\/default\/objects\/Deal_Note__c\/fields\/Summary__c\.field-meta\.xml:5/,
    );
  });

  test('several failures (an array), including a component the project does not have', async () => {
    checkStatus.resolves(
      status({
        status: 'Failed',
        done: true,
        numberComponentErrors: 2,
        details: {
          componentFailures: [
            failure('ApexClass', 'DealNotes', 'classes/DealNotes.cls', 'Unexpected token ;', '3'),
            failure('CustomObject', 'Missing__c', 'objects/Missing__c.object', 'Not in package.xml'),
          ],
        },
      }),
    );
    const outcome = await deploy();
    assert.deepEqual(
      outcome.failures.map((f) => [f.component, f.location]),
      [
        ['ApexClass DealNotes', 'force-app/main/default/classes/DealNotes.cls:3'],
        ['CustomObject Missing__c', 'objects/Missing__c.object (in the deployed package)'],
      ],
    );
    assert.match(outcome.failures[0]!.message, /Unexpected token ;/);
  });

  test('Apex test failures and coverage warnings are reported; a deploy-level error without components too', async () => {
    checkStatus.resolves(
      status({
        status: 'Failed',
        done: true,
        numberTestErrors: 1,
        numberTestsTotal: 2,
        numberTestsCompleted: 1,
        details: {
          runTestResult: {
            numFailures: '1',
            numTestsRun: '2',
            totalTime: '10',
            failures: {
              id: '01p',
              name: 'DealNotesTest',
              methodName: 'countsNotes',
              message: 'System.AssertException: Assertion Failed: Expected: 1, Actual: 0',
              stackTrace: 'Class.DealNotesTest.countsNotes: line 7, column 1',
              packageName: 'DealNotesTest',
              time: '5',
              type: 'Class',
            },
            codeCoverageWarnings: [
              {
                id: '01p',
                message:
                  'Average test coverage across all Apex Classes and Triggers is 40%, at least 75% test coverage is required.',
                namespace: '',
              },
            ],
          },
        },
      }),
    );
    const outcome = await deploy({ testLevel: 'RunLocalTests' });
    assert.deepEqual(outcome.testFailures, [
      {
        test: 'DealNotesTest.countsNotes',
        message: 'System.AssertException: Assertion Failed: Expected: 1, Actual: 0',
        location: 'Class.DealNotesTest.countsNotes: line 7, column 1',
      },
    ]);
    const report = formatDeployFailures(outcome);
    assert.match(report, /Apex test failures \(1\):/);
    assert.match(report, /at least 75% test coverage/);

    checkStatus.resolves(
      status({ status: 'Failed', done: true, errorMessage: 'INVALID_CROSS_REFERENCE_KEY: no such org' }),
    );
    assert.match(formatDeployFailures(await deploy()), /Deploy error: INVALID_CROSS_REFERENCE_KEY/);
  });

  test('a deploy that cannot start names the org and the problem', async () => {
    (connection.metadata.deploy as unknown as { rejects(e: Error): void }).rejects(
      Object.assign(new Error('Session expired or invalid'), { name: 'INVALID_SESSION_ID' }),
    );
    await assert.rejects(deploy(), (error: unknown) => {
      assert.ok(error instanceof OrgToolkitError);
      assert.equal(error.name, 'OrgSessionExpired');
      assert.match(
        error.message,
        /^.*@.*: the org refused the session while starting the deploy \(Session expired or invalid\)$/,
      );
      assert.match(error.actions?.[0] ?? '', /sf org login web --alias .*@/);
      return true;
    });
    (connection.metadata.deploy as unknown as { rejects(e: Error): void }).rejects(
      Object.assign(new Error('Entity of type ApexClass named DealNotes is locked'), { name: 'INVALID_OPERATION' }),
    );
    await assert.rejects(deploy(), { name: 'DeployFailed', message: /^deploy to .*@.*: .*is locked/ });
  });

  test('progress: a redrawn spinner line on a terminal, a line per change in logs', () => {
    const written: string[] = [];
    const log = new DeployProgress({ write: (t: string) => written.push(t), isTTY: false }, 'deploy → so');
    const s = {
      status: 'InProgress',
      componentsDeployed: 1,
      componentsTotal: 3,
      componentErrors: 0,
      testsCompleted: 0,
      testsTotal: 0,
      testErrors: 0,
    };
    log.update(s);
    log.update(s);
    log.update({ ...s, componentsDeployed: 3, componentErrors: 1, testsTotal: 4, testsCompleted: 2 });
    log.stop();
    assert.deepEqual(written, [
      'deploy → so: waiting for the org\n',
      'deploy → so: InProgress · components 1/3\n',
      'deploy → so: InProgress · components 3/3, 1 failed · tests 2/4\n',
    ]);
    const tty: string[] = [];
    const live = new DeployProgress({ write: (t: string) => tty.push(t), isTTY: true }, 'deploy');
    live.update(s);
    live.stop();
    const clearLine = '\r\x1b[2K';
    assert.ok(tty[1]!.startsWith(clearLine), 'redrawn in place');
    assert.match(tty[1]!.slice(clearLine.length), /^. deploy: InProgress · components 1\/3 \(0 s\)$/);
    assert.equal(tty.at(-1), clearLine, 'the live line is cleared at the end');
  });
});
