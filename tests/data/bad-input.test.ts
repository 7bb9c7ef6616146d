/**
 * Bad input to the seed-data library (issue 10): every one is an SfError with a name, a one-line
 * message naming the file (and line), record, field or option, and actions; nothing is written
 * where it should not be, and nothing passes that the model would refuse.
 */
import assert from 'node:assert/strict';
import { mkdir, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SfError } from '@salesforce/core/sfError';
import {
  checkDataset,
  DatasetInvalidError,
  generateDataset,
  openDataset,
  parseAnchorDate,
  requireValidDataset,
  validateDataset,
  type CheckProblem,
} from '../../scripts/data/index.ts';
import { datasetCopy, editRecords, model, readLines, removeDir, tempDir } from './support.ts';

/** An SfError of this name whose message matches, with at least one action. */
function sfError(name: string, message: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof SfError, `expected an SfError, got ${String(error)}`);
    assert.equal(error.name, name);
    assert.match(error.message, message);
    assert.ok(!error.message.includes('\n'), 'a one-line message');
    assert.ok(error.actions?.length, 'says what to do next');
    return true;
  };
}

let work: string;
before(async () => {
  work = await tempDir();
});
after(() => removeDir(work));

describe('data generate: where it writes', () => {
  test('--out an existing file is refused, and the file is left alone', async () => {
    const file = join(work, 'notes.txt');
    await writeFile(file, 'keep me\n');
    await assert.rejects(
      generateDataset({ model, out: file, scale: 200 }),
      sfError('DatasetOutputNotDirectory', /notes\.txt: is a file: data generate writes a dataset directory/),
    );
    assert.equal(await readFile(file, 'utf8'), 'keep me\n');
  });

  test('a path through a file cannot be written: the path and the cause, not a stack', async () => {
    const file = join(work, 'plain-file');
    await writeFile(file, '');
    await assert.rejects(
      generateDataset({ model, out: join(file, 'dataset'), scale: 200 }),
      sfError('DatasetOutputNotWritable', /plain-file\/dataset: cannot write the dataset here: ENOTDIR/),
    );
  });

  test('a folder holding other files is refused unless --force; an earlier dataset is replaced', async () => {
    const out = join(work, 'reports');
    await mkdir(out);
    await writeFile(join(out, 'q3.csv'), 'a,b\n');
    await writeFile(join(out, 'Account.ndjson'), '{"mine":true}\n');
    await assert.rejects(
      generateDataset({ model, out, scale: 200 }),
      sfError('DatasetOutputNotEmpty', /reports: holds other files \(q3\.csv\): not an earlier dataset to replace/),
    );
    assert.equal(await readFile(join(out, 'Account.ndjson'), 'utf8'), '{"mine":true}\n', 'nothing written');

    await generateDataset({ model, out, scale: 200, force: true });
    assert.ok((await readdir(out)).includes('q3.csv'), '--force keeps files that are not dataset files');
    // Regenerating over its own earlier output needs no --force.
    const again = await generateDataset({ model, out: join(work, 'again'), scale: 200 });
    await generateDataset({ model, out: again.dir, scale: 200 });
  });

  test('--seed abc and --anchor-date yesterday are refused before anything is written', async () => {
    const out = join(work, 'never');
    await assert.rejects(
      generateDataset({ model, out, seed: 'abc' }),
      sfError('InvalidSeed', /^--seed must be a whole number from 0 to 4294967295, got "abc"$/),
    );
    await assert.rejects(
      generateDataset({ model, out, anchorDate: 'yesterday' }),
      sfError('InvalidAnchorDate', /^--anchor-date must be a date YYYY-MM-DD, got "yesterday"$/),
    );
    await assert.rejects(readdir(out), { code: 'ENOENT' });
    assert.throws(() => parseAnchorDate('2026-02-30'), { name: 'InvalidAnchorDate' });
    assert.equal(parseAnchorDate('2026-02-28'), '2026-02-28');
  });
});

describe('opening a dataset that is not there or broken (what plan --dataset reads)', () => {
  let dir: string;
  before(async () => {
    dir = await datasetCopy();
  });
  after(() => removeDir(dir));

  test('a directory that does not exist, or a file given as the dataset', async () => {
    await assert.rejects(
      openDataset('/nosuchdir'),
      sfError('DatasetNotFound', /^\/nosuchdir\/manifest\.json: not found \(\/nosuchdir does not exist\)$/),
    );
    await assert.rejects(checkDataset('/nosuchdir', { model }), { name: 'DatasetNotFound' });
    await assert.rejects(
      openDataset(join(dir, 'Account.ndjson')),
      sfError('DatasetNotFound', /Account\.ndjson: is a file: a dataset is a directory holding manifest\.json/),
    );
  });

  test('a malformed, empty or missing manifest', async () => {
    const copy = await datasetCopy(dir);
    try {
      const manifest = join(copy, 'manifest.json');
      const text = await readFile(manifest, 'utf8');
      await writeFile(manifest, text.slice(0, 200));
      await assert.rejects(
        checkDataset(copy, { model }),
        sfError('DatasetManifestInvalid', /manifest\.json: not valid JSON/),
      );
      await writeFile(manifest, '');
      await assert.rejects(openDataset(copy), sfError('DatasetManifestInvalid', /manifest\.json: is empty$/));
      await writeFile(manifest, JSON.stringify({ format: 'revops-dataset/1', objects: [{ sobject: 'Account' }] }));
      await assert.rejects(
        openDataset(copy),
        sfError('DatasetManifestInvalid', /objects\[0\] \(Account\): "file" must be a non-empty string/),
      );
      await rm(manifest);
      await assert.rejects(
        checkDataset(copy, { model }),
        sfError('DatasetManifestMissing', /manifest\.json: not found: a dataset directory holds manifest\.json/),
      );
    } finally {
      await removeDir(copy);
    }
  });

  test('a truncated, empty or invalid data file names the file and line', async () => {
    const copy = await datasetCopy(dir);
    try {
      const accounts = join(copy, 'Account.ndjson');
      const content = await readFile(accounts);
      const records = content.toString('utf8').trimEnd().split('\n').length;
      await truncate(accounts, content.length - 40);
      await assert.rejects(
        checkDataset(copy, { model }),
        sfError('DatasetLineInvalid', new RegExp(`Account\\.ndjson:${records}: not valid JSON`)),
      );
      await writeFile(accounts, '');
      await assert.rejects(
        checkDataset(copy, { model }),
        sfError(
          'DatasetCountMismatch',
          new RegExp(`Account\\.ndjson: holds 0 records, but manifest\\.json says ${records}`),
        ),
      );
      await writeFile(accounts, '["not", "a record"]\n');
      await assert.rejects(
        checkDataset(copy, { model }),
        sfError('DatasetLineInvalid', /Account\.ndjson:1: expected a JSON object/),
      );
    } finally {
      await removeDir(copy);
    }
  });

  test('--anchor-date yesterday blames the option, not the manifest', async () => {
    await assert.rejects(checkDataset(dir, { model, anchorDate: 'yesterday' }), (error: unknown) => {
      sfError('InvalidAnchorDate', /--anchor-date must be a date YYYY-MM-DD, got "yesterday"/)(error);
      assert.ok(!(error as Error).message.includes('manifest'));
      return true;
    });
  });
});

describe('data check checks every record against the model, without --strict', () => {
  let dir: string;
  let result: Awaited<ReturnType<typeof checkDataset>>;
  const deal = (i: number) => `OPP-${String(i + 1).padStart(6, '0')}`;
  before(async () => {
    dir = await datasetCopy();
    await editRecords(dir, 'Opportunity.ndjson', (r, i) => {
      if (i === 0) return { ...r, Amount: 'lots' };
      if (i === 1) return { ...r, CloseDate: 'next Tuesday' };
      if (i === 2) return { ...r, NextStep: 'x'.repeat(300) };
      if (i === 3) return { ...r, StageName: 'Haggling' };
      if (i === 4) return { ...r, Name: null };
      if (i === 5) return { ...r, Economic_Buyer__r: { External_Id__c: 'CON-999999' } };
      if (i === 6) return { ...r, Seats__c: 12_345_678 };
      return r;
    });
    await editRecords(dir, 'Lead.ndjson', (r) => ({ ...r, Favourite_Colour__c: 'teal' }));
    await editRecords(dir, 'Contact.ndjson', (r, i) => (i === 7 ? { ...r, External_Id__c: 'CON-000003' } : r));
    result = await checkDataset(dir, { model });
  });
  after(() => removeDir(dir));

  const find = (predicate: (p: CheckProblem) => boolean) => {
    const found = result.problems.find(predicate);
    assert.ok(found, result.problems.map((p) => p.message).join('\n'));
    return found;
  };
  const on = (line: number, field: string) =>
    find((p) => p.file?.endsWith('Opportunity.ndjson') === true && p.line === line && p.field === field);

  test('wrong types, over-length text, unknown picklist values, blank required fields', () => {
    assert.equal(result.ok, false);
    assert.deepEqual(on(1, 'Amount'), {
      kind: 'invalid-value',
      message: `${join(dir, 'Opportunity.ndjson')}:1: Opportunity ${deal(0)}: Amount must be a number, got "lots"`,
      file: join(dir, 'Opportunity.ndjson'),
      line: 1,
      externalId: deal(0),
      field: 'Amount',
    });
    assert.match(on(2, 'CloseDate').message, /CloseDate must be a date YYYY-MM-DD, got "next Tuesday"$/);
    assert.match(on(3, 'NextStep').message, /NextStep is longer than 255 characters \(300\)$/);
    assert.match(on(4, 'StageName').message, /StageName must be one of Discovery, .*, got "Haggling"$/);
    assert.equal(on(5, 'Name').kind, 'missing-required');
    assert.match(on(5, 'Name').message, /Opportunity OPP-000005: Name is required, got null$/);
    assert.match(on(7, 'Seats__c').message, /Seats__c has more than 7 digits before the decimal point/);
  });

  test('a lookup to a record the dataset does not hold, and a duplicate external id, reported directly', () => {
    assert.equal(on(6, 'Economic_Buyer__r').kind, 'unresolved-reference');
    assert.match(on(6, 'Economic_Buyer__r').message, /Economic_Buyer__r → Contact CON-999999 is not in the dataset$/);
    const duplicate = find((p) => p.kind === 'duplicate-external-id');
    assert.equal(duplicate.line, 8);
    assert.match(
      duplicate.message,
      /Contact\.ndjson:8: Contact CON-000003: External_Id__c CON-000003 is repeated \(first on line 3\)/,
    );
  });

  test('a field the model does not have is reported once, on line 1, not on every line', () => {
    const unknown = result.problems.filter((p) => p.field === 'Favourite_Colour__c');
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0]!.kind, 'unknown-field');
    assert.match(unknown[0]!.message, /Lead\.ndjson:1: Lead LEAD-000001: Favourite_Colour__c is not a field of Lead$/);
  });

  test('the rules still run on the records they can check', () => {
    // Forecast submissions (a person's own call) and audit events (automation's) are never seeded: their rules have no records.
    const seeded = result.rules.filter((r) => r.object !== 'Forecast_Submission__c' && r.object !== 'Audit_Event__c');
    assert.ok(seeded.length > 0 && seeded.every((r) => r.evaluated > 0));
    assert.equal(result.problemCount, result.problems.length);
  });
});

describe('validating a whole dataset before anything uses it', () => {
  test('the bundled dataset is sound; a broken one throws DatasetInvalid with the first problems', async () => {
    const sound = await validateDataset(join(import.meta.dirname, '../../data/seed'), { model });
    const total = sound.dataset.manifest.objects.reduce((n, o) => n + o.count, 0);
    assert.deepEqual([sound.ok, sound.problemCount, sound.records], [true, 0, total]);
    assert.equal(sound.dataset.manifest.records, 3000, 'business records; touches come on top');

    const dir = await datasetCopy();
    try {
      const [first] = await readLines(dir, 'Account.ndjson');
      await editRecords(dir, 'Account.ndjson', (r, i) =>
        i === 5 ? { ...r, External_Id__c: first!.External_Id__c } : r,
      );
      await assert.rejects(requireValidDataset(dir, { model }), (error: unknown) => {
        assert.ok(error instanceof DatasetInvalidError);
        sfError(
          'DatasetInvalid',
          /problems? in the dataset; first: .*Account\.ndjson:6: Account ACC-000001: External_Id__c ACC-000001 is repeated/,
        )(error);
        assert.ok(error.problemCount >= 1);
        assert.match(error.actions![0]!, /revops data check --dataset/);
        return true;
      });
      // Without the model (a loader given only relationships): the format checks still run.
      const formatOnly = await validateDataset(dir);
      assert.deepEqual(
        formatOnly.problems.map((p) => p.kind),
        ['duplicate-external-id'],
      );
    } finally {
      await removeDir(dir);
    }
  });
});
