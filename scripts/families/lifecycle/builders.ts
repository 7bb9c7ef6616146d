/**
 * Lifecycle jobs: the time-based half of the blueprint (stale deals, renewals, hand-offs,
 * expiries, overdue commitments, POC stalls). A job is data — which handler, when it runs, how
 * many records a batch takes, its thresholds — generated as custom metadata that the Apex
 * handlers read, and read the same way by the TypeScript mirror (scripts/lifecycle).
 */

/** The handlers, one per job: Apex `LifecycleJobs.<kind>` and TypeScript `JOBS[kind]`. */
export const LIFECYCLE_HANDLERS = ['StaleDeals', 'Renewals', 'Handoffs', 'Expiries', 'Commitments', 'Pocs'] as const;
export type LifecycleHandler = (typeof LIFECYCLE_HANDLERS)[number];

/** When a job runs, in the calendar's time zone: every day at a time, or every hour at a minute. */
export type LifecycleSchedule =
  { readonly every: 'day'; readonly at: `${number}:${number}` } | { readonly every: 'hour'; readonly minute: number };

/** A threshold: a number, or numbers by key (stage names), or an ordered list (renewal windows). */
export type ThresholdValue = number | readonly number[] | Readonly<Record<string, number>>;

export interface LifecycleJobDef {
  readonly kind: 'lifecycleJob';
  /** DeveloperName of the Lifecycle_Job__mdt record and the ledger's job name (`Stale_Deals`). */
  readonly name: string;
  readonly label: string;
  readonly handler: LifecycleHandler;
  readonly description: string;
  readonly schedule: LifecycleSchedule;
  /** Records per batch execute (Database.executeBatch scope). */
  readonly batchSize: number;
  readonly thresholds: Readonly<Record<string, ThresholdValue>>;
  readonly active: boolean;
  readonly locked?: boolean;
}

/** Business hours: the days and hours SLA clocks count, in one time zone, without the holidays. */
export interface BusinessCalendarDef {
  readonly kind: 'businessCalendar';
  readonly name: string;
  readonly label: string;
  /** IANA time zone (`America/New_York`); Apex's TimeZone.getTimeZone takes the same ids. */
  readonly timeZone: string;
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  readonly days: readonly number[];
  readonly opens: string;
  readonly closes: string;
  /** Whole days off, `YYYY-MM-DD`. */
  readonly holidays: readonly string[];
  readonly locked?: boolean;
}

export function lifecycleJob(
  name: string,
  o: Omit<LifecycleJobDef, 'kind' | 'name' | 'active'> & { active?: boolean },
): LifecycleJobDef {
  return { kind: 'lifecycleJob', name, ...o, active: o.active ?? true };
}

export function businessCalendar(name: string, o: Omit<BusinessCalendarDef, 'kind' | 'name'>): BusinessCalendarDef {
  return { kind: 'businessCalendar', name, ...o };
}

/** What this family adds to the model. */
export interface LifecycleModel {
  readonly lifecycleJobs: readonly LifecycleJobDef[];
  readonly lifecycleCalendar: BusinessCalendarDef | undefined;
  /** Conformance vectors (data/lifecycle-vectors), shipped to the org as a static resource. */
  readonly lifecycleVectors: readonly LifecycleVectorFile[];
}

/** One vector file as the model imports it: its name and its parsed JSON. */
export interface LifecycleVectorFile {
  readonly file: string;
  readonly vectors: readonly unknown[];
}

/** The custom metadata types the records go to (defined in the model, checked by the family). */
export const JOB_TYPE = 'Lifecycle_Job__mdt';
export const THRESHOLD_TYPE = 'Lifecycle_Threshold__mdt';
export const CALENDAR_TYPE = 'Lifecycle_Calendar__mdt';

/**
 * Thresholds as flat `key → number` pairs, the shape both implementations read: `idleDays`,
 * `windowDays.1`, `stageMaxDays.Value Demo`. Lists are numbered from 1 in their order.
 */
export function flattenThresholds(thresholds: LifecycleJobDef['thresholds']): [string, number][] {
  return Object.entries(thresholds).flatMap(([key, value]): [string, number][] => {
    if (typeof value === 'number') return [[key, value]];
    if (Array.isArray(value)) return (value as readonly number[]).map((v, i) => [`${key}.${i + 1}`, v]);
    return Object.entries(value as Record<string, number>).map(([k, v]) => [`${key}.${k}`, v]);
  });
}

/** The Salesforce cron expression of a schedule (seconds minutes hours day month weekday). */
export function cronOf(schedule: LifecycleSchedule): string {
  if (schedule.every === 'hour') return `0 ${schedule.minute} * * * ?`;
  const [h, m] = schedule.at.split(':').map(Number);
  return `0 ${m} ${h} * * ?`;
}
