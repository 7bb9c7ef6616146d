/**
 * `revops org up` orchestration against @salesforce/core's TestContext: a real Dev Hub / scratch
 * org resolution and `scratchOrgCreate` (stubbed on the hub), with deploy, permission sets and the
 * loader replaced by recording fakes (each has its own tests). Proves resume and idempotence.
 */
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Org } from '@salesforce/core';
import type { Project } from '../../scripts/project.ts';
import type { DeployOutcome } from '../../scripts/org/deploy.ts';
import { OrgToolkitError } from '../../scripts/org/errors.ts';
import type { LoadResult } from '../../scripts/org/loader.ts';
import { orgServices, orgUp, type OrgUpOptions, type OrgUpServices } from '../../scripts/org/org-up.ts';
import { coreTestContext, stubDevHubAndScratchOrg, type MockOrgs } from './core-test-context.ts';
import { resolveFixtureRelationship, writeFixtureDataset } from './dataset-fixture.ts';

const deployed = (success: boolean): DeployOutcome => ({
  id: '0Af000000000001AAA',
  status: success ? 'Succeeded' : 'Failed',
  success,
  checkOnly: false,
  componentsDeployed: success ? 12 : 11,
  componentsTotal: 12,
  componentErrors: success ? 0 : 1,
  testsCompleted: 0,
  testsTotal: 0,
  testErrors: 0,
  failures: success
    ? []
    : [{ component: 'CustomField Account.Tier__c', location: 'force-app/x.field-meta.xml:4', message: 'bad picklist' }],
  testFailures: [],
  coverageWarnings: [],
});

const loaded = (failed: number): LoadResult =>
  ({
    totals: { rows: 10, created: 10 - failed, updated: 0, failed },
    accounted: true,
    ok: failed === 0,
    report: '/tmp/out/load/run/report.ndjson',
  }) as LoadResult;

describe('revops org up', () => {
  const $$ = coreTestContext();
  let orgs: MockOrgs;
  let root: string;
  let dataset: string;
  let calls: string[];
  let fingerprint: string;
  let deployResults: boolean[];
  let loadFailures: number[];
  let createOrg: { callCount: number; resolves(value: unknown): void };

  beforeEach(async () => {
    orgs = await stubDevHubAndScratchOrg($$);
    root = await mkdtemp(join(tmpdir(), 'revops-org-up-'));
    await mkdir(join(root, 'config'));
    await writeFile(join(root, 'config', 'project-scratch-def.json'), JSON.stringify({ edition: 'Enterprise' }));
    dataset = await writeFixtureDataset({ accounts: 3, contacts: 2, opportunities: 2 });
    calls = [];
    fingerprint = 'source-v1';
    deployResults = [true];
    loadFailures = [0];
    createOrg = $$.SANDBOX.stub(Org.prototype, 'scratchOrgCreate').resolves({
      username: orgs.scratch.username,
      authFields: { expirationDate: '2099-01-01' },
      warnings: [],
    });
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(dataset, { recursive: true, force: true });
  });

  const services = (overrides: Partial<OrgUpServices> = {}): OrgUpServices => ({
    ...orgServices,
    sourceFingerprint: async () => fingerprint,
    deploy: async (options) => {
      calls.push(`deploy ${options.connection.getUsername()}`);
      return deployed(deployResults.shift() ?? true);
    },
    assignPermissionSets: async (connection, names) => {
      calls.push(`permsets ${names.join(',')}`);
      return { assignee: connection.getUsername()!, assigned: [...names], alreadyAssigned: [] };
    },
    loadData: async (_connection, options) => {
      calls.push(`load ${options.targetOrg}`);
      return loaded(loadFailures.shift() ?? 0);
    },
    ...overrides,
  });

  const options = (): OrgUpOptions => ({
    project: { root, apiVersion: '66.0', packageDirectories: ['force-app'] } satisfies Project,
    alias: 'revops',
    devHub: 'hub',
    dataset,
    permissionSets: ['RevOps_Admin', 'RevOps_Account_Executive'],
    resolveRelationship: resolveFixtureRelationship,
  });

  const statuses = (result: { steps: readonly { step: string; status: string }[] }) =>
    result.steps.map((s) => `${s.step}:${s.status}`);

  test('a failed run stops at the failed step; the next run resumes there; a third run does nothing', async () => {
    deployResults = [false, true];
    const first = await orgUp(options(), services());
    assert.equal(first.ok, false);
    assert.deepEqual(statuses(first), ['create:done', 'deploy:failed', 'permsets:not run', 'data:not run']);
    assert.equal(first.username, orgs.scratch.username);
    assert.match(
      first.steps[1]!.report ?? '',
      /CustomField Account\.Tier__c\s+force-app\/x\.field-meta\.xml:4\s+bad picklist/,
    );
    assert.match(first.steps[1]!.detail, /nothing was kept \(rollbackOnError\)/);

    const second = await orgUp(options(), services());
    assert.ok(second.ok);
    assert.deepEqual(statuses(second), ['create:skipped', 'deploy:done', 'permsets:done', 'data:done']);
    assert.equal(createOrg.callCount, 1, 'the live scratch org is reused, not created again');

    const third = await orgUp(options(), services());
    assert.deepEqual(statuses(third), ['create:skipped', 'deploy:skipped', 'permsets:skipped', 'data:skipped']);
    const u = orgs.scratch.username;
    assert.deepEqual(calls, [
      `deploy ${u}`,
      `deploy ${u}`,
      `permsets RevOps_Admin,RevOps_Account_Executive`,
      `load ${u}`,
    ]);

    fingerprint = 'source-v2';
    const changed = await orgUp(options(), services());
    assert.deepEqual(statuses(changed), ['create:skipped', 'deploy:done', 'permsets:skipped', 'data:skipped']);

    const state = await readFile(first.stateFile, 'utf8');
    assert.equal(first.stateFile, join(root, 'out', 'org-up', 'revops.json'));
    for (const secret of [orgs.scratch.accessToken, orgs.hub.accessToken, orgs.scratch.refreshToken ?? 'none'])
      assert.ok(!state.includes(secret), 'no credentials in the state file');
  });

  test('rows that fail to load fail the data step; the next run loads again (the loader resumes)', async () => {
    loadFailures = [2, 0];
    const first = await orgUp(options(), services());
    assert.deepEqual(statuses(first), ['create:done', 'deploy:done', 'permsets:done', 'data:failed']);
    assert.match(first.steps[3]!.detail, /10 rows: 8 created, 0 updated, 2 failed/);
    const second = await orgUp(options(), services());
    assert.deepEqual(statuses(second), ['create:skipped', 'deploy:skipped', 'permsets:skipped', 'data:done']);
  });

  test('when the recorded org is gone, a new one is created and every step runs for it', async () => {
    await orgUp(options(), services());
    const replacement = orgs.spare;
    createOrg.resolves({ username: replacement.username, authFields: {}, warnings: [] });
    calls = [];
    const gone = orgs.scratch.username;
    const result = await orgUp(
      options(),
      services({
        resolveOrg: async (name) => {
          if (name === gone || name === 'revops') throw new Error(`No authorization information found for ${name}`);
          return orgServices.resolveOrg(name);
        },
      }),
    );
    assert.deepEqual(statuses(result), ['create:done', 'deploy:done', 'permsets:done', 'data:done']);
    assert.equal(result.username, replacement.username);
    assert.equal(createOrg.callCount, 2);
    assert.ok(calls.every((c) => c.endsWith(replacement.username) || c.startsWith('permsets')));
  });

  test('a state file that is not one stops org up before it touches an org, and says what to do', async () => {
    const stateFile = join(root, 'out', 'org-up', 'revops.json');
    const refused = async (name: string, message: RegExp, action: RegExp) => {
      await assert.rejects(orgUp(options(), services()), (error: unknown) => {
        assert.ok(error instanceof OrgToolkitError);
        assert.equal(error.name, name);
        assert.match(error.message, message);
        assert.match(error.actions?.[0] ?? '', action);
        return true;
      });
      assert.deepEqual(calls, [], 'no step ran');
      assert.equal(createOrg.callCount, 0, 'no scratch org was created');
    };
    await mkdir(stateFile, { recursive: true });
    await refused(
      'OrgUpStateUnusable',
      /revops\.json is a folder, not org up's state file$/,
      /Remove or rename the folder .*revops\.json/,
    );
    await rm(stateFile, { recursive: true });
    await writeFile(stateFile, JSON.stringify({ format: 'revops-org-up/1', alias: 'revops', steps: null }));
    await refused(
      'OrgUpStateUnusable',
      /revops\.json "steps" must be an object, got null$/,
      /Delete .*revops\.json to start over/,
    );
    await writeFile(stateFile, '{"format": "revops-org-up/1", "alias": "rev');
    await refused('OrgUpStateUnusable', /revops\.json is not valid JSON/, /Delete .*revops\.json/);

    await rm(stateFile);
    assert.ok((await orgUp(options(), services())).ok, 'without it, org up runs');
  });

  test('no Dev Hub: the create step fails with the reason and nothing else runs', async () => {
    const result = await orgUp(
      options(),
      services({
        resolveDevHub: async () => {
          throw new OrgToolkitError('no org "nohub" is authorized here: log in with `sf org login web --alias nohub`');
        },
      }),
    );
    assert.equal(result.ok, false);
    assert.deepEqual(statuses(result), ['create:failed', 'deploy:not run', 'permsets:not run', 'data:not run']);
    assert.match(result.steps[0]!.detail, /no org "nohub" is authorized here/);
    assert.deepEqual(calls, []);
  });
});
