/**
 * The model checks on flow test cases (scripts/families/flows/test-checks.ts): an active
 * record-triggered flow without cases is an error, and each case must be one that the simulator
 * and the generated Apex test can both run. Each test breaks the model's close-date flow one way
 * and expects exactly that issue, at the line that defines the case or the flow.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  access,
  flowTest,
  permissionSet,
  idOf,
  recordTriggeredFlow,
  savedAt,
  setupRecord,
  today,
  type FlowDef,
  type FlowTestCase,
} from '../../scripts/dsl/index.ts';
import { formatIssue, validateModel } from '../../scripts/model/validate.ts';
import model from '../../model/index.ts';

const slips = model.flows.find((f) => f.name === 'Opportunity_Track_Close_Date_Slips')!;
const deal = { Name: 'Acme', StageName: 'Discovery', CloseDate: today(30) };

/** The model with the close-date flow replaced; its issues. */
function issuesWith(flow: FlowDef): string[] {
  return validateModel({ ...model, flows: model.flows.map((f) => (f === slips ? flow : f)) }).map(formatIssue);
}

const withCases = (
  cases: readonly FlowTestCase[],
  runAs = ['RevOps_Admin'],
  className?: string,
  formulas: FlowDef['formulas'] = {},
): FlowDef =>
  recordTriggeredFlow('Opportunity_Track_Close_Date_Slips', {
    label: slips.label,
    object: 'Opportunity',
    timing: 'BeforeSave',
    on: 'Update',
    formulas: { ...slips.formulas, ...formulas },
    steps: slips.steps,
    tests: { runAs, cases, ...(className ? { className } : {}) },
  });

const expectOne = (flow: FlowDef, message: string | RegExp) => {
  const issues = issuesWith(flow);
  assert.equal(issues.length, 1, `expected one issue, got:\n${issues.join('\n')}`);
  if (typeof message === 'string') assert.ok(issues[0]!.includes(message), `"${issues[0]}" should say "${message}"`);
  else assert.match(issues[0]!, message);
  assert.match(issues[0]!, /^ {2}tests\/flows\/test-checks\.test\.ts:\d+: Flow Opportunity_Track_Close_Date_Slips/);
};

describe('flow test cases in the model checks', () => {
  test('the model as it is passes', () => {
    assert.deepEqual(validateModel(model).map(formatIssue), []);
  });

  test('an active record-triggered flow without test cases is an error; a draft needs none', () => {
    const bare = recordTriggeredFlow('Opportunity_Track_Close_Date_Slips', {
      label: slips.label,
      object: 'Opportunity',
      timing: 'BeforeSave',
      on: 'Update',
      steps: [],
    });
    expectOne(bare, 'is an active record-triggered flow without test cases: a production deploy needs Apex tests');
    assert.deepEqual(issuesWith({ ...bare, active: false }), []);
  });

  test('the permission sets the cases run as must exist, and let the test read what it asserts', () => {
    const ok = flowTest('ok', { insert: deal, expect: { Push_Count__c: null } });
    expectOne(
      withCases([ok], ['RevOps_Nobody']),
      'test cases run as permission set RevOps_Nobody, which the model does not define',
    );
    expectOne(withCases([ok], []), 'name at least one in `runAs`');
    // A permission set that does not reach opportunities (added to the model for this check).
    const blind = permissionSet('Blind_Set', { label: 'Blind', objects: { Lead: access('R') } });
    const issues = validateModel({
      ...model,
      permissionSets: [...model.permissionSets, blind],
      flows: model.flows.map((f) => (f === slips ? withCases([ok], ['Blind_Set']) : f)),
    }).map(formatIssue);
    assert.equal(issues.length, 1, issues.join('\n'));
    assert.match(issues[0]!, /the test user cannot read Opportunity/);
  });

  test('case names must differ as Apex method names', () => {
    const a = flowTest('a slip counts', { insert: deal, expect: { Push_Count__c: null } });
    const b = flowTest('A slip, counts!', { insert: deal, expect: { Push_Count__c: null } });
    expectOne(withCases([a, b]), /duplicate test case name/);
  });

  test('the class name must fit Apex’s 40 characters', () => {
    const ok = flowTest('ok', { insert: deal, expect: { Push_Count__c: null } });
    expectOne(withCases([ok], ['RevOps_Admin'], 'A_Test_Class_Name_Longer_Than_Forty_Characters'), /longer than 40/);
    assert.deepEqual(issuesWith(withCases([ok], ['RevOps_Admin'], 'Slip_Test')), []);
  });

  test('fields must exist, values must be of their type', () => {
    const cases: [FlowTestCase, string | RegExp][] = [
      [
        flowTest('a', { insert: { ...deal, Amont: 5 }, expect: { Push_Count__c: null } }),
        /insert names unknown field Opportunity.Amont \(did you mean Amount\?\)/,
      ],
      [
        flowTest('b', { insert: { ...deal, CloseDate: '14/03/2025' }, expect: { Push_Count__c: null } }),
        'insert: Opportunity.CloseDate must be a date "YYYY-MM-DD" or today(n)',
      ],
      [
        flowTest('c', { insert: { ...deal, Amount: '5' }, expect: { Push_Count__c: null } }),
        'insert: Opportunity.Amount must be a number',
      ],
      [
        flowTest('d', { insert: { ...deal, StageName: 'Won' }, expect: { Push_Count__c: null } }),
        'insert: Opportunity.StageName has no value "Won"',
      ],
      [
        flowTest('e', { insert: deal, expect: { Push_Count__c: today() } }),
        'expect: Opportunity.Push_Count__c today() needs a date field',
      ],
      [
        flowTest('f', { insert: { ...deal, Last_Slip_Date__c: savedAt() }, expect: { Push_Count__c: null } }),
        'savedAt() is for expectations only',
      ],
      [flowTest('g', { insert: deal, expect: {} }), 'expects nothing'],
    ];
    for (const [c, message] of cases) expectOne(withCases([c]), message);
  });

  test('lookups name a record set up before, of the object the lookup points to', () => {
    const contact = setupRecord('champion', 'Contact', { LastName: 'Rivera' });
    const account = setupRecord('acme', 'Account', { Name: 'Acme' });
    expectOne(
      withCases([flowTest('a', { insert: { ...deal, AccountId: idOf('acme') }, expect: { Push_Count__c: null } })]),
      'idOf("acme") names no record set up before it',
    );
    expectOne(
      withCases([
        flowTest('b', {
          given: [contact],
          insert: { ...deal, AccountId: idOf('champion') },
          expect: { Push_Count__c: null },
        }),
      ]),
      'insert: Opportunity.AccountId cannot hold the Id of a Contact',
    );
    expectOne(
      withCases([
        flowTest('c', {
          given: [setupRecord('record', 'Account', { Name: 'A' })],
          insert: deal,
          expect: { Push_Count__c: null },
        }),
      ]),
      'record "record" set up: name it like an Apex variable',
    );
    assert.deepEqual(
      issuesWith(
        withCases([
          flowTest('d', {
            given: [account],
            insert: { ...deal, AccountId: idOf('acme') },
            expect: { Push_Count__c: null },
          }),
        ]),
      ),
      [],
    );
  });

  test('a flow formula over 3,900 characters, and formulas that reference each other in a circle', () => {
    const ok = [flowTest('ok', { insert: deal, expect: { Push_Count__c: null } })];
    const long = { dataType: 'String', expression: `"${'x'.repeat(3900)}"` } as const;
    expectOne(
      withCases(ok, undefined, undefined, { Long: long }),
      '(formula Long): Formula is too long (3,902 characters). Maximum length is 3,900 characters.',
    );
    const circle = withCases(ok, undefined, undefined, {
      A: { dataType: 'Number', expression: '{!B} + 1' },
      B: { dataType: 'Number', expression: '{!A} + 1' },
    });
    const issues = issuesWith(circle);
    assert.ok(
      issues.length >= 1 && issues.every((i) => /formula [AB] → [AB] → [AB] is circular/.test(i)),
      issues.join('\n'),
    );
  });
});
