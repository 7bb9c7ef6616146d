/**
 * `revops capacity` on data/seed, recomputed here from the roster file and the plan's numbers
 * with the blueprint's ramp written out by hand (002 Phase 6), and the seed's rep quotas held to
 * the revenue plan.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import realModel from '../../model/index.ts';
import { capacity, planCapacity } from '../../scripts/capacity/index.ts';
import Capacity from '../../scripts/cli/commands/revops/capacity.ts';
import type { CapacityResult } from '../../scripts/capacity/index.ts';
import { runCommand } from '../cli/run-command.ts';

const SEED = 'data/seed';
const roster = JSON.parse(readFileSync(`${SEED}/routing-roster.json`, 'utf8')) as {
  users: { id: string; active: boolean; hiredOn: string; title?: string }[];
  seats: { pool: string; user: string }[];
  quotaOwners: Record<string, string>;
};
const plan = realModel.revenuePlan!;

/** 002 Phase 6: months 1-2 0 %, month 3 25 %, months 4-5 50 %, month 6 on 100 %. */
const BLUEPRINT_RAMP = (tenure: number) => (tenure <= 2 ? 0 : tenure === 3 ? 0.25 : tenure <= 5 ? 0.5 : 1);
/** Tenure month of a rep in calendar month `year`-`month` (1-12): the hire month is month 1. */
const tenure = (hiredOn: string, year: number, month: number) =>
  (year - Number(hiredOn.slice(0, 4))) * 12 + month - Number(hiredOn.slice(5, 7)) + 1;
const fyProductivity = (hiredOn: string) => {
  let sum = 0;
  for (let m = 1; m <= 12; m++) {
    const t = tenure(hiredOn, 2027, m);
    sum += t >= 1 ? BLUEPRINT_RAMP(t) : 0;
  }
  return sum / 12;
};

describe('capacity on data/seed, recomputed', () => {
  test('the blueprint example: $5M ÷ ($600K × 70 %) = 12 AEs at full ramp', () => {
    const example = { ...plan, targets: { newBusiness: 5_000_000, expansion: 1 } };
    example.roles = [{ ...plan.roles[0]!, annualQuota: 600_000, expectedAttainment: 0.7 }];
    const [base] = planCapacity(
      example,
      { format: 'revops-routing-roster/1', users: [], seats: [], accountOwners: {} },
      'base',
    ).scenarios;
    assert.equal(Math.round(base!.roles[0]!.requiredAtFullRamp), 12);
    // From nobody: each hire on day one delivers 8.25 / 12 of a year, less half the attrition.
    assert.equal(base!.roles[0]!.hiresNeeded, Math.ceil(5_000_000 / 420_000 / ((8.25 / 12) * (1 - 0.15 / 2))));
  });

  for (const scenario of ['bear', 'base', 'bull'] as const)
    test(`${scenario}: enterprise AEs needed, hires and funnel`, async () => {
      const s = plan.scenarios.find((x) => x.name === scenario)!;
      const { scenarios } = await capacity(realModel, SEED, scenario);
      const ae = scenarios[0]!.roles.find((r) => r.role === 'AE_ENT')!;
      const grow = 1 + s.revenueChange;
      const target = 4_200_000 * grow;
      const required = target / (1_000_000 * 0.7);
      const seated = new Set(roster.seats.filter((x) => x.pool === 'ENT_AE').map((x) => x.user));
      const aes = roster.users.filter((u) => u.active && seated.has(u.id));
      const retention = 1 - 0.15 / 2;
      const current = aes.reduce((sum, u) => sum + fyProductivity(u.hiredOn), 0) * retention;
      const perHire = (8.25 / 12) * retention;
      assert.equal(ae.headcount, aes.length);
      assert.ok(Math.abs(ae.requiredAtFullRamp - required) < 1e-9);
      assert.ok(Math.abs(ae.currentCapacity - current) < 1e-9, `${ae.currentCapacity} vs ${current}`);
      assert.equal(ae.hiresNeeded, Math.max(0, Math.ceil((required - current) / perHire)));
      const win = 0.25 + s.winRatePoints / 100;
      const deals = target / 60_000;
      const f = scenarios[0]!.funnel;
      assert.ok(Math.abs(f.newDeals - deals) < 1e-9);
      assert.ok(Math.abs(f.opportunities - deals / win) < 1e-9);
      assert.ok(Math.abs(f.mqls - deals / win / 0.65 / 0.45 / 0.55) < 1e-6);
      assert.ok(Math.abs(f.pipeline - (deals / win) * 60_000) < 1e-6);
      assert.equal(f.salesCycleDays, 90 + s.cycleDays);
    });

  test("each rep's Forecast_Quota__c is the role quota for the quarter, ramped by tenure", () => {
    const quotas = readFileSync(`${SEED}/Forecast_Quota__c.ndjson`, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const periods = new Map(
      readFileSync(`${SEED}/Forecast_Period__c.ndjson`, 'utf8')
        .trim()
        .split('\n')
        .map((l) => {
          const p = JSON.parse(l);
          return [p.External_Id__c, p.Start_Date__c as string];
        }),
    );
    const annual: Record<string, number> = { ENT: 1_000_000, MM: 600_000 };
    const owned = quotas.filter((q) => roster.quotaOwners[q.External_Id__c]);
    assert.equal(owned.length, 14);
    for (const q of owned) {
      const user = roster.users.find((u) => u.id === roster.quotaOwners[q.External_Id__c])!;
      const start = periods.get(q.Forecast_Period__r.External_Id__c)!;
      const [y, m] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
      let ramp = 0;
      for (let k = 0; k < 3; k++) {
        const t = tenure(user.hiredOn, y + Math.floor((m - 1 + k) / 12), ((m - 1 + k) % 12) + 1);
        ramp += t >= 1 ? BLUEPRINT_RAMP(t) : 0;
      }
      assert.equal(
        q.Quota_ARR__c,
        Math.round((annual[q.Segment__c]! / 4) * (ramp / 3)),
        `${q.External_Id__c} of ${user.id}`,
      );
    }
  });

  test('revops capacity --json returns every scenario; a bad --scenario is a usage error', async () => {
    const run = await runCommand<CapacityResult>(Capacity, ['--json']);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(
      run.result!.scenarios.map((s) => s.scenario),
      ['bear', 'base', 'bull'],
    );
    const bad = await runCommand(Capacity, ['--scenario', 'worst']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /Expected --scenario=worst to be one of: bear, base, bull/);
  });
});
