/**
 * `revops formula eval --batch` (scripts/commands/formula.ts, the library under the command): one
 * answer per input line; a bad line is an `{error}` line and never stops the batch or loses the
 * answers before it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateBatch } from '../../commands/formula.ts';
import model from '../../../model/index.ts';

const line = (o: unknown): string => JSON.stringify(o);

test('bad batch lines are error lines; the lines around them are answered', () => {
  const out = evaluateBatch(model, [
    line({ object: 'Opportunity', formula: '1 + 1' }),
    'null',
    '',
    line({ object: 'Opportunity', formula: 'TRUE', permissions: 'RevOps_Bypass' }),
    line({ object: 'Opportunity', formula: 'TRUE', permissions: 5 }),
    '[1, 2]',
    '{"object": "Opportunity", "formula": ',
    line({ object: 'Opportunity', formula: 'TRUE', record: 'Acme' }),
    line({ object: 'Opportunity', formula: 'TODAY()', now: 20240101 }),
    line({
      object: 'Opportunity',
      formula: 'DATEVALUE(NOW() + 100000000)',
      now: '2024-01-01T00:00:00Z',
      timeZone: 'America/New_York',
    }),
    line({ object: 'Opportunity', formula: 'LPAD("a", 100000000)' }),
    line({ object: 'Opportunity', formula: '2 + 2' }),
  ]).map((l) => JSON.parse(l) as { value?: unknown; error?: string });
  assert.equal(out.length, 11, 'one answer per non-blank line');
  assert.deepEqual(out[0], { value: 2, type: 'Number' });
  assert.match(out[1]?.error ?? '', /^line 2: each line must be a JSON object/);
  assert.match(
    out[2]?.error ?? '',
    /^line 4: "permissions" must be a list of custom permission names, got "RevOps_Bypass"/,
  );
  assert.match(out[3]?.error ?? '', /^line 5: "permissions" must be a list/);
  assert.match(out[4]?.error ?? '', /^line 6: each line must be a JSON object/);
  assert.match(out[5]?.error ?? '', /^line 7: .*JSON/);
  assert.match(out[6]?.error ?? '', /^line 8: "record" must be a JSON object/);
  assert.match(out[7]?.error ?? '', /^line 9: "now" must be an ISO 8601 date\/time text/);
  assert.match(
    out[8]?.error ?? '',
    /^line 10: The date\/time arithmetic gives a date\/time after the dates Salesforce has/,
  );
  assert.match(out[9]?.error ?? '', /^line 11: LPAD\(\) would make a text of 100,000,000 characters/);
  assert.deepEqual(out[10], { value: 4, type: 'Number' });
});
