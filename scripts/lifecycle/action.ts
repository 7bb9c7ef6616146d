import { idOf } from './records.ts';
import type { JobRun, LifecycleAction, LifecycleRecord } from './types.ts';

/** An action of the run's job on `r`, keyed `Job:record:step`. */
export const action = (
  run: JobRun,
  object: string,
  r: LifecycleRecord,
  step: string,
  a: Omit<LifecycleAction, 'job' | 'key' | 'object' | 'record'>,
): LifecycleAction => ({ job: run.job, key: `${run.job}:${idOf(r)}:${step}`, object, record: idOf(r), ...a });
