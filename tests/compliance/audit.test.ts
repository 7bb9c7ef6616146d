/** Audit trails: a trail's history fields must track history, within Salesforce's 20 per object. */
import { BYPASS_AUDITED } from '../../model/automation/bypass-audit.ts';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import * as prettier from 'prettier';
import { historyObjectOf, historyTrail, number, standardObject, type RevOpsModel } from '../../scripts/dsl/index.ts';
import { generateFiles } from '../../scripts/metadata/generate.ts';
import { validateModel } from '../../scripts/model/validate.ts';
import model from '../../model/index.ts';

const messages = (m: RevOpsModel) => validateModel(m).map((i) => `${i.component}: ${i.message}`);

describe('audit trails', () => {
  test('a field of a history trail that does not track history fails', () => {
    const m: RevOpsModel = {
      ...model,
      auditTrails: [
        ...model.auditTrails,
        historyTrail('Term Deviation', 'x', [{ object: 'Opportunity', field: 'Term_Months__c' }]),
      ],
    };
    assert.deepEqual(messages(m), [
      'AuditTrail Term Deviation: Opportunity.Term_Months__c does not track history: set trackHistory on it (at most 20 per object)',
    ]);
  });

  test('more than 20 tracked fields on an object fail', () => {
    const campaign = model.objects.find((o) => o.apiName === 'Campaign')!;
    const extra = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [
        `Tracked_${i}__c`,
        number({ label: `T${i}`, precision: 3, scale: 0, trackHistory: true }),
      ]),
    );
    const Campaign = standardObject('Campaign', { fields: { ...campaign.fields, ...extra } });
    const m: RevOpsModel = { ...model, objects: [...model.objects.filter((o) => o !== campaign), Campaign] };
    assert.deepEqual(messages(m), [
      'CustomObject Campaign: 21 fields track history; Salesforce allows at most 20 per object',
    ]);
  });

  test('the model’s trails pass', () => assert.deepEqual(messages(model), []));
});

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLASSES = 'force-app/generated/classes';

class Errors extends ApexErrorListener {
  readonly found: string[] = [];
  apexSyntaxError(line: number, column: number, message: string): void {
    this.found.push(`${line}:${column} ${message}`);
  }
}

describe('the generated AuditHistoryJob', async () => {
  const files = await generateFiles(model);
  const source = (name: string) => files.find((f) => f.path === `${CLASSES}/${name}.cls`)!.content;

  for (const name of ['AuditHistoryJob', 'AuditHistoryJob_Test'])
    test(`${name} parses and is in Prettier's format`, async () => {
      const listener = new Errors();
      ApexParserFactory.createLexerAndParser(source(name), listener).parser.compilationUnit();
      assert.deepEqual(listener.found, []);
      const filepath = `${ROOT}${CLASSES}/Generated.cls`;
      const formatted = await prettier.format(source(name), { ...(await prettier.resolveConfig(filepath)), filepath });
      assert.equal(source(name), formatted);
    });

  test('with sharing, user mode everywhere, one trail per audited object of each history trail', () => {
    const job = source('AuditHistoryJob');
    assert.match(job, /^public with sharing class AuditHistoryJob implements Schedulable \{$/m);
    const calls = job.match(/Database\.(queryWithBinds|insert)\([^;]*;/g) ?? [];
    assert.equal(calls.length, 3);
    for (const call of calls) assert.match(call, /AccessLevel\.USER_MODE\)/, call);
    assert.match(
      job,
      /new Trail\(\s*'Pricing Override',\s*'Opportunity',\s*'OpportunityFieldHistory',\s*'OpportunityId',\s*new List<String>\{ 'Discount_Percent__c', 'Discount_Approval_Status__c', 'ARR__c' \}\s*\)/,
    );
    // Bypass use: one trail per object the bypass stamp audits (11 today, Touch__c included).
    assert.equal(BYPASS_AUDITED.length, 11);
    assert.equal((job.match(/new Trail\(/g) ?? []).length, 2 + 2 + BYPASS_AUDITED.length, 'pricing 2, terms 2, bypass');
    assert.match(job, /new Trail\(\s*'Bypass Use',\s*'Touch__c',\s*'Touch__History'/);
  });

  test('history objects as Salesforce names them', () => {
    assert.deepEqual(historyObjectOf('Opportunity'), {
      historyObject: 'OpportunityFieldHistory',
      parentField: 'OpportunityId',
    });
    assert.deepEqual(historyObjectOf('Contract'), { historyObject: 'ContractHistory', parentField: 'ContractId' });
    assert.deepEqual(historyObjectOf('Deal_Exception__c'), {
      historyObject: 'Deal_Exception__History',
      parentField: 'ParentId',
    });
  });
});
