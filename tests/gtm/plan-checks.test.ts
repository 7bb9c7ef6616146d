/**
 * validateModel refuses a GTM plan that breaks the blueprint: each of 002 Phase 9's comp design
 * rules, the architecture table, and the revenue plan's own arithmetic, with the model line, the
 * component and the problem.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import realModel from '../../model/index.ts';
import { accountManagerPlan, compPlans, enterpriseAePlan } from '../../model/gtm/comp-plans.ts';
import { fy2027Plan } from '../../model/gtm/revenue-plan.ts';
import {
  compPlan,
  gtmPlanFamily,
  revenuePlan,
  type CompPlanDef,
  type RevOpsModel,
  type RevenuePlanDef,
} from '../../scripts/dsl/index.ts';
import { validateModel } from '../../scripts/model/validate.ts';

const FILE = 'tests/gtm/plan-checks.test.ts';

/** A definition's options: everything but its kind and name. */
const withoutIdentity = <T extends { kind: string; name: string }>(def: T): Omit<T, 'kind' | 'name'> =>
  Object.fromEntries(Object.entries(def).filter(([k]) => k !== 'kind' && k !== 'name')) as Omit<T, 'kind' | 'name'>;

const issuesOf = (plan: RevenuePlanDef | undefined, plans: readonly CompPlanDef[]) =>
  validateModel({ revenuePlan: plan, compPlans: plans } as unknown as RevOpsModel, [gtmPlanFamily]);

/** An enterprise AE plan changed as given, built here (its issues point at this file). */
const aePlan = (change: Partial<CompPlanDef>) =>
  compPlan(enterpriseAePlan.name, { ...withoutIdentity(enterpriseAePlan), ...change });

function refuses(change: Partial<CompPlanDef>, message: RegExp): void {
  const issues = issuesOf(fy2027Plan, [aePlan(change)]);
  const issue = issues.find((i) => message.test(i.message));
  assert.ok(issue, `${message} in ${JSON.stringify(issues)}`);
  assert.equal(issue.component, 'CompPlan AE_Enterprise_FY2027');
  assert.match(issue.origin ?? '', new RegExp(`^${FILE}:\\d+$`));
}

describe('the model GTM plan', () => {
  test('the real model has a revenue plan and three comp plans that keep every rule', () => {
    assert.equal(realModel.revenuePlan, fy2027Plan);
    assert.equal(realModel.compPlans.length, 3);
    assert.deepEqual(issuesOf(fy2027Plan, compPlans), []);
  });
});

describe('comp design rules (002 Phase 9)', () => {
  test('1. at most 3 variable components', () =>
    refuses(
      {
        components: [
          { name: 'A', measure: 'newBusiness', weight: 0.25 },
          { name: 'B', measure: 'expansion', weight: 0.25 },
          { name: 'C', measure: 'pipeline', weight: 0.25 },
          { name: 'D', measure: 'newBusiness', weight: 0.25 },
        ],
      },
      /4 variable components: keep variable comp simple, at most 3/,
    ));
  test('component weights add up to 100 %', () =>
    refuses(
      { components: [{ name: 'New', measure: 'newBusiness', weight: 0.8 }] },
      /weights add up to 80 %, not 100 %/,
    ));
  test('2. accelerators kick in at 100 % attainment', () =>
    refuses(
      { accelerator: { above: 1.1, multiplier: 2 } },
      /accelerator starts at 110 %: accelerators kick in at 100 %/,
    ));
  test('2. accelerators are 1.5-2x the rate', () =>
    refuses({ accelerator: { above: 1, multiplier: 3 } }, /accelerator 3x: the blueprint's accelerator is 1.5-2x/));
  test('3. decelerators below 50 % at 0.5x the rate', () =>
    refuses(
      { decelerator: { below: 0.6, multiplier: 0.5 } },
      /decelerator 0.5x below 60 %: the blueprint's is 0.5x below 50 %/,
    ));
  test('4. SPIFs under 10 % of total comp', () =>
    refuses({ spifMaxShareOfOte: 0.1 }, /SPIF budget 10 % of OTE: SPIFs stay under 10 %/));
  test('5. clawback only on churn within 90 days', () =>
    refuses(
      { clawback: { on: 'churn', withinDays: 120 } },
      /clawback on churn within 120 days: claw back only on churn within 90 days/,
    ));
  test('6. pay monthly', () => refuses({ payFrequency: 'quarterly' }, /pays quarterly: pay monthly, not quarterly/));
  test('base:variable follows the architecture table', () =>
    refuses({ baseShare: 0.5 }, /base:variable 50:50: the blueprint's AE_ENT plan is 60:40/));
  test('OTE inside the role range', () =>
    refuses({ ote: 400_000, quotaMultiple: 2.5 }, /OTE 400000 is outside the blueprint's AE_ENT range 200000-350000/));
  test('quota multiple inside the role range', () =>
    refuses({ ote: 200_000, quotaMultiple: 5 }, /quota multiple 5x OTE is outside the blueprint's 3-4x/));
  test('OTE x quota multiple is the revenue plan quota', () =>
    refuses(
      { quotaMultiple: 3 },
      /OTE 250000 x quota multiple 3 = 750000, but the revenue plan's AE_ENT quota is 1000000/,
    ));
  test('a comp plan pays a quota role of the revenue plan', () => {
    const issues = issuesOf(undefined, [accountManagerPlan]);
    assert.match(issues.map((i) => i.message).join('\n'), /the revenue plan has no quota role CS_AM/);
  });
});

describe('the revenue plan', () => {
  const broken = revenuePlan('Broken', {
    ...withoutIdentity(fy2027Plan),
    funnel: { ...fy2027Plan.funnel, newWinRate: 1.25 },
    ramp: [
      { month: 1, productivity: 0.5 },
      { month: 3, productivity: 0.25 },
    ],
    scenarios: fy2027Plan.scenarios.filter((s) => s.name !== 'bull'),
    roles: [{ ...fy2027Plan.roles[0]!, expectedAttainment: 0 }],
  });
  const messages = issuesOf(broken, []).map((i) => `${i.component} @ ${i.origin}: ${i.message}`);

  test('names the plan, the model line and each problem', () => {
    assert.ok(
      messages.every((m) => m.startsWith(`RevenuePlan Broken`) && m.includes(FILE)),
      messages.join('\n'),
    );
    for (const expected of [
      /funnel.newWinRate must be a rate above 0 and at most 1, got 1.25/,
      /ramp month 3: productivity falls from 0.5 to 0.25/,
      /ramp schedule must end fully ramped \(productivity 1\), ends at 0.25/,
      /scenario bull is missing/,
      /role AE_ENT @ .*: expectedAttainment must be above 0 and at most 1.5, got 0/,
    ])
      assert.ok(
        messages.some((m) => expected.test(m)),
        `${expected} in\n${messages.join('\n')}`,
      );
  });
});
