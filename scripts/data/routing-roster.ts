/**
 * The people lead routing gives leads to, which a dataset of records cannot carry (users are
 * not part of a dataset): `routing-roster.json` beside the records, format
 * `revops-routing-roster/1`. It names users (active or not, their working calendar, absences),
 * their seats in the model's pools with weights, and who owns each account, so that
 * `revops route simulate` on the dataset routes to people. In an org these are real users,
 * Routing_Pool_Member__c records and Account.OwnerId (scripts/org/README.md says what
 * `org up` can and cannot create).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatasetError } from './errors.ts';
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

/**
 * A dataset's roster, read and checked, with errors that name the file. `neededBy` says who reads it
 * ("route simulate needs the people routing gives leads to") when the file is missing.
 */
export async function readRoster(dir: string, neededBy: string): Promise<Roster> {
  const file = join(dir, ROSTER_FILE);
  const text = await readFile(file, 'utf8').catch(() => {
    throw new DatasetError(file, `not found: ${neededBy}`, undefined, {
      name: 'RosterMissing',
      actions: [
        'Regenerate the dataset with `revops data generate --out <dir> --force`',
        'or write the file (docs/dataset-format.md)',
      ],
    });
  });
  let roster: Roster;
  try {
    roster = JSON.parse(text) as Roster;
  } catch (e) {
    throw new DatasetError(file, `not valid JSON (${(e as Error).message})`, undefined, { name: 'RosterInvalid' });
  }
  if (roster?.format !== ROSTER_FORMAT || !Array.isArray(roster.users) || !Array.isArray(roster.seats))
    throw new DatasetError(file, `expected format ${ROSTER_FORMAT} with users and seats`, undefined, {
      name: 'RosterInvalid',
    });
  for (const u of roster.users)
    if (u.hiredOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(u.hiredOn))
      throw new DatasetError(file, `user ${u.id}: hiredOn "${u.hiredOn}" is not YYYY-MM-DD`, undefined, {
        name: 'RosterInvalid',
      });
  return roster;
}
