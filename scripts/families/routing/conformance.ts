/**
 * Runs a conformance vector through the TypeScript router, as RoutingConformance.cls runs it
 * through the Apex one: the vector's configuration as the records the org would hold, its
 * owners, seats and accounts as the state, its clock, its leads (intake or not). What comes out
 * is compared field by field with `expected`; `actualOf` is also how a new vector's expectations
 * are first written (then read and reasoned about by a person).
 */
import { compileConfig } from '../../routing/config.ts';
import { routeBatch, type Decision } from '../../routing/engine.ts';
import { buildState, type Seat } from '../../routing/state.ts';
import type { RoutingVectorDef, VectorDecision, VectorSeat } from './builders.ts';
import { routingRecords } from './records.ts';

export interface VectorRun {
  readonly decisions: VectorDecision[];
  readonly seats: VectorSeat[];
}

const vectorDecision = (d: Decision): VectorDecision => ({
  lead: d.lead,
  kind: d.kind,
  owner: d.owner,
  queue: d.queue,
  pool: d.pool,
  rule: d.rule,
  reason: d.reason,
  slaDueAt: d.slaDueAt,
  status: d.status,
  score: d.score.total,
});

const vectorSeat = (s: Seat): VectorSeat => ({
  id: s.id,
  pool: s.pool,
  owner: s.owner,
  weight: s.weight,
  active: s.active,
  credit: s.credit,
  dayKey: s.dayKey,
  assignedToday: s.assignedToday,
  weekKey: s.weekKey,
  assignedThisWeek: s.assignedThisWeek,
});

/** What the TypeScript router answers for a vector. */
export function runVector(vector: RoutingVectorDef): VectorRun {
  const config = compileConfig(routingRecords(vector.routing));
  const seats: Seat[] = vector.seats.map((s) => ({ ...s, lastAssignedAt: null }));
  const owners = vector.owners.map((o) => ({
    id: o.id,
    active: o.active,
    calendar: o.calendar ?? null,
    away: (o.away ?? []).map((w) => ({ from: Date.parse(w.from), until: Date.parse(w.until) })),
  }));
  const state = buildState(owners, seats, vector.accounts);
  const leads = vector.leads.map((l) => ({ ...l }));
  const decisions = routeBatch(config, state, Date.parse(vector.clock), leads, { intake: vector.intake });
  return { decisions: decisions.map(vectorDecision), seats: seats.map(vectorSeat) };
}

/** Every difference between a run and the vector's expectations, as `lead L: owner: expected X, got Y`. */
export function vectorDifferences(vector: RoutingVectorDef, run: VectorRun): string[] {
  const out: string[] = [];
  const compare = (what: string, expected: object, actual: object) => {
    for (const [key, value] of Object.entries(expected)) {
      const got = (actual as Record<string, unknown>)[key];
      if (JSON.stringify(got) !== JSON.stringify(value))
        out.push(`${what}: ${key}: expected ${JSON.stringify(value)}, got ${JSON.stringify(got)}`);
    }
  };
  vector.expected.decisions.forEach((d, i) => compare(`lead ${d.lead}`, d, run.decisions[i] ?? {}));
  if (run.decisions.length !== vector.expected.decisions.length)
    out.push(`expected ${vector.expected.decisions.length} decisions, got ${run.decisions.length}`);
  vector.expected.seats.forEach((s, i) => compare(`seat ${s.id}`, s, run.seats[i] ?? {}));
  return out;
}
