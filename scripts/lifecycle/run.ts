/**
 * Runs lifecycle jobs over records as the org's schedules would: each job at its scheduled
 * instants (in the calendar's zone), each run's actions minus those already in the ledger, applied
 * before the next run. Running the same period twice over the result acts on nothing new.
 */
import {
  flattenThresholds,
  type BusinessCalendarDef,
  type LifecycleHandler,
  type LifecycleJobDef,
} from '../families/registry.ts';
import { addDays, calendarClock, type BusinessClock } from './clock.ts';
import { commitments, expiries, handoffs, pocs } from './jobs-after-sale.ts';
import { renewals, staleDeals } from './jobs.ts';
import { EXTERNAL_ID, idOf } from './records.ts';
import type { JobHandler, JobRun, LifecycleAction, LifecycleRecord } from './types.ts';

export const HANDLERS: Readonly<Record<LifecycleHandler, JobHandler>> = {
  StaleDeals: staleDeals,
  Renewals: renewals,
  Handoffs: handoffs,
  Expiries: expiries,
  Commitments: commitments,
  Pocs: pocs,
};

/** What the jobs need from the model. */
export interface LifecycleConfig {
  readonly jobs: readonly LifecycleJobDef[];
  readonly calendar: BusinessCalendarDef;
  readonly stages: { readonly closed: ReadonlySet<string>; readonly won: ReadonlySet<string> };
}

/** The records, and the ledger of keys already acted on (Lifecycle_Action__c). */
export interface LifecycleState {
  readonly records: Record<string, LifecycleRecord[]>;
  readonly ledger: Set<string>;
}

/** An action as taken: when, by which run. */
export type TakenAction = LifecycleAction & { readonly at: string };

export function jobRun(
  config: LifecycleConfig,
  job: LifecycleJobDef,
  state: LifecycleState,
  now: number,
  clock: BusinessClock = calendarClock(config.calendar),
): JobRun {
  const flat = new Map(flattenThresholds(job.thresholds));
  return {
    job: job.name,
    records: state.records,
    now,
    today: clock.localDate(now),
    clock,
    stages: config.stages,
    threshold(key) {
      const value = flat.get(key);
      if (value === undefined) throw new Error(`Lifecycle job ${job.name} has no threshold ${key}`);
      return value;
    },
    thresholdsUnder(prefix) {
      const under = [...flat].filter(([k]) => k.startsWith(`${prefix}.`));
      return new Map(under.map(([k, v]) => [k.slice(prefix.length + 1), v]));
    },
  };
}

/** The new actions of one run: the handler's, minus keys in the ledger, each key once. */
export function decide(run: JobRun, handler: JobHandler, ledger: ReadonlySet<string>): LifecycleAction[] {
  const seen = new Set(ledger);
  return handler(run).filter((a) => !seen.has(a.key) && seen.add(a.key));
}

/** Applies actions to the state: updates, created records, ledger keys. */
export function applyActions(state: LifecycleState, actions: readonly LifecycleAction[]): void {
  if (!actions.length) return;
  const index = new Map<string, LifecycleRecord>();
  for (const [object, records] of Object.entries(state.records))
    for (const r of records) index.set(`${object}:${idOf(r)}`, r);
  for (const a of actions) {
    state.ledger.add(a.key);
    if (a.update) Object.assign(index.get(`${a.object}:${a.record}`) ?? {}, a.update);
    if (a.create) {
      const created = { ...a.create.values };
      (state.records[a.create.object] ??= []).push(created);
      index.set(`${a.create.object}:${String(created[EXTERNAL_ID])}`, created);
    }
  }
}

/** The instants a job runs between two instants (inclusive), in order. */
export function runTimes(job: LifecycleJobDef, clock: BusinessClock, from: number, to: number): number[] {
  const times: number[] = [];
  const last = clock.localDate(to);
  for (let day = clock.localDate(from); day <= last; day = addDays(day, 1)) {
    const wall =
      job.schedule.every === 'day'
        ? [job.schedule.at]
        : Array.from({ length: 24 }, (_, h) => `${h}:${(job.schedule as { minute: number }).minute}`);
    for (const hhmm of wall) {
      const t = clock.wallTime(day, hhmm);
      if (t >= from && t <= to) times.push(t);
    }
  }
  return times;
}

/** Every active job's runs between `from` and `to`, in time order, applied as they go. */
export function runSchedule(
  config: LifecycleConfig,
  state: LifecycleState,
  from: number,
  to: number,
): { actions: TakenAction[]; runs: number } {
  const clock = calendarClock(config.calendar);
  const jobs = config.jobs.filter((j) => j.active);
  const runs = jobs
    .flatMap((job, order) => runTimes(job, clock, from, to).map((at) => ({ job, at, order })))
    .sort((a, b) => a.at - b.at || a.order - b.order);
  const actions: TakenAction[] = [];
  for (const { job, at } of runs) {
    const taken = decide(jobRun(config, job, state, at, clock), HANDLERS[job.handler], state.ledger);
    applyActions(state, taken);
    const stamp = new Date(at).toISOString();
    actions.push(...taken.map((a) => ({ ...a, at: stamp })));
  }
  return { actions, runs: runs.length };
}
