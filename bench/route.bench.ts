/**
 * `npm run bench:route`: routing decisions per second over 1,000,000 leads, and memory, for the
 * TypeScript router with the model's configuration (scoring, the ordered rules, named-account
 * domain match, pools), next to its peer measured in the same run: the same router with every
 * condition tree interpreted node by node on every lead (`evaluate`, the reference semantics
 * and the way the Apex router reads them) instead of compiled once into closures.
 *
 * Leads are the bundled seed's, copied fresh for each trigger-sized batch of 200 (the router
 * writes scores on them), with the clock one minute on per batch. The pools' caps are lifted so
 * that every lead takes the whole path (a capped pool turns most of a million leads into cheap
 * overflows); everything else is the model's.
 *
 *   node bench/route.bench.ts [--leads 1000000]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadModel, openProject } from '../scripts/project.ts';
import type { Roster } from '../scripts/data/routing-roster.ts';
import { evaluate } from '../scripts/routing/conditions.ts';
import type { RoutingConfig } from '../scripts/routing/config.ts';
import { routeBatch } from '../scripts/routing/engine.ts';
import { modelRoutingConfig, rosterState } from '../scripts/route/simulate.ts';

const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const n = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
};
const LEADS = option('leads', 1_000_000);
const BATCH = 200;

const root = fileURLToPath(new URL('..', import.meta.url));
const model = await loadModel(await openProject(root));
const seedFile = (f: string) =>
  readFileSync(`${root}data/seed/${f}`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const seedLeads = seedFile('Lead.ndjson');
const accounts = seedFile('Account.ndjson');
const roster = JSON.parse(readFileSync(`${root}data/seed/routing-roster.json`, 'utf8')) as Roster;

function uncapped(config: RoutingConfig): RoutingConfig {
  const pools = new Map([...config.pools].map(([k, p]) => [k, { ...p, dailyCap: null, weeklyCap: null }]));
  return { ...config, pools };
}

/** The peer: every tree interpreted on every lead. */
function interpreted(config: RoutingConfig): RoutingConfig {
  const rules = config.rules.map((r) => ({
    ...r,
    when: (lead: Record<string, unknown>, clock: number) => evaluate(r.condition, lead, clock),
  }));
  return { ...config, rules };
}

function run(label: string, config: RoutingConfig, leads = LEADS) {
  const state = rosterState(roster, accounts, config, 'roster');
  const start = Date.parse('2026-01-05T14:00:00Z');
  const heapBefore = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  let owners = 0;
  const t0 = performance.now();
  for (let done = 0, b = 0; done < leads; done += BATCH, b++) {
    const n = Math.min(BATCH, leads - done);
    const batch = new Array<Record<string, unknown>>(n);
    for (let i = 0; i < n; i++) batch[i] = { ...seedLeads[(done + i) % seedLeads.length]! };
    for (const d of routeBatch(config, state, start + b * 60_000, batch)) if (d.kind === 'owner') owners++;
    if ((b & 255) === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const ms = performance.now() - t0;
  const heapAfter = process.memoryUsage().heapUsed;
  const rate = leads / (ms / 1000);
  if (label)
    console.log(
      `  ${label.padEnd(34)} ${Math.round(rate).toLocaleString('en-US').padStart(10)} decisions/s  ` +
        `(${(ms / 1000).toFixed(2)} s; ${owners.toLocaleString('en-US')} to people; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB, ` +
        `heap ${(heapBefore / 2 ** 20).toFixed(0)} → ${(heapAfter / 2 ** 20).toFixed(0)} MB)`,
    );
  return rate;
}

console.log(`bench:route — ${LEADS.toLocaleString('en-US')} leads in batches of ${BATCH}, Node ${process.version}`);
const config = uncapped(modelRoutingConfig(model));
// Warm both up first (JIT), so that the one measured second does not look faster for it.
run('', config, 50_000);
run('', interpreted(config), 50_000);
const ours = run('router (compiled conditions)', config);
const peer = run('peer (interpreted conditions)', interpreted(config));
console.log(
  `  ratio: ${(ours / peer).toFixed(2)}× the peer; goal ≥ 1,000,000 decisions/s on one core: ${ours >= 1e6 ? 'met' : 'not met'}`,
);
