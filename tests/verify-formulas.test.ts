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
import { checkFormulas } from '../scripts/verify/formulas.ts';
import realModel from '../model/index.ts';

test('every formula of the real model type-checks', () => {
  const result = checkFormulas(realModel, buildSchema(realModel));
  assert.deepEqual(result.errors, []);
  assert.ok(result.checked >= 20, `checked ${result.checked}`);
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
  const { errors } = checkFormulas(model, buildSchema(model));
  assert.deepEqual(
    errors.map((e) => e.component),
    ['CustomField Opportunity.Wrong__c', 'Flow Bump (formula Next)'],
  );
  for (const e of errors) assert.match(e.location, /tests\/verify-formulas\.test\.ts:\d+$/);
  assert.match(errors[1]!.message, /Cuont__c/);
});
