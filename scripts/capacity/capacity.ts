/**
 * `revops capacity`: the revenue plan (model/gtm) turned into the reps and the funnel it needs,
 * per scenario (blueprint 002 Phases 6 and 11, 004 capacity planning).
 *
 * Per quota role:
 *   required at full ramp = role target ÷ (quota × expected attainment)                (002 Phase 6)
 *   retention             = 1 − attrition ÷ 2   (a leaver works half the year on average)
 *   current capacity      = Σ active holders' average ramp productivity over the fiscal year × retention
 *   capacity of a hire    = average ramp productivity of a rep hired on the year's first day × retention
 *   hires needed          = ⌈(required − current capacity) ÷ capacity of a hire⌉ (0 when covered)
 * The funnel (002 Phase 11 `derived`): deals = new business ÷ deal size, opportunities = deals ÷
 * win rate, SQLs = opportunities ÷ SQL→opp, SALs = SQLs ÷ SAL→SQL, MQLs = SALs ÷ MQL→SAL,
 * pipeline = opportunities × deal size; the same for expansion with its own size and win rate.
 */
import type { QuotaRoleDef, RevenuePlanDef, ScenarioDef, ScenarioName } from '../dsl/index.ts';
import type { Roster } from '../data/routing-roster.ts';
import { averageProductivity, monthIndex, roleHolders } from './ramp.ts';

export interface RoleCapacity {
  readonly role: string;
  readonly label: string;
  readonly measure: string;
  /** What the role must bring in (ARR, or pipeline for SDRs). */
  readonly target: number;
  readonly annualQuota: number;
  readonly expectedAttainment: number;
  readonly requiredAtFullRamp: number;
  readonly headcount: number;
  /** Full-year equivalents the current holders deliver (ramp and attrition counted). */
  readonly currentCapacity: number;
  readonly newHireCapacity: number;
  readonly hiresNeeded: number;
  /** Expected to leave during the year (headcount after hiring × attrition). */
  readonly expectedLeavers: number;
  /** (current capacity + hires' capacity) × quota × attainment. */
  readonly productiveCapacity: number;
  /** Target − productive capacity (negative: more capacity than the target needs). */
  readonly gap: number;
}

export interface Funnel {
  readonly newDeals: number;
  readonly opportunities: number;
  readonly sqls: number;
  readonly sals: number;
  readonly mqls: number;
  readonly pipeline: number;
  readonly expansionDeals: number;
  readonly expansionOpportunities: number;
  readonly expansionPipeline: number;
  readonly winRate: number;
  readonly expansionWinRate: number;
  /** Days an opportunity needs from creation to close: pipeline must exist this long before it is due. */
  readonly salesCycleDays: number;
}

export interface ScenarioCapacity {
  readonly scenario: ScenarioName;
  readonly confidence: number;
  readonly targets: {
    readonly newBusiness: number;
    readonly expansion: number;
    readonly churned: number;
    readonly netNew: number;
    readonly endingArr: number;
  };
  readonly roles: readonly RoleCapacity[];
  readonly funnel: Funnel;
}

export interface CapacityResult {
  readonly plan: string;
  readonly fiscalYearStart: string;
  readonly scenarios: readonly ScenarioCapacity[];
}

const clampRate = (r: number) => Math.min(1, Math.max(0.01, r));

/** The funnel a scenario needs (unrounded; the CLI rounds counts up). */
export function funnelFor(plan: RevenuePlanDef, s: ScenarioDef): Funnel {
  const grow = 1 + s.revenueChange;
  const winRate = clampRate(plan.funnel.newWinRate + s.winRatePoints / 100);
  const expansionWinRate = clampRate(plan.funnel.expansionWinRate + s.winRatePoints / 100);
  const newDeals = (plan.targets.newBusiness * grow) / plan.avgNewDealSize;
  const opportunities = newDeals / winRate;
  const sqls = opportunities / plan.funnel.sqlToOpp;
  const sals = sqls / plan.funnel.salToSql;
  const expansionDeals = (plan.targets.expansion * grow) / plan.avgExpansionDealSize;
  const expansionOpportunities = expansionDeals / expansionWinRate;
  return {
    newDeals,
    opportunities,
    sqls,
    sals,
    mqls: sals / plan.funnel.mqlToSal,
    pipeline: opportunities * plan.avgNewDealSize,
    expansionDeals,
    expansionOpportunities,
    expansionPipeline: expansionOpportunities * plan.avgExpansionDealSize,
    winRate,
    expansionWinRate,
    salesCycleDays: plan.salesCycleDays.newBusiness + s.cycleDays,
  };
}

function roleTarget(plan: RevenuePlanDef, role: QuotaRoleDef, s: ScenarioDef, funnel: Funnel): number {
  const grow = 1 + s.revenueChange;
  if (role.measure === 'newBusiness') return plan.targets.newBusiness * grow * role.share;
  if (role.measure === 'expansion') return plan.targets.expansion * grow * role.share;
  return funnel.pipeline * role.share;
}

export function roleCapacity(plan: RevenuePlanDef, role: QuotaRoleDef, target: number, roster: Roster): RoleCapacity {
  const year = monthIndex(plan.fiscalYearStart);
  const retention = 1 - plan.annualAttrition / 2;
  const holders = roleHolders(role, roster.users, roster.seats);
  const currentCapacity =
    holders.reduce((sum, u) => sum + averageProductivity(plan.ramp, u.hiredOn, year, 12), 0) * retention;
  const newHireCapacity = averageProductivity(plan.ramp, plan.fiscalYearStart, year, 12) * retention;
  const requiredAtFullRamp = target / (role.annualQuota * role.expectedAttainment);
  const shortfall = requiredAtFullRamp - currentCapacity;
  const hiresNeeded = shortfall > 1e-9 ? Math.ceil(shortfall / newHireCapacity - 1e-9) : 0;
  const productiveCapacity =
    (currentCapacity + hiresNeeded * newHireCapacity) * role.annualQuota * role.expectedAttainment;
  return {
    role: role.role,
    label: role.label,
    measure: role.measure,
    target,
    annualQuota: role.annualQuota,
    expectedAttainment: role.expectedAttainment,
    requiredAtFullRamp,
    headcount: holders.length,
    currentCapacity,
    newHireCapacity,
    hiresNeeded,
    expectedLeavers: (holders.length + hiresNeeded) * plan.annualAttrition,
    productiveCapacity,
    gap: target - productiveCapacity,
  };
}

export function scenarioCapacity(plan: RevenuePlanDef, s: ScenarioDef, roster: Roster): ScenarioCapacity {
  const funnel = funnelFor(plan, s);
  const newBusiness = plan.targets.newBusiness * (1 + s.revenueChange);
  const expansion = plan.targets.expansion * (1 + s.revenueChange);
  const churned = plan.startingArr * (plan.grossChurnRate + s.churnPoints / 100);
  const netNew = newBusiness + expansion - churned;
  return {
    scenario: s.name,
    confidence: s.confidence,
    targets: { newBusiness, expansion, churned, netNew, endingArr: plan.startingArr + netNew },
    roles: plan.roles.map((r) => roleCapacity(plan, r, roleTarget(plan, r, s, funnel), roster)),
    funnel,
  };
}

/** Capacity under one scenario, or under every scenario of the plan in its order. */
export function planCapacity(plan: RevenuePlanDef, roster: Roster, scenario?: ScenarioName): CapacityResult {
  const scenarios = plan.scenarios.filter((s) => scenario === undefined || s.name === scenario);
  return {
    plan: plan.name,
    fiscalYearStart: plan.fiscalYearStart,
    scenarios: scenarios.map((s) => scenarioCapacity(plan, s, roster)),
  };
}
