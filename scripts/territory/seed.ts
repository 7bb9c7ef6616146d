/**
 * The seed's territories.json: owners, overlays and account assignments for the bundled dataset,
 * derived deterministically from the model, the routing roster and the accounts. Supporting data
 * outside the record target: it adds no record and changes none.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Roster } from '../data/routing-roster.ts';
import type { TerritoryDesignDef } from '../dsl/index.ts';
import {
  TERRITORIES_FORMAT,
  writeAssignments,
  type AccountAssignment,
  type TerritoryAssignments,
} from './assignments.ts';
import { leafTerritories, ruleTerritories, type AccountFields } from './rules.ts';

/** Leaves left without an owner, to show inheritance: the model's recorded mid-year exception. */
const VACANT = new Set(['LATAM_ENT']);

const idOf = (a: AccountFields): string => String(a.External_Id__c);
const parentOf = (a: AccountFields): string | null =>
  (a.Parent as { External_Id__c?: string } | null | undefined)?.External_Id__c ?? null;

/** Reps who hold territories: the first pool's AEs, then active account managers; managers own regions. */
function people(roster: Roster) {
  const active = roster.users.filter((u) => u.active);
  const firstPool = roster.seats[0]?.pool;
  const aes = roster.seats.filter((s) => s.pool === firstPool && s.active).map((s) => s.user);
  const managers = active.filter((u) => u.manager === null).map((u) => u.id);
  const ams = active.filter((u) => u.name.startsWith('Account Manager')).map((u) => u.id);
  const ses = active.filter((u) => u.name.startsWith('Solutions Engineer')).map((u) => u.id);
  return { aes: aes.filter((id) => active.some((u) => u.id === id)), managers, ams, ses };
}

export function buildAssignments(
  design: TerritoryDesignDef,
  roster: Roster,
  accounts: readonly AccountFields[],
): TerritoryAssignments {
  const { aes, managers, ams, ses } = people(roster);
  const owners: { territory: string; user: string }[] = [];
  // Regions and roll-ups go to the managers in turn; leaves to the reps in turn; named books to AEs.
  const leaves = new Set(leafTerritories(design).map((t) => t.name));
  const reps = [...aes, ...ams];
  let nextRep = 0;
  let nextManager = 0;
  let nextBook = 0;
  for (const t of design.territories) {
    if (VACANT.has(t.name)) continue;
    if (!leaves.has(t.name)) {
      if (managers.length) owners.push({ territory: t.name, user: managers[nextManager++ % managers.length]! });
    } else if (t.named) {
      if (nextBook < aes.length) owners.push({ territory: t.name, user: aes[nextBook++]! });
    } else if (reps.length) owners.push({ territory: t.name, user: reps[nextRep++ % reps.length]! });
  }
  // An SE covers the enterprise and named territories of up to four AEs, in the AEs' order.
  const enterprise = new Set(
    design.territories
      .filter((t) => t.named || t.rule?.some((i) => i.field === 'Segment__c' && i.values.includes('ENT')))
      .map((t) => t.name),
  );
  const byOwner = (users: readonly string[]) =>
    owners.filter((o) => users.includes(o.user) && enterprise.has(o.territory));
  const overlays = ses.slice(0, Math.ceil(aes.length / 4)).map((se, k) => ({
    user: se,
    role: design.overlayRoles[0]?.name ?? 'Solutions_Engineer',
    territories: byOwner(aes.slice(4 * k, 4 * k + 4)).map((o) => o.territory),
  }));
  return {
    format: TERRITORIES_FORMAT,
    model: design.name,
    owners,
    overlays: design.overlayRoles.length ? overlays : [],
    accounts: accountAssignments(design, roster, accounts, owners),
  };
}

/** Named accounts (ICP tier A, enterprise or mid-market) go to the named book of the AE who owns them; subsidiaries follow their parent. */
function accountAssignments(
  design: TerritoryDesignDef,
  roster: Roster,
  accounts: readonly AccountFields[],
  owners: readonly { territory: string; user: string }[],
): AccountAssignment[] {
  const named = new Set(design.territories.filter((t) => t.named).map((t) => t.name));
  const bookOf = new Map(owners.filter((o) => named.has(o.territory)).map((o) => [o.user, o.territory]));
  const byId = new Map(accounts.map((a) => [idOf(a), a]));
  const own = (a: AccountFields): AccountAssignment | undefined => {
    const book = bookOf.get(roster.accountOwners[idOf(a)] ?? '');
    if (book && a.ICP_Tier__c === 'A' && a.Segment__c !== 'SMB')
      return { account: idOf(a), territory: book, cause: 'Territory2Manual', why: 'named' };
    const rule = ruleTerritories(design, a)[0];
    return rule && { account: idOf(a), territory: rule.name, cause: 'Territory2AssignmentRule' };
  };
  const top = (a: AccountFields): AccountFields => {
    const seen = new Set<string>();
    let at = a;
    for (let p = parentOf(at); p && byId.has(p) && !seen.has(p); p = parentOf(at)) {
      seen.add(p);
      at = byId.get(p)!;
    }
    return at;
  };
  const out: AccountAssignment[] = [];
  for (const a of accounts) {
    const root = top(a);
    const x = own(root);
    if (!x) continue;
    out.push(
      root === a
        ? x
        : { account: idOf(a), territory: x.territory, cause: 'Territory2Manual', why: `parent ${idOf(root)}` },
    );
  }
  return out;
}

/** Writes territories.json for a freshly generated dataset (reads its Account.ndjson). */
export async function writeSeedAssignments(dir: string, design: TerritoryDesignDef | undefined, roster: Roster | null) {
  if (!design || !roster) return false;
  const text = await readFile(join(dir, 'Account.ndjson'), 'utf8').catch(() => '');
  const accounts = text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as AccountFields);
  await writeAssignments(dir, buildAssignments(design, roster, accounts));
  return true;
}
