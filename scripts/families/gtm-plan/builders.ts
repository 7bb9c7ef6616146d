/**
 * The go-to-market plan as data (blueprint 002 Phases 6, 9 and 11; 004 capacity model): the
 * revenue plan a board approves (target, scenarios, quota per role, expected attainment, ramp,
 * attrition, funnel conversion rates, deal sizes) and the compensation plan of each quota role.
 * Nothing here deploys: `revops capacity` and `revops comp calculate` read it, the seed derives
 * the reps' Forecast_Quota__c records from it, and the catalogue shows it for review.
 */

/** What a quota counts: new-business ARR, expansion ARR, or pipeline generated (SDRs). */
export const PLAN_MEASURES = ['newBusiness', 'expansion', 'pipeline'] as const;
export type PlanMeasure = (typeof PLAN_MEASURES)[number];

/** The roles of blueprint 002's comp plan architecture table. */
export const COMP_ROLES = ['SDR', 'AE_SMB', 'AE_MM', 'AE_ENT', 'CS_AM'] as const;
export type CompRole = (typeof COMP_ROLES)[number];

export const SCENARIOS = ['bear', 'base', 'bull'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** A quota-carrying role of the revenue plan and who holds it in the rep roster. */
export interface QuotaRoleDef {
  readonly role: CompRole;
  readonly label: string;
  /** What its quota counts. */
  readonly measure: PlanMeasure;
  /** Share of the plan's target for that measure this role carries (0-1). */
  readonly share: number;
  /** Annual quota per fully ramped rep (ARR, or pipeline for SDRs). */
  readonly annualQuota: number;
  /** Expected attainment of quota (0.7 = 70 %): capacity plans on it, not on 100 %. */
  readonly expectedAttainment: number;
  /** Segment__c of the role's Forecast_Quota__c records. */
  readonly segment: string;
  /** Roster members holding the role: seats in these routing pools, or users with this title. */
  readonly roster: { readonly pools?: readonly string[]; readonly title?: string };
}

/** From tenure month `month` (1 = the first month) a new rep produces `productivity` (0-1). */
export interface RampStep {
  readonly month: number;
  readonly productivity: number;
}

/** A scenario as changes to the base plan (002 Phase 11 scenario planning). */
export interface ScenarioDef {
  readonly name: ScenarioName;
  /** Confidence the board puts in it (0-1). */
  readonly confidence: number;
  /** Revenue change from plan (-0.2 = 20 % below). */
  readonly revenueChange: number;
  /** Win rates change by these percentage points. */
  readonly winRatePoints: number;
  /** Sales cycles change by these days. */
  readonly cycleDays: number;
  /** Gross churn changes by these percentage points. */
  readonly churnPoints: number;
}

export interface FunnelRates {
  readonly mqlToSal: number;
  readonly salToSql: number;
  readonly sqlToOpp: number;
  readonly newWinRate: number;
  readonly expansionWinRate: number;
}

export interface RevenuePlanDef {
  readonly kind: 'revenuePlan';
  readonly name: string;
  readonly label: string;
  readonly description: string;
  /** First day of the fiscal year, YYYY-MM-DD. */
  readonly fiscalYearStart: string;
  /** ARR at the start of the year (churn is measured on it). */
  readonly startingArr: number;
  readonly targets: { readonly newBusiness: number; readonly expansion: number };
  readonly grossChurnRate: number;
  readonly avgNewDealSize: number;
  readonly avgExpansionDealSize: number;
  readonly salesCycleDays: { readonly newBusiness: number; readonly expansion: number };
  readonly funnel: FunnelRates;
  readonly roles: readonly QuotaRoleDef[];
  readonly ramp: readonly RampStep[];
  /** Share of reps expected to leave in a year (0-1). */
  readonly annualAttrition: number;
  readonly scenarios: readonly ScenarioDef[];
  readonly locked?: boolean;
}

/** One variable component: a measure and its share of the variable pay (weights sum to 1). */
export interface CompComponentDef {
  readonly name: string;
  readonly measure: PlanMeasure;
  readonly weight: number;
}

export interface CompPlanDef {
  readonly kind: 'compPlan';
  readonly name: string;
  readonly label: string;
  /** The revenue plan's quota role it pays. */
  readonly role: CompRole;
  /** On-target earnings per year. */
  readonly ote: number;
  /** Base share of OTE (0.6 = 60:40 base:variable). */
  readonly baseShare: number;
  /** Quota ÷ OTE. */
  readonly quotaMultiple: number;
  readonly components: readonly CompComponentDef[];
  /** Above `above` attainment the rate is multiplied by `multiplier`. */
  readonly accelerator: { readonly above: number; readonly multiplier: number };
  /** Below `below` attainment the rate is multiplied by `multiplier`. */
  readonly decelerator: { readonly below: number; readonly multiplier: number };
  /** Commission on a deal whose account churns within `withinDays` of the win is taken back. */
  readonly clawback: { readonly on: 'churn'; readonly withinDays: number };
  /** SPIF budget as a share of OTE. */
  readonly spifMaxShareOfOte: number;
  readonly payFrequency: 'monthly' | 'quarterly';
  readonly locked?: boolean;
}

export function revenuePlan(name: string, o: Omit<RevenuePlanDef, 'kind' | 'name'>): RevenuePlanDef {
  return { kind: 'revenuePlan', name, ...o };
}

export function compPlan(name: string, o: Omit<CompPlanDef, 'kind' | 'name'>): CompPlanDef {
  return { kind: 'compPlan', name, ...o };
}

/** The model sections of the GTM plan. */
export interface GtmPlanModel {
  readonly revenuePlan: RevenuePlanDef | undefined;
  readonly compPlans: readonly CompPlanDef[];
}

/** Productivity in tenure month `month` (1-based): the last step at or before it, 0 before the first. */
export function rampAt(ramp: readonly RampStep[], month: number): number {
  let productivity = 0;
  for (const step of ramp) if (step.month <= month) productivity = step.productivity;
  return productivity;
}
