/** Load planning, record shaping for each API, dataset validation, Bulk result matching, tables: pure, no HTTP. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchResults } from '../../scripts/org/bulk.ts';
import { readBatches, readDataset } from '../../scripts/org/dataset.ts';
import { planLoad, schemaRelationships, toApiRecords, toCsv, type LoadStep } from '../../scripts/org/load-plan.ts';
import { formatTable } from '../../scripts/org/text-table.ts';
import { buildSchema } from '../../scripts/schema/build.ts';
import { loadModel, openProject } from '../../scripts/project.ts';
import { resolveFixtureRelationship, writeFixtureDataset } from './dataset-fixture.ts';

const PLAN = {
  bulkThreshold: 40,
  collectionsBatchSize: 200,
  bulkBatchSize: 10_000,
  resolveRelationship: resolveFixtureRelationship,
};

describe('load plan', () => {
  let dir: string;
  before(async () => {
    dir = await writeFixtureDataset({ accounts: 10, contacts: 50, opportunities: 5, contracts: 4 });
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('objects in manifest order, the API by volume, a deferred pass for self-references and contract status', async () => {
    const steps = await planLoad(await readDataset(dir), PLAN);
    assert.deepEqual(
      steps.map((s) => [s.key, s.api, s.deferred.join()]),
      [
        ['Account:records', 'collections', 'Parent'],
        ['Account:deferred', 'collections', 'Parent'],
        ['Contact:records', 'bulk', ''],
        ['Opportunity:records', 'collections', ''],
        ['Contract:records', 'collections', 'Status'],
        ['Contract:deferred', 'collections', 'Status'],
      ],
    );
    assert.deepEqual(
      steps[3]!.relationships.map((r) => `${r.key}→${r.target}.${r.targetExternalIdField}`),
      ['Account→Account.External_Id__c', 'Champion__r→Contact.External_Id__c'],
    );
  });

  test('a child listed before its parent, or a lookup the model lacks, is refused with the reason', async () => {
    const dataset = await readDataset(dir);
    const reversed = {
      ...dataset,
      manifest: { ...dataset.manifest, objects: [...dataset.manifest.objects].reverse() },
    };
    await assert.rejects(
      planLoad(reversed, PLAN),
      /manifest\.json: Contract looks up Account \(Account\) but loads before it; list Account first/,
    );
    await assert.rejects(
      planLoad(dataset, {
        ...PLAN,
        resolveRelationship: (o, r) => (r === 'Champion__r' ? undefined : resolveFixtureRelationship(o, r)),
      }),
      /Opportunity\.Champion__r holds an object, but the model has no relationship Champion__r on Opportunity/,
    );
    await assert.rejects(planLoad(dataset, { ...PLAN, collectionsBatchSize: 201 }), /must be 1–200/);
  });

  test('the real model resolves the relationships the dataset format uses', async () => {
    const resolve = schemaRelationships(buildSchema(await loadModel(await openProject())));
    assert.equal(resolve('Account', 'Parent'), 'Account');
    assert.equal(resolve('Contact', 'Account'), 'Account');
    assert.equal(resolve('Opportunity', 'Champion__r'), 'Contact');
    assert.equal(resolve('Opportunity', 'Name'), undefined);
  });
});

describe('record shaping', () => {
  const step = (pass: 'records' | 'deferred'): LoadStep => ({
    key: `Account:${pass}`,
    object: { sobject: 'Account', file: 'Account.ndjson', count: 3, externalIdField: 'External_Id__c' },
    pass,
    api: 'bulk',
    batchSize: 10,
    relationships: [
      { key: 'Parent', target: 'Account', targetExternalIdField: 'External_Id__c' },
      { key: 'Owner__r', target: 'User', targetExternalIdField: 'External_Id__c' },
    ],
    deferred: ['Parent'],
  });
  const records = [
    {
      External_Id__c: 'ACC-1',
      Name: 'Acme, "Inc"',
      Active__c: true,
      Note__c: null,
      Parent: null,
      Owner__r: { External_Id__c: 'U-1' },
    },
    {
      External_Id__c: 'ACC-2',
      Name: ' padded ',
      Active__c: false,
      Note__c: 'two\nlines',
      Parent: { External_Id__c: 'ACC-1' },
      Owner__r: null,
    },
    { External_Id__c: 'ACC-3', Name: 'Late key', Parent: null, Owner__r: null, Extra__c: 7 },
  ];

  test('Bulk CSV: a uniform header, lookups flattened, #N/A for null, empty for absent, quoting', () => {
    assert.equal(
      toCsv(step('records'), records),
      [
        'External_Id__c,Name,Active__c,Note__c,Owner__r.External_Id__c,Extra__c',
        'ACC-1,"Acme, ""Inc""",true,#N/A,U-1,',
        'ACC-2," padded ",false,"two\nlines",,',
        'ACC-3,Late key,,,,7',
        '',
      ].join('\n'),
    );
    assert.equal(toCsv(step('deferred'), [records[1]!]), 'External_Id__c,Parent.External_Id__c\nACC-2,ACC-1\n');
  });

  test('REST collections: attributes.type, nested lookups, empty lookups and self-references left out of the records pass', () => {
    assert.deepEqual(toApiRecords(step('records'), records.slice(0, 2)), [
      {
        attributes: { type: 'Account' },
        External_Id__c: 'ACC-1',
        Name: 'Acme, "Inc"',
        Active__c: true,
        Note__c: null,
        Owner__r: { External_Id__c: 'U-1' },
      },
      {
        attributes: { type: 'Account' },
        External_Id__c: 'ACC-2',
        Name: ' padded ',
        Active__c: false,
        Note__c: 'two\nlines',
      },
    ]);
    assert.deepEqual(toApiRecords(step('deferred'), [records[1]!]), [
      { attributes: { type: 'Account' }, External_Id__c: 'ACC-2', Parent: { External_Id__c: 'ACC-1' } },
    ]);
  });

  test('Bulk results map back by external id; a row the job said nothing about is failed, not lost', () => {
    const results = matchResults(
      step('records'),
      records,
      { state: 'JobComplete' },
      {
        successful: [{ sf__Id: '001A', sf__Created: 'true', External_Id__c: 'ACC-2' }],
        failed: [{ sf__Id: '', sf__Error: 'DUPLICATE_VALUE: duplicate', External_Id__c: 'ACC-1' }],
        unprocessed: [],
      },
    );
    assert.deepEqual(results, [
      { externalId: 'ACC-1', outcome: 'failed', error: 'DUPLICATE_VALUE: duplicate' },
      { externalId: 'ACC-2', outcome: 'created', id: '001A' },
      {
        externalId: 'ACC-3',
        outcome: 'failed',
        error: 'not processed by the Bulk API job; the job returned no result for this row',
      },
    ]);
  });
});

describe('dataset files', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'revops-bad-dataset-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const manifest = (value: unknown) => writeFile(join(dir, 'manifest.json'), JSON.stringify(value));
  const object = { sobject: 'Account', file: 'Account.ndjson', count: 2, externalIdField: 'External_Id__c' };

  test('a manifest that breaks the contract is refused with the reason', async () => {
    await manifest({ format: 'csv', objects: [object] });
    await assert.rejects(readDataset(dir), /manifest\.json: format is "csv", expected "revops-dataset\/1"/);
    await manifest({ format: 'revops-dataset/1', objects: [object, object] });
    await assert.rejects(readDataset(dir), /objects\[1\] \(Account\): Account is listed twice/);
    await manifest({ format: 'revops-dataset/1', objects: [{ ...object, file: '../secrets' }] });
    await assert.rejects(readDataset(dir), /"file" must be a file name inside the dataset directory/);
  });

  test('a bad line names its file and line number', async () => {
    await manifest({ format: 'revops-dataset/1', objects: [object] });
    const dataset = await readDataset(dir);
    // The loader reads datasets with the data library's reader: the same lines refused as by `data check`.
    await writeFile(join(dir, 'Account.ndjson'), '{"External_Id__c":"ACC-1"}\n{"External_Id__c":""}\n');
    await assert.rejects(
      collect(readBatches(dataset, object, 10)),
      /Account\.ndjson:2: Account record has no External_Id__c/,
    );
    await writeFile(join(dir, 'Account.ndjson'), '{"External_Id__c":"ACC-1"}\n\n');
    await assert.rejects(collect(readBatches(dataset, object, 10)), {
      name: 'DatasetLineInvalid',
      message: /Account\.ndjson:2: empty line/,
    });
    await writeFile(join(dir, 'Account.ndjson'), '{"External_Id__c":"ACC-1"}\n{oops\n');
    await assert.rejects(collect(readBatches(dataset, object, 10)), /Account\.ndjson:2: not valid JSON/);
  });
});

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

describe('text tables', () => {
  test('columns padded, counts right-aligned, the last column unpadded', () => {
    assert.equal(
      formatTable(
        ['OBJECT', 'ROWS', 'NOTE'],
        [
          ['Account', '7', 'ok'],
          ['Opportunity', '1200', 'multi\n  line'],
        ],
        { rightAligned: [1] },
      ),
      [
        '  OBJECT       ROWS  NOTE',
        '  ───────────  ────  ──────────',
        '  Account         7  ok',
        '  Opportunity  1200  multi line',
      ].join('\n'),
    );
  });
});
