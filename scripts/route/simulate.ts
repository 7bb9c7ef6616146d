/**
 * `revops route simulate`: routes every lead of a dataset through the TypeScript router with
 * the model's routing configuration, compiled from the same custom metadata records the org
 * deploys, and the dataset's routing roster (users, seats, account owners). By default each
 * lead arrives at its MQL date (leads without one at the dataset's anchor), in time order, one
 * at a time, so that caps count per local day and week as they would in the org; `asOf` routes
 * the whole dataset as one burst at that instant, in trigger batches of 200.
 */
import { join } from 'node:path';
import { SfError } from '@salesforce/core';
import { DatasetError } from '../data/errors.ts';
import { openDataset, type Dataset } from '../data/manifest.ts';
import { readRecords, type DatasetRecord } from '../data/reader.ts';
import { readRoster, ROSTER_FILE, type Roster } from '../data/routing-roster.ts';
import type { RevOpsModel } from '../dsl/index.ts';
import { routingRecords } from '../families/registry.ts';
import { compileConfig, type RoutingConfig } from '../routing/config.ts';
import { routeBatch, type Decision } from '../routing/engine.ts';
import { buildState, freshSeat, type AccountInfo, type RoutingState, type Seat } from '../routing/state.ts';

/** A decision as `--json` prints it. */
export interface SimulatedDecision {
  readonly lead: string;
  readonly kind: Decision['kind'];
  readonly owner: string | null;
  readonly queue: string | null;
  readonly pool: string | null;
  readonly rule: string | null;
  readonly reason: string;
  readonly detail: string;
  readonly decidedAt: string;
  readonly slaDueAt: string | null;
  readonly score: number;
}

export interface SimulateResult {
  readonly dataset: string;
  readonly mode: 'replay' | 'burst';
  readonly decisions: readonly SimulatedDecision[];
  /** Leads per owner (user id) and per queue (`queue:Name`). */
  readonly byOwner: Readonly<Record<string, number>>;
  readonly byPool: Readonly<Record<string, number>>;
  readonly byRule: Readonly<Record<string, number>>;
  readonly holds: number;
  readonly fallbacks: number;
  /** Seats passed over because their daily or weekly cap was reached. */
  readonly capHits: number;
  /** Each pool's seats: weight, leads received, share of the pool's leads vs share of its weight. */
  readonly seats: readonly SeatSummary[];
}

export interface SeatSummary {
  readonly seat: string;
  readonly pool: string;
  readonly owner: string;
  readonly weight: number;
  readonly leads: number;
  readonly share: number;
  readonly weightShare: number;
}

export interface SimulateOptions {
  readonly model: RevOpsModel;
  readonly dataset: string;
  /** ISO instant: route everything at once, at this instant. */
  readonly asOf?: string;
}

export class RouteSimulationError extends SfError {}

/** The routing configuration of a model, compiled from the records it deploys. */
export function modelRoutingConfig(model: RevOpsModel, where = 'model'): RoutingConfig {
  if (!model.routing)
    throw new RouteSimulationError(`${where}: defines no lead routing (model/routing)`, 'NoRouting', [
      'Add a leadRouting(...) configuration to the model',
    ]);
  return compileConfig(routingRecords(model.routing));
}

/** The dataset's roster: the people routing gives leads to. */
export const readRoutingRoster = (dir: string): Promise<Roster> =>
  readRoster(dir, 'route simulate needs the people routing gives leads to');

async function readObject(dataset: Dataset, sobject: string): Promise<DatasetRecord[]> {
  const entry = dataset.manifest.objects.find((o) => o.sobject === sobject);
  if (!entry) return [];
  const out: DatasetRecord[] = [];
  for await (const { record } of readRecords(dataset.dir, entry)) out.push(record);
  return out;
}

const parentOf = (record: DatasetRecord): string | null => {
  const parent = record.Parent as { External_Id__c?: string } | null | undefined;
  return parent?.External_Id__c ?? null;
};

/** The router's state from a roster and the dataset's accounts; checks the roster against the model. */
export function rosterState(
  roster: Roster,
  accounts: readonly DatasetRecord[],
  config: RoutingConfig,
  file: string,
): RoutingState {
  for (const s of roster.seats)
    if (!config.pools.has(s.pool))
      throw new DatasetError(file, `seat ${s.id}: pool ${s.pool} is not a pool of the model`, undefined, {
        name: 'RosterInvalid',
      });
  const owners = roster.users.map((u) => ({
    id: u.id,
    name: u.name,
    active: u.active,
    calendar: u.calendar,
    manager: u.manager,
    away: u.away.map((w) => ({ from: Date.parse(w.from), until: Date.parse(w.until) })),
  }));
  const seats: Seat[] = roster.seats.map((s) => freshSeat(s.id, s.pool, s.user, s.weight, s.active));
  const infos: AccountInfo[] = accounts.map((a) => ({
    id: String(a.External_Id__c),
    domain: typeof a.Website_Domain__c === 'string' ? a.Website_Domain__c : null,
    owner: roster.accountOwners[String(a.External_Id__c)] ?? '',
    parent: parentOf(a),
  }));
  return buildState(owners, seats, infos);
}

/** Routes the dataset's leads; `config` defaults to the model's. */
export async function simulateRouting(
  o: SimulateOptions,
  config = modelRoutingConfig(o.model),
): Promise<SimulateResult> {
  const dataset = await openDataset(o.dataset);
  const roster = await readRoutingRoster(dataset.dir);
  const state = rosterState(roster, await readObject(dataset, 'Account'), config, join(dataset.dir, ROSTER_FILE));
  const leads = await readObject(dataset, 'Lead');
  const anchor = Date.parse(`${dataset.manifest.anchorDate ?? new Date().toISOString().slice(0, 10)}T14:00:00Z`);
  const timed = routeLeads(config, state, leads, o.asOf ? { asOf: Date.parse(o.asOf) } : { anchor });
  return summarise(dataset.dir, o.asOf ? 'burst' : 'replay', timed, state);
}

export type Timed = { decision: Decision; at: number };

/** Routes leads (modified in place: scores and status) by arrival (MQL date, else `anchor`), or all at `asOf`. */
export function routeLeads(
  config: RoutingConfig,
  state: RoutingState,
  leads: DatasetRecord[],
  when: { asOf: number } | { anchor: number },
): Timed[] {
  return 'asOf' in when ? burst(config, state, leads, when.asOf) : replay(config, state, leads, when.anchor);
}

function burst(config: RoutingConfig, state: RoutingState, leads: DatasetRecord[], at: number): Timed[] {
  const out: Timed[] = [];
  for (let i = 0; i < leads.length; i += 200)
    for (const decision of routeBatch(config, state, at, leads.slice(i, i + 200))) out.push({ decision, at });
  return out;
}

function replay(config: RoutingConfig, state: RoutingState, leads: DatasetRecord[], anchor: number): Timed[] {
  const arrival = (l: DatasetRecord) => (typeof l.MQL_Date__c === 'string' ? Date.parse(l.MQL_Date__c) : anchor);
  const order = leads.map((l, i) => ({ l, i, at: arrival(l) })).sort((a, b) => a.at - b.at || a.i - b.i);
  const out = new Array<Timed>(leads.length);
  for (const { l, i, at } of order) out[i] = { decision: routeBatch(config, state, at, [l])[0]!, at };
  return out;
}

const bump = (map: Record<string, number>, key: string) => {
  map[key] = (map[key] ?? 0) + 1;
};

export function summarise(
  dir: string,
  mode: SimulateResult['mode'],
  timed: Timed[],
  state: RoutingState,
): SimulateResult {
  const byOwner: Record<string, number> = {};
  const byPool: Record<string, number> = {};
  const byRule: Record<string, number> = {};
  const bySeatOwner = new Map<string, number>();
  let holds = 0;
  let fallbacks = 0;
  let capHits = 0;
  const decisions = timed.map(({ decision: d, at }) => {
    bump(byOwner, d.owner ?? `queue:${d.queue}`);
    if (d.pool) bump(byPool, d.pool);
    bump(byRule, d.rule ?? '(none)');
    if (d.kind === 'hold') holds++;
    if (d.reason === 'no-rule' || d.reason === 'nobody-available-queue') fallbacks++;
    if (d.owner && d.pool)
      bySeatOwner.set(`${d.pool}\n${d.owner}`, (bySeatOwner.get(`${d.pool}\n${d.owner}`) ?? 0) + 1);
    capHits += d.capHits;
    return {
      lead: d.lead,
      kind: d.kind,
      owner: d.owner,
      queue: d.queue,
      pool: d.pool,
      rule: d.rule,
      reason: d.reason,
      detail: d.detail,
      decidedAt: new Date(at).toISOString(),
      slaDueAt: d.slaDueAt,
      score: d.score.total,
    };
  });
  return {
    dataset: dir,
    mode,
    decisions,
    byOwner,
    byPool,
    byRule,
    holds,
    fallbacks,
    capHits,
    seats: seatSummaries(state, bySeatOwner),
  };
}

function seatSummaries(state: RoutingState, received: ReadonlyMap<string, number>): SeatSummary[] {
  const out: SeatSummary[] = [];
  for (const [pool, seats] of state.seatsByPool) {
    const live = seats.filter((s) => s.active && s.weight > 0 && state.owners.get(s.owner)?.active);
    const weights = live.reduce((n, s) => n + s.weight, 0);
    const total = seats.reduce((n, s) => n + (received.get(`${pool}\n${s.owner}`) ?? 0), 0);
    for (const s of seats) {
      const leads = received.get(`${pool}\n${s.owner}`) ?? 0;
      const isLive = live.includes(s);
      out.push({
        seat: s.id,
        pool,
        owner: s.owner,
        weight: s.weight,
        leads,
        share: total ? leads / total : 0,
        weightShare: isLive && weights ? s.weight / weights : 0,
      });
    }
  }
  return out;
}
