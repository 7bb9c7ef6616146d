/**
 * `data check`: the bundled dataset satisfies every active validation rule, deliberately broken
 * records are caught by the rule that should catch them (so a pass is not vacuous), and a
 * dataset that cannot be read fails with the file, the line and the problem.
 */
import assert from 'node:assert/strict';
import { rm, writeFile, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import DataCheck from '../../scripts/cli/commands/revops/data/check.ts';
import { checkDataset, DatasetError, readManifest } from '../../scripts/data/index.ts';
import { datasetCopy, editRecords, model, readLines, removeDir, SEED_DIR } from './support.ts';
import { runCommand } from '../cli/run-command.ts';

describe('the bundled dataset', () => {
  test('has no violation of any active rule, and every rule was evaluated on records', async () => {
    const result = await checkDataset(SEED_DIR, { model });
    assert.deepEqual(result.violations, []);
    assert.deepEqual(result.problems, []);
    assert.equal(result.ok, true);
    const active = model.validationRules.filter((r) => r.active);
    assert.equal(result.rules.length, active.length, 'every active rule compiled and ran');
    // Submissions are a person's own call (owner, manager, version key): a dataset has no users,
    // so their rules are exercised by data/rule-vectors and the Apex tests instead.
    // Audit events are written by the org's automation (retention, history copies), never seeded.
    const UNSEEDED = ['Forecast_Submission__c', 'Audit_Event__c'];
    const unseeded = active.filter((r) => UNSEEDED.includes(r.object)).map((r) => `${r.object}.${r.name}`);
    assert.ok(unseeded.length > 0);
    assert.deepEqual(result.unexercised, unseeded);
    for (const r of result.rules)
      if (!unseeded.includes(`${r.object}.${r.rule}`)) assert.ok(r.evaluated > 0, `${r.object}.${r.rule} never ran`);
    // 3,000 business records plus the supporting ones (touches), every one of them checked.
    const manifest = await readManifest(SEED_DIR);
    assert.equal(manifest.records, 3000);
    assert.equal(
      result.records,
      manifest.objects.reduce((n, o) => n + o.count, 0),
    );
  });
});

describe('broken records are caught', () => {
  let dir: string;
  /** The records broken, chosen by what they are, and the violations each must produce. */
  const expected: string[] = [];
  let won: { id: string; line: number };
  before(async () => {
    dir = await datasetCopy();
    const deals = await readLines(dir, 'Opportunity.ndjson');
    const index = (stage: string) => deals.findIndex((d) => d.StageName === stage);
    const [open, closedWon, lost] = [index('Discovery'), index('Closed Won'), index('Closed Lost')];
    won = { id: String(deals[closedWon]!.External_Id__c), line: closedWon + 1 };
    await editRecords(dir, 'Opportunity.ndjson', (r, i) => {
      if (i === open) return { ...r, NextStep: null };
      // Closed Won: every stage gate is behind it; the ladder is read through Account.Segment__c
      // (45 % is above every segment's) and a pending discount cannot close.
      if (i === closedWon)
        return {
          ...r,
          Champion__r: null,
          Seats__c: null,
          Discount_Percent__c: 45,
          Discount_Approval_Status__c: 'Pending',
        };
      if (i === lost) return { ...r, Name: 'Big deal', Loss_Reason__c: 'Competitor', Primary_Competitor__c: null };
      return r;
    });
    const id = (i: number) => String(deals[i]!.External_Id__c);
    expected.push(
      `${id(open)} Next_Step_Required`,
      `${won.id} Gate_ValueDemo_Champion`,
      `${won.id} Gate_Commercials_Seats`,
      `${won.id} Discount_Above_Ladder_Needs_Approval`,
      `${id(lost)} Deal_Naming_Convention`,
      `${id(lost)} Competitor_Loss_Needs_Competitor`,
    );
    const first = async (file: string, change: Record<string, unknown>, ...rules: string[]) => {
      const [record] = await readLines(dir, file);
      await editRecords(dir, file, (r, i) => (i === 0 ? { ...r, ...change } : r));
      expected.push(...rules.map((rule) => `${record!.External_Id__c} ${rule}`));
    };
    // The concession outlives its contract: Contract__r.EndDate is derived from StartDate + ContractTerm.
    await first('Concession__c.ndjson', { Expires_On__c: '2040-01-01' }, 'Concession_Expires_By_Renewal');
    await first('Deal_Exception__c.ndjson', { Expires_On__c: '2026-01-01' }, 'Exception_Expiry_Bounded');
    await first(
      'Lead.ndjson',
      { Status: 'Disqualified', Disqualification_Reason__c: null, Intent_Score__c: 140 },
      'Disqualification_Needs_Reason',
      'Lead_Scores_In_Range',
    );
    await first('Account.ndjson', { Website_Domain__c: 'www.Acme.com' }, 'Website_Domain_Normalised');
  });
  after(() => removeDir(dir));

  test('each break is reported by its rule, with the record, the line, the field and the message', async () => {
    const result = await checkDataset(dir, { model });
    const found = result.violations.map((v) => `${v.externalId} ${v.rule}`);
    assert.deepEqual([...found].sort(), [...expected].sort());
    const gate = result.violations.find((v) => v.rule === 'Gate_ValueDemo_Champion')!;
    assert.equal(gate.line, won.line);
    assert.equal(gate.errorField, 'Champion__c');
    assert.equal(gate.message, 'To move past Value Demo: Name the champion who will sell internally.');
    assert.match(gate.file, /Opportunity\.ndjson$/);
    assert.equal(result.ok, false);
    assert.equal(result.violationCount, expected.length);
  });

  test('a record whose parent is missing is reported as not checkable, never as a pass', async () => {
    const copy = await datasetCopy(dir);
    try {
      await editRecords(copy, 'Opportunity.ndjson', (r, i) =>
        i === 9 ? { ...r, Account: { External_Id__c: 'ACC-999999' } } : r,
      );
      const result = await checkDataset(copy, { model });
      assert.ok(
        result.problems.some(
          (p) =>
            p.kind === 'unresolved-reference' &&
            /Opportunity\.ndjson:10: .*Account → Account ACC-999999/.test(p.message),
        ),
      );
      assert.equal(result.ok, false);
    } finally {
      await removeDir(copy);
    }
  });

  test('`revops data check` prints the violations and exits 1', async () => {
    const run = await runCommand(DataCheck, ['--dataset', dir]);
    assert.equal(run.status, 1);
    const printed = run.stderr;
    assert.ok(
      printed.includes(
        `Opportunity.ndjson:${won.line}: Opportunity ${won.id}: Gate_ValueDemo_Champion [Champion__c]: To move past Value Demo`,
      ),
      printed,
    );
    assert.match(printed, new RegExp(`data check: ${expected.length} violation\\(s\\)`));
  });
});

describe('a dataset that cannot be read', () => {
  let dir: string;
  before(async () => {
    dir = await datasetCopy();
  });
  after(() => removeDir(dir));

  test('a malformed line names the file, the line and the problem', async () => {
    await appendFile(join(dir, 'Campaign.ndjson'), '{"External_Id__c": "CMP-X", "Name": \n');
    await assert.rejects(checkDataset(dir, { model }), (e: unknown) => {
      assert.ok(e instanceof DatasetError);
      assert.match(e.message, /Campaign\.ndjson:13: not valid JSON/);
      assert.equal(e.line, 13);
      return true;
    });
  });

  test('a line with other keys than line 1 is refused (Bulk API takes its header from line 1)', async () => {
    const copy = await datasetCopy();
    try {
      await editRecords(copy, 'Contract.ndjson', (r, i) => (i === 2 ? { ...r, Surprise__c: 1 } : r));
      await assert.rejects(
        checkDataset(copy, { model }),
        /Contract\.ndjson:3: keys differ from line 1 \(extra Surprise__c\)/,
      );
    } finally {
      await removeDir(copy);
    }
  });

  test('a missing manifest, and the CLI exits non-zero with the message', async () => {
    await rm(join(dir, 'manifest.json'));
    await assert.rejects(checkDataset(dir, { model }), /manifest\.json: not found/);
    const run = await runCommand(DataCheck, ['--dataset', dir]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^Error \(DatasetManifestMissing\): .*manifest\.json: not found/m);
  });

  test('a count that disagrees with the manifest', async () => {
    const copy = await datasetCopy();
    try {
      await writeFile(join(copy, 'Campaign.ndjson'), '');
      await assert.rejects(
        checkDataset(copy, { model }),
        /Campaign\.ndjson: holds 0 records, but manifest\.json says 12/,
      );
    } finally {
      await removeDir(copy);
    }
  });
});
