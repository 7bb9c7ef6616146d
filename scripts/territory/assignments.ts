/**
 * Who owns which territory and which accounts sit in it: `territories.json` beside a dataset's
 * records, format `revops-territories/1`. Users are the routing roster's (routing-roster.json);
 * in an org `owners` and `overlays` are UserTerritory2Association rows (RoleInTerritory2 Owner or
 * the overlay role) and `accounts` are ObjectTerritory2Association rows: `Territory2Manual` for
 * named accounts and subsidiaries (loaded), `Territory2AssignmentRule` for what the model's rules
 * assign (the org's rule run produces them; here they record what it should produce).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatasetError } from '../data/errors.ts';
import type { Roster } from '../data/routing-roster.ts';
import type { TerritoryDesignDef } from '../dsl/index.ts';
import { ruleTerritories, type AccountFields } from './rules.ts';

export const TERRITORIES_FILE = 'territories.json';
export const TERRITORIES_FORMAT = 'revops-territories/1';

export type AssociationCause = 'Territory2AssignmentRule' | 'Territory2Manual';

export interface AccountAssignment {
  readonly account: string;
  readonly territory: string;
  readonly cause: AssociationCause;
  /** Why a manual assignment: `named` (by relationship) or `parent ACC-…` (subsidiary of). */
  readonly why?: string;
}

export interface TerritoryAssignments {
  readonly format: typeof TERRITORIES_FORMAT;
  readonly model: string;
  readonly owners: readonly { readonly territory: string; readonly user: string }[];
  readonly overlays: readonly {
    readonly user: string;
    readonly role: string;
    readonly territories: readonly string[];
  }[];
  readonly accounts: readonly AccountAssignment[];
}

const bad = (file: string, problem: string) =>
  new DatasetError(file, problem, undefined, {
    name: 'TerritoriesInvalid',
    actions: [`Fix ${TERRITORIES_FILE}, or regenerate the dataset with \`revops data generate --out <dir> --force\``],
  });

export async function readAssignments(dir: string): Promise<TerritoryAssignments> {
  const file = join(dir, TERRITORIES_FILE);
  const text = await readFile(file, 'utf8').catch(() => {
    throw new DatasetError(
      file,
      'not found: territory plan needs territory owners and account assignments',
      undefined,
      {
        name: 'TerritoriesMissing',
        actions: ['Regenerate the dataset with `revops data generate --out <dir> --force`'],
      },
    );
  });
  let parsed: TerritoryAssignments;
  try {
    parsed = JSON.parse(text) as TerritoryAssignments;
  } catch (e) {
    throw bad(file, `not valid JSON (${(e as Error).message})`);
  }
  if (
    parsed.format !== TERRITORIES_FORMAT ||
    !Array.isArray(parsed.owners) ||
    !Array.isArray(parsed.overlays) ||
    !Array.isArray(parsed.accounts)
  )
    throw bad(file, `expected format ${TERRITORIES_FORMAT} with owners, overlays and accounts`);
  return parsed;
}

/** Everything territories.json names must exist: territories, active users, overlay caps, accounts, rule results. */
export function checkAssignments(
  a: TerritoryAssignments,
  design: TerritoryDesignDef,
  roster: Roster,
  accounts: ReadonlyMap<string, AccountFields>,
  file: string,
): void {
  const territories = new Map(design.territories.map((t) => [t.name, t]));
  const users = new Map(roster.users.map((u) => [u.id, u]));
  const where = `component Territory2Model ${design.name}`;
  if (a.model !== design.name) throw bad(file, `model ${a.model} is not the model's territory model ${design.name}`);
  const territory = (name: string, at: string) => {
    if (!territories.has(name)) throw bad(file, `${at}: territory ${name} is not a territory of ${where}`);
  };
  const user = (id: string, at: string) => {
    const u = users.get(id);
    if (!u) throw bad(file, `${at}: user ${id} is not in routing-roster.json`);
    if (!u.active) throw bad(file, `${at}: user ${id} (${u.name}) is inactive and cannot own or cover a territory`);
  };
  const owners = new Map<string, string>();
  a.owners.forEach((o, i) => {
    territory(o.territory, `owners[${i}]`);
    user(o.user, `owners[${i}]`);
    if (owners.has(o.territory)) throw bad(file, `owners[${i}]: territory ${o.territory} has two owners`);
    owners.set(o.territory, o.user);
  });
  checkOverlays(
    a,
    design,
    owners,
    file,
    (id, at) => user(id, at),
    (n, at) => territory(n, at),
  );
  a.accounts.forEach((x, i) => {
    const at = `accounts[${i}] (${x.account})`;
    territory(x.territory, at);
    const record = accounts.get(x.account);
    if (!record) throw bad(file, `${at}: account ${x.account} is not in Account.ndjson`);
    if (x.cause === 'Territory2AssignmentRule' && !ruleTerritories(design, record).some((t) => t.name === x.territory))
      throw bad(file, `${at}: the rules of ${where} do not put this account in ${x.territory} (stale rule assignment)`);
    if (x.cause === 'Territory2Manual' && !x.why)
      throw bad(file, `${at}: a manual assignment says why (named, parent ACC-…)`);
  });
}

function checkOverlays(
  a: TerritoryAssignments,
  design: TerritoryDesignDef,
  owners: ReadonlyMap<string, string>,
  file: string,
  user: (id: string, at: string) => void,
  territory: (name: string, at: string) => void,
): void {
  a.overlays.forEach((o, i) => {
    const at = `overlays[${i}] (${o.user})`;
    user(o.user, at);
    const role = design.overlayRoles.find((r) => r.name === o.role);
    if (!role)
      throw bad(file, `${at}: role ${o.role} is not an overlay role of component Territory2Model ${design.name}`);
    for (const t of o.territories) territory(t, at);
    const aes = [...new Set(o.territories.map((t) => owners.get(t)).filter((u): u is string => !!u))].sort();
    if (aes.length > role.maxAEs)
      throw bad(
        file,
        `${at}: a ${role.label} shared across ${aes.length} AEs (${aes.join(', ')}); component Territory2Model ${design.name} allows at most ${role.maxAEs} (002 Phase 9)`,
      );
  });
}

export async function writeAssignments(dir: string, a: TerritoryAssignments): Promise<void> {
  await writeFile(join(dir, TERRITORIES_FILE), `${JSON.stringify(a, null, 1)}\n`);
}
