/**
 * Retention: the simulation recomputed by hand on a small dataset, Apex's addMonths, the rules'
 * checks, and the generated RetentionJob and its test (Prettier's format, a clean parse, sharing
 * and user mode).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import * as prettier from 'prettier';
import { addMonths, simulateRetention } from '../../scripts/compliance/retention-simulate.ts';
import { clearAfter, deleteAfter, whereEquals, type RevOpsModel } from '../../scripts/dsl/index.ts';
import { generateFiles } from '../../scripts/metadata/generate.ts';
import { validateModel } from '../../scripts/model/validate.ts';
import model from '../../model/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLASSES = 'force-app/generated/classes';

const lead = (id: number, o: Record<string, unknown>) => ({
  External_Id__c: `L-${id}`,
  LastName: `Name${id}`,
  Company: 'Acme',
  Email: `p${id}@acme.example`,
  Phone: '+1 555 0100',
  // A checkbox the dataset leaves blank is false, as in the org.
  IsConverted: null,
  ...o,
});

/** As of 2026-12-01 the 12-month cutoff is 2025-12-01T00:00Z, the 24-month one 2024-12-01. */
const LEADS = [
  lead(1, { Last_Engaged_At__c: '2025-11-30T23:59:59.000Z' }), // expired: cleared
  lead(2, { Last_Engaged_At__c: '2025-12-01T00:00:00.000Z' }), // on the cutoff: kept
  lead(3, { Last_Engaged_At__c: '2024-06-01T10:00:00.000Z' }), // expired twice: cleared, then deleted
  lead(4, { Last_Engaged_At__c: '2025-01-01T00:00:00.000Z', IsConverted: true }), // converted: kept
  lead(5, { Last_Engaged_At__c: '2025-01-01T00:00:00.000Z', Email: null, Phone: '' }), // nothing left to clear
  lead(6, { Last_Engaged_At__c: null }), // no clock: never expires
  lead(7, { Last_Engaged_At__c: '2025-06-15T08:00:00.000Z', Phone: null }), // expired: Email cleared
];

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'retention-'));
  await writeFile(
    join(dir, 'manifest.json'),
    JSON.stringify({
      format: 'revops-dataset/1',
      anchorDate: '2026-12-01',
      objects: [{ sobject: 'Lead', file: 'Lead.ndjson', count: LEADS.length, externalIdField: 'External_Id__c' }],
    }),
  );
  await writeFile(join(dir, 'Lead.ndjson'), LEADS.map((l) => JSON.stringify(l)).join('\n') + '\n');
});
after(() => rm(dir, { recursive: true, force: true }));

describe('retention simulate', () => {
  test('clears and deletes what RetentionJob would, in rule order, as of the anchor date', async () => {
    const result = await simulateRetention(dir, model);
    assert.equal(result.asOf, '2026-12-01');
    const got = result.hits.map((h) => `${h.rule} ${h.record} ${h.action} ${h.fields.join('+')}`);
    assert.deepEqual(got, [
      'Dormant_Lead_Contact_Data L-1 Clear Email+Phone',
      'Dormant_Lead_Contact_Data L-3 Clear Email+Phone',
      'Dormant_Lead_Contact_Data L-7 Clear Email',
      'Dormant_Lead_Deletion L-3 Delete ',
    ]);
    const byRule = Object.fromEntries(result.rules.map((r) => [r.rule, r]));
    assert.equal(byRule.Dormant_Lead_Contact_Data!.cutoff, '2025-12-01');
    assert.equal(byRule.Dormant_Lead_Contact_Data!.noClock, 1);
    assert.equal(byRule.Dormant_Lead_Deletion!.records, 7);
    assert.equal(byRule.Audit_Event_Expiry!.records, 0, 'objects the dataset lacks are empty');
  });

  test('a later as-of day reaches more records', async () => {
    // 24 months before 2027-06-01 is 2025-06-01: L-5 (2025-01-01) now goes too, L-7 (2025-06-15) not yet.
    const result = await simulateRetention(dir, model, { asOf: '2027-06-01' });
    assert.deepEqual(
      result.hits.filter((h) => h.rule === 'Dormant_Lead_Deletion').map((h) => h.record),
      ['L-3', 'L-5'],
    );
  });

  test('addMonths is Apex’s: the month’s last day when the day does not exist', () => {
    assert.equal(addMonths('2026-03-31', -1), '2026-02-28');
    assert.equal(addMonths('2024-02-29', -12), '2023-02-28');
    assert.equal(addMonths('2026-12-01', -24), '2024-12-01');
    assert.equal(addMonths('2026-01-15', 13), '2027-02-15');
  });
});

describe('retention rule checks', () => {
  const withRules = (...rules: RevOpsModel['retentionRules']): RevOpsModel => ({
    ...model,
    retentionRules: [...model.retentionRules, ...rules],
  });
  const messages = (m: RevOpsModel) => validateModel(m).map((i) => `${i.component}: ${i.message}`);

  test('the model’s rules pass', () => assert.deepEqual(messages(model), []));

  test('a clock that is not a date, a required or long field to clear, an unknown condition field fail', () => {
    const got = messages(
      withRules(
        clearAfter('Bad_Clear', {
          object: 'Opportunity',
          clock: 'Amount',
          months: 0,
          where: [whereEquals('Nope__c', true)],
          fields: ['Name', 'Problem_Statement__c'],
          reason: 'x',
        }),
        deleteAfter('Bad_Sample', {
          object: 'Contact',
          clock: 'LastModifiedDate',
          months: 12,
          reason: ' ',
          sample: {},
        }),
      ),
    );
    assert.deepEqual(got, [
      'RetentionRule Bad_Clear: clock Opportunity.Amount is a currency field; it must be a date or date/time',
      'RetentionRule Bad_Clear: months must be a whole number from 1 to 120 (got 0)',
      'RetentionRule Bad_Clear: condition names unknown field Opportunity.Nope__c',
      'RetentionRule Bad_Clear: cannot clear Opportunity.Name: it is required',
      'RetentionRule Bad_Clear: cannot clear Opportunity.Problem_Statement__c: SOQL cannot filter a long text field',
      'RetentionRule Bad_Sample: a retention rule needs a reason (its legal or business basis)',
      'RetentionRule Bad_Sample: a sample needs a custom clock field (a test cannot set LastModifiedDate)',
    ]);
  });
});

class Errors extends ApexErrorListener {
  readonly found: string[] = [];
  apexSyntaxError(line: number, column: number, message: string): void {
    this.found.push(`${line}:${column} ${message}`);
  }
}

describe('the generated RetentionJob', async () => {
  const files = await generateFiles(model);
  const source = (name: string) => files.find((f) => f.path === `${CLASSES}/${name}.cls`)!.content;
  const format = async (text: string) => {
    const filepath = `${ROOT}${CLASSES}/Generated.cls`;
    return prettier.format(text, { ...(await prettier.resolveConfig(filepath)), filepath });
  };

  for (const name of ['RetentionJob', 'RetentionJob_Test'])
    test(`${name} parses and is in Prettier's format`, async () => {
      const listener = new Errors();
      ApexParserFactory.createLexerAndParser(source(name), listener).parser.compilationUnit();
      assert.deepEqual(listener.found, []);
      assert.equal(source(name), await format(source(name)));
      assert.ok(files.some((f) => f.path === `${CLASSES}/${name}.cls-meta.xml`));
    });

  test('the job is with sharing, and every query and DML runs in user mode', () => {
    const job = source('RetentionJob');
    assert.match(job, /^public with sharing class RetentionJob implements Schedulable \{$/m);
    const calls = job.match(/Database\.(queryWithBinds|update|delete|insert)\([^;]*;/g) ?? [];
    assert.equal(calls.length, 4);
    for (const call of calls) assert.match(call, /AccessLevel\.USER_MODE\)/, call);
    assert.doesNotMatch(job, /\[\s*SELECT/, 'no static SOQL outside user mode');
  });

  test('one rule a line of the RULES list, each with its clock type, condition and fields', () => {
    const job = source('RetentionJob');
    assert.match(
      job,
      /new Rule\(\s*'Dormant_Lead_Contact_Data',\s*'Lead',\s*'Last_Engaged_At__c',\s*true,\s*12,\s*'IsConverted = false',\s*'Clear',\s*new List<String>\{ 'Email', 'Phone' \}\s*\)/,
    );
    assert.equal((job.match(/new Rule\(/g) ?? []).length, model.retentionRules.length);
  });

  test('the test asserts every rule with a sample, and every rule’s query as the data steward', () => {
    const t = source('RetentionJob_Test');
    for (const rule of model.retentionRules.filter((r) => r.sample))
      assert.match(t, new RegExp(`assertRule\\(\\s*'${rule.name}'`));
    assert.match(t, /static void everyRuleQueriesInUserMode\(\)/);
    assert.match(t, /withPermissionSets\(new List<String>\{ 'RevOps_Data_Steward' \}\)/);
  });
});
