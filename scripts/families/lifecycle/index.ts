/** Lifecycle jobs: scheduled, idempotent automation over time (see builders.ts). */
import { defineFamily } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import * as builders from './builders.ts';
import type { LifecycleModel } from './builders.ts';
import type { ObjectsModel } from '../objects/index.ts';
import { checkLifecycle } from './checks.ts';
import { emitLifecycle, RENEWAL_OPPORTUNITY_TYPE, STANDARD_OPPORTUNITY_TYPES, VECTOR_RUNNER_CLASS } from './emit.ts';
import { lifecycleCatalogue } from './catalogue.ts';

export type {
  BusinessCalendarDef,
  LifecycleHandler,
  LifecycleJobDef,
  LifecycleModel,
  LifecycleSchedule,
  LifecycleVectorFile,
  ThresholdValue,
} from './builders.ts';
export { CALENDAR_TYPE, cronOf, flattenThresholds, JOB_TYPE, LIFECYCLE_HANDLERS, THRESHOLD_TYPE } from './builders.ts';

export { REQUIRED_THRESHOLDS } from './checks.ts';
export {
  RENEWAL_OPPORTUNITY_TYPE,
  VECTORS_RESOURCE as LIFECYCLE_VECTORS_RESOURCE,
  VECTORS_TEST_CLASS,
} from './emit.ts';

export const lifecycleJob = locate(builders.lifecycleJob);
export const businessCalendar = locate(builders.businessCalendar);

export const lifecycleFamily = defineFamily<LifecycleModel, LifecycleModel & ObjectsModel>({
  name: 'lifecycle',
  sections: { lifecycleJobs: 'list', lifecycleCalendar: 'single', lifecycleVectors: 'list' },
  describe: (model, schema) => {
    if (model.lifecycleJobs.some((j) => j.handler === 'Renewals'))
      schema.setPicklistValues('Opportunity', 'Type', [...STANDARD_OPPORTUNITY_TYPES, RENEWAL_OPPORTUNITY_TYPE]);
  },
  check: checkLifecycle,
  emit: emitLifecycle,
  references: (model) =>
    ['LifecycleJob', 'LifecycleJobs', VECTOR_RUNNER_CLASS].flatMap((name) =>
      model.lifecycleJobs.length
        ? [
            {
              type: 'ApexClass',
              name,
              component: `LifecycleJob ${model.lifecycleJobs[0]!.name}`,
              definition: model.lifecycleJobs[0]!,
              message: `the lifecycle jobs run in the hand-written Apex class ${name} (force-app/main/default/classes)`,
            },
          ]
        : [],
    ),
  lockable: (model) => model.lifecycleJobs,
  catalogue: lifecycleCatalogue,
});
