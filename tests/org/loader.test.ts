/**
 * The data loader against the fault-injecting Salesforce API TEST DOUBLE (salesforce-api-double.ts):
 * every row accounted for, retries bounded and counted, a crashed load resumed without duplicates.
 */
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataset, LoadStoppedError, type LoadOptions, type LoadResult } from '../../scripts/org/loader.ts';
import type { Checkpoint, ReportLine } from '../../scripts/org/load-run.ts';
import { SalesforceApiDouble, TEST_DOUBLE_ACCESS_TOKEN, type LoggedRequest } from './salesforce-api-double.ts';
import {
  FIXTURE_RELATIONSHIPS,
  fixtureParentCount,
  resolveFixtureRelationship,
  writeFixtureDataset,
} from './dataset-fixture.ts';
import { seededRandom } from './seeded-random.ts';

const SIZES = { accounts: 30, contacts: 45, opportunities: 60 };
const ROWS = SIZES.accounts + SIZES.contacts + SIZES.opportunities;
const COLLECTIONS = /\/composite\/sobjects\//;
const INGEST = /\/jobs\/ingest/;

let double: SalesforceApiDouble;
let dataset: string;
let out: string;

/** Small batches and short timers so every path runs in milliseconds: Account via collections, the rest via Bulk. */
function options(overrides: Partial<LoadOptions> = {}): LoadOptions {
  return {
    dataset,
    targetOrg: 'admin@test-double.example',
    resolveRelationship: resolveFixtureRelationship,
    outDir: out,
    bulkThreshold: 40,
    bulkBatchSize: 25,
    collectionsBatchSize: 10,
    requestTimeoutMs: 750,
    bulkPoll: { intervalMs: 2, timeoutMs: 5_000 },
    retry: { maxAttempts: 4, baseDelayMs: 2, maxDelayMs: 20, maxTotalRetries: 40, random: seededRandom(7) },
    ...overrides,
  };
}

async function report(result: LoadResult): Promise<ReportLine[]> {
  const text = await readFile(join(result.runDir, 'report.ndjson'), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ReportLine);
}

/** Each fixture row is in the double's table exactly once, created exactly once across all runs. */
function assertNoDuplicates(expected: { Account: number; Contact: number; Opportunity: number }) {
  for (const [sobject, rows] of Object.entries(expected)) {
    const table = double.table(sobject);
    assert.equal(table.size, rows, `${sobject}: one record per external id`);
    assert.equal(double.inserted(sobject), rows, `${sobject}: each record created once across runs`);
    assert.equal(new Set([...table.values()].map((r) => r.Id)).size, rows, `${sobject}: distinct ids`);
  }
}

function assertAccounted(result: LoadResult) {
  assert.ok(result.accounted, 'summary says every row is accounted for');
  for (const o of result.objects) {
    assert.equal(o.created + o.updated + o.failed, o.rows, `${o.sobject}: created + updated + failed = rows`);
    assert.equal(o.rows, o.manifestCount, `${o.sobject}: rows read = manifest count`);
  }
  assert.equal(result.totals.rows, ROWS);
}

beforeEach(async () => {
  double = await SalesforceApiDouble.start({ relationships: FIXTURE_RELATIONSHIPS });
  dataset = await writeFixtureDataset(SIZES);
  out = await mkdtemp(join(tmpdir(), 'revops-load-'));
});

afterEach(async () => {
  await double.close();
  await rm(dataset, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

describe('data loader against the Salesforce API test double', () => {
  test('upserts in dependency order through collections and Bulk API 2.0; a second run only updates', async () => {
    const first = await loadDataset(double.connection(), options());
    assertAccounted(first);
    assert.ok(first.ok);
    assert.deepEqual(first.totals, { rows: ROWS, created: ROWS, updated: 0, failed: 0 });
    assert.deepEqual(
      first.objects.map((o) => [o.sobject, o.api]),
      [
        ['Account', 'collections'],
        ['Contact', 'bulk'],
        ['Opportunity', 'bulk'],
      ],
    );
    assert.equal(first.objects[0]!.deferred?.rows, fixtureParentCount(SIZES.accounts));

    // Self-references land in the second pass: account 5's parent (account 6) loads after it.
    const accounts = double.table('Account');
    assert.equal(accounts.get('ACC-000005')!.fields.Parent, accounts.get('ACC-000006')!.Id);
    assert.equal(accounts.get('ACC-000007')!.fields.Parent, accounts.get('ACC-000001')!.Id);
    assert.equal(accounts.get('ACC-000002')!.fields.Parent, undefined);
    // Lookups flattened to Parent.External_Id__c columns for Bulk; CSV quoting and #N/A survive the trip.
    const opp1 = double.table('Opportunity').get('OPP-000001')!;
    assert.equal(opp1.fields.Account, accounts.get('ACC-000001')!.Id);
    assert.equal(opp1.fields.Champion__r, double.table('Contact').get('CON-000001')!.Id);
    assert.equal(opp1.fields.NextStep, null);
    assert.equal(double.table('Opportunity').get('OPP-000002')!.fields.NextStep, 'Call 2\nthen demo');
    assert.equal(double.table('Contact').get('CON-000001')!.fields.Account, accounts.get('ACC-000001')!.Id);
    assert.equal(accounts.get('ACC-000003')!.fields.Name, 'Account 3, "Fixture" Ltd');

    const lines = await report(first);
    assert.equal(lines.filter((l) => l.pass === 'records').length, ROWS, 'one report line per row');
    assert.ok(lines.every((l) => l.outcome === 'created' || l.pass === 'deferred'));
    const summary = JSON.parse(await readFile(first.summaryFile, 'utf8')) as { totals: unknown };
    assert.deepEqual(summary.totals, first.totals);

    const second = await loadDataset(double.connection(), options());
    assertAccounted(second);
    assert.notEqual(second.runDir, first.runDir, 'a finished run is not resumed: the next load starts afresh');
    assert.deepEqual(second.totals, { rows: ROWS, created: 0, updated: ROWS, failed: 0 });
    assertNoDuplicates({ Account: SIZES.accounts, Contact: SIZES.contacts, Opportunity: SIZES.opportunities });
  });

  test('every row is accounted for through 429s, 5xx, timeouts, dropped connections and row failures', async () => {
    const faulty = await SalesforceApiDouble.start({
      relationships: FIXTURE_RELATIONSHIPS,
      // Account 6 (parent of account 5) and account 10 are rejected in the records pass only.
      rowError: (sobject, record) =>
        sobject === 'Account' && /^Account (6|10),/.test(String(record.Name ?? ''))
          ? 'FIELD_CUSTOM_VALIDATION_EXCEPTION: Website domain must be unique'
          : sobject === 'Opportunity' && Number(record.Amount) % 17 === 0
            ? 'FIELD_CUSTOM_VALIDATION_EXCEPTION: Next step is required before Value Demo'
            : undefined,
    });
    await double.close();
    double = faulty;
    const faults = [
      { method: 'PATCH', path: COLLECTIONS, fault: { kind: 'status', status: 429 } },
      { method: 'PATCH', path: COLLECTIONS, fault: { kind: 'status', status: 503 }, after: 2 },
      { method: 'PATCH', path: COLLECTIONS, fault: { kind: 'timeout' }, after: 4 },
      { method: 'PATCH', path: COLLECTIONS, fault: { kind: 'drop' }, after: 6 },
      { method: 'POST', path: /\/jobs\/ingest$/, fault: { kind: 'status', status: 500 } },
      { method: 'PUT', path: /\/batches$/, fault: { kind: 'drop' }, after: 1 },
      { method: 'PATCH', path: /\/jobs\/ingest\/\w+$/, fault: { kind: 'timeout' }, after: 2 },
      { method: 'GET', path: /\/jobs\/ingest\/\w+$/, fault: { kind: 'status', status: 502 }, after: 1 },
      { method: 'GET', path: /\/jobs\/ingest\/\w+$/, fault: { kind: 'status', status: 504 }, after: 4 },
      { method: 'GET', path: /successfulResults$/, fault: { kind: 'status', status: 429 }, after: 2 },
      { method: 'GET', path: /failedResults$/, fault: { kind: 'timeout' }, after: 1 },
      { method: 'GET', path: /unprocessedrecords$/, fault: { kind: 'drop' } },
    ] as const;
    for (const f of faults) double.inject(f);

    const result = await loadDataset(double.connection(), options());
    assertAccounted(result);
    assert.equal(result.ok, false, 'row failures make the load not ok');
    const injected = double.requests.filter((r) => typeof r.outcome !== 'number' || r.outcome >= 429);
    assert.equal(injected.length, faults.length, 'every fault was hit');
    assert.equal(result.retries, faults.length, 'each fault cost exactly one retry');

    const lines = await report(result);
    const failed = lines.filter((l) => l.outcome === 'failed');
    assert.ok(
      failed.every((l) => l.error),
      'every failed row says why',
    );
    const failedIds = (object: string, pass = 'records') =>
      failed.filter((l) => l.object === object && l.pass === pass).map((l) => l.externalId);
    assert.deepEqual(failedIds('Account'), ['ACC-000006', 'ACC-000010']);
    // Account 5's parent (account 6) does not exist: its link fails, so account 5 counts as failed.
    assert.deepEqual(failedIds('Account', 'deferred'), ['ACC-000005']);
    assert.equal(result.objects[0]!.failed, 3);
    // Account 10 failed its records pass, so the deferred pass left it alone instead of creating it half-empty.
    assert.equal(double.table('Account').has('ACC-000010'), false);
    // Children of a rejected account fail on the missing parent, with Salesforce's foreign-key message.
    const orphan = failed.find((l) => l.object === 'Contact');
    assert.match(orphan?.error ?? '', /Foreign key external ID: ACC-0000(06|10) not found/);
    assert.ok(failedIds('Opportunity').length > 0);
    assert.equal(
      double.table('Opportunity').size,
      result.objects[2]!.created,
      'the table holds exactly the rows reported created',
    );
  });

  test('retries stay bounded per call and for the whole load; a stopped load resumes and completes', async () => {
    double.inject({ method: 'PATCH', path: COLLECTIONS, fault: { kind: 'status', status: 503 }, after: 1, times: 100 });
    await assert.rejects(loadDataset(double.connection(), options()), (error: unknown) => {
      assert.ok(error instanceof LoadStoppedError);
      assert.match(
        error.message,
        /^data load into admin@test-double\.example stopped: Account records batch 2 \(collections\): gave up after 4 attempts \(server: HTTP 503/,
      );
      assert.match(error.message, /1 batch recorded in .*checkpoint\.json$/);
      assert.match(error.actions?.[0] ?? '', /Run the same command again to resume/);
      return true;
    });
    assert.equal(
      double.count((r) => COLLECTIONS.test(r.path)),
      1 + 4,
      'one good call, then exactly maxAttempts',
    );

    // The load-wide budget: three retries in total, spread over different calls.
    double.clearFaults();
    for (const after of [0, 1, 2, 3])
      double.inject({
        method: 'GET',
        path: /\/jobs\/ingest\/\w+$/,
        fault: { kind: 'status', status: 503 },
        after: after * 2,
      });
    const before = double.count();
    await assert.rejects(
      loadDataset(double.connection(), options({ retry: { ...options().retry, maxTotalRetries: 3 } })),
      (error: unknown) => {
        assert.ok(error instanceof LoadStoppedError);
        assert.match(error.message, /retry budget \(3 retries\) is spent/);
        return true;
      },
    );
    const polls = double.requests
      .slice(before)
      .filter((r) => r.method === 'GET' && /\/jobs\/ingest\/\w+$/.test(r.path));
    assert.equal(polls.filter((r) => r.outcome === 503).length, 4, 'three retried failures, the fourth stops the load');

    double.clearFaults();
    const resumed = await loadDataset(double.connection(), options());
    assert.ok(resumed.resumed);
    assert.ok(resumed.batchesSkipped > 0);
    assertAccounted(resumed);
    assert.equal(resumed.totals.failed, 0);
    assertNoDuplicates({ Account: SIZES.accounts, Contact: SIZES.contacts, Opportunity: SIZES.opportunities });
  });

  test('a load killed halfway resumes from its checkpoint: finished batches are skipped, no row is duplicated', async () => {
    // Account records (3 batches), Account deferred (1) and Contact batch 1 finish; Contact batch 2 crashes.
    const finished = 5;
    await assert.rejects(
      loadDataset(
        double.connection(),
        options({
          afterBatchReported: ({ batch, step }) => {
            if (step === 'Contact:records' && batch === 1) throw new Error(`simulated crash after ${finished} batches`);
          },
        }),
      ),
      /simulated crash/,
    );
    const [runDir] = await runDirs();
    const checkpoint = JSON.parse(await readFile(join(runDir!, 'checkpoint.json'), 'utf8')) as Checkpoint;
    assert.equal(checkpoint.complete, false);
    assert.deepEqual(
      Object.fromEntries(Object.entries(checkpoint.steps).map(([k, s]) => [k, s.batchesDone])),
      { 'Account:records': 3, 'Account:deferred': 1, 'Contact:records': 1 },
      'the crashed batch was reported but never checkpointed',
    );
    assert.ok((await stat(join(runDir!, 'report.ndjson'))).size > checkpoint.reportBytes);

    const callsBefore = double.requests.length;
    const resumed = await loadDataset(double.connection(), options());
    assert.equal(resumed.runDir, runDir, 'the same run is resumed');
    assert.ok(resumed.resumed);
    assert.equal(resumed.batchesSkipped, finished);
    const resumedCalls = double.requests.slice(callsBefore);
    assert.equal(resumedCalls.filter((r) => COLLECTIONS.test(r.path)).length, 0, 'finished Account batches not resent');
    assert.equal(jobsCreated(resumedCalls), 1 + 3, 'Contact batch 2 (the crashed one) and the three Opportunity jobs');

    assertAccounted(resumed);
    assert.equal(resumed.totals.failed, 0);
    // The crashed batch reached the org before the crash: on resume its rows are updates, not new records.
    assert.deepEqual(resumed.objects[1], { ...resumed.objects[1], created: 25, updated: 20 });
    assertNoDuplicates({ Account: SIZES.accounts, Contact: SIZES.contacts, Opportunity: SIZES.opportunities });
    const lines = await report(resumed);
    const records = lines.filter((l) => l.pass === 'records');
    assert.equal(records.length, ROWS, 'the report holds each row once');
    assert.equal(new Set(records.map((l) => `${l.object}/${l.externalId}`)).size, ROWS);
  });

  test('a Bulk job that fails as a whole reports each of its rows failed with the job error', async () => {
    const failing = await SalesforceApiDouble.start({
      relationships: FIXTURE_RELATIONSHIPS,
      jobError: (sobject) => (sobject === 'Contact' ? 'InvalidBatch : Field name not found : Email' : undefined),
    });
    await double.close();
    double = failing;
    const result = await loadDataset(double.connection(), options());
    assertAccounted(result);
    const contact = result.objects.find((o) => o.sobject === 'Contact')!;
    assert.equal(contact.failed, SIZES.contacts);
    const lines = await report(result);
    const errors = new Set(lines.filter((l) => l.object === 'Contact').map((l) => l.error));
    assert.deepEqual([...errors], ['not processed: Bulk API job Failed (InvalidBatch : Field name not found : Email)']);
  });

  test('contracts are created Draft and activated in the deferred pass, also on a second run', async () => {
    await rm(dataset, { recursive: true, force: true });
    dataset = await writeFixtureDataset({ ...SIZES, contracts: 6 });
    const first = await loadDataset(double.connection(), options());
    assert.ok(first.ok);
    const contracts = first.objects.find((o) => o.sobject === 'Contract')!;
    assert.deepEqual([contracts.created, contracts.failed, contracts.deferred], [6, 0, { rows: 6, failed: 0 }]);
    assert.deepEqual(
      [...double.table('Contract').values()].map((r) => r.fields.Status),
      ['Activated', 'Draft', 'Activated', 'Draft', 'Activated', 'Draft'],
    );
    const second = await loadDataset(double.connection(), options());
    assert.ok(second.ok);
    assert.equal(double.inserted('Contract'), 6);
  });

  test('no credentials in the report, checkpoint or summary', async () => {
    const result = await loadDataset(double.connection(), options());
    for (const file of ['report.ndjson', 'checkpoint.json', 'summary.json'])
      assert.ok(!(await readFile(join(result.runDir, file), 'utf8')).includes(TEST_DOUBLE_ACCESS_TOKEN), file);
  });
});

async function runDirs(): Promise<string[]> {
  return (await readdir(out)).sort().map((name) => join(out, name));
}

function jobsCreated(requests: readonly LoggedRequest[]): number {
  return requests.filter((r) => r.method === 'POST' && INGEST.test(r.path) && r.outcome === 200).length;
}
