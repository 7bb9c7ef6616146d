/** Compensation: paying the model's comp plans on a dataset (the library `revops comp calculate` prints). */
import type { RevOpsModel } from '../dsl/index.ts';
import { GtmPlanError, readRepRoster, requirePlan } from '../capacity/roster.ts';
import { calculateComp, type CompResult } from './calculate.ts';
import { readCompData } from './dataset.ts';

export * from './calculate.ts';
export { readChurn, readCompData, type CompData, type CompPeriod, type CreditedDeal } from './dataset.ts';

/** `revops comp calculate`: every rep's payout for `period` (a Forecast_Period__c Name or External_Id__c). */
export async function compCalculate(model: RevOpsModel, dataset: string, period: string): Promise<CompResult> {
  const plan = requirePlan(model.revenuePlan);
  if (!model.compPlans.length)
    throw new GtmPlanError('model: defines no comp plans (model/gtm/comp-plans.ts)', 'NoCompPlans', [
      'Add compPlan(...) definitions to the model (see docs/model/gtm-plan.md)',
    ]);
  const won = new Set((model.opportunityStages?.stages ?? []).filter((s) => s.won).map((s) => s.name));
  const roster = await readRepRoster(dataset);
  return calculateComp(plan, model.compPlans, roster, await readCompData(dataset, roster, period, won));
}
