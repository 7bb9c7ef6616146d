/**
 * The people lead routing gives leads to, which a dataset of records cannot carry (users are
 * not part of a dataset): `routing-roster.json` beside the records, format
 * `revops-routing-roster/1`. It names users (active or not, their working calendar, absences),
 * their seats in the model's pools with weights, and who owns each account, so that
 * `revops route simulate` on the dataset routes to people. In an org these are real users,
 * Routing_Pool_Member__c records and Account.OwnerId (scripts/org/README.md says what
 * `org up` can and cannot create).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MS_PER_DAY } from './calendar.ts';
import { rngFor, type World } from './world.ts';

export const ROSTER_FILE = 'routing-roster.json';
export const ROSTER_FORMAT = 'revops-routing-roster/1';

export interface RosterUser {
  readonly id: string;
  readonly name: string;
  readonly active: boolean;
  /** A routing calendar of the model (working hours); null: the pool's. */
  readonly calendar: string | null;
  readonly away: readonly { readonly from: string; readonly until: string }[];
  readonly manager: string | null;
}

export interface RosterSeat {
  readonly id: string;
  readonly pool: string;
  readonly user: string;
  readonly weight: number;
  readonly active: boolean;
}

export interface Roster {
  readonly format: typeof ROSTER_FORMAT;
  readonly users: readonly RosterUser[];
  readonly seats: readonly RosterSeat[];
  /** Account External_Id__c → user id. */
  readonly accountOwners: Readonly<Record<string, string>>;
}

/** Seats per pool, in the model's pool order (cycled). */
const TEAM_SIZES = [5, 3, 6, 4, 3];
const ACCOUNT_MANAGERS = 3;
/** Overlay solutions engineers (no seat: territories.json gives them AEs to cover). */
const SOLUTIONS_ENGINEERS = 2;

const iso = (ms: number) => new Date(ms).toISOString();

/** The roster of a dataset, or null when the model routes no leads. */
export function buildRoster(world: World): Roster | null {
  const routing = world.model.routing;
  if (!routing) return null;
  const rng = rngFor(world, 'routing-roster', 0);
  const calendars = routing.calendars.map((c) => c.name);
  const users: RosterUser[] = [];
  const seats: RosterSeat[] = [];
  const id = (n: number) => `USR-${String(n).padStart(3, '0')}`;
  const managers = [id(1), id(2)];
  users.push(
    ...managers.map((m, i) => ({
      id: m,
      name: `Sales Manager ${i + 1}`,
      active: true,
      calendar: null,
      away: [],
      manager: null,
    })),
  );
  const member = (name: string, k: number): RosterUser => {
    const n = users.length + 1;
    // Every fifth person works another region's hours; one in each team is away for two weeks.
    const calendar = n % 5 === 0 && calendars.length > 1 ? calendars[1 + (n % (calendars.length - 1))]! : null;
    const awayFrom = world.nowMs - rng.int(20, 200) * MS_PER_DAY;
    return {
      id: id(n),
      name,
      active: true,
      calendar,
      away: k === 1 ? [{ from: iso(awayFrom), until: iso(awayFrom + 14 * MS_PER_DAY) }] : [],
      manager: managers[n % managers.length]!,
    };
  };
  routing.pools.forEach((pool, p) => {
    const size = TEAM_SIZES[p % TEAM_SIZES.length]!;
    for (let k = 0; k < size; k++) {
      const user = member(`${pool.label} ${k + 1}`, k);
      users.push(user);
      seats.push({
        id: `SEAT-${pool.name}-${k + 1}`,
        pool: pool.name,
        user: user.id,
        weight: rng.int(1, 3),
        active: true,
      });
    }
  });
  // Someone left: an inactive user still holding a seat (the router must skip it).
  const leaver = users.length - 1;
  users[leaver] = { ...users[leaver]!, active: false };
  for (let k = 0; k < ACCOUNT_MANAGERS; k++) users.push({ ...member(`Account Manager ${k + 1}`, -1), active: k !== 0 });
  for (let k = 0; k < SOLUTIONS_ENGINEERS; k++) users.push(member(`Solutions Engineer ${k + 1}`, -1));
  return {
    format: ROSTER_FORMAT,
    users,
    seats,
    accountOwners: accountOwners(world, users, seats, routing.pools[0]?.name),
  };
}

/** Accounts belong to the first pool's people (the named-account AEs) and the account managers. */
function accountOwners(
  world: World,
  users: readonly RosterUser[],
  seats: readonly RosterSeat[],
  firstPool: string | undefined,
): Record<string, string> {
  const rng = rngFor(world, 'routing-roster', 1);
  const owners = [
    ...seats.filter((s) => s.pool === firstPool).map((s) => s.user),
    ...users.filter((u) => u.name.startsWith('Account Manager')).map((u) => u.id),
  ];
  const out: Record<string, string> = {};
  const count = world.plan.counts.get('Account') ?? 0;
  for (let a = 0; a < count && owners.length; a++) out[world.ids.account(a)] = owners[rng.int(0, owners.length - 1)]!;
  return out;
}

export async function writeRoster(world: World, dir: string): Promise<boolean> {
  const roster = buildRoster(world);
  if (!roster) return false;
  await writeFile(join(dir, ROSTER_FILE), `${JSON.stringify(roster, null, 1)}\n`);
  return true;
}
