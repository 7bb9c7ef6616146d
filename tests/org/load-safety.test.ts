/**
 * `data load` sends nothing from a bad dataset and never trusts a bad checkpoint (issue 10,
 * "Datasets and loads"), against the Salesforce API TEST DOUBLE: the whole dataset is checked
 * before the first row goes out, and a checkpoint that is corrupt or impossible stops the load
 * with what is wrong and how to go on (--fresh), instead of starting over or resuming wrongly.
 */
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import model from '../../model/index.ts';
import { OrgToolkitError } from '../../scripts/org/errors.ts';
import { loadDataset, type LoadOptions } from '../../scripts/org/loader.ts';
import { schemaRelationships } from '../../scripts/org/load-plan.ts';
import { buildSchema } from '../../scripts/schema/build.ts';
import { FIXTURE_RELATIONSHIPS, resolveFixtureRelationship, writeFixtureDataset } from './dataset-fixture.ts';
import { SalesforceApiDouble } from './salesforce-api-double.ts';

const SIZES = { accounts: 12, contacts: 10, opportunities: 9 };
let double: SalesforceApiDouble;
let dataset: string;
let out: string;

function options(overrides: Partial<LoadOptions> = {}): LoadOptions {
  return {
    dataset,
    targetOrg: 'admin@test-double.example',
    resolveRelationship: resolveFixtureRelationship,
    outDir: out,
    collectionsBatchSize: 5,
    requestTimeoutMs: 2_000,
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2, maxTotalRetries: 5 },
    ...overrides,
  };
}

/** The org error of this name, one line, with what to do next. */
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

beforeEach(async () => {
  double = await SalesforceApiDouble.start({ relationships: FIXTURE_RELATIONSHIPS });
  dataset = await writeFixtureDataset(SIZES);
  out = await mkdtemp(join(tmpdir(), 'revops-load-safety-'));
});
afterEach(async () => {
  await double.close();
  await rm(dataset, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

describe('a bad dataset loads nothing', () => {
  test('a truncated last line of the last object: refused before the first row is sent', async () => {
    const file = join(dataset, 'Opportunity.ndjson');
    await truncate(file, (await readFile(file)).length - 25);
    await assert.rejects(
      loadDataset(double.connection(), options()),
      orgError('DatasetLineInvalid', /Opportunity\.ndjson:9: not valid JSON/),
    );
    assert.equal(double.requests.length, 0, 'nothing was sent');
  });

  test('a duplicate External_Id__c: refused, where before one record silently overwrote another', async () => {
    const file = join(dataset, 'Contact.ndjson');
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    lines[4] = lines[4]!.replace('CON-000005', 'CON-000002');
    await writeFile(file, `${lines.join('\n')}\n`);
    await assert.rejects(
      loadDataset(double.connection(), options()),
      orgError(
        'DatasetInvalid',
        /\d+ problems? in the dataset; first: .*Contact\.ndjson:5: Contact CON-000002: External_Id__c CON-000002 is repeated \(first on line 2\)/,
      ),
    );
    assert.equal(double.requests.length, 0);
  });

  test('a lookup to a record the dataset does not hold, a line with other keys', async () => {
    await appendFile(
      join(dataset, 'Contact.ndjson'),
      `${JSON.stringify({ External_Id__c: 'CON-X', LastName: 'X', Email: 'x@example.com', Account: { External_Id__c: 'ACC-404' } })}\n`,
    );
    const manifestFile = join(dataset, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { objects: { count: number }[] };
    manifest.objects[1]!.count++;
    await writeFile(manifestFile, JSON.stringify(manifest));
    await assert.rejects(
      loadDataset(double.connection(), options()),
      orgError('DatasetInvalid', /Contact\.ndjson:11: Contact CON-X: Account → Account ACC-404 is not in the dataset/),
    );
    await appendFile(join(dataset, 'Account.ndjson'), '{"External_Id__c":"ACC-X"}\n');
    await assert.rejects(
      loadDataset(double.connection(), options()),
      orgError('DatasetLineInvalid', /Account\.ndjson:13: keys differ from line 1/),
    );
    assert.equal(double.requests.length, 0);
  });

  test('with the model, values the model cannot hold are refused too (the bundled dataset, one bad amount)', async () => {
    const seed = await mkdtemp(join(tmpdir(), 'revops-seed-copy-'));
    try {
      const { cp } = await import('node:fs/promises');
      await cp(join(import.meta.dirname, '../../data/seed'), seed, { recursive: true });
      const file = join(seed, 'Opportunity.ndjson');
      const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
      lines[2] = lines[2]!.replace(/"Amount":[0-9.]+/, '"Amount":"lots"');
      await writeFile(file, `${lines.join('\n')}\n`);
      await assert.rejects(
        loadDataset(double.connection(), {
          ...options(),
          dataset: seed,
          model,
          resolveRelationship: schemaRelationships(buildSchema(model)),
        }),
        orgError(
          'DatasetInvalid',
          /Opportunity\.ndjson:3: Opportunity OPP-000003: Amount must be a number, got "lots"/,
        ),
      );
      assert.equal(double.requests.length, 0);
    } finally {
      await rm(seed, { recursive: true, force: true });
    }
  });
});

describe('a checkpoint that cannot be trusted stops the load and says how to go on', () => {
  /** A load that crashed after a few batches: its run directory and checkpoint file. */
  async function crashedRun(): Promise<{ runDir: string; checkpoint: string }> {
    await assert.rejects(
      loadDataset(
        double.connection(),
        options({
          afterBatchReported: ({ step, batch }) => {
            if (step === 'Contact:records' && batch === 1) throw new Error('simulated crash');
          },
        }),
      ),
      /simulated crash/,
    );
    const [name] = await readdir(out);
    return { runDir: join(out, name!), checkpoint: join(out, name!, 'checkpoint.json') };
  }

  const edit = async (file: string, change: (json: Record<string, unknown>) => void) => {
    const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    change(json);
    await writeFile(file, JSON.stringify(json));
  };

  test('truncated JSON: unusable, nothing sent; --fresh starts over and creates nothing twice', async () => {
    const { checkpoint } = await crashedRun();
    await truncate(checkpoint, 60);
    const sent = double.requests.length;
    await assert.rejects(loadDataset(double.connection(), options()), (error: unknown) => {
      orgError(
        'LoadCheckpointUnusable',
        /checkpoint\.json: this load checkpoint cannot be resumed: not valid JSON/,
      )(error);
      assert.match((error as OrgToolkitError).actions![0]!, /--fresh/);
      return true;
    });
    assert.equal(double.requests.length, sent, 'nothing sent');
    const fresh = await loadDataset(double.connection(), options({ fresh: true }));
    assert.ok(fresh.ok);
    assert.equal(
      double.inserted('Account'),
      SIZES.accounts,
      'rows loaded before the crash are updated, not duplicated',
    );
    assert.equal(double.table('Contact').size, SIZES.contacts);
  });

  test('steps: null', async () => {
    const { checkpoint } = await crashedRun();
    await edit(checkpoint, (json) => (json.steps = null));
    await assert.rejects(
      loadDataset(double.connection(), options()),
      orgError('LoadCheckpointUnusable', /cannot be resumed: "steps" must be an object, got null$/),
    );
  });

  test('batchesDone beyond the data', async () => {
    const { checkpoint } = await crashedRun();
    await edit(checkpoint, (json) => {
      (json.steps as Record<string, { batchesDone: number }>)['Account:records']!.batchesDone = 99;
    });
    const sent = double.requests.length;
    await assert.rejects(
      loadDataset(double.connection(), options()),
      orgError(
        'LoadCheckpointUnusable',
        /cannot be resumed: it counts 99 batches \(12 rows\) of Account:records done, but the dataset has 12 rows, at most 3 batches$/,
      ),
    );
    assert.equal(double.requests.length, sent, 'nothing sent');
  });

  test('a report shorter than the checkpoint says', async () => {
    const { runDir } = await crashedRun();
    await writeFile(join(runDir, 'report.ndjson'), '');
    await assert.rejects(
      loadDataset(double.connection(), options()),
      orgError('LoadCheckpointUnusable', /it counts \d+ bytes of report\.ndjson, but the report holds 0$/),
    );
  });

  test('--out that is a file', async () => {
    const file = join(out, 'not-a-folder');
    await writeFile(file, '');
    await assert.rejects(
      loadDataset(double.connection(), options({ outDir: file })),
      orgError('LoadOutputUnusable', /not-a-folder: cannot hold load runs \(EEXIST\)/),
    );
  });
});
