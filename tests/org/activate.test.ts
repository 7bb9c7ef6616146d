/**
 * The deploy's second phase: the model's duplicate rules are generated inactive and activated by
 * a second deploy once their matching rules read Active. Runs the real source-deploy-retrieve
 * pipeline with the Metadata API calls (deploy, checkDeployStatus, read) stubbed on an org
 * connection from @salesforce/core's TestContext; the project is this repository's generated
 * matching and duplicate rules, the activations are the model's own.
 */
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { Org, type Connection } from '@salesforce/core';
import model from '../../model/index.ts';
import { modelActivations } from '../../scripts/metadata/activations.ts';
import { deployProject } from '../../scripts/org/deploy.ts';
import { OrgToolkitError } from '../../scripts/org/errors.ts';
import { openProject, type Project } from '../../scripts/project.ts';
import { coreTestContext, stubDevHubAndScratchOrg } from './core-test-context.ts';

const activations = modelActivations(model);

/** A checkDeployStatus answer that says the deploy is over. */
const finished = (id: string, success: boolean) => ({
  id,
  status: success ? 'Succeeded' : 'Failed',
  success,
  done: true,
  checkOnly: false,
  rollbackOnError: true,
  numberComponentErrors: success ? 0 : 1,
  numberComponentsDeployed: success ? 7 : 0,
  numberComponentsTotal: 7,
  numberTestErrors: 0,
  numberTestsCompleted: 0,
  numberTestsTotal: 0,
  details: success
    ? {}
    : {
        componentFailures: {
          changed: 'false',
          created: 'false',
          deleted: 'false',
          success: 'false',
          problemType: 'Error',
          componentType: 'DuplicateRule',
          fullName: 'Account.Account_Domain_Duplicates',
          fileName: 'duplicateRules/Account.Account_Domain_Duplicates.duplicateRule',
          problem: 'The matching rule is not active',
        },
      },
});

/** What a Metadata API `read` of MatchingRules answers, with the status each rule reads. */
const matchingRules = (status: string) =>
  activations
    .flatMap((a) => a.waitFor)
    .filter((w, i, all) => all.findIndex((o) => o.fullName === w.fullName) === i)
    .map((w) => ({ fullName: w.fullName, ruleStatus: status }));

async function filesIn(zip: Buffer): Promise<Map<string, string>> {
  const archive = await JSZip.loadAsync(zip);
  const files = new Map<string, string>();
  for (const [name, entry] of Object.entries(archive.files))
    if (!entry.dir) files.set(name, await entry.async('string'));
  return files;
}

describe('deploy, then activate what waits for other components', () => {
  const $$ = coreTestContext();
  let project: Project;
  let connection: Connection;
  let deploys: { callCount: number; getCall(n: number): { args: [Buffer, Record<string, unknown>] } };
  let reads: { callCount: number; getCall(n: number): { args: [string, string[]] } };
  let read: { onCall(n: number): { resolves(v: unknown): void }; resolves(v: unknown): void };
  let checkStatus: { onCall(n: number): { resolves(v: unknown): void }; resolves(v: unknown): void };

  before(async () => {
    const root = await mkdtemp(join(tmpdir(), 'revops-activate-project-'));
    await writeFile(
      join(root, 'sfdx-project.json'),
      JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], sourceApiVersion: '66.0' }),
    );
    for (const folder of ['matchingRules', 'duplicateRules'])
      await cp(join('force-app/generated', folder), join(root, 'force-app/main/default', folder), { recursive: true });
    project = await openProject(root);
  });
  after(async () => {
    await rm(project.root, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await stubDevHubAndScratchOrg($$);
    connection = (await Org.create({ aliasOrUsername: 'so' })).getConnection(project.apiVersion);
    $$.SANDBOX.stub(connection, 'retrieveMaxApiVersion').resolves('66.0');
    $$.SANDBOX.stub(connection, 'query').resolves({
      done: true,
      totalSize: 1,
      records: [{ IsSandbox: false, TrialExpirationDate: '2026-12-31' }],
    });
    deploys = $$.SANDBOX.stub(connection.metadata, 'deploy').resolves({ id: '0Af1' });
    checkStatus = $$.SANDBOX.stub(connection.metadata, 'checkDeployStatus');
    checkStatus.onCall(0).resolves(finished('0Af1', true));
    checkStatus.onCall(1).resolves(finished('0Af2', true));
    read = $$.SANDBOX.stub(connection.metadata, 'read');
    reads = read as unknown as typeof reads;
  });

  const run = (options: Partial<Parameters<typeof deployProject>[0]> = {}) => {
    const waiting: string[] = [];
    const outcome = deployProject({
      project,
      connection,
      pollFrequencyMs: 1,
      activations,
      activationWait: { pollMs: 1, sleep: async () => {}, onWaiting: (line) => waiting.push(line) },
      ...options,
    });
    return { outcome, waiting };
  };

  test('the model activates each active duplicate rule after its matching rule', () => {
    assert.deepEqual(
      activations.map((a) => `${a.fullName} after ${a.waitFor.map((w) => w.fullName).join(', ')}`),
      [
        'Account.Account_Domain_Duplicates after Account.Account_Domain_Match',
        'Account.Account_Name_Duplicates after Account.Account_Name_Match',
        'Contact.Contact_Email_Duplicates after Contact.Contact_Email_Match',
        'Lead.Lead_Email_Duplicates after Lead.Lead_Email_Match',
      ],
    );
  });

  test('first deploy has them inactive; once the matching rules read Active, a second deploy activates them', async () => {
    read.onCall(0).resolves(matchingRules('Activating'));
    read.onCall(1).resolves(matchingRules('Active'));
    const { outcome, waiting } = run();
    const result = await outcome;

    assert.equal(deploys.callCount, 2);
    const first = await filesIn(deploys.getCall(0).args[0]);
    const second = await filesIn(deploys.getCall(1).args[0]);
    const rules = (files: Map<string, string>) => [...files.keys()].filter((f) => f.startsWith('duplicateRules/'));
    assert.equal(rules(first).length, activations.length);
    for (const file of rules(first)) assert.match(first.get(file)!, /<isActive>false<\/isActive>/);
    assert.deepEqual(rules(second).sort(), rules(first).sort(), 'the second deploy carries the same rules');
    for (const file of rules(second)) assert.match(second.get(file)!, /<isActive>true<\/isActive>/);
    assert.ok(![...second.keys()].some((f) => f.startsWith('matchingRules/')), 'matching rules are not deployed again');
    assert.match(second.get('package.xml')!, /<name>DuplicateRule<\/name>/);
    assert.equal(deploys.getCall(1).args[1].rollbackOnError, true);

    assert.equal(reads.getCall(0).args[0], 'MatchingRule');
    assert.equal(reads.callCount, 2, 'read until every matching rule is active');
    assert.equal(waiting.length, 1);
    assert.match(waiting[0]!, /waiting for MatchingRule Account\.\w+ \(Activating\)/);
    assert.deepEqual(
      result.activated,
      activations.map((a) => `DuplicateRule ${a.fullName}`),
    );
  });

  test('a matching rule whose activation failed stops the second phase and names the rule', async () => {
    read.resolves(matchingRules('ActivationFailed'));
    await assert.rejects(run().outcome, (error: OrgToolkitError) => {
      assert.equal(error.name, 'ActivationFailed');
      assert.match(error.message, /^MatchingRule \w+\.\w+ is ActivationFailed: what waits for it cannot be activated/);
      return true;
    });
    assert.equal(deploys.callCount, 1, 'nothing activated');
  });

  test('a matching rule that never becomes active: a timeout that lists what is still pending', async () => {
    read.resolves(matchingRules('Activating'));
    const { outcome } = run({
      activationWait: { pollMs: 1, waitMinutes: 0, sleep: async () => {} },
    });
    await assert.rejects(outcome, (error: OrgToolkitError) => {
      assert.equal(error.name, 'ActivationTimeout');
      assert.match(error.message, /still not active after 0 min: MatchingRule .+ \(Activating\)/);
      return true;
    });
    assert.equal(deploys.callCount, 1);
  });

  test('a matching rule missing from the org is named', async () => {
    read.resolves([]);
    await assert.rejects(run().outcome, /MatchingRule \w+\.\w+ is not in the org/);
  });

  test('the second deploy failing says the rules stay inactive', async () => {
    read.resolves(matchingRules('Active'));
    checkStatus.onCall(1).resolves(finished('0Af2', false));
    await assert.rejects(run().outcome, (error: OrgToolkitError) => {
      assert.equal(error.name, 'ActivationFailed');
      assert.match(error.message, /The matching rule is not active/);
      assert.match(error.actions?.join(' ') ?? '', /stay deployed inactive/);
      return true;
    });
  });

  test('a dry run, a failed first deploy, or no activations: one deploy and no reads', async () => {
    checkStatus.onCall(0).resolves({ ...finished('0Af1', true), checkOnly: true });
    await run({ checkOnly: true }).outcome;
    checkStatus.onCall(1).resolves(finished('0Af1', false));
    const failed = await run().outcome;
    assert.equal(failed.success, false);
    checkStatus.onCall(2).resolves(finished('0Af1', true));
    await run({ activations: [] }).outcome;
    assert.equal(reads.callCount, 0);
    assert.equal(deploys.callCount, 3);
  });
});
