/**
 * `--target-org` without an org: the bundled seed is loaded into the Salesforce API TEST DOUBLE
 * (127.0.0.1) by the org toolkit's own loader, then extracted through Bulk API 2.0 query jobs —
 * paged, with injected 429/503 answers and dropped connections — and reported on. The report must
 * say exactly what the seed's own report says. What only a real org shows is in docs/metrics.md.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MockTestOrgData } from '@salesforce/core/testSetup';
import model from '../../model/index.ts';
import { extractOrgDataset, soqlFor } from '../../scripts/analytics/extract.ts';
import type { Metrics } from '../../scripts/analytics/metrics-types.ts';
import { buildReport } from '../../scripts/analytics/report.ts';
import { SOURCE_OBJECTS } from '../../scripts/analytics/sources.ts';
import ReportCommand, { type ReportCommandResult } from '../../scripts/cli/commands/revops/report.ts';
import { loadDataset, schemaRelationships } from '../../scripts/org/index.ts';
import { buildSchema } from '../../scripts/schema/build.ts';
import { runCommand } from '../cli/run-command.ts';
import { coreTestContext } from '../org/core-test-context.ts';
import { SalesforceApiDouble, TEST_DOUBLE_ACCESS_TOKEN, type DoubleOptions } from '../org/salesforce-api-double.ts';

const SEED = fileURLToPath(new URL('../../data/seed', import.meta.url));
const AS_OF = '2026-12-01';
const resolve = schemaRelationships(buildSchema(model));
const FAST_RETRY = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5, maxTotalRetries: 20, sleep: async () => {} };

/** The double's relationships, as the model's schema answers them for the seed's lookups. */
async function seedRelationships(): Promise<Record<string, Record<string, string>>> {
  const manifest = JSON.parse(await readFile(join(SEED, 'manifest.json'), 'utf8')) as {
    objects: { sobject: string; file: string }[];
  };
  const out: Record<string, Record<string, string>> = {};
  for (const { sobject, file } of manifest.objects) {
    const first = JSON.parse((await readFile(join(SEED, file), 'utf8')).split('\n')[0]!) as Record<string, unknown>;
    for (const key of Object.keys(first)) {
      const target = resolve(sobject, key);
      if (target) (out[sobject] ??= {})[key] = target;
    }
  }
  return out;
}

/** A double holding the seed, loaded by `revops data load`'s library with no date shift. */
async function seededDouble(options: Partial<DoubleOptions> = {}): Promise<SalesforceApiDouble> {
  const double = await SalesforceApiDouble.start({
    relationships: await seedRelationships(),
    maxLifetimeMs: 300_000,
    ...options,
  });
  const runs = await mkdtemp(join(tmpdir(), 'revops-load-'));
  const result = await loadDataset(double.connection(), {
    dataset: SEED,
    targetOrg: 'double',
    resolveRelationship: resolve,
    outDir: runs,
  });
  await rm(runs, { recursive: true, force: true });
  assert.ok(result.ok, 'the seed loads into the double');
  return double;
}

/** The seed's record counts (its manifest), and how many hand-off packets go SDR → AE. */
async function seedCounts(): Promise<Record<string, number> & { sdrToAePackets: number }> {
  const manifest = JSON.parse(await readFile(join(SEED, 'manifest.json'), 'utf8')) as {
    objects: { sobject: string; count: number }[];
  };
  const packets = (await readFile(join(SEED, 'Handoff_Packet__c.ndjson'), 'utf8'))
    .split('\n')
    .filter((line) => line && (JSON.parse(line) as { Handoff_Type__c?: string }).Handoff_Type__c === 'SDR to AE');
  return { ...Object.fromEntries(manifest.objects.map((o) => [o.sobject, o.count])), sdrToAePackets: packets.length };
}

/**
 * The metrics an org extract and the dataset share: all but the source and the attribution
 * section, which the extract does not read yet (it queries no Touch__c; the report says so by
 * leaving the section out, asserted below).
 */
const withoutSource = (m: Metrics) => ({ ...m, source: undefined, attribution: undefined });

describe('the org extract (Bulk API 2.0 against the test double)', () => {
  let double: SalesforceApiDouble;
  let seedMetrics: Metrics;
  let dir: string;
  before(async () => {
    double = await seededDouble({ queryPageSize: 150 });
    seedMetrics = (await buildReport(SEED, { model })).metrics;
  });
  after(() => double.close());
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'revops-extract-'));
  });
  afterEach(async () => {
    double.clearFaults();
    await rm(dir, { recursive: true, force: true });
  });

  test('one query per source object, with the model fields the report reads', () => {
    assert.equal(
      soqlFor(SOURCE_OBJECTS.find((s) => s.sobject === 'Handoff_Packet__c')!),
      "SELECT Id, External_Id__c, Handoff_Type__c, Lead__r.External_Id__c, Lead__c, Opportunity__r.External_Id__c, Opportunity__c FROM Handoff_Packet__c WHERE Handoff_Type__c = 'SDR to AE'",
    );
    assert.match(
      soqlFor(SOURCE_OBJECTS.find((s) => s.sobject === 'OpportunityHistory')!),
      /^SELECT Id, Opportunity\.External_Id__c, OpportunityId, CreatedDate, /,
    );
  });

  test('an org loaded from the seed reports the seed’s numbers, read page by page', async () => {
    const extract = await extractOrgDataset(double.connection(), {
      outDir: dir,
      asOf: AS_OF,
      pollIntervalMs: 5,
      pageSize: 100,
    });
    const counts = Object.fromEntries(extract.manifest.objects.map((o) => [o.sobject, o.count]));
    // What the seed holds (Handoff packets: the SDR → AE ones the report reads; no history in a dataset).
    const seed = await seedCounts();
    assert.deepEqual(counts, {
      Account: seed.Account,
      Lead: seed.Lead,
      Opportunity: seed.Opportunity,
      Contract: seed.Contract,
      Handoff_Packet__c: seed.sdrToAePackets,
      OpportunityHistory: 0,
    });
    const pages = double.count((r) => /\/jobs\/query\/\w+\/results$/.test(r.path));
    const leadPages = Math.ceil((seed.Lead ?? 0) / 100);
    assert.ok(
      pages >= leadPages + 5,
      `${seed.Lead} leads alone take ${leadPages} pages of 100 (${pages} pages in all)`,
    );
    const fromOrg = (await buildReport(dir, { model, asOf: AS_OF, source: { kind: 'org', name: 'double' } })).metrics;
    assert.deepEqual(withoutSource(fromOrg), withoutSource(seedMetrics));
    assert.equal(fromOrg.attribution, null, 'an org extract has no touches, so no attribution section');
    assert.notEqual(seedMetrics.attribution, null, 'the dataset has one');
  });

  test('429, 503 and a dropped connection are retried; the numbers do not change', async () => {
    double.inject({ method: 'POST', path: /\/jobs\/query$/, fault: { kind: 'status', status: 503 }, times: 2 });
    double.inject({
      method: 'GET',
      path: /\/results$/,
      fault: { kind: 'status', status: 429, retryAfterSeconds: 0 },
      after: 3,
    });
    double.inject({ method: 'GET', path: /\/jobs\/query\/\w+$/, fault: { kind: 'drop' }, after: 2 });
    const retries: string[] = [];
    await extractOrgDataset(double.connection(), {
      outDir: dir,
      asOf: AS_OF,
      pollIntervalMs: 5,
      pageSize: 100,
      retry: FAST_RETRY,
      onRetry: (e) => retries.push(e.error),
    });
    assert.ok(retries.length >= 3, retries.join('\n'));
    const fromOrg = (await buildReport(dir, { model, asOf: AS_OF })).metrics;
    assert.deepEqual(withoutSource(fromOrg), withoutSource(seedMetrics));
    assert.equal((await readdir(dir)).filter((f) => f.endsWith('.part')).length, 0, 'no partial file left');
  });

  test('an optional object the org refuses is skipped and named; a required one stops the report', async () => {
    const refusing = await SalesforceApiDouble.start({
      relationships: await seedRelationships(),
      unqueryable: ['OpportunityHistory', 'Opportunity'],
    });
    try {
      await assert.rejects(
        extractOrgDataset(refusing.connection(), { outDir: dir, asOf: AS_OF, pollIntervalMs: 5, retry: FAST_RETRY }),
        (error: Error) =>
          error.name === 'ReportError' &&
          /Opportunity query.*Deploy the RevOps model/s.test(
            `${error.message} ${(error as { actions?: string[] }).actions}`,
          ),
      );
    } finally {
      await refusing.close();
    }
    const partial = await SalesforceApiDouble.start({
      relationships: await seedRelationships(),
      unqueryable: ['OpportunityHistory'],
    });
    try {
      const extract = await extractOrgDataset(partial.connection(), {
        outDir: dir,
        asOf: AS_OF,
        pollIntervalMs: 5,
        retry: FAST_RETRY,
      });
      assert.deepEqual(
        extract.skipped.map((s) => s.sobject),
        ['OpportunityHistory'],
      );
    } finally {
      await partial.close();
    }
  });
});

describe('revops report --target-org, end to end against the double', () => {
  const $$ = coreTestContext();
  let double: SalesforceApiDouble;
  let out: string;
  before(async () => {
    double = await seededDouble();
  });
  after(() => double.close());
  beforeEach(async () => {
    out = await mkdtemp(join(tmpdir(), 'revops-report-org-'));
    const org = new MockTestOrgData();
    org.instanceUrl = double.url;
    org.accessToken = TEST_DOUBLE_ACCESS_TOKEN;
    await $$.stubAuths(org);
    $$.stubAliases({ seeded: org.username });
    // Let @salesforce/core's Connection make real HTTP calls: to the double on 127.0.0.1 only.
    $$.SANDBOXES.CONNECTION.restore();
  });
  afterEach(() => rm(out, { recursive: true, force: true }));

  test('extracts into --out/dataset and reports from it', async () => {
    const run = await runCommand<ReportCommandResult>(ReportCommand, [
      '--target-org',
      'seeded',
      '--out',
      join(out, 'r'),
      '--as-of',
      AS_OF,
    ]);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual((await readdir(join(out, 'r'))).sort(), [
      '.revops-output.json',
      'dataset',
      'index.html',
      'metrics.json',
      'summary.md',
    ]);
    const metrics = JSON.parse(await readFile(join(out, 'r', 'metrics.json'), 'utf8')) as Metrics;
    assert.equal(metrics.source.kind, 'org');
    assert.equal(metrics.winRate.overall, (await buildReport(SEED, { model })).metrics.winRate.overall);
    assert.match(run.stderr, new RegExp(`Opportunity: ${(await seedCounts()).Opportunity} records`));
  });

  test('both sources at once is a usage error', async () => {
    const run = await runCommand(ReportCommand, ['--target-org', 'seeded', '--dataset', SEED, '--out', join(out, 'x')]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /Pass either --dataset or --target-org, not both/);
  });
});
