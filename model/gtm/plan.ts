/** The go-to-market plan's part of the model: the revenue plan and the comp plans (model/index.ts adds it). */
import type { ModelPart, RevOpsModel } from '../../scripts/dsl/index.ts';
import { compPlans } from './comp-plans.ts';
import { fy2027Plan } from './revenue-plan.ts';

export const gtmPlan: ModelPart<RevOpsModel> = { revenuePlan: fy2027Plan, compPlans };
