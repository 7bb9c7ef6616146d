/**
 * Every network step has a deadline, says it is waiting, and fails naming the org and the step
 * (issue 10, "Connections"): against a TEST DOUBLE org on 127.0.0.1 that accepts connections and
 * never answers, a port where nothing listens, and an org that refuses the session (401).
 * @salesforce/core's real Connection (jsforce-node) makes the calls; deadlines are a few hundred
 * milliseconds so the suite runs fast. No assertion is about time: each asserts what was said.
 */
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MockTestOrgData } from '@salesforce/core/testSetup';
import { resolveDevHub, resolveTargetOrg } from '../../scripts/org/connection.ts';
import { deployProject } from '../../scripts/org/deploy.ts';
import { OrgToolkitError } from '../../scripts/org/errors.ts';
import { loadDataset, LoadStoppedError } from '../../scripts/org/loader.ts';
import { assignPermissionSets } from '../../scripts/org/permsets.ts';
import { createScratchOrg, deleteScratchOrg } from '../../scripts/org/scratch-org.ts';
import { coreTestContext, writeDeployProject } from './core-test-context.ts';
import { FIXTURE_RELATIONSHIPS, resolveFixtureRelationship, writeFixtureDataset } from './dataset-fixture.ts';
import { refusedUrl, SalesforceApiDouble, SilentOrgDouble } from './salesforce-api-double.ts';

const FAST = { requestTimeoutMs: 250, heartbeatMs: 50 };

/** The org error of this name, with a one-line message matching `message` and at least one action. */
function orgError(name: string, message: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof OrgToolkitError, `expected an OrgToolkitError, got ${String(error)}`);
    assert.equal(error.name, name, error.message);
    assert.match(error.message, message);
    assert.ok(!error.message.includes('\n'), 'one line');
    assert.ok(error.actions?.length, 'says what to do next');
    return true;
  };
}

/** A regression must fail the suite, not hang it: each test gets a generous limit (not an assertion about speed). */
const HANG_GUARD = { timeout: 30_000 };

describe('connections', HANG_GUARD, () => {
  const $$ = coreTestContext();
  let silent: SilentOrgDouble;
  let progress: string[];
  const options = () => ({ ...FAST, onProgress: (line: string) => progress.push(line) });

  /** An org authorized in the test context's store whose instance is `url`; real HTTP from here on. */
  async function orgAt(url: string, alias: string): Promise<MockTestOrgData> {
    const org = new MockTestOrgData();
    org.instanceUrl = url;
    org.loginUrl = url;
    await $$.stubAuths(org);
    $$.stubAliases({ [alias]: org.username });
    $$.SANDBOXES.CONNECTION.restore();
    return org;
  }

  beforeEach(async () => {
    progress = [];
    silent = await SilentOrgDouble.start();
  });
  afterEach(() => silent.close());

  test('an org that never answers: connecting ends, permsets assign fails naming the org and the step', async () => {
    const org = await orgAt(silent.url, 'stalled');
    const connected = await resolveTargetOrg('stalled', options());
    assert.ok(progress[0] === 'stalled: connecting', progress.join('\n'));
    assert.ok(
      progress.some((l) => /^stalled: still connecting \(\d+ s\)$/.test(l)),
      'says it is still waiting while it connects',
    );
    progress = [];
    await assert.rejects(
      assignPermissionSets(connected.getConnection('66.0'), ['RevOps_Admin'], undefined, options()),
      orgError(
        'OrgRequestTimeout',
        new RegExp(
          `^${org.username}: no answer within 0\\.3 s while reading user ${org.username} at ${silent.url.replace(/\./g, '\\.')}$`,
        ),
      ),
    );
    assert.equal(progress[0], `${org.username}: reading user ${org.username}`);
    assert.ok(progress.some((l) => l.startsWith(`${org.username}: still reading user`)));
    assert.ok(silent.accepted > 0, 'the requests reached the silent org');
  });

  // Refused is not retried (it does not fix itself in seconds): unreachable, not a timeout after retries.
  test('a port where nothing listens: unreachable, with the URL and the cause', async () => {
    const url = await refusedUrl();
    await orgAt(url, 'nowhere');
    const connected = await resolveTargetOrg('nowhere', options());
    await assert.rejects(
      assignPermissionSets(connected.getConnection('66.0'), ['RevOps_Admin'], undefined, options()),
      orgError(
        'OrgUnreachable',
        new RegExp(`cannot reach the org at ${url.replace(/\./g, '\\.')} while reading user .* \\(ECONNREFUSED\\)$`),
      ),
    );
  });

  test('an org that refuses the session (401, refresh refused): log in again', async () => {
    const double = await SalesforceApiDouble.start();
    try {
      // The store's token is not the double's: every call is a 401, and the refresh is refused.
      await orgAt(double.url, 'expired');
      const connected = await resolveTargetOrg('expired', options());
      await assert.rejects(
        assignPermissionSets(connected.getConnection('66.0'), ['RevOps_Admin'], undefined, options()),
        (error: unknown) => {
          orgError(
            'OrgSessionExpired',
            /: the org refused the session while reading user .*expired access\/refresh token/,
          )(error);
          assert.match((error as OrgToolkitError).actions![0]!, /sf org login web --alias /);
          return true;
        },
      );
      assert.ok(double.count((r) => r.outcome === 401) > 0, 'the org answered 401');
    } finally {
      await double.close();
    }
  });

  test('a deploy to an org that never answers fails naming the org and the step', async () => {
    const project = await writeDeployProject();
    try {
      await orgAt(silent.url, 'stalled');
      const connected = await resolveTargetOrg('stalled', options());
      progress = [];
      await assert.rejects(
        deployProject({
          project: { root: project, apiVersion: '66.0', packageDirectories: ['force-app'] },
          connection: connected.getConnection('66.0'),
          // A test level given: the deploy does not first read the org type (that step times out alike).
          testLevel: 'RunLocalTests',
          ...options(),
        }),
        orgError('OrgRequestTimeout', /: no answer within 0\.3 s while starting the deploy at http:\/\/127\.0\.0\.1:/),
      );
      assert.ok(progress.some((l) => /still starting the deploy/.test(l)));
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });
});

describe('scratch orgs through a Dev Hub that never answers', HANG_GUARD, () => {
  const $$ = coreTestContext();
  let silent: SilentOrgDouble;
  beforeEach(async () => {
    silent = await SilentOrgDouble.start();
  });
  afterEach(() => silent.close());

  test('creating and deleting fail naming the Dev Hub and the step', async () => {
    const hub = new MockTestOrgData();
    hub.makeDevHub();
    hub.instanceUrl = silent.url;
    hub.loginUrl = silent.url;
    const scratch = new MockTestOrgData();
    scratch.createDevHubUsername(hub.username);
    scratch.isScratchOrg = true;
    scratch.instanceUrl = silent.url;
    await $$.stubAuths(hub, scratch);
    $$.stubAliases({ hub: hub.username, so: scratch.username });
    $$.SANDBOXES.CONNECTION.restore();
    const definitionFile = join(await mkdtemp(join(tmpdir(), 'revops-def-')), 'project-scratch-def.json');
    await writeFile(definitionFile, JSON.stringify({ edition: 'Developer' }));
    const progress: string[] = [];
    const network = { ...FAST, onProgress: (line: string) => progress.push(line) };

    await assert.rejects(
      createScratchOrg({ hub: await resolveDevHub('hub', network), definitionFile, ...network }),
      orgError(
        'OrgRequestTimeout',
        new RegExp(`^${hub.username}: no answer within 0\\.3 s while creating a scratch org`),
      ),
    );
    assert.ok(progress.includes(`${hub.username}: creating a scratch org`));
    await assert.rejects(
      deleteScratchOrg(await resolveTargetOrg('so', network), network),
      orgError(
        'OrgRequestTimeout',
        new RegExp(`^${hub.username}: no answer .* while deleting scratch org ${scratch.username}`),
      ),
    );
    await rm(dirname(definitionFile), { recursive: true, force: true });
  });
});

describe('data load against an org that never answers', HANG_GUARD, () => {
  let silent: SilentOrgDouble;
  let dataset: string;
  let out: string;
  beforeEach(async () => {
    silent = await SilentOrgDouble.start();
    dataset = await writeFixtureDataset({ accounts: 3, contacts: 2, opportunities: 2 });
    out = await mkdtemp(join(tmpdir(), 'revops-silent-load-'));
  });
  afterEach(async () => {
    await silent.close();
    await rm(dataset, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
  });

  test('each request times out, retries stay bounded, the load stops naming the org and the batch', async () => {
    const double = await SalesforceApiDouble.start({ relationships: FIXTURE_RELATIONSHIPS });
    const connection = double.connection();
    await double.close();
    // The same connection, pointed at the silent org.
    (connection as unknown as { instanceUrl: string }).instanceUrl = silent.url;
    const progress: string[] = [];
    await assert.rejects(
      loadDataset(connection, {
        dataset,
        targetOrg: 'admin@silent.example',
        resolveRelationship: resolveFixtureRelationship,
        outDir: out,
        ...FAST,
        onProgress: (line) => progress.push(line),
        retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2, maxTotalRetries: 5 },
      }),
      (error: unknown) => {
        assert.ok(error instanceof LoadStoppedError);
        assert.match(
          error.message,
          /^data load into admin@silent\.example stopped: Account records batch 1 \(collections\): gave up after 2 attempts \(timeout: no answer within 250 ms\); 0 batches recorded in .*checkpoint\.json$/,
        );
        assert.match(error.actions![0]!, /resume/);
        return true;
      },
    );
    assert.equal(silent.accepted, 2, 'two attempts, then it stopped');
    assert.ok(progress.some((l) => l.startsWith('admin@silent.example: still waiting for Account records batch 1')));
  });
});
