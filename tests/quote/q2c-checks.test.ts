/**
 * Quote-to-cash checks before close in the org (model/quote-to-cash/q2c-checks.ts): the formula
 * fields the validation rules and the flow read compute what `revops quote check` computes offline
 * (evaluated by the formula engine), and the flow that records and alerts writes a Q2C failure row
 * and emails the deal desk.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { modelFormula } from '../data/support.ts';
import { addMonths, billedAmount, formatDate, parseDate } from '../../scripts/dsl/index.ts';
import { emitFlows } from '../../scripts/families/flows/emit.ts';
import model from '../../model/index.ts';
import { DEAL_DESK_MAILBOX, recordQ2CFailures } from '../../model/quote-to-cash/q2c-checks.ts';

describe('proration: Prorated_Amount__c is billing.ts billedAmount', () => {
  const prorated = modelFormula('OpportunityLineItem', 'Prorated_Amount__c');
  test('for periods of whole years, months and odd days, from mid-month starts', () => {
    const starts = [
      '2025-01-01',
      '2025-01-15',
      '2025-03-10',
      '2025-07-01',
      '2024-02-29',
      '2025-11-28',
      '2025-01-31',
      '2025-08-31',
      '2025-04-30',
    ];
    let compared = 0;
    for (const start of starts)
      for (const months of [0, 1, 6, 11, 12, 24])
        for (const days of [0, 1, 9, 17, 29]) {
          const last = addMonths(parseDate(start), months) + days - 1;
          if (last < parseDate(start)) continue;
          const record = { Quantity: 37, UnitPrice: 660, ServiceDate: start, End_Date__c: formatDate(last) };
          const expected = billedAmount(37, 660, parseDate(start), last);
          assert.equal(Number(prorated(record)), expected, `${start}..${formatDate(last)}`);
          compared++;
        }
    assert.ok(compared > 250);
  });

  test('a line without a service period has no prorated amount (the rule does not check it)', () => {
    assert.equal(prorated({ Quantity: 1, UnitPrice: 100, ServiceDate: null, End_Date__c: null }), null);
  });
});

describe('Q2C_Check_Failures__c names each failing check', () => {
  const failures = modelFormula('Opportunity', 'Q2C_Check_Failures__c');
  const ok = {
    Contract_Start_Date__c: '2025-07-01',
    Billing_Anchor_Date__c: '2025-07-01',
    Tax_Treatment__c: 'Taxable',
    Tax_Id__c: null,
  };
  const cases: [string, Record<string, unknown>, string][] = [
    ['passing', ok, ''],
    ['anchor 31 days after the start', { ...ok, Billing_Anchor_Date__c: '2025-08-01' }, ''],
    ['no anchor', { ...ok, Billing_Anchor_Date__c: null }, 'Billing anchor date; '],
    ['anchor before the start', { ...ok, Billing_Anchor_Date__c: '2025-06-30' }, 'Billing anchor date; '],
    ['anchor 32 days after', { ...ok, Billing_Anchor_Date__c: '2025-08-02' }, 'Billing anchor date; '],
    ['no tax treatment', { ...ok, Tax_Treatment__c: null }, 'Tax; '],
    ['exempt without a tax ID', { ...ok, Tax_Treatment__c: 'Exempt' }, 'Tax; '],
    ['exempt with a tax ID', { ...ok, Tax_Treatment__c: 'Exempt', Tax_Id__c: 'DE1' }, ''],
    ['both', { ...ok, Billing_Anchor_Date__c: null, Tax_Treatment__c: null }, 'Billing anchor date; Tax; '],
  ];
  for (const [name, record, expected] of cases) test(name, () => assert.equal(failures(record) ?? '', expected));
});

describe('failures are recorded and alerted', () => {
  test('a deal entering Commercials failing a check: a Q2C_Failure__c row, then an email to the deal desk', async () => {
    const [file] = await emitFlows({ ...model, flows: [recordQ2CFailures] }, { apiVersion: '66.0' });
    const xml = file!.content;
    assert.match(xml, /<doesRequireRecordChangedToMeetCriteria>true</);
    assert.match(
      xml,
      /<field>StageName<\/field>\s*<operator>EqualTo<\/operator>\s*<value>\s*<stringValue>Commercials</,
    );
    assert.match(xml, /<recordCreates>[\s\S]*<object>Q2C_Failure__c<\/object>[\s\S]*<\/recordCreates>/);
    assert.match(xml, /<connector>\s*<targetReference>Alert_Deal_Desk<\/targetReference>/);
    assert.match(xml, /<actionName>emailSimple<\/actionName>\s*<actionType>emailSimple<\/actionType>/);
    assert.ok(xml.includes(`<stringValue>${DEAL_DESK_MAILBOX}</stringValue>`));
  });
});
