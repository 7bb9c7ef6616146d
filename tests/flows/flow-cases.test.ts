/**
 * Every test case of every flow in the model, run offline by the flow simulator
 * (scripts/families/flows/cases.ts) as the generated Apex test runs it in an org: the records set
 * up, the triggering record inserted and updated through the object's flows and validation rules,
 * then each expected field compared. A case the flow does not meet fails here with the flow, the
 * case and the field.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runFlowCase } from '../../scripts/families/flows/cases.ts';
import { buildSchema } from '../../scripts/schema/build.ts';
import model from '../../model/index.ts';

const schema = buildSchema(model);

/**
 * The clock of every case. The generated Apex tests run on the org's clock, so cases use
 * today(n) and savedAt() rather than fixed dates; two clocks — mid-day, and just before midnight
 * UTC, where a day boundary would show — keep cases from depending on the time they run.
 */
const CLOCKS = [
  { now: '2025-03-14T12:00:00Z', timeZone: 'UTC' },
  { now: '2025-12-31T23:59:59Z', timeZone: 'UTC' },
];

const tested = model.flows.filter((f) => f.tests?.cases.length);

test('every active record-triggered flow of the model has test cases', () => {
  const untested = model.flows
    .filter((f) => f.active && f.start.type === 'recordTriggered' && !f.tests?.cases.length)
    .map((f) => f.name);
  assert.deepEqual(untested, []);
  assert.ok(tested.length >= 3, 'the close-date, domain and lead-snapshot flows have cases');
});

for (const flow of tested) {
  describe(`Flow ${flow.name}`, () => {
    for (const testCase of flow.tests!.cases) {
      test(testCase.name, () => {
        for (const clock of CLOCKS) {
          const { problems } = runFlowCase(model, flow, testCase, { schema, clock });
          assert.ok(
            problems.length === 0,
            `Flow ${flow.name}, case "${testCase.name}" (at ${clock.now}):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
          );
        }
      });
    }
  });
}
