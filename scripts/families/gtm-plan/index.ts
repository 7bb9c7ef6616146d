/** The go-to-market plan: the revenue plan and the comp plans (see builders.ts). Generates no metadata. */
import { defineFamily } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import * as builders from './builders.ts';
import type { GtmPlanModel } from './builders.ts';
import { gtmPlanCatalogue } from './catalogue.ts';
import { checkGtmPlan } from './checks.ts';

export type {
  CompComponentDef,
  CompPlanDef,
  CompRole,
  FunnelRates,
  GtmPlanModel,
  PlanMeasure,
  QuotaRoleDef,
  RampStep,
  RevenuePlanDef,
  ScenarioDef,
  ScenarioName,
} from './builders.ts';
export { COMP_ROLES, PLAN_MEASURES, rampAt, SCENARIOS } from './builders.ts';
export { COMP_ARCHITECTURE, COMP_RULES } from './checks.ts';

export const revenuePlan = locate(builders.revenuePlan);
export const compPlan = locate(builders.compPlan);

export const gtmPlanFamily = defineFamily<GtmPlanModel>({
  name: 'gtm-plan',
  sections: { revenuePlan: 'single', compPlans: 'list' },
  check: checkGtmPlan,
  lockable: (model) => [...(model.revenuePlan ? [model.revenuePlan] : []), ...model.compPlans],
  catalogue: gtmPlanCatalogue,
});
