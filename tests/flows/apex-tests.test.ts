/**
 * The Apex test classes generated from flow test cases: they parse, they are byte for byte what
 * Prettier (prettier-plugin-apex, the project's settings) makes of them, and each runs each case
 * as the model says — the running user's permission sets, the records set up, insert, update,
 * a WITH USER_MODE query and one assertion per expected field.
 */
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import * as prettier from 'prettier';
import { flowTest, recordTriggeredFlow, setupRecord, idOf, savedAt, today } from '../../scripts/dsl/index.ts';
import { flowTestClass } from '../../scripts/families/flows/apex-tests.ts';
import { generateFiles } from '../../scripts/metadata/generate.ts';
import { buildSchema } from '../../scripts/schema/build.ts';
import { checkApex } from '../../scripts/verify/apex.ts';
import model from '../../model/index.ts';
import fixture from '../fixtures/every-kind/model.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLASSES = 'force-app/generated/classes';

class Errors extends ApexErrorListener {
  readonly found: string[] = [];
  apexSyntaxError(line: number, column: number, message: string): void {
    this.found.push(`${line}:${column} ${message}`);
  }
}

function syntaxErrors(source: string): string[] {
  const listener = new Errors();
  ApexParserFactory.createLexerAndParser(source, listener).parser.compilationUnit();
  return listener.found;
}

/** Prettier's output for a class at its generated path (the force-app overrides apply there). */
async function prettierFormat(source: string): Promise<string> {
  const filepath = `${ROOT}${CLASSES}/Generated.cls`;
  return prettier.format(source, { ...(await prettier.resolveConfig(filepath)), filepath });
}

const modelFiles = await generateFiles(model);
const classes = modelFiles.filter((f) => f.path.startsWith(`${CLASSES}/`) && f.path.endsWith('.cls'));

describe('the model’s generated flow tests', () => {
  test('one class (and its -meta.xml) per record-triggered flow with test cases', () => {
    const expected = model.flows.filter((f) => f.tests?.cases.length).map((f) => `${CLASSES}/${f.name}_Test.cls`);
    // The routing family generates the other test class: its conformance vectors (tests/routing).
    if (model.routingVectors.length) expected.push(`${CLASSES}/RoutingConformance_Test.cls`);
    // The lifecycle family generates the other test class: its conformance vectors (tests/lifecycle).
    if (model.lifecycleVectors.length) expected.push(`${CLASSES}/LifecycleVectors_Test.cls`);
    // The compliance families generate the retention and audit history jobs and their tests (tests/compliance).
    if (model.retentionRules.length) expected.push(`${CLASSES}/RetentionJob.cls`, `${CLASSES}/RetentionJob_Test.cls`);
    if (model.auditTrails.some((t) => t.mechanism.via === 'history'))
      expected.push(`${CLASSES}/AuditHistoryJob.cls`, `${CLASSES}/AuditHistoryJob_Test.cls`);
    // The order-form family generates the order form's controller, its save action and their test (tests/order-form).
    if (model.orderForm)
      expected.push(
        `${CLASSES}/OrderFormController.cls`,
        `${CLASSES}/OrderFormDocument.cls`,
        `${CLASSES}/OrderFormController_Test.cls`,
      );
    assert.deepEqual(classes.map((f) => f.path).sort(), expected.sort());
    for (const c of classes)
      assert.ok(
        modelFiles.some((f) => f.path === `${c.path}-meta.xml`),
        `${c.path}-meta.xml`,
      );
  });

  test('the files on disk pass verify’s Apex check: they parse and are Prettier-formatted', async () => {
    const onDisk = (await readdir(`${ROOT}${CLASSES}`)).filter((f) => f.endsWith('.cls'));
    assert.deepEqual(onDisk.sort(), classes.map((c) => c.path.slice(CLASSES.length + 1)).sort());
    const findings = await checkApex(
      onDisk.map((f) => `${ROOT}${CLASSES}/${f}`),
      (f) => f.slice(ROOT.length),
    );
    assert.deepEqual(findings, []);
  });

  for (const flow of model.flows.filter((f) => f.tests?.cases.length)) {
    test(`${flow.name}_Test runs every case of the flow and asserts every expected field`, () => {
      const source = classes.find((c) => c.path.endsWith(`/${flow.name}_Test.cls`))!.content;
      assert.match(source, /^@isTest\nprivate class /m);
      const runAs = flow.tests!.runAs.permissionSets;
      assert.match(source, new RegExp(`new List<String>\\{ ${runAs.map((p) => `'${p}'`).join(', ')} \\}`));
      assert.equal((source.match(/@isTest\n {4}static void /g) ?? []).length, flow.tests!.cases.length);
      assert.equal((source.match(/System\.runAs\(runner\)/g) ?? []).length, flow.tests!.cases.length);
      const expectations = flow.tests!.cases.flatMap((c) => Object.keys(c.expect).map((f) => `${c.name}: ${f}`));
      for (const e of expectations) assert.ok(source.includes(e.replace(/'/g, "\\'")), `an assertion for ${e}`);
      assert.equal((source.match(/WITH USER_MODE/g) ?? []).length, flow.tests!.cases.length);
    });
  }
});

describe('the Apex printer against Prettier', () => {
  test('the fixture’s class: every kind of value, escaping, lookups, a time stamped by the save', async () => {
    const fixtureClass = (await generateFiles(fixture)).find((f) => f.path.endsWith('/Fixture_Route_Deals_Test.cls'))!;
    assert.deepEqual(syntaxErrors(fixtureClass.content), []);
    assert.equal(fixtureClass.content, await prettierFormat(fixtureClass.content));
  });

  test('long values, many fields, long names: every line-breaking rule at once', async () => {
    const long = 'x'.repeat(130);
    const flow = recordTriggeredFlow('A_Flow_With_A_Rather_Long_Name', {
      label: 'Long',
      object: 'Opportunity',
      timing: 'BeforeSave',
      on: 'CreateAndUpdate',
      steps: [],
      tests: {
        runAs: ['A_Permission_Set_With_A_Long_Name_One', 'A_Permission_Set_With_A_Long_Name_Two', 'Three'],
        cases: [
          flowTest(`a case whose name alone is longer than a line ${'and goes on '.repeat(8)}`, {
            given: [setupRecord('parentAccountWithALongName', 'Account', { Name: long, Website: 'acme.example' })],
            insert: {
              Name: 'Short',
              AccountId: idOf('parentAccountWithALongName'),
              StageName: 'Discovery',
              CloseDate: today(-30),
              Amount: 1234.5,
              Probability: 10,
              Description: 'it\'s \\ "quoted"',
            },
            update: { Description: long, NextStep: 'n' },
            expect: {
              Name: 'Short',
              StageName: 'Discovery',
              CloseDate: today(-30),
              Amount: 1234.5,
              Probability: 10,
              Description: long,
              NextStep: 'n',
              LastModifiedDate: savedAt(),
              Push_Count__c: null,
              Last_Slip_Date__c: null,
            },
          }),
          flowTest('x', { insert: { Name: 'y' }, expect: { Name: 'y' } }),
        ],
      },
    });
    const source = flowTestClass(flow, buildSchema(model));
    assert.deepEqual(syntaxErrors(source), []);
    assert.equal(source, await prettierFormat(source));
  });
});
