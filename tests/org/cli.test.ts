/**
 * The org CLI handlers (scripts/cli/org.ts): usage errors, messages, exit codes, and `data load`
 * end to end — alias resolved by @salesforce/core, its Connection (jsforce-node) pointed at the
 * Salesforce API TEST DOUBLE on 127.0.0.1, the model's schema deciding the relationships.
 */
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MockTestOrgData } from '@salesforce/core/testSetup';
import { MetadataApiDeploy } from '@salesforce/source-deploy-retrieve';
import { orgCommands } from '../../scripts/cli/org.ts';
import { coreTestContext, stubDevHubAndScratchOrg, writeDeployProject } from './core-test-context.ts';
import { FIXTURE_RELATIONSHIPS, writeFixtureDataset } from './dataset-fixture.ts';
import { SalesforceApiDouble, TEST_DOUBLE_ACCESS_TOKEN } from './salesforce-api-double.ts';

interface Output {
  stdout: string;
  stderr: string;
}

describe('revops org CLI', () => {
  const $$ = coreTestContext();
  let output: Output;

  beforeEach(() => {
    output = { stdout: '', stderr: '' };
    $$.SANDBOX.stub(console, 'log').callsFake((...args: unknown[]) => (output.stdout += `${args.join(' ')}\n`));
    $$.SANDBOX.stub(console, 'error').callsFake((...args: unknown[]) => (output.stderr += `${args.join(' ')}\n`));
  });

  test('exports one handler per org command', () => {
    assert.deepEqual(Object.keys(orgCommands).sort(), [
      'data load',
      'deploy',
      'org create',
      'org delete',
      'org up',
      'permsets assign',
    ]);
  });

  test('a command line it cannot act on: message, usage, exit 2; --help: exit 0', async () => {
    assert.equal(await orgCommands.deploy!(['--test-level', 'Sometimes']), 2);
    assert.match(output.stderr, /revops deploy: --test-level must be one of NoTestRun, RunSpecifiedTests/);
    assert.match(output.stderr, /usage: revops deploy \[--target-org ORG\] \[--dry-run\]/);
    assert.equal(await orgCommands['org create']!(['--duration-days', 'ten']), 2);
    assert.match(output.stderr, /--duration-days must be a whole number \(got "ten"\)/);
    assert.equal(await orgCommands['data load']!(['--colour']), 2);
    assert.match(output.stderr, /Unknown option '--colour'/);
    assert.equal(await orgCommands['org up']!(['--help']), 0);
    assert.match(output.stdout, /usage: revops org up .*\n {2}create → deploy → assign permission sets → load data/);
  });

  test('a problem it can explain: the message names the file or org, exit 1', async () => {
    assert.equal(await orgCommands['data load']!(['--dataset', '/nonexistent/seed']), 1);
    assert.match(output.stderr, /revops data load: \/nonexistent\/seed\/manifest\.json: not found/);
    assert.equal(await orgCommands.deploy!([]), 1);
    assert.match(output.stderr, /revops deploy: no target-org given: pass --target-org/);
  });

  test('deploy: a failure table on stderr and exit 1; a success line on stdout and exit 0', async () => {
    await stubDevHubAndScratchOrg($$);
    const project = await writeDeployProject();
    const cwd = process.cwd();
    process.chdir(project);
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
      assert.equal(await orgCommands.deploy!(['--target-org', 'so']), 1);
      assert.match(output.stderr, /Component failures \(1\):\n {2}COMPONENT\s+FILE:LINE\s+MESSAGE/);
      assert.match(
        output.stderr,
        /ApexClass DealNotes\s+force-app\/main\/default\/classes\/DealNotes\.cls:3\s+Variable does not exist: notes/,
      );
      assert.match(
        output.stderr,
        /deploy: Failed \(0Af000000000009AAA\): nothing was changed in .* \(rollbackOnError\)/,
      );

      checkStatus.resolves({
        ...base,
        status: 'Succeeded',
        success: true,
        numberComponentsDeployed: 3,
        checkOnly: true,
      });
      assert.equal(await orgCommands.deploy!(['--target-org', 'so', '--dry-run']), 0);
      assert.match(output.stdout, /validate: Succeeded — 3\/3 components would deploy to .*; nothing was changed/);
    } finally {
      process.chdir(cwd);
      await rm(project, { recursive: true, force: true });
    }
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
      assert.equal(await orgCommands['data load']!(args), 0, output.stderr);
      assert.match(
        output.stdout,
        /data load: 92 rows into .*: 92 created, 0 updated, 0 failed \(every row accounted for\)/,
      );
      assert.match(output.stdout, /Account\s+collections\s+12\s+12\s+0\s+0\s+ok/);
      assert.match(output.stdout, /Opportunity\s+bulk\s+50\s+50\s+0\s+0\s+ok/);
      assert.match(output.stderr, /Account:deferred batch 1 \(collections\): 3 rows/);
      // Self-references found through the model's schema (Account.Parent → Account), set in the deferred pass.
      const accounts = double.table('Account');
      assert.equal(accounts.get('ACC-000005')!.fields.Parent, accounts.get('ACC-000006')!.Id);
      assert.ok(!output.stdout.includes(TEST_DOUBLE_ACCESS_TOKEN) && !output.stderr.includes(TEST_DOUBLE_ACCESS_TOKEN));

      output.stdout = '';
      assert.equal(await orgCommands['data load']!(args), 0);
      assert.match(output.stdout, /0 created, 92 updated, 0 failed/);
      assert.equal(double.table('Opportunity').size, 50);
    });

    test('rows the org rejects: reported, accounted for, exit 1', async () => {
      rejectRow = (sobject, record) =>
        sobject === 'Contact' && record.LastName === 'Contact 3'
          ? 'REQUIRED_FIELD_MISSING: Buying role is required'
          : undefined;
      const args = ['--target-org', 'seeded', '--dataset', dataset, '--out', out];
      assert.equal(await orgCommands['data load']!(args), 1);
      // Contact 3 is rejected; the two opportunities whose champion it is fail on the missing parent.
      assert.match(output.stdout, /92 rows into .*: 89 created, 0 updated, 3 failed \(every row accounted for\)/);
      assert.match(output.stdout, /Contact\s+collections\s+30\s+29\s+0\s+1\s+ok/);
    });
  });
});
