/**
 * `npm run bench:report`: the report on 10,000,000 records — the DuckDB path (`buildReport`:
 * staging the NDJSON files, every metric SQL file, charts, page) against its floor measured in
 * the same run: one streaming pass of plain TypeScript over the same files computing the headline
 * metrics (win rate overall and by segment, the four funnel steps, coverage, weighted pipeline,
 * velocity, contracted NRR/GRR). Each runs in its own process, so peak RSS is each one's own.
 *
 * The dataset is generated streaming, never committed: copies of data/seed's report objects
 * (Account, Lead, Opportunity, Contract, SDR → AE hand-offs, only the fields the report reads),
 * each copy's keys suffixed so that lookups stay inside it. Every copy has the seed's numbers, so
 * both paths must report the seed's win rate, funnel and velocity at any size: the run checks it.
 *
 *   node bench/report.bench.ts [--records 10000000] [--keep]
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { SOURCE_OBJECTS } from '../scripts/analytics/sources.ts';
import { floorMetrics, type FloorMetrics } from './report-floor.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEED = join(ROOT, 'data/seed');
const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const n = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
};

type Rec = Record<string, unknown>;
const REPORT_OBJECTS = SOURCE_OBJECTS.filter((s) => !s.orgOnly);

/** The seed's report objects, pruned to the report's fields. */
async function seedRecords(): Promise<Map<string, Rec[]>> {
  const manifest = JSON.parse(await readFile(join(SEED, 'manifest.json'), 'utf8')) as {
    objects: { sobject: string; file: string }[];
  };
  const out = new Map<string, Rec[]>();
  for (const source of REPORT_OBJECTS) {
    const entry = manifest.objects.find((o) => o.sobject === source.sobject)!;
    const lines = (await readFile(join(SEED, entry.file), 'utf8')).split('\n').filter(Boolean);
    out.set(
      source.sobject,
      lines.map((l) => {
        const r = JSON.parse(l) as Rec;
        return Object.fromEntries(source.columns.filter((c) => c.name in r).map((c) => [c.name, r[c.name]]));
      }),
    );
  }
  return out;
}

/** Copy `k` of a record: its key and every lookup key suffixed. */
function copyOf(record: Rec, k: number): string {
  const suffix = `-${k}`;
  const copy: Rec = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'External_Id__c') copy[key] = `${value as string}${suffix}`;
    else if (value && typeof value === 'object')
      copy[key] = { External_Id__c: `${(value as Rec).External_Id__c as string}${suffix}` };
    else copy[key] = value;
  }
  return JSON.stringify(copy);
}

async function write(out: WriteStream, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await new Promise<void>((ok) => out.once('drain', () => ok()));
}

/** Writes as many copies of the seed's report objects as make `records` records; returns the counts. */
async function generate(dir: string, records: number): Promise<{ counts: Record<string, number>; copies: number }> {
  const seed = await seedRecords();
  const perCopy = [...seed.values()].reduce((n, r) => n + r.length, 0);
  const copies = Math.max(1, Math.round(records / perCopy));
  const counts: Record<string, number> = {};
  for (const [sobject, rows] of seed) {
    const out = createWriteStream(join(dir, `${sobject}.ndjson`));
    for (let k = 0; k < copies; k++) for (const r of rows) await write(out, copyOf(r, k));
    out.end();
    await new Promise<void>((ok) => out.on('finish', () => ok()));
    counts[sobject] = rows.length * copies;
  }
  const manifest = {
    format: 'revops-dataset/1',
    seed: 42,
    scale: `${copies} copies of data/seed`,
    anchorDate: '2026-12-01',
    records: Object.values(counts).reduce((a, b) => a + b, 0),
    objects: Object.entries(counts).map(([sobject, count]) => ({
      sobject,
      file: `${sobject}.ndjson`,
      count,
      externalIdField: 'External_Id__c',
    })),
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return { counts, copies };
}

interface Measured {
  readonly ms: number;
  /** CPU seconds (user + system): on a shared machine the wall clock also counts the wait for a core. */
  readonly cpuS: number;
  readonly peakRssMb: number;
  readonly figures: FloorMetrics;
}

/** Runs one path in a fresh process: its own time and its own peak RSS (getrusage maxrss). */
function measure(path: 'duckdb' | 'floor', dir: string): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--worker', path, dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as Measured) : reject(new Error(`${path} exited ${code}`)),
    );
  });
}

async function worker(path: string, dir: string): Promise<void> {
  // Modules load before the clock starts: the figures compare the work, not Node's start-up.
  const model = (await import('../model/index.ts')).default;
  // Only the DuckDB path loads DuckDB and ECharts: the floor's peak RSS stays its own.
  const report = path === 'duckdb' ? await import('../scripts/analytics/report.ts') : undefined;
  const start = performance.now();
  const startCpu = process.cpuUsage();
  let figures: FloorMetrics;
  if (report) {
    const m = (await report.buildReport(dir, { model })).metrics;
    figures = {
      winRate: m.winRate.overall,
      winRateBySegment: m.winRate.bySegment,
      funnel: [
        m.funnel.conversion.mqlToSal,
        m.funnel.conversion.salToSql,
        m.funnel.conversion.sqlToSao,
        m.funnel.conversion.saoToWon,
      ],
      coverage: m.coverage.overall.coverage,
      weightedPipeline: m.pipeline.weighted,
      velocityPerDay: m.velocity.perDay,
      nrr: m.nrr.contracted12m,
      grr: m.grr.contracted12m,
    };
  } else {
    const lines = (file: string) => createInterface({ input: createReadStream(join(dir, file)), crlfDelay: Infinity });
    figures = await floorMetrics(lines, model, '2026-12-01');
  }
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(startCpu);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  process.stdout.write(JSON.stringify({ ms, cpuS, peakRssMb: process.resourceUsage().maxRSS / 1024, figures }));
}

function agree(a: FloorMetrics, b: FloorMetrics, scale = 1): string[] {
  const close = (x: number | null, y: number | null) =>
    x === null ? y === null : y !== null && Math.abs(x - y) <= Math.max(1e-6, Math.abs(y) * 1e-6);
  const pairs: [string, number | null, number | null][] = [
    ['win rate', a.winRate, b.winRate],
    ...Object.keys(b.winRateBySegment).map((s): [string, number | null, number | null] => [
      `win rate ${s}`,
      a.winRateBySegment[s] ?? null,
      b.winRateBySegment[s] ?? null,
    ]),
    ...b.funnel.map((v, i): [string, number | null, number | null] => [`funnel step ${i + 1}`, a.funnel[i] ?? null, v]),
    ['coverage', a.coverage, b.coverage],
    ['weighted pipeline', a.weightedPipeline, b.weightedPipeline === null ? null : b.weightedPipeline * scale],
    ['velocity', a.velocityPerDay, b.velocityPerDay === null ? null : b.velocityPerDay * scale],
    ['NRR', a.nrr, b.nrr],
    ['GRR', a.grr, b.grr],
  ];
  return pairs.filter(([, x, y]) => !close(x, y)).map(([name, x, y]) => `${name}: ${x} vs ${y}`);
}

async function main(): Promise<void> {
  const records = option('records', 10_000_000);
  const dir = await mkdtemp(join(tmpdir(), 'revops-bench-report-'));
  try {
    console.log(`bench:report — ${records.toLocaleString('en-US')} records, Node ${process.version}`);
    const t = performance.now();
    const { counts, copies } = await generate(dir, records);
    console.log(
      `  dataset: ${Object.entries(counts)
        .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
        .join(', ')} (generated in ${((performance.now() - t) / 1000).toFixed(1)} s)`,
    );
    const duck = await measure('duckdb', dir);
    const floor = await measure('floor', dir);
    const seed = await measure('floor', SEED);
    const row = (name: string, m: Measured) =>
      console.log(
        `  ${name.padEnd(44)} ${(m.ms / 1000).toFixed(1).padStart(7)} s wall ${m.cpuS.toFixed(1).padStart(7)} s CPU ${m.peakRssMb.toFixed(0).padStart(6)} MB peak RSS`,
      );
    row('DuckDB path (buildReport: stage, SQL, charts)', duck);
    row('floor (one streaming TypeScript pass)', floor);
    console.log(
      `  ratio DuckDB ÷ floor: wall ${(duck.ms / floor.ms).toFixed(2)}x, CPU ${(duck.cpuS / floor.cpuS).toFixed(2)}x, peak memory ${(duck.peakRssMb / floor.peakRssMb).toFixed(2)}x`,
    );
    console.log(
      `  load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${cpus().length} cores`,
    );
    const differences = [...agree(duck.figures, floor.figures), ...agree(floor.figures, seed.figures, copies)];
    console.log(
      differences.length
        ? `  DISAGREE:\n    ${differences.join('\n    ')}`
        : `  both paths agree, and give the seed's figures (win rate, funnel, coverage, NRR, GRR; weighted pipeline and velocity × ${copies} copies)`,
    );
    if (differences.length) process.exitCode = 1;
  } finally {
    if (!process.argv.includes('--keep')) await rm(dir, { recursive: true, force: true });
    else console.log(`  kept ${dir}`);
  }
}

if (process.argv[2] === '--worker') await worker(process.argv[3]!, process.argv[4]!);
else await main();
