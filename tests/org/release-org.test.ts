/**
 * What `revops release` asks of the org (ConnectionReleaseOrg) on a connection from
 * @salesforce/core's TestContext, with the Metadata and Tooling API calls stubbed: running
 * deploys from DeployRequest, a validation (check-only, the RFC's tests) and its quick deploy
 * through source-deploy-retrieve, a refused quick deploy, a duplicate rule activated only once its
 * matching rule reports active (and a timeout when it never does), a flow deactivated through
 * its FlowDefinition. The rollback retrieve runs only in the real-org suite (release.integration).
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { Org, type Connection } from '@salesforce/core';
import type { MetadataApiDeployStatus } from '@salesforce/source-deploy-retrieve';
import { openProject, type Project } from '../../scripts/project.ts';
import { resolveComponents } from '../../scripts/verify/sdr.ts';
import { ConnectionReleaseOrg } from '../../scripts/change/release/org.ts';
import { coreTestContext, stubDevHubAndScratchOrg, writeDeployProject } from './core-test-context.ts';

const VALIDATION = '0Af000000000VALAAA';
const QUICK = '0Af000000000QCKAAA';

const done = (id: string, checkOnly: boolean): MetadataApiDeployStatus =>
  ({
    id,
    status: 'Succeeded',
    success: true,
    done: true,
    checkOnly,
    numberComponentErrors: 0,
    numberComponentsDeployed: 3,
    numberComponentsTotal: 3,
    numberTestErrors: 0,
    numberTestsCompleted: 2,
    numberTestsTotal: 2,
    details: {},
  }) as unknown as MetadataApiDeployStatus;

// sinon stubs from the TestContext sandbox (sinon ships no types here)
interface Stub {
  resolves(value: unknown): Stub;
  rejects(value: unknown): Stub;
  callsFake(fn: (...args: never[]) => unknown): Stub;
  callCount: number;
  firstCall: { args: unknown[] };
  getCalls(): { args: unknown[] }[];
}

describe('ConnectionReleaseOrg: the org side of a release', () => {
  const $$ = coreTestContext();
  let project: Project;
  let connection: Connection;
  let org: ConnectionReleaseOrg;
  const stub = (target: object, method: string) => $$.SANDBOX.stub(target, method) as unknown as Stub;

  before(async () => {
    project = await openProject(await writeDeployProject());
  });
  after(() => rm(project.root, { recursive: true, force: true }));

  beforeEach(async () => {
    await stubDevHubAndScratchOrg($$);
    connection = (await Org.create({ aliasOrUsername: 'so' })).getConnection(project.apiVersion);
    $$.SANDBOX.stub(connection, 'retrieveMaxApiVersion').resolves('66.0');
    org = new ConnectionReleaseOrg(connection, {
      root: project.root,
      pollFrequencyMs: 2,
      activationPollMs: 1,
      activationTimeoutMs: 200,
    });
  });

  test('running deploys: DeployRequest rows queued, running or canceling', async () => {
    const query = stub(connection.tooling, 'query').resolves({
      done: true,
      totalSize: 1,
      records: [{ Id: '0Af000000000RUNAAA', Status: 'InProgress' }],
    });
    assert.deepEqual(await org.runningDeploys(), ['0Af000000000RUNAAA (InProgress)']);
    assert.match(
      String(query.firstCall.args[0]),
      /FROM DeployRequest WHERE Status IN \('Pending', 'InProgress', 'Canceling'\)/,
    );
    assert.equal(org.username, connection.getUsername());
  });

  test('validation: a check-only deploy with the RFC tests; the quick deploy sends that id and reports the new one', async () => {
    const deploy = stub(connection.metadata, 'deploy').resolves({ id: VALIDATION, state: 'Queued' });
    const status = stub(connection.metadata, 'checkDeployStatus').callsFake(((id: string) =>
      Promise.resolve(done(id, id === VALIDATION))) as never);
    const set = resolveComponents(project);
    const validated = await org.validate(set, 'RunSpecifiedTests', ['DealNotesTest']);
    const options = deploy.firstCall.args[1] as Record<string, unknown>;
    assert.equal(options.checkOnly, true);
    assert.equal(options.testLevel, 'RunSpecifiedTests');
    assert.deepEqual(options.runTests, ['DealNotesTest']);
    assert.equal(options.rollbackOnError, true);
    assert.ok(validated.success && validated.checkOnly);
    assert.equal(validated.id, VALIDATION);

    const recent = stub(connection.metadata, 'deployRecentValidation').resolves(QUICK);
    const deployed = await org.quickDeploy(VALIDATION, set);
    assert.deepEqual(recent.firstCall.args[0], { id: VALIDATION, rest: false });
    assert.equal(deployed.id, QUICK);
    assert.ok(deployed.success && !deployed.checkOnly);
    assert.ok(status.getCalls().some((c) => c.args[0] === QUICK));
    assert.equal(deploy.callCount, 1, 'the quick deploy sends no package and runs no deploy of its own');
  });

  test('a refused quick deploy is a QuickDeployRefused error naming the validation', async () => {
    stub(connection.metadata, 'deployRecentValidation').rejects(
      Object.assign(new Error('The validation is no longer valid'), { errorCode: 'INVALID_ID_FIELD' }),
    );
    await assert.rejects(org.quickDeploy(VALIDATION, resolveComponents(project)), (error: Error) => {
      assert.equal(error.name, 'QuickDeployRefused');
      assert.match(error.message, new RegExp(`quick deploy of validation ${VALIDATION} to .*INVALID_ID_FIELD`));
      return true;
    });
  });

  test('a duplicate rule is activated only after its matching rule reports active, keeping its other settings', async () => {
    let matchingReads = 0;
    const read = stub(connection.metadata, 'read').callsFake(((type: string, fullName: string) => {
      if (type === 'MatchingRule')
        return Promise.resolve({ fullName, ruleStatus: ++matchingReads < 3 ? 'Activating' : 'Active' });
      return Promise.resolve({ fullName, isActive: 'false', actionOnInsert: 'Block', masterLabel: 'Domain' });
    }) as never);
    const update = stub(connection.metadata, 'update').resolves({ success: 'true', fullName: 'x' });
    const outcome = await org.activate({
      type: 'DuplicateRule',
      fullName: 'Account.Account_Domain_Duplicates',
      waitFor: [{ type: 'MatchingRule', fullName: 'Account.Account_Domain_Match' }],
    });
    assert.deepEqual(outcome, {
      type: 'DuplicateRule',
      fullName: 'Account.Account_Domain_Duplicates',
      state: 'activated',
    });
    assert.equal(matchingReads, 3, 'polled until Active');
    assert.equal(read.callCount, 4);
    assert.deepEqual(update.firstCall.args, [
      'DuplicateRule',
      { fullName: 'Account.Account_Domain_Duplicates', isActive: true, actionOnInsert: 'Block', masterLabel: 'Domain' },
    ]);
  });

  test('activation: already active is left alone; a matching rule that never activates fails in time, naming it', async () => {
    stub(connection.metadata, 'read').callsFake(((type: string, fullName: string) =>
      Promise.resolve(
        type === 'MatchingRule' ? { fullName, ruleStatus: 'Inactive' } : { fullName, isActive: true },
      )) as never);
    const update = stub(connection.metadata, 'update').resolves({ success: true });
    const already = await org.activate({ type: 'DuplicateRule', fullName: 'Lead.Lead_Email_Duplicates', waitFor: [] });
    assert.equal(already.state, 'already-active');
    const stuck = await org.activate({
      type: 'DuplicateRule',
      fullName: 'Lead.Lead_Email_Duplicates',
      waitFor: [{ type: 'MatchingRule', fullName: 'Lead.Lead_Email_Match' }],
    });
    assert.equal(stuck.state, 'failed');
    assert.match(stuck.message ?? '', /MatchingRule Lead\.Lead_Email_Match did not become active in time/);
    assert.equal(update.callCount, 0);
  });

  test('a flow is deactivated through its FlowDefinition (active version 0); a bad name never reaches a query', async () => {
    const query = stub(connection.tooling, 'query').resolves({
      done: true,
      totalSize: 1,
      records: [{ Id: '300000000000001AAA' }],
    });
    const update = $$.SANDBOX.stub().resolves({ success: true });
    stub(connection.tooling, 'sobject').callsFake((() => ({ update })) as never);
    await org.deactivateFlow('Release_Test_Flow');
    assert.match(String(query.firstCall.args[0]), /FROM FlowDefinition WHERE DeveloperName = 'Release_Test_Flow'/);
    assert.deepEqual((update as unknown as Stub).firstCall.args[0], {
      Id: '300000000000001AAA',
      Metadata: { activeVersionNumber: 0 },
    });
    await assert.rejects(org.deactivateFlow("x' OR Id != null"), /not a flow API name/);
    assert.equal(query.callCount, 1);
  });
});
