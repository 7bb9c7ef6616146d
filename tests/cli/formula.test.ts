import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { revops, ROOT } from './project-copy.ts';

const SLIP = 'AND(ISCHANGED(CloseDate), CloseDate > PRIORVALUE(CloseDate), ISBLANK(TEXT(Slip_Reason__c)))';

test('formula check prints the type and the fields read', () => {
  const run = revops(ROOT, 'formula', 'check', '--object', 'Opportunity', SLIP);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), {
    type: 'Checkbox',
    references: ['Opportunity.CloseDate', 'Opportunity.Slip_Reason__c'],
  });
});

test('formula eval evaluates against a prior record, in decimal', () => {
  const slipped = revops(
    ROOT,
    'formula',
    'eval',
    '--object',
    'Opportunity',
    '--record',
    '{"CloseDate":"2026-03-01"}',
    '--prior',
    '{"CloseDate":"2026-02-01"}',
    SLIP,
  );
  assert.deepEqual(JSON.parse(slipped.stdout), { value: true, type: 'Checkbox' });
  const decimal = revops(
    ROOT,
    'formula',
    'eval',
    '--object',
    'Opportunity',
    '--record',
    '{"ARR__c":0.1}',
    'ARR__c + 0.2',
  );
  assert.deepEqual(JSON.parse(decimal.stdout), { value: 0.3, type: 'Currency' });
});

test('a picklist compared with = is a positioned error on stderr with a non-zero exit', () => {
  const run = revops(ROOT, 'formula', 'check', '--object', 'Lead', 'Status = "MQL"');
  assert.equal(run.status, 1);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /picklist/);
  assert.match(run.stderr, /line 1, column 1\)\nStatus = "MQL"\n\^+/);
});

test('--batch answers one line per input, errors included', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'revops-formula-'));
  try {
    const file = join(dir, 'cases.jsonl');
    await writeFile(
      file,
      [
        { object: 'Opportunity', formula: 'ROUND(2.5, 0)' },
        { object: 'Opportunity', formula: 'Nope__c' },
        { object: 'Opportunity', formula: 'TODAY() + 1', now: '2026-11-22T10:00:00Z' },
      ]
        .map((l) => JSON.stringify(l))
        .join('\n'),
    );
    const run = revops(ROOT, 'formula', 'eval', '--batch', file);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(lines[0], { value: 3, type: 'Number' });
    assert.match(lines[1].error, /Nope__c does not exist/);
    assert.deepEqual(lines[2], { value: '2026-11-23', type: 'Date' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
