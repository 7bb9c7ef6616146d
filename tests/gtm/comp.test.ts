/**
 * `revops comp calculate` on data/seed: one rep's payout recomputed here from the ndjson files,
 * the roster and the plan's numbers; the clawback; the accelerator and decelerator boundaries.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import realModel from '../../model/index.ts';
import { enterpriseAePlan } from '../../model/gtm/comp-plans.ts';
import CompCalculate from '../../scripts/cli/commands/revops/comp/calculate.ts';
import { compCalculate, componentPayout, type CompResult } from '../../scripts/comp/index.ts';
import { runCommand } from '../cli/run-command.ts';

const SEED = 'data/seed';
const rows = (object: string) =>
  readFileSync(`${SEED}/${object}.ndjson`, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
const roster = JSON.parse(readFileSync(`${SEED}/routing-roster.json`, 'utf8'));

/** The enterprise AE plan by hand: $250K OTE, 60:40, quota $1M; 85 % new business, 15 % expansion; 0.5x below 50 %, 2x above 100 %. */
function aePayout(credited: number, target: number, rate: number): number {
  const a = credited / target;
  if (a < 0.5) return credited * rate * 0.5;
  if (a <= 1) return credited * rate;
  return target * rate + (credited - target) * rate * 2;
}

describe('comp calculate on data/seed, recomputed', () => {
  test('USR-006 in FY2026-Q4: quota, credited ARR by component, payout', async () => {
    const result = await compCalculate(realModel, SEED, 'FY2026-Q4');
    const rep = result.reps.find((r) => r.user === 'USR-006')!;
    const quotaId = Object.keys(roster.quotaOwners).find(
      (id) =>
        roster.quotaOwners[id] === 'USR-006' &&
        rows('Forecast_Quota__c').find((q) => q.External_Id__c === id)?.Forecast_Period__r.External_Id__c ===
          'FORPER-000001',
    )!;
    const quota = rows('Forecast_Quota__c').find((q) => q.External_Id__c === quotaId).Quota_ARR__c;
    const mine = rows('Opportunity').filter(
      (o) =>
        o.StageName === 'Closed Won' &&
        o.CloseDate >= '2026-10-01' &&
        o.CloseDate <= '2026-12-31' &&
        roster.accountOwners[o.Account.External_Id__c] === 'USR-006',
    );
    const sum = (type: string) => mine.filter((o) => o.Type === type).reduce((s, o) => s + o.ARR__c, 0);
    const [fresh, upgrade] = [sum('New Customer'), sum('Existing Customer - Upgrade')];
    assert.ok(fresh + upgrade > 0, 'the rep closed something this quarter');
    const variable = (250_000 * 0.4) / 4; // fully ramped: the quota is the role's quarter
    assert.equal(quota, 250_000);
    const rate = variable / quota; // 10 % of ARR
    const expected = aePayout(fresh, quota * 0.85, rate) + aePayout(upgrade, quota * 0.15, rate);
    assert.equal(rep.quota, quota);
    assert.equal(rep.credited, fresh + upgrade);
    assert.deepEqual(
      rep.lines.map((l) => l.credited),
      [fresh, upgrade],
    );
    assert.equal(rep.clawbacks.length, 0);
    assert.equal(rep.payout, Math.round(expected * 100) / 100);
    assert.match(rep.lines[1]!.explanation, /above 100.0 %: .* at 2x/);
  });

  test('a churn notice within 90 days of the win claws the deal back at its rate', async () => {
    const churn = JSON.parse(readFileSync(`${SEED}/churn.json`, 'utf8')).events as {
      opportunity: string;
      noticeOn: string;
    }[];
    const result = await compCalculate(realModel, SEED, 'FY2026-Q4');
    const claws = result.reps.flatMap((r) => r.clawbacks.map((c) => ({ ...c, user: r.user })));
    assert.ok(claws.length >= 1);
    for (const c of claws) {
      const deal = rows('Opportunity').find((o) => o.External_Id__c === c.opportunity);
      const event = churn.find((e) => e.opportunity === c.opportunity)!;
      assert.equal(roster.accountOwners[deal.Account.External_Id__c], c.user);
      assert.equal(c.noticeOn, event.noticeOn);
      assert.ok((Date.parse(event.noticeOn) - Date.parse(deal.CloseDate)) / 86_400_000 <= 90);
      assert.equal(c.amount, deal.ARR__c * 0.1);
      assert.match(c.explanation, /churn notice .* within 90/);
    }
  });

  test('decelerator below 50 %, the base rate from 50 % to 100 %, the accelerator only on the excess', () => {
    const at = (credited: number) => componentPayout(enterpriseAePlan, credited, 100, 0.1);
    assert.deepEqual(at(49), { attainment: 0.49, adjustment: 'decelerator', payout: 49 * 0.1 * 0.5 });
    assert.deepEqual(at(50), { attainment: 0.5, adjustment: 'none', payout: 5 });
    assert.deepEqual(at(100), { attainment: 1, adjustment: 'none', payout: 10 });
    assert.equal(at(150).adjustment, 'accelerator');
    assert.ok(Math.abs(at(150).payout - (10 + 50 * 0.1 * 2)) < 1e-9);
    assert.deepEqual(componentPayout(enterpriseAePlan, 10, 0, 0), { attainment: null, adjustment: 'none', payout: 0 });
  });

  test('--json carries every line; an unknown period names the file and the periods there are', async () => {
    const run = await runCommand<CompResult>(CompCalculate, ['--period', 'FY2026-Q4', '--json']);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.result!.reps.every((r) => r.lines.length > 0 && r.lines.every((l) => l.explanation)));
    const bad = await runCommand(CompCalculate, ['--period', 'FY1999-Q1']);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /Forecast_Period__c.ndjson: has no period "FY1999-Q1"/);
    assert.match(bad.stderr, /FY2026-Q4, FY2027-Q1/);
  });
});
