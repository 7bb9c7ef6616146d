/**
 * What the flows family writes for the parts of the DSL added with flow test cases: the "only
 * when updated to meet the conditions" option in the start element, and an Apex test class (with
 * its -meta.xml) for each record-triggered flow that has cases, and none for one that has not.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assign, filter, flowTest, recordTriggeredFlow } from '../../scripts/dsl/index.ts';
import { emitFlows } from '../../scripts/families/flows/emit.ts';
import model from '../../model/index.ts';

const options = { label: 'Stamp', object: 'Opportunity', timing: 'BeforeSave', on: 'CreateAndUpdate' } as const;
const steps = [assign('Set', 'Set', { '$Record.NextStep': 'x' })];

test('"only when updated to meet the conditions" is doesRequireRecordChangedToMeetCriteria, first in the start element', async () => {
  const entry = [filter('StageName', 'EqualTo', 'Validation')];
  const only = recordTriggeredFlow('Only', { ...options, steps, entry, runOnUpdate: 'onlyWhenUpdatedToMeet' });
  const every = recordTriggeredFlow('Every', { ...options, steps, entry });
  const [onlyXml, everyXml] = (await emitFlows({ ...model, flows: [only, every] }, { apiVersion: '66.0' })).map(
    (f) => f.content,
  );
  assert.match(
    onlyXml!,
    /<start>\n(?:.*\n){5}\s+<doesRequireRecordChangedToMeetCriteria>true<\/doesRequireRecordChangedToMeetCriteria>\n\s+<filterLogic>/,
  );
  assert.doesNotMatch(everyXml!, /doesRequireRecordChangedToMeetCriteria/);
});

test('an Apex test class and its -meta.xml for a flow with cases, nothing for a flow without', async () => {
  const tested = recordTriggeredFlow('Tested', {
    ...options,
    steps,
    tests: {
      runAs: ['RevOps_Admin'],
      cases: [flowTest('sets it', { insert: { Name: 'A' }, expect: { NextStep: 'x' } })],
    },
  });
  const untested = recordTriggeredFlow('Untested', { ...options, steps, active: false });
  const files = await emitFlows({ ...model, flows: [tested, untested] }, { apiVersion: '66.0' });
  assert.deepEqual(
    files.map((f) => f.path),
    [
      'force-app/generated/flows/Tested.flow-meta.xml',
      'force-app/generated/flows/Untested.flow-meta.xml',
      'force-app/generated/classes/Tested_Test.cls',
      'force-app/generated/classes/Tested_Test.cls-meta.xml',
    ],
  );
  assert.match(files[3]!.content, /<apiVersion>66\.0<\/apiVersion>\n {4}<status>Active<\/status>/);
});
