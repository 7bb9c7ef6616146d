/**
 * `revops territory plan` on data/seed, recomputed independently from the dataset files (plain
 * JSON reading and the blueprint's formula written out again), and its bad-input errors.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the test reads the dataset files as untyped JSON, independently of the library types */
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import model from '../../model/index.ts';
import { planTerritories } from '../../scripts/territory/plan.ts';

const SEED = 'data/seed';
const ndjson = async (file: string) =>
  (await readFile(join(SEED, file), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, any>);

test('scores, rep TAM and the 2x flag match an independent recomputation from the files', async () => {
  const plan = await planTerritories(model, SEED);
  const accounts = await ndjson('Account.ndjson');
  const opps = await ndjson('Opportunity.ndjson');
  const assignments = JSON.parse(await readFile(join(SEED, 'territories.json'), 'utf8'));
  const where = new Map<string, string>(assignments.accounts.map((a: any) => [a.account, a.territory]));
  const t: Record<string, { addr: number; rev: number; pipe: number; countries: Set<string> }> = {};
  const at = (name: string) => (t[name] ??= { addr: 0, rev: 0, pipe: 0, countries: new Set() });
  for (const a of accounts) {
    const name = where.get(a.External_Id__c);
    if (!name) continue;
    const s = at(name);
    if (a.ICP_Tier__c === 'A' || a.ICP_Tier__c === 'B' || a.ICP_Tier__c === 'C') s.addr++;
    if (a.BillingCountry) s.countries.add(a.BillingCountry);
  }
  const won = new Set(model.opportunityStages!.stages.filter((s) => s.won).map((s) => s.name));
  const closed = new Set(model.opportunityStages!.stages.filter((s) => s.closed).map((s) => s.name));
  for (const o of opps) {
    const name = where.get(o.Account?.External_Id__c);
    if (!name) continue;
    if (won.has(o.StageName)) at(name).rev += o.Amount ?? 0;
    else if (!closed.has(o.StageName)) at(name).pipe += o.Amount ?? 0;
  }
  const vals = Object.values(t);
  const max = (f: (x: (typeof vals)[number]) => number) => Math.max(...vals.map(f));
  const [ma, mr, mp, md] = [max((x) => x.addr), max((x) => x.rev), max((x) => x.pipe), max((x) => x.countries.size)];
  const expected = Object.fromEntries(
    Object.entries(t).map(([k, x]) => [
      k,
      (30 * x.addr) / ma + (30 * x.rev) / mr + (20 * x.pipe) / mp + (20 * x.countries.size) / md,
    ]),
  );
  assert.equal(plan.territories.length, Object.keys(expected).length);
  for (const s of plan.territories)
    assert.ok(
      Math.abs(s.score - expected[s.territory]!) < 0.006,
      `${s.territory}: ${s.score} vs ${expected[s.territory]}`,
    );
  // Owners: own, else the nearest ancestor's (LATAM_ENT is vacant in the seed and inherits LATAM's).
  const owner = new Map<string, string>(assignments.owners.map((o: any) => [o.territory, o.user]));
  const parent = new Map(model.territoryDesign!.territories.map((x) => [x.name, x.parent]));
  const ownerOf = (name: string): string => owner.get(name) ?? ownerOf(parent.get(name)!);
  const direct = new Set([...Object.keys(expected)].filter((k) => owner.has(k)).map((k) => owner.get(k)!));
  const tam = new Map<string, number>();
  for (const [k, v] of Object.entries(expected))
    if (direct.has(ownerOf(k))) tam.set(ownerOf(k), (tam.get(ownerOf(k)) ?? 0) + v);
  assert.equal(plan.reps.length, tam.size);
  for (const r of plan.reps)
    assert.ok(Math.abs(r.tam - tam.get(r.user)!) < 0.05, `${r.user}: ${r.tam} vs ${tam.get(r.user)}`);
  const least = Math.min(...tam.values());
  const flagged = [...tam.entries()]
    .filter(([, v]) => v > 2 * least)
    .map(([u]) => u)
    .sort();
  assert.deepEqual(plan.flags.map((f) => f.user).sort(), flagged);
  assert.ok(flagged.length > 0, 'the seed is unbalanced enough to flag someone');
  assert.equal(plan.vacant[0]?.territory, 'LATAM_ENT');
  assert.equal(plan.unassigned.length, 0);
});

test('proposed moves land on the next fiscal-year boundary, narrow the spread, and never move a named book', async () => {
  const plan = await planTerritories(model, SEED);
  assert.ok(plan.moves.length > 0);
  for (const m of plan.moves) {
    assert.equal(m.effective, '2027-01-01');
    assert.ok(m.spreadAfter < m.spreadBefore);
    assert.ok(!m.territory.startsWith('Named_Accounts'));
  }
  // Gap analysis: current and next fiscal quarter for every territory; gap = max(0, needed - pipeline).
  assert.equal(plan.gaps.length, 2 * plan.territories.length);
  assert.deepEqual([...new Set(plan.gaps.map((g) => g.quarter))], ['FY2026Q4', 'FY2027Q1']);
  for (const g of plan.gaps) {
    assert.equal(g.needed, Math.round(4 * g.runRate * 100) / 100);
    assert.ok(Math.abs(g.gap - Math.max(0, g.needed - g.pipeline)) < 0.02);
  }
});

const dirs: string[] = [];
after(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function seedWith(edit: (a: any) => void): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'territory-'));
  dirs.push(dir);
  await cp(SEED, dir, { recursive: true });
  const file = join(dir, 'territories.json');
  const a = JSON.parse(await readFile(file, 'utf8'));
  edit(a);
  await writeFile(file, JSON.stringify(a));
  return dir;
}

const rejects = async (dir: string, pattern: RegExp) =>
  assert.rejects(planTerritories(model, dir), (e: Error) => {
    assert.match(e.message, /territories\.json/);
    assert.match(e.message, pattern);
    return true;
  });

test('bad input: an unknown territory names the file, the entry and the model', async () => {
  await rejects(
    await seedWith((a) => (a.owners[0].territory = 'NA_XYZ')),
    /owners\[0\]: territory NA_XYZ is not a territory of component Territory2Model RevOps_FY2026/,
  );
  await rejects(
    await seedWith((a) => (a.accounts[0].territory = 'Nowhere')),
    /accounts\[0\] \(ACC-\d+\): territory Nowhere/,
  );
});

test('bad input: an overlay SE shared across 5 AEs is refused', async () => {
  const dir = await seedWith((a) => {
    const leaves = a.owners.filter((o: any) => /^USR-00[3-7]$/.test(o.user)).map((o: any) => o.territory);
    a.overlays[0].territories = leaves;
  });
  await rejects(dir, /overlays\[0\] \(USR-\d+\): a Solutions engineer shared across 5 AEs .* at most 4/);
});

test('bad input: a stale rule assignment and an inactive owner are refused', async () => {
  await rejects(
    await seedWith((a) => {
      const x = a.accounts.find((r: any) => r.cause === 'Territory2AssignmentRule');
      x.territory = x.territory === 'NA_SMB' ? 'EMEA_SMB' : 'NA_SMB';
    }),
    /do not put this account in .* \(stale rule assignment\)/,
  );
  await rejects(await seedWith((a) => (a.owners[0].user = 'USR-024')), /USR-024 .* is inactive/);
});
