/**
 * `revops lifecycle simulate` over the bundled dataset: what the jobs do at the anchor date and
 * 90 days later, and that running the schedules again over their own result creates nothing twice.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import model from '../../model/index.ts';
import { openDataset } from '../../scripts/data/index.ts';
import {
  lifecycleConfig,
  loadLifecycleState,
  runSchedule,
  simulateLifecycle,
  type LifecycleState,
  type TakenAction,
} from '../../scripts/lifecycle/index.ts';
import { calendarClock } from '../../scripts/lifecycle/clock.ts';
import LifecycleSimulate from '../../scripts/cli/commands/revops/lifecycle/simulate.ts';
import type { SimulationResult } from '../../scripts/lifecycle/index.ts';
import { runCommand } from '../cli/run-command.ts';

const SEED = fileURLToPath(new URL('../../data/seed', import.meta.url));
const config = lifecycleConfig(model);
const clock = calendarClock(config.calendar);
const ANCHOR = clock.wallTime('2026-12-01', '00:00');
const LATER = clock.wallTime('2027-03-01', '23:59');

const seedState = async (): Promise<LifecycleState> => loadLifecycleState(await openDataset(SEED));
const jobsOf = (r: { actions: readonly TakenAction[] }, job: string, action?: string) =>
  r.actions.filter((a) => a.job === job && (action === undefined || a.action === action));

describe('lifecycle simulate on data/seed', () => {
  test('at the anchor date: stale deals, renewal windows and expiring exceptions are acted on', async () => {
    const result = await simulateLifecycle(SEED, config, { asOf: '2026-12-01' });
    assert.ok(jobsOf(result, 'Stale_Deals', 'Task').length > 0, 'idle deals get a nudge');
    assert.ok(jobsOf(result, 'Stale_Deals', 'Escalation').length > 0, 'deals idle 14+ days escalate');
    assert.ok(jobsOf(result, 'Renewals', 'Task').length > 0, 'contracts inside a window get their task');
    assert.ok(jobsOf(result, 'Expiries').length > 0, 'exceptions about to expire are announced');
    for (const a of jobsOf(result, 'Stale_Deals', 'Auto-Close'))
      assert.deepEqual(a.update, { StageName: 'Closed Lost', Loss_Reason__c: 'Timed Out', CloseDate: '2026-12-01' });
  });

  test('90 days later: renewal deals created once per contract, exceptions expired, commitments flagged', async () => {
    const result = await simulateLifecycle(SEED, config, { asOf: '2027-03-01' });
    const renewals = jobsOf(result, 'Renewals', 'Renewal');
    assert.ok(renewals.length > 0);
    assert.equal(new Set(renewals.map((a) => a.record)).size, renewals.length, 'one renewal deal per contract');
    assert.ok(jobsOf(result, 'Expiries', 'Expiry').length > 0);
    assert.ok(jobsOf(result, 'Commitments', 'Flag').length > 0);
    const windows = jobsOf(result, 'Renewals', 'Task').map((a) => a.key);
    assert.equal(new Set(windows).size, windows.length, 'one task per contract and window');
  });

  test('running the same schedules again over their result creates nothing twice', async () => {
    const state = await seedState();
    const first = runSchedule(config, state, ANCHOR, LATER);
    assert.ok(first.actions.length > 100);
    const again = runSchedule(config, state, ANCHOR, LATER);
    assert.deepEqual(again.actions, []);
    const keys = first.actions.map((a) => a.key);
    assert.equal(new Set(keys).size, keys.length, 'every action key once');
  });

  test('two halves of the period take the same actions as the whole period', async () => {
    const whole = runSchedule(config, await seedState(), ANCHOR, LATER);
    const state = await seedState();
    const middle = clock.wallTime('2027-01-15', '00:00');
    const halves = [
      ...runSchedule(config, state, ANCHOR, middle - 1).actions,
      ...runSchedule(config, state, middle, LATER).actions,
    ];
    assert.deepEqual(
      halves.map((a) => a.key),
      whole.actions.map((a) => a.key),
    );
  });
});

describe('revops lifecycle simulate', () => {
  test('--json lists every action with the record, the job and the reason', async () => {
    const run = await runCommand<SimulationResult>(LifecycleSimulate, [
      '--dataset',
      SEED,
      '--as-of',
      '2026-12-01',
      '--json',
    ]);
    assert.equal(run.status, 0, run.stderr);
    const actions = run.result!.actions;
    assert.ok(actions.length > 0);
    for (const a of actions) {
      assert.match(a.record, /^[A-Z]+-/);
      assert.ok(a.job && a.reason && a.key.startsWith(`${a.job}:${a.record}:`));
    }
  });

  test('an as-of before the dataset starts is refused, naming the flag', async () => {
    const run = await runCommand(LifecycleSimulate, ['--dataset', SEED, '--as-of', '2026-11-01']);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /--as-of 2026-11-01 is before the start of the simulation \(2026-12-01\)/);
  });

  test('an as-of that is not a date is a usage error', async () => {
    const run = await runCommand(LifecycleSimulate, ['--dataset', SEED, '--as-of', '2026-02-30']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /expected YYYY-MM-DD/);
  });
});
