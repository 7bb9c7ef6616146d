/**
 * `npm run bench:data`: generate 1,000,000 seed records (`revops data generate --scale 1000000`)
 * and print records per second and peak memory, next to its floor measured in the same run:
 * the same number of ready-made records serialised and written through the same ndjson writer.
 * Then `data check` over the million records (every record against the model's schema, every
 * active validation rule on every record), and the schema and format checks alone, which
 * `data load` runs before it sends anything.
 *
 *   node bench/data.bench.ts [--records 1000000] [--no-check] [--keep]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModel, openProject } from '../scripts/project.ts';
import { checkDataset, generateDataset, readRecords, validateDataset, type Manifest } from '../scripts/data/index.ts';
import { NdjsonWriter } from '../scripts/data/ndjson-writer.ts';

const flag = (name: string) => process.argv.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const n = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
};
const RECORDS = option('records', 1_000_000);

const project = await openProject(fileURLToPath(new URL('..', import.meta.url)));
const model = await loadModel(project);
const dir = await mkdtemp(join(tmpdir(), 'revops-bench-data-'));
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const rate = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString('en-US')} records/s`;

/** Up to `n` records of each object, to write again and again. */
async function firstRecords(path: string, m: Manifest, n: number): Promise<unknown[]> {
  const records: unknown[] = [];
  for (const entry of m.objects) {
    let taken = 0;
    for await (const { record } of readRecords(path, entry)) {
      records.push(record);
      if (++taken === n) break;
    }
  }
  return records;
}

/** Peak RSS of a phase, sampled every 50 ms (generation yields to the event loop on every write batch). */
async function sampled<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peakRss: number }> {
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const start = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - start, peakRss: Math.max(peakRss, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

console.log(`bench:data — ${RECORDS.toLocaleString('en-US')} records, Node ${process.version}`);
const generated = await sampled(() => generateDataset({ model, out: join(dir, 'dataset'), scale: RECORDS }));
const { manifest } = generated.value;
console.log(
  `  generate                 ${(generated.ms / 1000).toFixed(1).padStart(6)} s  ${rate(manifest.records, generated.ms).padStart(18)}` +
    `  peak RSS ${mb(generated.peakRss)}`,
);
console.log(`    ${manifest.objects.map((o) => `${o.sobject} ${o.count.toLocaleString('en-US')}`).join(', ')}`);

// The floor: serialising and writing the same number of records that already exist.
const samples = await firstRecords(join(dir, 'dataset'), manifest, 1000);
const floor = await sampled(async () => {
  const writer = new NdjsonWriter(join(dir, 'floor.ndjson'));
  for (let i = 0; i < manifest.records; i++) {
    const wait = writer.write(samples[i % samples.length]);
    if (wait) await wait;
  }
  await writer.close();
});
console.log(
  `  floor: write only        ${(floor.ms / 1000).toFixed(1).padStart(6)} s  ${rate(manifest.records, floor.ms).padStart(18)}` +
    `  peak RSS ${mb(floor.peakRss)}`,
);
console.log(`  ratio: generate / write-only floor = ${(generated.ms / floor.ms).toFixed(2)}x`);

if (!flag('no-check')) {
  const checked = await sampled(() => checkDataset(join(dir, 'dataset'), { model }));
  const evaluations = checked.value.rules.reduce((n, r) => n + r.evaluated, 0);
  console.log(
    `  data check               ${(checked.ms / 1000).toFixed(1).padStart(6)} s  ${rate(checked.value.records, checked.ms).padStart(18)}` +
      `  peak RSS ${mb(checked.peakRss)}; ${evaluations.toLocaleString('en-US')} rule evaluations, ` +
      `${checked.value.violationCount} violations`,
  );
  if (!checked.value.ok) process.exitCode = 1;
  // What `data load` reads before it sends the first row: the same schema and format checks, no rules.
  const validated = await sampled(() => validateDataset(join(dir, 'dataset'), { model }));
  console.log(
    `  validate (load pre-flight) ${(validated.ms / 1000).toFixed(1).padStart(4)} s  ${rate(validated.value.records, validated.ms).padStart(18)}` +
      `  peak RSS ${mb(validated.peakRss)}; ${validated.value.problemCount} problems`,
  );
  if (!validated.value.ok) process.exitCode = 1;
}
console.log(`  process max RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
if (flag('keep')) console.log(`  kept ${dir}`);
else await rm(dir, { recursive: true, force: true });
