/** Capacity planning from the revenue plan: the library `revops capacity` prints (see capacity.ts). */
export * from './capacity.ts';
export { averageProductivity, monthIndex, monthsBetween, periodQuota, roleHolders, tenureMonth } from './ramp.ts';
export { GtmPlanError, readRepRoster, requirePlan } from './roster.ts';

import type { RevOpsModel } from '../dsl/index.ts';
import type { ScenarioName } from '../dsl/index.ts';
import { planCapacity, type CapacityResult } from './capacity.ts';
import { readRepRoster, requirePlan } from './roster.ts';

/** `revops capacity`: the model's revenue plan against the dataset's roster. */
export async function capacity(model: RevOpsModel, dataset: string, scenario?: ScenarioName): Promise<CapacityResult> {
  const plan = requirePlan(model.revenuePlan);
  return planCapacity(plan, await readRepRoster(dataset), scenario);
}
