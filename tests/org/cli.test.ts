/**
 * The org commands (scripts/cli/commands/revops/{deploy,permsets,data,org}) run in-process:
 * flags and usage errors, messages, exit codes, and `data load` end to end — alias resolved by
 * @salesforce/core, its Connection (jsforce-node) pointed at the Salesforce API TEST DOUBLE on
 * 127.0.0.1, the model's schema deciding the relationships. No failure may print a stack trace.
 */
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MockTestOrgData } from '@salesforce/core/testSetup';
import { MetadataApiDeploy } from '@salesforce/source-deploy-retrieve';
import Deploy, { TEST_LEVEL_OPTIONS } from '../../scripts/cli/commands/revops/deploy.ts';
import DataLoad from '../../scripts/cli/commands/revops/data/load.ts';
import OrgUp from '../../scripts/cli/commands/revops/org/up.ts';
import OrgCreate from '../../scripts/cli/commands/revops/org/create.ts';
import PermsetsAssign from '../../scripts/cli/commands/revops/permsets/assign.ts';
import { TEST_LEVELS } from '../../scripts/org/deploy.ts';
import { runCommand, type CommandRun } from '../cli/run-command.ts';
import { ROOT } from '../cli/project-copy.ts';
import { coreTestContext, stubDevHubAndScratchOrg, writeDeployProject } from './core-test-context.ts';
import { FIXTURE_RELATIONSHIPS, writeFixtureDataset } from './dataset-fixture.ts';
import { SalesforceApiDouble, TEST_DOUBLE_ACCESS_TOKEN } from './salesforce-api-double.ts';

/** A failure as the CLI must print it: an error line, no stack frame. */
function assertExplained(run: CommandRun<unknown>, status: number, message: RegExp): void {
  assert.equal(run.status, status, run.stdout + run.stderr);
  assert.match(run.stderr, message);
  assert.doesNotMatch(run.stderr, /^\s+at .*:\d+:\d+\)?$/m, 'no stack trace');
}

describe('revops org commands', () => {
  const $$ = coreTestContext();

  test('the deploy command offers exactly the test levels the org library knows', () => {
    assert.deepEqual([...TEST_LEVEL_OPTIONS], [...TEST_LEVELS]);
  });

  test('a command line it cannot act on: exit 2 and what is wrong', async () => {
    await stubDevHubAndScratchOrg($$);
    assertExplained(
      await runCommand(Deploy, ['--target-org', 'so', '--test-level', 'Sometimes']),
      2,
      /Expected --test-level=Sometimes to be one of: NoTestRun, RunSpecifiedTests/,
    );
    assertExplained(
      await runCommand(Deploy, ['--target-org', 'so', '--tests', 'A']),
      2,
      /--tests needs --test-level RunSpecifiedTests/,
    );
    assertExplained(
      await runCommand(OrgCreate, ['--target-dev-hub', 'hub', '--duration-days', 'ten']),
      2,
      /Expected an integer but received: ten/,
    );
    assertExplained(await runCommand(DataLoad, ['--target-org', 'so', '--colour']), 2, /Nonexistent flag: --colour/);
    assertExplained(
      await runCommand(DataLoad, ['--target-org', 'so', '--dataset', '/nonexistent/seed']),
      2,
      /No directory found at \/nonexistent\/seed/,
    );
  });

  test('no org given and no default: says how to name one', async () => {
    assertExplained(await runCommand(Deploy, []), 1, /No default environment found\. Use -o or --target-org/);
    assertExplained(await runCommand(PermsetsAssign, ['--target-org', 'nosuch']), 1, /nosuch/);
  });

  test('deploy: a failure table and exit 1; a success line on stdout and exit 0', async () => {
    await stubDevHubAndScratchOrg($$);
    const project = await writeDeployProject();
    try {
      $$.SANDBOX.stub(MetadataApiDeploy.prototype, 'start').resolves({ id: '0Af000000000009AAA' });
      const checkStatus = $$.SANDBOX.stub(MetadataApiDeploy.prototype, 'checkStatus');
      const base = { id: '0Af000000000009AAA', done: true, numberComponentsTotal: 3, numberComponentErrors: 0 };
      checkStatus.resolves({
        ...base,
        status: 'Failed',
        success: false,
        numberComponentsDeployed: 2,
        details: {
          componentFailures: {
            componentType: 'ApexClass',
            fullName: 'DealNotes',
            fileName: 'classes/DealNotes.cls',
            problem: 'Variable does not exist: notes',
            problemType: 'Error',
            lineNumber: '3',
            columnNumber: '16',
            success: 'false',
          },
        },
      });
      const failed = await runCommand<{ success: boolean }>(Deploy, ['--target-org', 'so'], project);
      assert.equal(failed.status, 1);
      assert.match(failed.stdout, /Component failures \(1\)/);
      assert.match(
        failed.stdout,
        /ApexClass DealNotes\s*│\s*force-app\/main\/default\/classes\/DealNotes\.cls:3\s*│\s*Variable does not exist: notes/,
      );
      assert.match(
        failed.stderr,
        /deploy: Failed \(0Af000000000009AAA\): nothing was changed in .* \(rollbackOnError\)/,
      );
      assert.equal(failed.result?.success, false, 'the typed result (the --json contract) says it failed');

      checkStatus.resolves({
        ...base,
        status: 'Succeeded',
        success: true,
        numberComponentsDeployed: 3,
        checkOnly: true,
      });
      const validated = await runCommand(Deploy, ['--target-org', 'so', '--dry-run'], project);
      assert.equal(validated.status, 0, validated.stderr);
      assert.match(validated.stdout, /validate: Succeeded — 3\/3 components would deploy to .*; nothing was changed/);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  describe('against a server that refuses, or rejects the session', () => {
    let double: SalesforceApiDouble;
    beforeEach(async () => {
      double = await SalesforceApiDouble.start({ relationships: FIXTURE_RELATIONSHIPS });
      $$.SANDBOXES.CONNECTION.restore();
    });
    afterEach(() => double.close());

    async function orgAt(instanceUrl: string, accessToken: string): Promise<void> {
      const org = new MockTestOrgData();
      org.instanceUrl = instanceUrl;
      org.accessToken = accessToken;
      // A rejected session makes @salesforce/core try the refresh token: at the double too, never the internet.
      org.loginUrl = instanceUrl;
      await $$.stubAuths(org);
      $$.stubAliases({ target: org.username });
    }

    test('permsets assign on a refused port: one line naming the address, and what to do', async () => {
      // The double's port, closed: nothing listens there any more.
      const url = double.url;
      await double.close();
      await orgAt(url, TEST_DOUBLE_ACCESS_TOKEN);
      const run = await runCommand(PermsetsAssign, ['--target-org', 'target', '--name', 'RevOps_Admin'], ROOT);
      assertExplained(
        run,
        1,
        /^Error \(OrgUnreachable\): .*cannot reach the org at http:\/\/127\.0\.0\.1:\d+ .*\(ECONNREFUSED\)/m,
      );
      assert.match(run.stderr, /sf org display/);
    });

    test('permsets assign with a session the org rejects (401): one line, log in again', async () => {
      await orgAt(double.url, 'not-the-token');
      const run = await runCommand(PermsetsAssign, ['--target-org', 'target', '--name', 'RevOps_Admin'], ROOT);
      assertExplained(run, 1, /^Error \(OrgSessionExpired\): .*the org refused the session/m);
      assert.match(run.stderr, /sf org login web/);
    });
  });

  describe('org up with a broken state file', () => {
    const alias = `cli-test-${process.pid}`;
    const stateFile = join(ROOT, 'out', 'org-up', `${alias}.json`);
    afterEach(() => rm(stateFile, { recursive: true, force: true }));

    test('out/org-up/<alias>.json is a folder: one line, no stack', async () => {
      await mkdir(join(stateFile, 'inside'), { recursive: true });
      const run = await runCommand(OrgUp, ['--alias', alias, '--target-dev-hub', 'nohub'], ROOT);
      assert.notEqual(run.status, 0);
      assertExplained(run, run.status, /^Error \(\w+\): /m);
    });

    test('a state file with steps: null: a failed step or one error line, never a stack', async () => {
      await mkdir(join(ROOT, 'out', 'org-up'), { recursive: true });
      await writeFile(stateFile, JSON.stringify({ format: 'revops-org-up/1', alias, steps: null }));
      const run = await runCommand(OrgUp, ['--alias', alias, '--target-dev-hub', 'nohub'], ROOT);
      assert.notEqual(run.status, 0);
      assert.doesNotMatch(run.stdout + run.stderr, /^\s+at .*:\d+:\d+\)?$/m, 'no stack trace');
      assert.match(run.stdout + run.stderr, /^Error \(\w+\): |org up: stopped; run it again to resume/m);
    });
  });

  describe('data load end to end against the test double', () => {
    let double: SalesforceApiDouble;
    let dataset: string;
    let out: string;
    let rejectRow: ((sobject: string, record: Readonly<Record<string, unknown>>) => string | undefined) | undefined;

    beforeEach(async () => {
      rejectRow = undefined;
      double = await SalesforceApiDouble.start({
        relationships: FIXTURE_RELATIONSHIPS,
        rowError: (sobject, record) => rejectRow?.(sobject, record),
      });
      dataset = await writeFixtureDataset({ accounts: 12, contacts: 30, opportunities: 50 });
      out = await mkdtemp(join(tmpdir(), 'revops-cli-load-'));
      const org = new MockTestOrgData();
      org.instanceUrl = double.url;
      org.accessToken = TEST_DOUBLE_ACCESS_TOKEN;
      await $$.stubAuths(org);
      $$.stubAliases({ seeded: org.username });
      // Let @salesforce/core's Connection make real HTTP calls: to the double on 127.0.0.1 only.
      $$.SANDBOXES.CONNECTION.restore();
    });
    afterEach(async () => {
      await double.close();
      await rm(dataset, { recursive: true, force: true });
      await rm(out, { recursive: true, force: true });
    });

    test('loads, prints the accounting, and a second load only updates', async () => {
      const args = ['--target-org', 'seeded', '--dataset', dataset, '--out', out, '--bulk-threshold', '40'];
      const first = await runCommand(DataLoad, args, ROOT);
      assert.equal(first.status, 0, first.stderr);
      assert.match(
        first.stdout,
        /data load: 92 rows into .*: 92 created, 0 updated, 0 failed \(every row accounted for\)/,
      );
      assert.match(first.stdout, /Account\s*│\s*collections\s*│\s*12\s*│\s*12\s*│\s*0\s*│\s*0\s*│\s*ok/);
      assert.match(first.stdout, /Opportunity\s*│\s*bulk\s*│\s*50\s*│\s*50\s*│\s*0\s*│\s*0\s*│\s*ok/);
      assert.match(first.stderr, /Account:deferred batch 1 \(collections\): 3 rows/);
      // Self-references found through the model's schema (Account.Parent → Account), set in the deferred pass.
      const accounts = double.table('Account');
      assert.equal(accounts.get('ACC-000005')!.fields.Parent, accounts.get('ACC-000006')!.Id);
      assert.ok(!first.stdout.includes(TEST_DOUBLE_ACCESS_TOKEN) && !first.stderr.includes(TEST_DOUBLE_ACCESS_TOKEN));

      const second = await runCommand(DataLoad, args, ROOT);
      assert.equal(second.status, 0, second.stderr);
      assert.match(second.stdout, /0 created, 92 updated, 0 failed/);
      assert.equal(double.table('Opportunity').size, 50);
    });

    test('rows the org rejects: reported, accounted for, exit 1', async () => {
      rejectRow = (sobject, record) =>
        sobject === 'Contact' && record.LastName === 'Contact 3'
          ? 'REQUIRED_FIELD_MISSING: Buying role is required'
          : undefined;
      const run = await runCommand(DataLoad, ['--target-org', 'seeded', '--dataset', dataset, '--out', out], ROOT);
      assert.equal(run.status, 1);
      // Contact 3 is rejected; the two opportunities whose champion it is fail on the missing parent.
      assert.match(run.stdout, /92 rows into .*: 89 created, 0 updated, 3 failed \(every row accounted for\)/);
      assert.match(run.stdout, /Contact\s*│\s*collections\s*│\s*30\s*│\s*29\s*│\s*0\s*│\s*1\s*│\s*ok/);
    });

    test('--out onto a folder that holds something else is refused, unless --force', async () => {
      await writeFile(join(out, 'notes.txt'), 'mine');
      const args = ['--target-org', 'seeded', '--dataset', dataset, '--out', out];
      assertExplained(
        await runCommand(DataLoad, args, ROOT),
        1,
        /is not empty and was not written by `revops data load`/,
      );
      assert.equal((await runCommand(DataLoad, [...args, '--force'], ROOT)).status, 0);
      assert.equal((await runCommand(DataLoad, args, ROOT)).status, 0, 'now it holds a previous data load');
    });
  });
});
