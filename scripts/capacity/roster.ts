/** Reading a dataset's rep roster (routing-roster.json) for capacity and comp, with errors that name the file. */
import { SfError } from '@salesforce/core/sfError';
import { readRoster, type Roster } from '../data/routing-roster.ts';
import type { RevenuePlanDef } from '../dsl/index.ts';

/** What the GTM commands need from the model and cannot run without. */
export class GtmPlanError extends SfError {}

export function requirePlan(plan: RevenuePlanDef | undefined): RevenuePlanDef {
  if (!plan)
    throw new GtmPlanError('model: defines no revenue plan (model/gtm/revenue-plan.ts)', 'NoRevenuePlan', [
      'Add a revenuePlan(...) to the model (see docs/model/gtm-plan.md)',
    ]);
  return plan;
}

/** The dataset's rep roster, for capacity and comp. */
export const readRepRoster = (dir: string): Promise<Roster> =>
  readRoster(dir, 'capacity and comp read the reps from the roster');
