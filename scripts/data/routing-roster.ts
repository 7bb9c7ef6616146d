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
import { repQuotaOwners } from './forecasts.ts';
import { rosterPeople, type RosterSeat, type RosterUser } from './roster-people.ts';
import { rngFor, type World } from './world.ts';

export type { RosterSeat, RosterUser } from './roster-people.ts';

export const ROSTER_FILE = 'routing-roster.json';
export const ROSTER_FORMAT = 'revops-routing-roster/1';

export interface Roster {
  readonly format: typeof ROSTER_FORMAT;
  readonly users: readonly RosterUser[];
  readonly seats: readonly RosterSeat[];
  /** Account External_Id__c → user id. */
  readonly accountOwners: Readonly<Record<string, string>>;
  /** Forecast_Quota__c External_Id__c → user id: the reps' own quotas (the team quotas have none). */
  readonly quotaOwners?: Readonly<Record<string, string>>;
}

/** The roster of a dataset, or null when the model routes no leads. */
export function buildRoster(world: World): Roster | null {
  const people = rosterPeople(world);
  if (!people) return null;
  const { users, seats } = people;
  return {
    format: ROSTER_FORMAT,
    users,
    seats,
    accountOwners: accountOwners(world, users, seats, world.model.routing?.pools[0]?.name),
    quotaOwners: repQuotaOwners(world),
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
