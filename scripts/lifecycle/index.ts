/** The TypeScript mirror of the lifecycle jobs (the Apex classes LifecycleJob and LifecycleJobs). */
export { calendarClock, type BusinessClock } from './clock.ts';
export { lifecycleConfig } from './config.ts';
export { applyActions, decide, HANDLERS, jobRun, runSchedule, runTimes } from './run.ts';
export type { LifecycleConfig, LifecycleState, TakenAction } from './run.ts';
export { loadLifecycleState, simulateLifecycle, summarise, LIFECYCLE_OBJECTS } from './simulate.ts';
export type { SimulateOptions, SimulationResult } from './simulate.ts';
export { runVector, vectorsOf } from './vectors.ts';
export type { ExpectedAction, LifecycleVector } from './vectors.ts';
export { ACTION_KINDS } from './types.ts';
export type { ActionKind, LifecycleAction, LifecycleRecord } from './types.ts';
