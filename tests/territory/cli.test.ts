/** `revops territory plan` through the command class: the printed plan, --json, and a bad dataset. */
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import TerritoryPlanCommand from '../../scripts/cli/commands/revops/territory/plan.ts';
import type { TerritoryPlan } from '../../scripts/territory/plan.ts';
import { runCommand } from '../cli/run-command.ts';

test('territory plan prints scores, flags, moves and gaps, and returns the plan', async () => {
  const run = await runCommand<TerritoryPlan>(TerritoryPlanCommand, ['--dataset', 'data/seed']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /territory plan: RevOps_FY2026 on data\/seed/);
  assert.match(run.stdout, /weights: accounts 30, revenue 30, pipeline 20, density 20/);
  assert.match(run.stdout, /FLAG USR-\d+: TAM [\d.]+ is [\d.]+x USR-\d+'s/);
  assert.match(run.stdout, /move \w+: USR-\d+ → USR-\d+ effective 2027-01-01/);
  assert.match(run.stdout, /quarterly gaps: \d+ of \d+ territory-quarters/);
  assert.ok(run.result!.territories.length > 10);
});

test('a dataset without territories.json fails with the file named and no stack', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'territory-cli-'));
  try {
    await cp('data/seed', dir, { recursive: true });
    await rm(join(dir, 'territories.json'));
    const run = await runCommand(TerritoryPlanCommand, ['--dataset', dir]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /territories\.json.*not found: territory plan needs territory owners/);
    assert.doesNotMatch(run.stderr, /^\s+at .*:\d+:\d+\)?$/m);
    await writeFile(join(dir, 'territories.json'), '{"format":"other"}');
    const wrong = await runCommand(TerritoryPlanCommand, ['--dataset', dir]);
    assert.match(wrong.stderr, /expected format revops-territories\/1/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
