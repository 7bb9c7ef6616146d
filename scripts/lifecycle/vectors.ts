/**
 * Conformance vectors (data/lifecycle-vectors, format in its README): one job run over given
 * records and ledger, and the actions expected. The TypeScript tests run them here; the generated
 * Apex test LifecycleVectors_Test runs the same files in the org.
 */
import type { LifecycleModel } from '../families/registry.ts';
import { HANDLERS, decide, jobRun, type LifecycleConfig, type LifecycleState } from './run.ts';
import type { LifecycleAction, LifecycleRecord } from './types.ts';

export interface LifecycleVector {
  readonly name: string;
  readonly job: string;
  readonly now: string;
  readonly records: Readonly<Record<string, readonly LifecycleRecord[]>>;
  readonly ledger: readonly string[];
  readonly expect: readonly ExpectedAction[];
}

/** What a vector asserts of an action: everything but the reason's wording. */
export type ExpectedAction = Pick<LifecycleAction, 'key' | 'action' | 'record' | 'recipient' | 'update' | 'dueOn'> & {
  readonly create?: { readonly object: string; readonly values: Readonly<Record<string, unknown>> };
};

export const vectorsOf = (model: Pick<LifecycleModel, 'lifecycleVectors'>): LifecycleVector[] =>
  model.lifecycleVectors.flatMap((f) => f.vectors as LifecycleVector[]);

/** The actions a vector's run takes, projected to what vectors assert (created values: the expected keys only). */
export function runVector(config: LifecycleConfig, vector: LifecycleVector): ExpectedAction[] {
  const job = config.jobs.find((j) => j.name === vector.job);
  if (!job) throw new Error(`Vector "${vector.name}" names no lifecycle job ${vector.job}`);
  const state: LifecycleState = {
    records: structuredClone(vector.records) as Record<string, LifecycleRecord[]>,
    ledger: new Set(vector.ledger),
  };
  const actions = decide(jobRun(config, job, state, Date.parse(vector.now)), HANDLERS[job.handler], state.ledger);
  const expected = new Map(vector.expect.map((e) => [e.key, e]));
  return actions.map((a) => project(a, expected.get(a.key)));
}

function project(a: LifecycleAction, expected: ExpectedAction | undefined): ExpectedAction {
  const out: Record<string, unknown> = { key: a.key, action: a.action, record: a.record, recipient: a.recipient };
  if (a.update) out.update = a.update;
  if (a.dueOn) out.dueOn = a.dueOn;
  if (a.create) {
    const keys = Object.keys(expected?.create?.values ?? a.create.values);
    out.create = { object: a.create.object, values: Object.fromEntries(keys.map((k) => [k, a.create!.values[k]])) };
  }
  return out as ExpectedAction;
}
