import type { LifecycleModel, StagesModel } from '../families/registry.ts';
import { LifecycleError } from './errors.ts';
import type { LifecycleConfig } from './run.ts';

/** The jobs, calendar and closed/won stages of a model. */
export function lifecycleConfig(model: LifecycleModel & Pick<StagesModel, 'opportunityStages'>): LifecycleConfig {
  if (!model.lifecycleCalendar)
    throw new LifecycleError('The model defines no lifecycleCalendar: the jobs need business hours', 'NoCalendar', [
      'Add lifecycleCalendar: businessCalendar(...) to the model (model/automation/lifecycle.ts)',
    ]);
  const stages = model.opportunityStages?.stages ?? [];
  return {
    jobs: model.lifecycleJobs,
    calendar: model.lifecycleCalendar,
    stages: {
      closed: new Set(stages.filter((s) => s.closed).map((s) => s.name)),
      won: new Set(stages.filter((s) => s.won).map((s) => s.name)),
    },
  };
}
