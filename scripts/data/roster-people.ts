/**
 * The people of a dataset's routing roster (routing-roster.ts writes them with the account and
 * quota owners): sales managers, each routing pool's members with their seats, and the account
 * managers. Built from the seed alone (no accounts), so that the plan can count the reps'
 * quotas before any record exists.
 */
import { formatDay, MS_PER_DAY } from './calendar.ts';
import { rngFor, type Base } from './world.ts';

export interface RosterUser {
  readonly id: string;
  readonly name: string;
  readonly active: boolean;
  /** A routing calendar of the model (working hours); null: the pool's. */
  readonly calendar: string | null;
  readonly away: readonly { readonly from: string; readonly until: string }[];
  readonly manager: string | null;
  /** What the person is when no pool seat says it (`Sales Manager`, `Account Manager`): the revenue plan's roles match on it. */
  readonly title?: string;
  /** First working day, YYYY-MM-DD: the ramp schedule counts tenure from it. */
  readonly hiredOn?: string;
}

export interface RosterSeat {
  readonly id: string;
  readonly pool: string;
  readonly user: string;
  readonly weight: number;
  readonly active: boolean;
}

/** Seats per pool, in the model's pool order (cycled). */
const TEAM_SIZES = [5, 3, 6, 4, 3];
const ACCOUNT_MANAGERS = 3;
/** Overlay solutions engineers (no seat: territories.json gives them AEs to cover). */
const SOLUTIONS_ENGINEERS = 2;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A hire date: most people have been here 4 months to 4 years; each pool's last member joined
 * 6 to 20 weeks ago and is still ramping (own random stream, so adding it moved nothing else).
 */
function hiredOn(base: Base, n: number, ramping: boolean): string {
  const rng = rngFor(base, 'roster-hires', n);
  return formatDay(base.today - (ramping ? rng.int(42, 140) : rng.int(120, 1460)));
}

/** The roster's people and seats, or null when the model routes no leads. */
export function rosterPeople(base: Base): { users: RosterUser[]; seats: RosterSeat[] } | null {
  const routing = base.model.routing;
  if (!routing) return null;
  const rng = rngFor(base, 'routing-roster', 0);
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
      title: 'Sales Manager',
      hiredOn: hiredOn(base, i + 1, false),
    })),
  );
  const member = (name: string, k: number, ramping: boolean): RosterUser => {
    const n = users.length + 1;
    // Every fifth person works another region's hours; one in each team is away for two weeks.
    const calendar = n % 5 === 0 && calendars.length > 1 ? calendars[1 + (n % (calendars.length - 1))]! : null;
    const awayFrom = base.nowMs - rng.int(20, 200) * MS_PER_DAY;
    return {
      id: id(n),
      name,
      active: true,
      calendar,
      away: k === 1 ? [{ from: iso(awayFrom), until: iso(awayFrom + 14 * MS_PER_DAY) }] : [],
      manager: managers[n % managers.length]!,
      hiredOn: hiredOn(base, n, ramping),
    };
  };
  routing.pools.forEach((pool, p) => {
    const size = TEAM_SIZES[p % TEAM_SIZES.length]!;
    for (let k = 0; k < size; k++) {
      const user = member(`${pool.label} ${k + 1}`, k, k === size - 1);
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
  for (let k = 0; k < ACCOUNT_MANAGERS; k++)
    users.push({ ...member(`Account Manager ${k + 1}`, -1, false), title: 'Account Manager', active: k !== 0 });
  for (let k = 0; k < SOLUTIONS_ENGINEERS; k++)
    users.push({ ...member(`Solutions Engineer ${k + 1}`, -1, false), title: 'Solutions Engineer' });
  return { users, seats };
}
