/**
 * `revops lifecycle simulate`: every lifecycle job over a dataset, from the dataset's anchor date
 * to an as-of date, as the org's schedules would run them (scripts/lifecycle/run.ts). The dataset
 * on disk is never changed; the ledger (Lifecycle_Action__c in the dataset, when present) says
 * which actions were already taken.
 */
import { DatasetError, openDataset, readRecords, type Dataset } from '../data/index.ts';
import { ACTION_KINDS, type ActionKind, type LifecycleRecord } from './types.ts';
import { calendarClock } from './clock.ts';
import { LifecycleError } from './errors.ts';
import { runSchedule, type LifecycleConfig, type LifecycleState, type TakenAction } from './run.ts';

/** The objects the jobs read, and the ledger. */
export const LIFECYCLE_OBJECTS = [
  'Opportunity',
  'Contract',
  'Handoff_Packet__c',
  'Deal_Exception__c',
  'Concession__c',
  'Commitment__c',
  'POC__c',
] as const;
export const LEDGER_OBJECT = 'Lifecycle_Action__c';
export const LEDGER_KEY = 'Action_Key__c';

export interface SimulateOptions {
  /** `YYYY-MM-DD` (the end of that day in the calendar's zone) or an ISO instant. */
  readonly asOf: string;
  /** Where the replay starts; the start of the dataset's anchor date by default. */
  readonly from?: string;
}

export interface SimulationResult {
  readonly dataset: string;
  readonly from: string;
  readonly asOf: string;
  readonly timeZone: string;
  readonly runs: number;
  readonly actions: readonly TakenAction[];
  /** Actions by job and kind. */
  readonly byJob: Readonly<Record<string, Partial<Record<ActionKind, number>>>>;
  readonly totals: Readonly<Record<ActionKind, number>>;
}

/** Reads the records the jobs need (objects the dataset lacks are empty) and the ledger. */
export async function loadLifecycleState(dataset: Dataset): Promise<LifecycleState> {
  const records: Record<string, LifecycleRecord[]> = {};
  const ledger = new Set<string>();
  for (const entry of dataset.manifest.objects) {
    const wanted = (LIFECYCLE_OBJECTS as readonly string[]).includes(entry.sobject);
    if (!wanted && entry.sobject !== LEDGER_OBJECT) continue;
    const list: LifecycleRecord[] = [];
    for await (const { record } of readRecords(dataset.dir, entry)) list.push(record);
    if (wanted) records[entry.sobject] = list;
    else for (const r of list) if (typeof r[LEDGER_KEY] === 'string') ledger.add(r[LEDGER_KEY]);
  }
  return { records, ledger };
}

/** An as-of or from value as an instant: a date means the start (from) or end (as-of) of that local day. */
export function instantOf(value: string, config: LifecycleConfig, end: boolean, what: string): number {
  const clock = calendarClock(config.calendar);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) {
    const start = clock.wallTime(value, '00:00');
    return end ? clock.wallTime(value, '23:59') + 59_999 : start;
  }
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms))
    throw new LifecycleError(`${what} "${value}" is not a date (YYYY-MM-DD) or an ISO date/time`, 'InvalidDate', [
      'Pass a date as YYYY-MM-DD or an ISO date/time with a zone',
    ]);
  return ms;
}

export async function simulateLifecycle(
  dir: string,
  config: LifecycleConfig,
  options: SimulateOptions,
): Promise<SimulationResult> {
  const dataset = await openDataset(dir);
  const from = options.from ?? dataset.manifest.anchorDate;
  if (!from)
    throw new DatasetError(
      `${dataset.dir}/manifest.json`,
      'has no anchorDate to start the simulation from',
      undefined,
      {
        name: 'DatasetAnchorMissing',
        actions: ['Pass --from YYYY-MM-DD', 'or add "anchorDate": "YYYY-MM-DD" to manifest.json'],
      },
    );
  const fromMs = instantOf(from, config, false, '--from');
  const toMs = instantOf(options.asOf, config, true, '--as-of');
  if (toMs < fromMs)
    throw new LifecycleError(
      `--as-of ${options.asOf} is before the start of the simulation (${from})`,
      'AsOfBeforeStart',
      [`Pass an --as-of on or after ${from}`, 'or start earlier with --from'],
    );
  const state = await loadLifecycleState(dataset);
  const { actions, runs } = runSchedule(config, state, fromMs, toMs);
  return {
    dataset: dataset.dir,
    from: new Date(fromMs).toISOString(),
    asOf: new Date(toMs).toISOString(),
    timeZone: config.calendar.timeZone,
    runs,
    actions,
    ...summarise(actions),
  };
}

export function summarise(actions: readonly TakenAction[]): Pick<SimulationResult, 'byJob' | 'totals'> {
  const totals = Object.fromEntries(ACTION_KINDS.map((k) => [k, 0])) as Record<ActionKind, number>;
  const byJob: Record<string, Partial<Record<ActionKind, number>>> = {};
  for (const a of actions) {
    totals[a.action]++;
    const job = (byJob[a.job] ??= {});
    job[a.action] = (job[a.action] ?? 0) + 1;
  }
  return { byJob, totals };
}
