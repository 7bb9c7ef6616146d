/**
 * The state routing reads and writes besides the configuration: the people (users), their
 * seats in pools with each seat's round-robin credit and cap counters, and the accounts leads
 * are matched to. In the org these are User, Routing_Pool_Member__c and Account records; in a
 * dataset, the routing roster (roster.ts) and the accounts; in a conformance vector, JSON.
 */

/** A window of absence, as instants: [from, until). */
export interface Away {
  readonly from: number;
  readonly until: number;
}

export interface Owner {
  readonly id: string;
  readonly name?: string;
  readonly active: boolean;
  /** A calendar of the configuration (the owner's working hours); the pool's when null. */
  readonly calendar?: string | null;
  readonly away?: readonly Away[];
  readonly manager?: string | null;
}

/** A seat in a pool (Routing_Pool_Member__c): its weight and its mutable round-robin state. */
export interface Seat {
  readonly id: string;
  readonly pool: string;
  readonly owner: string;
  readonly weight: number;
  readonly active: boolean;
  /** Smooth weighted round robin credit (see engine.ts). */
  credit: number;
  /** Local day (pool time zone) the daily count belongs to, and the count. */
  dayKey: string | null;
  assignedToday: number;
  /** Monday of the local week the weekly count belongs to, and the count. */
  weekKey: string | null;
  assignedThisWeek: number;
  lastAssignedAt: string | null;
}

export interface AccountInfo {
  readonly id: string;
  /** Website_Domain__c. */
  readonly domain: string | null;
  readonly owner: string;
  readonly parent: string | null;
}

export interface RoutingState {
  readonly owners: ReadonlyMap<string, Owner>;
  /** Seats of each pool, in seat id order (the deterministic order of ties). */
  readonly seatsByPool: ReadonlyMap<string, readonly Seat[]>;
  readonly accounts: ReadonlyMap<string, AccountInfo>;
  /** Accounts by their normalised domain (several when the data holds duplicates). */
  readonly accountsByDomain: ReadonlyMap<string, readonly AccountInfo[]>;
}

export function buildState(
  owners: readonly Owner[],
  seats: readonly Seat[],
  accounts: readonly AccountInfo[],
): RoutingState {
  const seatsByPool = new Map<string, Seat[]>();
  for (const seat of [...seats].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const list = seatsByPool.get(seat.pool) ?? [];
    list.push(seat);
    seatsByPool.set(seat.pool, list);
  }
  const accountsByDomain = new Map<string, AccountInfo[]>();
  for (const account of accounts) {
    if (!account.domain) continue;
    const key = account.domain.toLowerCase();
    const list = accountsByDomain.get(key) ?? [];
    list.push(account);
    accountsByDomain.set(key, list);
  }
  return {
    owners: new Map(owners.map((o) => [o.id, o])),
    seatsByPool,
    accounts: new Map(accounts.map((a) => [a.id, a])),
    accountsByDomain,
  };
}

/** A seat with no history: no credit, no counts. */
export const freshSeat = (id: string, pool: string, owner: string, weight: number, active = true): Seat => ({
  id,
  pool,
  owner,
  weight,
  active,
  credit: 0,
  dayKey: null,
  assignedToday: 0,
  weekKey: null,
  assignedThisWeek: 0,
  lastAssignedAt: null,
});

export const awayAt = (owner: Owner, clockMs: number): Away | undefined =>
  owner.away?.find((w) => w.from <= clockMs && clockMs < w.until);
