import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  defineModel,
  formula,
  number,
  recordTriggeredFlow,
  standardObject,
  assign,
  ref,
} from '../scripts/dsl/index.ts';
import { buildSchema } from '../scripts/schema/build.ts';
import { formulaIssues, modelFormulas } from '../scripts/model/formulas.ts';
import { ModelError, validateModel } from '../scripts/model/validate.ts';
import { generateFiles } from '../scripts/metadata/generate.ts';
import realModel from '../model/index.ts';

test('every formula of the real model type-checks', () => {
  assert.deepEqual(formulaIssues(realModel, buildSchema(realModel)), []);
  assert.ok(modelFormulas(realModel).length >= 20, `checked ${modelFormulas(realModel).length}`);
});

test('a formula field returning the wrong type and a flow formula naming a missing field are reported', () => {
  const Opp = standardObject('Opportunity', {
    fields: {
      Count__c: number({ label: 'Count' }),
      Wrong__c: formula('Number', 'TEXT(Amount)', { label: 'Wrong' }),
    },
  });
  const flow = recordTriggeredFlow('Bump', {
    label: 'Bump',
    object: 'Opportunity',
    timing: 'BeforeSave',
    on: 'Update',
    formulas: { Next: { dataType: 'Number', scale: 0, expression: 'BLANKVALUE({!$Record.Cuont__c}, 0) + 1' } },
    steps: [assign('Set', 'Set', { '$Record.Count__c': ref('Next') })],
  });
  const model = defineModel({ objects: [Opp], flows: [flow] });
  const errors = formulaIssues(model, buildSchema(model));
  assert.deepEqual(
    errors.map((e) => e.component),
    ['CustomField Opportunity.Wrong__c', 'Flow Bump (formula Next)'],
  );
  for (const e of errors) assert.match(e.origin ?? '', /tests\/verify-formulas\.test\.ts:\d+$/);
  assert.match(errors[1]!.message, /Cuont__c/);
});

test('a formula error is a model problem: validateModel reports it and generate writes nothing', async () => {
  const Opp = standardObject('Opportunity', {
    fields: { Broken__c: formula('Number', 'Amount +* 2', { label: 'Broken' }) },
  });
  const model = defineModel({ objects: [Opp] });
  assert.deepEqual(
    validateModel(model).map((i) => i.component),
    ['CustomField Opportunity.Broken__c'],
  );
  await assert.rejects(generateFiles(model), (e: unknown) => e instanceof ModelError && /Broken__c/.test(e.message));
});
