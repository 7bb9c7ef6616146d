/**
 * `npm run bench:plan`: how long `revops plan` takes next to source-deploy-retrieve converting
 * the same tree alone (resolve + zip), measured in one run, median of N rounds after a warm-up.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { openProject, loadModel } from '../scripts/project.ts';
import { plan } from '../scripts/plan/index.ts';
import { resolveComponents } from '../scripts/verify/sdr.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const project = await openProject(fileURLToPath(new URL('..', import.meta.url)));
const model = await loadModel(project);
const out = await mkdtemp(join(tmpdir(), 'revops-bench-'));

async function median(label: string, work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const m = times[Math.floor(times.length / 2)]!;
  console.log(
    `  ${label.padEnd(34)} median ${m.toFixed(0).padStart(6)} ms  (min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)})`,
  );
  return m;
}

console.log(`bench:plan — ${ROUNDS} rounds each, Node ${process.version}`);
const sdr = await median('SDR alone: resolve + convert to zip', async () => {
  await new MetadataConverter().convert(resolveComponents(project), 'metadata', { type: 'zip' });
});
const full = await median('revops plan (all checks)', async () => {
  const result = await plan(project, { model, outDir: join(out, 'plan') });
  if (!result.ok) throw new Error('plan failed');
});
const result = await plan(project, { model, outDir: join(out, 'plan') });
console.log(
  `  components: ${result.componentCount}; per check: ${result.checks.map((c) => `${c.name} ${c.ms} ms`).join(', ')}`,
);
console.log(`  ratio: revops plan / SDR conversion alone = ${(full / sdr).toFixed(2)}x`);
await rm(out, { recursive: true, force: true });
