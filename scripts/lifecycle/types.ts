/** The TypeScript mirror of the lifecycle jobs: records, actions and one job run. */
import type { BusinessClock } from './clock.ts';

/** A dataset record: field → value, lookups as `{ External_Id__c }` (the dataset format). */
export type LifecycleRecord = Record<string, unknown>;

export const ACTION_KINDS = ['Task', 'Alert', 'Escalation', 'Auto-Close', 'Renewal', 'Expiry', 'Flag'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** Who an action is for: the record's owner, their manager, the hand-off receiver, the renewal owner. */
export type Recipient = 'owner' | 'manager' | 'receiver' | 'receiver manager' | 'renewal owner';

export type FieldValue = string | number | boolean | null;

/** One thing a job does to one record, once per key. */
export interface LifecycleAction {
  readonly job: string;
  /** Job:record:step[:qualifier]: the ledger key (Lifecycle_Action__c.Action_Key__c). */
  readonly key: string;
  readonly action: ActionKind;
  readonly object: string;
  /** The record's External_Id__c. */
  readonly record: string;
  readonly reason: string;
  readonly recipient: Recipient;
  /** Fields the action sets on the record. */
  readonly update?: Readonly<Record<string, FieldValue>>;
  /** A record the action creates (the renewal deal). */
  readonly create?: { readonly object: string; readonly values: Readonly<Record<string, unknown>> };
  /** A task's due date. */
  readonly dueOn?: string;
}

/** The records the jobs read, by object. */
export type LifecycleRecords = Readonly<Record<string, readonly LifecycleRecord[]>>;

/** What one run of one job sees. */
export interface JobRun {
  readonly job: string;
  readonly records: LifecycleRecords;
  /** The run's instant (ms) and its date in the calendar's zone. */
  readonly now: number;
  readonly today: string;
  readonly clock: BusinessClock;
  /** The job's flattened thresholds (`idleDays`, `windowDays.1`...); a missing key is a model error. */
  threshold(key: string): number;
  /** Flattened thresholds under a prefix: `stageMaxDays` → { Discovery: 21, ... }. */
  thresholdsUnder(prefix: string): ReadonlyMap<string, number>;
  readonly stages: { readonly closed: ReadonlySet<string>; readonly won: ReadonlySet<string> };
}

export type JobHandler = (run: JobRun) => LifecycleAction[];
