/**
 * `revops territory plan`: scores every territory of the model on a dataset with the blueprint's
 * balancing criteria (002 territory-design.yaml), sums each rep's TAM over the territories they
 * own (directly or by inheritance), flags reps holding more than `maxTamRatio`× another's, proposes
 * territory moves that close the spread (effective at the next fiscal-year boundary, the only time
 * territories may change), and runs a quarterly pipeline gap analysis per territory.
 *
 * Definitions (docs/cli.md repeats them):
 * - addressable accounts: accounts assigned to the territory with ICP tier A, B or C;
 * - revenue potential: closed-won Amount on its accounts over the dataset's history;
 * - pipeline: Amount of its open opportunities;
 * - density (effort to cover): distinct billing countries among its accounts;
 * - score: Σ weight × value ÷ the largest value of that factor across territories (0–100);
 * - a rep's TAM: the sum of the scores of the territories they own.
 */
import { join } from 'node:path';
import { openDataset } from '../data/manifest.ts';
import { readRecords, type DatasetRecord } from '../data/reader.ts';
import type { RevOpsModel, TerritoryDesignDef } from '../dsl/index.ts';
import { readRoutingRoster } from '../route/simulate.ts';
import { checkAssignments, readAssignments, TERRITORIES_FILE } from './assignments.ts';
import { effectiveOwner } from './rules.ts';
import { DatasetError } from '../data/errors.ts';
import { quarterGaps, type QuarterGap } from './gaps.ts';

export interface TerritoryScore {
  readonly territory: string;
  readonly label: string;
  readonly owner: string | null;
  /** The territory the owner was inherited from, when not the territory itself. */
  readonly inheritedFrom: string | null;
  readonly accounts: number;
  readonly addressable: number;
  readonly revenue: number;
  readonly pipeline: number;
  readonly density: number;
  readonly score: number;
}

export interface RepTam {
  readonly user: string;
  readonly name: string;
  readonly territories: readonly string[];
  readonly tam: number;
}

export interface TamFlag {
  readonly user: string;
  readonly tam: number;
  readonly comparedTo: string;
  readonly otherTam: number;
  readonly ratio: number;
}

export interface TerritoryMove {
  readonly territory: string;
  readonly from: string;
  readonly to: string;
  readonly effective: string;
  readonly spreadBefore: number;
  readonly spreadAfter: number;
}

export interface TerritoryPlan {
  readonly dataset: string;
  readonly model: string;
  readonly anchorDate: string;
  readonly weights: TerritoryDesignDef['balancing'];
  readonly maxTamRatio: number;
  readonly territories: readonly TerritoryScore[];
  readonly reps: readonly RepTam[];
  readonly flags: readonly TamFlag[];
  readonly moves: readonly TerritoryMove[];
  readonly gaps: readonly QuarterGap[];
  /** Territories without an owner of their own, covered by an ancestor's owner. */
  readonly vacant: readonly {
    readonly territory: string;
    readonly coveredBy: string | null;
    readonly from: string | null;
  }[];
  /** Accounts no territory covers. */
  readonly unassigned: readonly string[];
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

export function noDesign(where: string): DatasetError {
  return new DatasetError(where, 'the model defines no territory design (model/gtm/territories.ts)', undefined, {
    name: 'NoTerritoryDesign',
  });
}

async function readObject(
  dir: string,
  manifest: { objects: readonly { sobject: string; file: string }[] },
  sobject: string,
) {
  const entry = manifest.objects.find((o) => o.sobject === sobject);
  const out: DatasetRecord[] = [];
  if (entry) for await (const { record } of readRecords(dir, entry as never)) out.push(record);
  return out;
}

/** The plan of a dataset under a model; throws a DatasetError naming the file on bad input. */
export async function planTerritories(model: RevOpsModel, datasetDir: string): Promise<TerritoryPlan> {
  const design = model.territoryDesign;
  if (!design) throw noDesign('model');
  const dataset = await openDataset(datasetDir);
  const [roster, assignments, accounts, opportunities] = await Promise.all([
    readRoutingRoster(datasetDir),
    readAssignments(datasetDir),
    readObject(datasetDir, dataset.manifest, 'Account'),
    readObject(datasetDir, dataset.manifest, 'Opportunity'),
  ]);
  const byId = new Map(accounts.map((a) => [String(a.External_Id__c), a]));
  checkAssignments(assignments, design, roster, byId, join(datasetDir, TERRITORIES_FILE));
  const closed = new Map(model.opportunityStages?.stages.map((s) => [s.name, s]) ?? []);
  const anchorDate = dataset.manifest.anchorDate ?? new Date().toISOString().slice(0, 10);
  const territoryOf = new Map(assignments.accounts.map((x) => [x.account, x.territory]));
  const scores = scoreTerritories(design, assignments.owners, accounts, opportunities, territoryOf, closed);
  const names = new Map(roster.users.map((u) => [u.id, u.name]));
  const reps = repTams(scores, names);
  return {
    dataset: datasetDir,
    model: design.name,
    anchorDate,
    weights: design.balancing,
    maxTamRatio: design.maxTamRatio,
    territories: scores,
    reps,
    flags: tamFlags(reps, design.maxTamRatio),
    moves: proposeMoves(design, scores, reps, anchorDate),
    gaps: quarterGaps(design, scores, opportunities, territoryOf, closed, anchorDate),
    vacant: scores
      .filter((s) => !s.owner || s.inheritedFrom)
      .map((s) => ({ territory: s.territory, coveredBy: s.owner, from: s.inheritedFrom })),
    unassigned: accounts.map((a) => String(a.External_Id__c)).filter((id) => !territoryOf.has(id)),
  };
}

type StageInfo = ReadonlyMap<string, { readonly closed: boolean; readonly won: boolean }>;

const accountOf = (o: DatasetRecord) => (o.Account as { External_Id__c?: string } | null)?.External_Id__c ?? '';

/** Every territory that holds accounts or an owner, scored. */
export function scoreTerritories(
  design: TerritoryDesignDef,
  ownerRows: readonly { territory: string; user: string }[],
  accounts: readonly DatasetRecord[],
  opportunities: readonly DatasetRecord[],
  territoryOf: ReadonlyMap<string, string>,
  stages: StageInfo,
): TerritoryScore[] {
  const owners = new Map(ownerRows.map((o) => [o.territory, o.user]));
  const raw = new Map<
    string,
    { accounts: number; addressable: number; revenue: number; pipeline: number; countries: Set<string> }
  >();
  const slot = (t: string) => {
    let s = raw.get(t);
    if (!s) raw.set(t, (s = { accounts: 0, addressable: 0, revenue: 0, pipeline: 0, countries: new Set() }));
    return s;
  };
  for (const a of accounts) {
    const t = territoryOf.get(String(a.External_Id__c));
    if (!t) continue;
    const s = slot(t);
    s.accounts++;
    if (['A', 'B', 'C'].includes(String(a.ICP_Tier__c))) s.addressable++;
    if (a.BillingCountry) s.countries.add(String(a.BillingCountry));
  }
  for (const o of opportunities) {
    const t = territoryOf.get(accountOf(o));
    if (!t) continue;
    const stage = stages.get(String(o.StageName));
    const amount = Number(o.Amount ?? 0) || 0;
    if (stage?.won) slot(t).revenue += amount;
    else if (stage && !stage.closed) slot(t).pipeline += amount;
  }
  const w = design.balancing;
  const max = (
    f: (s: {
      accounts: number;
      addressable: number;
      revenue: number;
      pipeline: number;
      countries: Set<string>;
    }) => number,
  ) => Math.max(0, ...[...raw.values()].map(f)) || 1;
  const mx = {
    a: max((s) => s.addressable),
    r: max((s) => s.revenue),
    p: max((s) => s.pipeline),
    d: max((s) => s.countries.size),
  };
  return design.territories
    .filter((t) => raw.has(t.name))
    .map((t) => {
      const s = raw.get(t.name)!;
      const owner = effectiveOwner(design, owners, t.name);
      const score =
        (w.addressableAccounts * s.addressable) / mx.a +
        (w.revenuePotential * s.revenue) / mx.r +
        (w.pipeline * s.pipeline) / mx.p +
        (w.density * s.countries.size) / mx.d;
      return {
        territory: t.name,
        label: t.label,
        owner: owner?.user ?? null,
        inheritedFrom: owner && owner.from !== t.name ? owner.from : null,
        accounts: s.accounts,
        addressable: s.addressable,
        revenue: round(s.revenue),
        pipeline: round(s.pipeline),
        density: s.countries.size,
        score: round(score),
      };
    });
}

export function repTams(scores: readonly TerritoryScore[], names: ReadonlyMap<string, string>): RepTam[] {
  const by = new Map<string, { territories: string[]; tam: number }>();
  // A rep owns at least one territory directly; someone who only covers vacant ones by inheritance is not compared.
  const direct = new Set(scores.filter((s) => s.owner && !s.inheritedFrom).map((s) => s.owner));
  for (const s of scores) {
    if (!s.owner || !direct.has(s.owner)) continue;
    const r = by.get(s.owner) ?? { territories: [], tam: 0 };
    r.territories.push(s.territory);
    r.tam += s.score;
    by.set(s.owner, r);
  }
  return [...by.entries()]
    .map(([user, r]) => ({ user, name: names.get(user) ?? user, territories: r.territories, tam: round(r.tam) }))
    .sort((a, b) => b.tam - a.tam || a.user.localeCompare(b.user));
}

/** Each rep above `ratio`× the smallest TAM, against that smallest one. */
export function tamFlags(reps: readonly RepTam[], ratio: number): TamFlag[] {
  const smallest = reps.at(-1);
  if (!smallest || smallest.tam <= 0) return [];
  return reps
    .filter((r) => r.tam > ratio * smallest.tam)
    .map((r) => ({
      user: r.user,
      tam: r.tam,
      comparedTo: smallest.user,
      otherTam: smallest.tam,
      ratio: round(r.tam / smallest.tam),
    }));
}

/** The first day of the next fiscal year after `day`. */
export function nextFiscalYearStart(day: string, startMonth: number): string {
  const year = Number(day.slice(0, 4));
  const thisStart = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  return day < thisStart ? thisStart : `${year + 1}-${String(startMonth).padStart(2, '0')}-01`;
}

/**
 * Greedy: move the territory from the largest-TAM rep to the smallest-TAM rep that most narrows
 * the max/min spread, while a move narrows it and the spread exceeds the limit (at most 5 moves).
 */
export function proposeMoves(
  design: TerritoryDesignDef,
  scores: readonly TerritoryScore[],
  reps: readonly RepTam[],
  anchorDate: string,
): TerritoryMove[] {
  const tam = new Map(reps.map((r) => [r.user, r.tam]));
  // Named accounts follow the relationship, not the balance: their books never move.
  const named = new Set(design.territories.filter((t) => t.named).map((t) => t.name));
  const held = new Map(
    scores.filter((s) => s.owner && tam.has(s.owner) && !named.has(s.territory)).map((s) => [s.territory, s.owner!]),
  );
  const score = new Map(scores.map((s) => [s.territory, s.score]));
  const spread = () => {
    const v = [...tam.values()];
    return Math.min(...v) > 0 ? Math.max(...v) / Math.min(...v) : Infinity;
  };
  const effective = nextFiscalYearStart(anchorDate, design.fiscalYearStartMonth);
  const moves: TerritoryMove[] = [];
  while (moves.length < 5 && tam.size > 1 && spread() > design.maxTamRatio) {
    const sorted = [...tam.entries()].sort((a, b) => b[1] - a[1]);
    const [top, bottom] = [sorted[0]![0], sorted.at(-1)![0]];
    const before = spread();
    let best: { territory: string; after: number } | undefined;
    for (const [territory, owner] of held) {
      if (owner !== top) continue;
      const s = score.get(territory) ?? 0;
      tam.set(top, tam.get(top)! - s);
      tam.set(bottom, tam.get(bottom)! + s);
      const after = spread();
      tam.set(top, tam.get(top)! + s);
      tam.set(bottom, tam.get(bottom)! - s);
      if (after < before && (!best || after < best.after)) best = { territory, after };
    }
    if (!best) break;
    const s = score.get(best.territory) ?? 0;
    tam.set(top, tam.get(top)! - s);
    tam.set(bottom, tam.get(bottom)! + s);
    held.set(best.territory, bottom);
    moves.push({
      territory: best.territory,
      from: top,
      to: bottom,
      effective,
      spreadBefore: round(before),
      spreadAfter: round(best.after),
    });
  }
  return moves;
}
