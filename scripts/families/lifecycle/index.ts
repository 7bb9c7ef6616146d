/** Lifecycle jobs: scheduled, idempotent automation over time (see builders.ts). */
import { defineFamily } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import * as builders from './builders.ts';
import type { LifecycleModel } from './builders.ts';

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

export const lifecycleJob = locate(builders.lifecycleJob);
export const businessCalendar = locate(builders.businessCalendar);

export const lifecycleFamily = defineFamily<LifecycleModel>({
  name: 'lifecycle',
  sections: { lifecycleJobs: 'list', lifecycleCalendar: 'single', lifecycleVectors: 'list' },
  lockable: (model) => model.lifecycleJobs,
});
