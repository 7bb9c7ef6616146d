/** `revops attribution` in-process: the table and the typed result; an unknown model is a usage error listing the models. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Attribution from '../../scripts/cli/commands/revops/attribution.ts';
import type { AttributionResult } from '../../scripts/attribution/index.ts';
import { ROOT } from './project-copy.ts';
import { runCommand } from './run-command.ts';

test('attribution --model w-shaped prints the credit by channel and returns every credit', async () => {
  const run = await runCommand<AttributionResult>(Attribution, ['--model', 'w-shaped'], ROOT);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /W-shaped: 30 % each to first touch/);
  assert.match(run.stdout, /Credit by channel/);
  assert.match(run.stdout, /recommended model: w-shaped/);
  const r = run.result!;
  assert.equal(r.model, 'w-shaped');
  for (const c of r.credits)
    assert.equal(
      c.credits.reduce((s, t) => s + t.cents, 0),
      c.amountCents,
    );
});

test('an unknown --model exits 2 and lists the models', async () => {
  const run = await runCommand(Attribution, ['--model', 'v-shaped'], ROOT);
  assert.equal(run.status, 2, run.stderr);
  assert.match(
    run.stderr,
    /Unknown attribution model "v-shaped"\. Models: first-touch, last-touch, linear, u-shaped, w-shaped, full-path\./,
  );
  assert.doesNotMatch(run.stderr, /^\s+at .*:\d+:\d+\)?$/m);
});
