/**
 * `npm run bench:diff`: `revops diff` next to sfdx-git-delta (manifest only: no delta files
 * written) on the same pairs, in the same run, through both Node APIs (neither pays a CLI's
 * start-up), median of ROUNDS after a warm-up. Two sets of pairs: this repository's history, and
 * a large public Salesforce DX repository's (thousands of commits) — SalesforceFoundation/NPSP
 * was used; clone it into out/bench/NPSP (out/ is never committed) or point REVOPS_BENCH_REPO at
 * any clone. Without it that part is skipped, saying so. Every pair also checks that both tools
 * list the same components (a mismatch is re-run once: sfdx-git-delta swallows git read errors
 * under load and then lists a file's contents as deleted).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sgd from 'sfdx-git-delta';
import { componentDiff, type Members } from '../scripts/change/diff/components.ts';
import { diff } from '../scripts/change/diff/index.ts';
import { typeRegistry } from '../scripts/change/diff/registry.ts';
import { Repo } from '../scripts/change/git.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIG = process.env.REVOPS_BENCH_REPO ?? join(ROOT, 'out', 'bench', 'NPSP');
const output = await mkdtemp(join(tmpdir(), 'revops-bench-sgd-'));

const lists = (pkg: Members, destructive: Members) =>
  JSON.stringify(
    [pkg, destructive].map((m) =>
      [...m]
        .filter(([, v]) => v.size)
        .map(([k, v]) => [k, [...v].sort()])
        .sort(),
    ),
  );

async function median(work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

interface Row {
  readonly pair: string;
  readonly files: number;
  readonly sgd: number;
  readonly ours: number;
  readonly oursWithDetails?: number;
  readonly same: boolean;
}

async function benchPair(root: string, from: string, to: string, ignoreFile: string, details: boolean): Promise<Row> {
  const repo = () => new Repo(root);
  const forceignore = readFileSync(ignoreFile, 'utf8');
  const ours = async () => {
    const r = repo();
    const changes = await r.changedPaths(from, to, ['force-app']);
    return componentDiff(r, typeRegistry(), { from, to }, changes, { forceignore, sourceDirs: ['force-app'] });
  };
  const theirs = () =>
    sgd({
      from,
      to,
      output,
      repo: root,
      source: ['force-app'],
      generateDelta: false,
      apiVersion: 66,
      ignore: ignoreFile,
    } as Parameters<typeof sgd>[0]);
  let [a, b] = [await ours(), await theirs()];
  let same = lists(a.package, a.destructive) === lists(b.diffs.package, b.diffs.destructiveChanges);
  if (!same) {
    [a, b] = [await ours(), await theirs()];
    same = lists(a.package, a.destructive) === lists(b.diffs.package, b.diffs.destructiveChanges);
  }
  const files = (await repo().changedPaths(from, to, ['force-app'])).length;
  return {
    pair: `${from.slice(0, 8)}..${to.slice(0, 8)}`,
    files,
    sgd: await median(theirs),
    ours: await median(ours),
    ...(details ? { oursWithDetails: await median(() => diff(root, { from, to, locks: false })) } : {}),
    same,
  };
}

function print(title: string, rows: readonly Row[]): void {
  console.log(`\n${title}`);
  console.log('  pair                files  sgd ms  revops ms  ratio  +how ms  ratio  same list');
  for (const r of rows)
    console.log(
      `  ${r.pair}  ${String(r.files).padStart(6)}  ${r.sgd.toFixed(0).padStart(6)}  ${r.ours.toFixed(0).padStart(9)}  ${(r.ours / r.sgd).toFixed(2).padStart(5)}  ${r.oursWithDetails === undefined ? '      -' : r.oursWithDetails.toFixed(0).padStart(7)}  ${r.oursWithDetails === undefined ? '    -' : (r.oursWithDetails / r.sgd).toFixed(2).padStart(5)}  ${r.same ? 'yes' : 'NO'}`,
    );
}

/** First-parent commits touching force-app, newest first; pairs `distance` apart from the top. */
async function pairsOf(root: string, distances: readonly number[]): Promise<[string, string][]> {
  const commits = (await new Repo(root).git(['rev-list', '--first-parent', 'HEAD', '--', 'force-app']))
    .trim()
    .split('\n');
  return distances.filter((d) => d < commits.length).map((d) => [commits[d]!, commits[0]!]);
}

console.log(`bench:diff — median of ${ROUNDS} rounds after a warm-up, Node ${process.version}`);
const ownRows: Row[] = [];
for (const [from, to] of await pairsOf(ROOT, [1, 2, 5, 10, 20]))
  ownRows.push(await benchPair(ROOT, from, to, join(ROOT, '.forceignore'), true));
print('this repository (revops +how: components, how each changed, risks; locked lookup off)', ownRows);

if (!existsSync(join(BIG, '.git'))) {
  console.log(
    `\nlarge repository: skipped — no clone at ${BIG}. Clone SalesforceFoundation/NPSP (or any large Salesforce DX repository) there, or set REVOPS_BENCH_REPO to a clone.`,
  );
} else {
  const ignoreFile = join(output, 'forceignore');
  writeFileSync(ignoreFile, (await new Repo(BIG).readText('HEAD', '.forceignore')) ?? '');
  const rows: Row[] = [];
  for (const [from, to] of await pairsOf(BIG, [2, 10, 100, 500, 1000, 2500]))
    rows.push(await benchPair(BIG, from, to, ignoreFile, true));
  print(`large repository: ${BIG}`, rows);
}
await rm(output, { recursive: true, force: true });
