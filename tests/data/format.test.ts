/**
 * The dataset contract (docs/dataset-format.md) on the bundled dataset, checked here directly,
 * then the library's own contract check shown to catch each kind of breach.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildSchema } from '../../scripts/schema/build.ts';
import { DATASET_FORMAT, readManifest, verifyDatasetFormat, type Manifest } from '../../scripts/data/index.ts';
import { datasetCopy, editRecords, model, readLines, relationId, removeDir, SEED_DIR } from './support.ts';

const schema = buildSchema(model);
let manifest: Manifest;
let files: Map<string, Record<string, unknown>[]>;

before(async () => {
  manifest = await readManifest(SEED_DIR);
  files = new Map(
    await Promise.all(manifest.objects.map(async (o) => [o.sobject, await readLines(SEED_DIR, o.file)] as const)),
  );
});

describe('the bundled dataset keeps the format contract', () => {
  test('the manifest names the format, the seed, the anchor date and every seeded object with its count', () => {
    assert.equal(manifest.format, DATASET_FORMAT);
    assert.equal(manifest.seed, 42);
    assert.match(manifest.anchorDate ?? '', /^\d{4}-\d{2}-\d{2}$/);
    const seeded = model.objects.filter((o) => o.fields.External_Id__c).map((o) => o.apiName);
    assert.deepEqual([...manifest.objects.map((o) => o.sobject)].sort(), [...seeded].sort());
    for (const o of manifest.objects) {
      assert.equal(o.externalIdField, 'External_Id__c');
      assert.equal(files.get(o.sobject)!.length, o.count, o.file);
      assert.ok(o.count > 0, `${o.sobject} has records`);
    }
  });

  test('objects come after the objects they look up (self-references excepted)', () => {
    const position = new Map(manifest.objects.map((o, i) => [o.sobject, i]));
    for (const [i, o] of manifest.objects.entries()) {
      const object = schema.object(o.sobject)!;
      for (const key of Object.keys(files.get(o.sobject)![0]!)) {
        const target = object.relationship(key)?.referenceTo?.[0];
        if (!target || target === o.sobject) continue;
        assert.ok(position.get(target)! < i, `${o.sobject}.${key} looks up ${target}, listed later`);
      }
    }
  });

  test('every line of a file has the same keys, in the same order', () => {
    for (const [name, records] of files) {
      const keys = Object.keys(records[0]!).join();
      for (const [i, r] of records.entries()) assert.equal(Object.keys(r).join(), keys, `${name} line ${i + 1}`);
    }
  });

  test('external ids are unique across the whole dataset and at most 40 characters', () => {
    const seen = new Set<string>();
    for (const [name, records] of files)
      for (const r of records) {
        const id = r.External_Id__c as string;
        assert.ok(typeof id === 'string' && id.length <= 40, `${name}: ${id}`);
        assert.ok(!seen.has(id), `duplicate external id ${id}`);
        seen.add(id);
      }
  });

  test('every lookup references an existing record of the object the field looks up', () => {
    const ids = new Map([...files].map(([name, records]) => [name, new Set(records.map((r) => r.External_Id__c))]));
    let checked = 0;
    for (const [name, records] of files) {
      const object = schema.object(name)!;
      for (const r of records)
        for (const [key, value] of Object.entries(r)) {
          const field = object.relationship(key);
          if (!field) continue;
          assert.ok(value === null || relationId(value), `${name}.${key} is null or {External_Id__c}`);
          if (value === null) continue;
          const target = field.referenceTo![0]!;
          assert.ok(
            ids.get(target)?.has(relationId(value)),
            `${r.External_Id__c}.${key} → ${target} ${relationId(value)}`,
          );
          checked++;
        }
    }
    assert.ok(checked > 1000);
  });

  test('values are typed as their fields: dates YYYY-MM-DD, datetimes ISO 8601 UTC, numbers, booleans', () => {
    const patterns: Record<string, RegExp> = {
      date: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
      datetime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
    };
    const counts = { date: 0, datetime: 0 };
    for (const [name, records] of files) {
      const object = schema.object(name)!;
      for (const r of records)
        for (const [key, value] of Object.entries(r)) {
          const field = object.field(key);
          if (!field || value === null) continue;
          if (field.type === 'date' || field.type === 'datetime') {
            assert.match(String(value), patterns[field.type]!, `${name}.${key}`);
            counts[field.type]++;
          } else if (['double', 'int', 'currency', 'percent'].includes(field.type))
            assert.equal(typeof value, 'number');
          else if (field.type === 'boolean') assert.equal(typeof value, 'boolean');
          else if (field.type === 'picklist' && field.picklistValues?.length)
            assert.ok(field.picklistValues.includes(String(value)), `${name}.${key} = ${value}`);
          else assert.equal(typeof value, 'string', `${name}.${key}`);
        }
    }
    assert.ok(counts.date > 100 && counts.datetime > 100);
  });

  test("the library's contract check agrees", async () => {
    assert.deepEqual(await verifyDatasetFormat(SEED_DIR, model), []);
  });
});

describe('the contract check finds each kind of breach', () => {
  let dir: string;
  before(async () => {
    dir = await datasetCopy();
  });
  after(() => removeDir(dir));

  test('a dangling lookup, a duplicate id, a malformed date, a field that is not in the model', async () => {
    await editRecords(dir, 'Opportunity.ndjson', (r, i) =>
      i === 0 ? { ...r, Account: { External_Id__c: 'ACC-999999' } } : i === 1 ? { ...r, CloseDate: '2026-13-01' } : r,
    );
    await editRecords(dir, 'Contact.ndjson', (r, i) => (i === 1 ? { ...r, External_Id__c: 'CON-000001' } : r));
    await editRecords(dir, 'Lead.ndjson', (r) => {
      const { Country: country, ...rest } = r;
      return { ...rest, Country__c: country };
    });
    const problems = (await verifyDatasetFormat(dir, model)).map(
      (i) => `${i.file.split('/').pop()}:${i.line ?? ''} ${i.problem}`,
    );
    assert.ok(
      problems.includes('Opportunity.ndjson:1 Account → Account ACC-999999 is not in the dataset'),
      problems.join('\n'),
    );
    assert.ok(problems.some((p) => p.startsWith('Opportunity.ndjson:2 CloseDate must be a date YYYY-MM-DD')));
    assert.ok(
      problems.some((p) => p.startsWith('Contact.ndjson:2 External_Id__c CON-000001 is repeated (first on line 1)')),
      problems.join('\n'),
    );
    assert.ok(problems.some((p) => p.startsWith('Lead.ndjson:1 Country__c is not a field of Lead')));
  });

  test('an object listed before an object it looks up', async () => {
    const broken = { ...manifest, objects: [...manifest.objects].reverse() };
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(broken));
    const problems = (await verifyDatasetFormat(dir, model)).map((i) => i.problem);
    assert.ok(
      problems.includes('Account looks up Account, which manifest.json does not list before Opportunity'),
      problems.join('\n'),
    );
  });
});
