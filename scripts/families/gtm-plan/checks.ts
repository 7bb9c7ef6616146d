/**
 * The GTM plan's rules: a revenue plan whose numbers can be planned on, and comp plans that keep
 * blueprint 002 Phase 9's design rules (each rule below is one check, each has a failing test in
 * tests/gtm/plan-checks.test.ts).
 */
import type { CheckContext } from '../../core/checks.ts';
import {
  COMP_ROLES,
  PLAN_MEASURES,
  SCENARIOS,
  type CompPlanDef,
  type CompRole,
  type GtmPlanModel,
  type RevenuePlanDef,
} from './builders.ts';

/** Blueprint 002 Phase 9, "Comp Plan Architecture": base share, OTE range, quota multiple range. */
export const COMP_ARCHITECTURE: Readonly<
  Record<CompRole, { base: number; ote: [number, number]; multiple?: [number, number] }>
> = {
  SDR: { base: 0.7, ote: [55_000, 85_000], multiple: [3, 5] },
  AE_SMB: { base: 0.5, ote: [100_000, 150_000], multiple: [4, 6] },
  AE_MM: { base: 0.5, ote: [150_000, 250_000], multiple: [4, 5] },
  AE_ENT: { base: 0.6, ote: [200_000, 350_000], multiple: [3, 4] },
  CS_AM: { base: 0.7, ote: [80_000, 150_000] },
};

/** Blueprint 002 Phase 9, "Comp Design Rules". */
export const COMP_RULES = {
  maxComponents: 3,
  acceleratorAt: 1,
  acceleratorMultiplier: [1.5, 2] as const,
  deceleratorBelow: 0.5,
  deceleratorMultiplier: 0.5,
  maxSpifShare: 0.1,
  maxClawbackDays: 90,
  payFrequency: 'monthly',
} as const;

const pct = (n: number) => `${Math.round(n * 1000) / 10} %`;
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
const isRate = (n: number) => Number.isFinite(n) && n > 0 && n <= 1;

function checkPlanNumbers(plan: RevenuePlanDef, c: CheckContext, at: string): void {
  if (!isDay(plan.fiscalYearStart)) c.report(plan, at, `fiscalYearStart "${plan.fiscalYearStart}" is not YYYY-MM-DD`);
  const positive: [string, number][] = [
    ['targets.newBusiness', plan.targets.newBusiness],
    ['targets.expansion', plan.targets.expansion],
    ['avgNewDealSize', plan.avgNewDealSize],
    ['avgExpansionDealSize', plan.avgExpansionDealSize],
    ['salesCycleDays.newBusiness', plan.salesCycleDays.newBusiness],
    ['salesCycleDays.expansion', plan.salesCycleDays.expansion],
  ];
  for (const [what, n] of positive)
    if (!Number.isFinite(n) || n <= 0) c.report(plan, at, `${what} must be a positive number, got ${n}`);
  if (!Number.isFinite(plan.startingArr) || plan.startingArr < 0)
    c.report(plan, at, `startingArr must be zero or more, got ${plan.startingArr}`);
  for (const [what, n] of Object.entries(plan.funnel))
    if (!isRate(n)) c.report(plan, at, `funnel.${what} must be a rate above 0 and at most 1, got ${n}`);
  for (const [what, n] of [
    ['grossChurnRate', plan.grossChurnRate],
    ['annualAttrition', plan.annualAttrition],
  ] as const)
    if (!Number.isFinite(n) || n < 0 || n >= 1)
      c.report(plan, at, `${what} must be from 0 up to (not including) 1, got ${n}`);
}

function checkRamp(plan: RevenuePlanDef, c: CheckContext, at: string): void {
  const ramp = plan.ramp;
  if (!ramp.length) return c.report(plan, at, 'ramp schedule is empty: give productivity by tenure month');
  if (ramp[0]!.month !== 1)
    c.report(plan, at, `ramp schedule must start at month 1, starts at month ${ramp[0]!.month}`);
  ramp.forEach((step, i) => {
    const prev = ramp[i - 1];
    if (!Number.isInteger(step.month)) c.report(plan, at, `ramp month ${step.month} is not a whole month`);
    if (step.productivity < 0 || step.productivity > 1)
      c.report(plan, at, `ramp month ${step.month}: productivity ${step.productivity} is not between 0 and 1`);
    if (prev && step.month <= prev.month)
      c.report(plan, at, `ramp months must increase: ${step.month} after ${prev.month}`);
    if (prev && step.productivity < prev.productivity)
      c.report(
        plan,
        at,
        `ramp month ${step.month}: productivity falls from ${prev.productivity} to ${step.productivity}`,
      );
  });
  if (ramp.at(-1)!.productivity !== 1)
    c.report(plan, at, `ramp schedule must end fully ramped (productivity 1), ends at ${ramp.at(-1)!.productivity}`);
}

function checkRoles(plan: RevenuePlanDef, c: CheckContext, at: string): void {
  c.unique(
    plan.roles,
    (r) => r.role,
    (r) => `${at} role ${r.role}`,
    'quota role',
    plan,
  );
  for (const r of plan.roles) {
    const where = `${at} role ${r.role}`;
    if (!COMP_ROLES.includes(r.role)) c.report(plan, where, `unknown role: use one of ${COMP_ROLES.join(', ')}`);
    if (!PLAN_MEASURES.includes(r.measure)) c.report(plan, where, `unknown measure "${r.measure}"`);
    if (!isRate(r.share)) c.report(plan, where, `share must be above 0 and at most 1, got ${r.share}`);
    if (!(r.annualQuota > 0)) c.report(plan, where, `annualQuota must be positive, got ${r.annualQuota}`);
    if (!(r.expectedAttainment > 0 && r.expectedAttainment <= 1.5))
      c.report(plan, where, `expectedAttainment must be above 0 and at most 1.5, got ${r.expectedAttainment}`);
    if (!r.roster.pools?.length && !r.roster.title)
      c.report(plan, where, 'roster names no pools and no title: capacity cannot count the current reps');
  }
  for (const measure of PLAN_MEASURES) {
    const total = plan.roles.filter((r) => r.measure === measure).reduce((s, r) => s + r.share, 0);
    if (total > 1 + 1e-9)
      c.report(plan, at, `roles carry ${pct(total)} of ${measure}: shares of one measure add up to at most 100 %`);
  }
}

function checkScenarios(plan: RevenuePlanDef, c: CheckContext, at: string): void {
  c.unique(
    plan.scenarios,
    (s) => s.name,
    (s) => `${at} scenario ${s.name}`,
    'scenario',
    plan,
  );
  for (const name of SCENARIOS)
    if (!plan.scenarios.some((s) => s.name === name))
      c.report(plan, at, `scenario ${name} is missing: model bear, base and bull (002 Phase 11)`);
  const base = plan.scenarios.find((s) => s.name === 'base');
  if (base && (base.revenueChange || base.winRatePoints || base.cycleDays || base.churnPoints))
    c.report(plan, `${at} scenario base`, 'the base scenario is the plan itself: every change must be 0');
  for (const s of plan.scenarios)
    if (!(s.revenueChange > -1))
      c.report(plan, `${at} scenario ${s.name}`, `revenueChange ${s.revenueChange} leaves no revenue`);
}

export function checkRevenuePlan(plan: RevenuePlanDef, c: CheckContext): void {
  const at = `RevenuePlan ${plan.name}`;
  checkPlanNumbers(plan, c, at);
  checkRamp(plan, c, at);
  checkRoles(plan, c, at);
  checkScenarios(plan, c, at);
}

function checkArchitecture(plan: CompPlanDef, c: CheckContext, at: string, quota: number | undefined): void {
  const arch = COMP_ARCHITECTURE[plan.role];
  if (!arch) return c.report(plan, at, `unknown role "${plan.role}": use one of ${COMP_ROLES.join(', ')}`);
  const split = (b: number) => `${Math.round(b * 100)}:${Math.round((1 - b) * 100)}`;
  if (Math.abs(plan.baseShare - arch.base) > 1e-9)
    c.report(
      plan,
      at,
      `base:variable ${split(plan.baseShare)}: the blueprint's ${plan.role} plan is ${split(arch.base)}`,
    );
  if (plan.ote < arch.ote[0] || plan.ote > arch.ote[1])
    c.report(plan, at, `OTE ${plan.ote} is outside the blueprint's ${plan.role} range ${arch.ote[0]}-${arch.ote[1]}`);
  if (arch.multiple && (plan.quotaMultiple < arch.multiple[0] || plan.quotaMultiple > arch.multiple[1]))
    c.report(
      plan,
      at,
      `quota multiple ${plan.quotaMultiple}x OTE is outside the blueprint's ${arch.multiple[0]}-${arch.multiple[1]}x`,
    );
  if (quota === undefined) c.report(plan, at, `the revenue plan has no quota role ${plan.role} for this plan to pay`);
  else if (Math.abs(quota - plan.ote * plan.quotaMultiple) > 0.5)
    c.report(
      plan,
      at,
      `OTE ${plan.ote} x quota multiple ${plan.quotaMultiple} = ${plan.ote * plan.quotaMultiple}, but the revenue plan's ${plan.role} quota is ${quota}`,
    );
}

function checkComponents(plan: CompPlanDef, c: CheckContext, at: string): void {
  const n = plan.components.length;
  if (n === 0) c.report(plan, at, 'no variable component: a comp plan pays on at least one measure');
  if (n > COMP_RULES.maxComponents)
    c.report(
      plan,
      at,
      `${n} variable components: keep variable comp simple, at most ${COMP_RULES.maxComponents} (002 Phase 9 rule 1)`,
    );
  c.unique(
    plan.components,
    (k) => k.measure,
    (k) => `${at} component ${k.name}`,
    'component measure',
    plan,
  );
  const weights = plan.components.reduce((s, k) => s + k.weight, 0);
  if (n && Math.abs(weights - 1) > 1e-9) c.report(plan, at, `component weights add up to ${pct(weights)}, not 100 %`);
  for (const k of plan.components) {
    if (!PLAN_MEASURES.includes(k.measure))
      c.report(plan, `${at} component ${k.name}`, `unknown measure "${k.measure}"`);
    if (!isRate(k.weight))
      c.report(plan, `${at} component ${k.name}`, `weight must be above 0 and at most 1, got ${k.weight}`);
  }
}

function checkDesignRules(plan: CompPlanDef, c: CheckContext, at: string): void {
  const [lo, hi] = COMP_RULES.acceleratorMultiplier;
  if (plan.accelerator.above !== COMP_RULES.acceleratorAt)
    c.report(
      plan,
      at,
      `accelerator starts at ${pct(plan.accelerator.above)}: accelerators kick in at 100 % attainment (rule 2)`,
    );
  if (plan.accelerator.multiplier < lo || plan.accelerator.multiplier > hi)
    c.report(
      plan,
      at,
      `accelerator ${plan.accelerator.multiplier}x: the blueprint's accelerator is ${lo}-${hi}x the rate (rule 2)`,
    );
  if (
    plan.decelerator.below !== COMP_RULES.deceleratorBelow ||
    plan.decelerator.multiplier !== COMP_RULES.deceleratorMultiplier
  )
    c.report(
      plan,
      at,
      `decelerator ${plan.decelerator.multiplier}x below ${pct(plan.decelerator.below)}: the blueprint's is 0.5x below 50 % attainment (rule 3)`,
    );
  if (!(plan.spifMaxShareOfOte >= 0 && plan.spifMaxShareOfOte < COMP_RULES.maxSpifShare))
    c.report(
      plan,
      at,
      `SPIF budget ${pct(plan.spifMaxShareOfOte)} of OTE: SPIFs stay under 10 % of total comp (rule 4)`,
    );
  if (
    plan.clawback.on !== 'churn' ||
    !(plan.clawback.withinDays > 0 && plan.clawback.withinDays <= COMP_RULES.maxClawbackDays)
  )
    c.report(
      plan,
      at,
      `clawback on ${plan.clawback.on} within ${plan.clawback.withinDays} days: claw back only on churn within 90 days (rule 5)`,
    );
  if (plan.payFrequency !== COMP_RULES.payFrequency)
    c.report(plan, at, `pays ${plan.payFrequency}: pay monthly, not quarterly (rule 6)`);
}

export function checkGtmPlan(model: GtmPlanModel, c: CheckContext): void {
  if (model.revenuePlan) checkRevenuePlan(model.revenuePlan, c);
  c.unique(
    model.compPlans,
    (p) => p.name,
    (p) => `CompPlan ${p.name}`,
    'comp plan',
  );
  c.unique(
    model.compPlans,
    (p) => p.role,
    (p) => `CompPlan ${p.name}`,
    'comp plan role',
  );
  const quotas = new Map(model.revenuePlan?.roles.map((r) => [r.role, r.annualQuota]));
  for (const plan of model.compPlans) {
    const at = `CompPlan ${plan.name}`;
    if (!(plan.ote > 0)) c.report(plan, at, `OTE must be positive, got ${plan.ote}`);
    checkArchitecture(plan, c, at, quotas.get(plan.role));
    checkComponents(plan, c, at);
    checkDesignRules(plan, c, at);
  }
}
