/**
 * `revops data generate` and `revops data check`: argument parsing and printing over the seed
 * data library (scripts/data). main.ts dispatches to these handlers.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadModel, openProject } from '../project.ts';
import {
  analyzeDataset,
  benchmarkChecks,
  checkDataset,
  DatasetError,
  DEFAULT_ANCHOR_DATE,
  DEFAULT_SEED,
  generateDataset,
  parseScale,
  verifyDatasetFormat,
  type CheckResult,
} from '../data/index.ts';

const GENERATE_USAGE = `revops data generate [--scale small|medium|large|N] [--seed S] [--out DIR] [--anchor-date YYYY-MM-DD] [--no-stats]

  Writes a deterministic RevOps dataset (docs/dataset-format.md) generated from model/:
  accounts with subsidiaries, buying committees, leads across the funnel, deals in every stage,
  contracts due for renewal, hand-offs, commitments, concessions and deal exceptions.

  --scale        small (3,000 records, the bundled data/seed), medium (30,000), large (300,000),
                 or a record count                                          [default: small]
  --seed         same seed, same bytes                                      [default: ${DEFAULT_SEED}]
  --out          directory to write                                         [default: out/data/<scale>]
  --anchor-date  the dataset's "today"; dates are relative to it           [default: ${DEFAULT_ANCHOR_DATE}]
  --no-stats     skip measuring the result against the blueprint benchmarks`;

const CHECK_USAGE = `revops data check [--dataset DIR] [--anchor-date YYYY-MM-DD] [--strict] [--max N] [--json]

  Evaluates every active validation rule of model/ against every record of its object, as an
  insert by a user without the bypass permission, with TODAY() at the dataset's anchor date.
  Exits 1 when a rule fires, a record cannot be checked, or the dataset cannot be read.

  --dataset      dataset directory                                          [default: data/seed]
  --anchor-date  evaluate as of this date instead of the manifest's anchorDate
  --strict       also check the format contract: unique ids, lookups resolve, typed values
  --max          violations to print                                        [default: 50]
  --json         print the result as JSON`;

const wantsHelp = (args: string[]) => args.includes('--help') || args.includes('-h');
const number = (n: number) => n.toLocaleString('en-US');
const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

function usageError(message: string, usage: string): number {
  console.error(`revops: ${message}\n\n${usage}`);
  return 2;
}

async function dataGenerate(args: string[]): Promise<number> {
  if (wantsHelp(args)) {
    console.log(GENERATE_USAGE);
    return 0;
  }
  let values;
  let scale;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        scale: { type: 'string', default: 'small' },
        seed: { type: 'string' },
        out: { type: 'string' },
        'anchor-date': { type: 'string' },
        'no-stats': { type: 'boolean' },
      },
    }));
    scale = parseScale(values.scale!);
  } catch (e) {
    return usageError((e as Error).message, GENERATE_USAGE);
  }
  const project = await openProject();
  const model = await loadModel(project);
  const out = resolve(values.out ?? `out/data/${scale}`);
  const interactive = process.stderr.isTTY;
  const result = await generateDataset({
    model,
    out,
    scale,
    seed: values.seed ?? DEFAULT_SEED,
    anchorDate: values['anchor-date'],
    onProgress: interactive
      ? (written, total) => process.stderr.write(`\r  ${number(written)} / ${number(total)} records`)
      : undefined,
  }).catch((e: Error) => {
    if (e instanceof RangeError) return e;
    throw e;
  });
  if (interactive) process.stderr.write('\r\x1b[K');
  if (result instanceof Error) return usageError(result.message, GENERATE_USAGE);

  const { manifest } = result;
  const seconds = result.durationMs / 1000;
  console.log(
    `data generate: ${number(manifest.records)} records in ${seconds.toFixed(1)} s ` +
      `(${number(Math.round(manifest.records / seconds))} records/s), seed ${manifest.seed}, anchor ${manifest.anchorDate}\n  → ${out}`,
  );
  const width = Math.max(...manifest.objects.map((o) => o.sobject.length));
  for (const o of manifest.objects) console.log(`  ${o.sobject.padEnd(width)}  ${number(o.count).padStart(9)}`);
  for (const s of result.skipped) console.log(`  not seeded: ${s.object} (${s.reason})`);
  for (const g of result.generic) console.log(`  generic values only (no domain generator yet): ${g}`);
  for (const d of result.droppedLookups) console.log(`  lookup left out to keep the dependency order: ${d}`);
  if (values['no-stats']) return 0;

  const stats = await analyzeDataset(out, model);
  console.log('\n  blueprint benchmarks:');
  for (const c of benchmarkChecks(stats)) {
    const shown = c.range.max <= 1 ? percent(c.value) : number(Math.round(c.value));
    const range =
      c.range.max <= 1
        ? `${percent(c.range.min)}-${percent(c.range.max)}`
        : `${number(c.range.min)}-${number(c.range.max)}`;
    console.log(`  ${c.ok ? 'ok ' : '!! '} ${c.name.padEnd(22)} ${shown.padStart(9)}   (${range}; ${c.range.source})`);
  }
  const w = stats.contracts.renewalWindows;
  console.log(
    `       renewals due            ${w.within90} in 90 days, ${w.within120} in 91-120, ${w.within180} in 121-180; ` +
      `${stats.contracts.renewalOpportunities} renewal opportunities`,
  );
  const o = stats.opportunities;
  console.log(`       open deals              ${o.open}, of which ${o.stale} past their close date (stale)`);
  console.log(`       slipped deals           ${o.slipped} of ${o.newBusiness} moved their close date at least once`);
  return 0;
}

function printCheck(result: CheckResult, max: number): void {
  const fired = result.rules.filter((r) => r.violations > 0);
  const width = Math.max(0, ...fired.map((r) => `${r.object}.${r.rule}`.length));
  for (const r of fired)
    console.error(
      `  ${`${r.object}.${r.rule}`.padEnd(width)}  ${number(r.violations).padStart(7)} of ${number(r.evaluated)}`,
    );
  for (const v of result.violations.slice(0, max))
    console.error(
      `${v.file}:${v.line}: ${v.object} ${v.externalId}: ${v.rule}${v.errorField ? ` [${v.errorField}]` : ''}: ${v.message}`,
    );
  if (result.violationCount > max) console.error(`  ... and ${number(result.violationCount - max)} more violations`);
  for (const p of result.problems.slice(0, max)) console.error(`${p.kind}: ${p.message}`);
  if (result.problemCount > max) console.error(`  ... and ${number(result.problemCount - max)} more problems`);
}

async function dataCheck(args: string[]): Promise<number> {
  if (wantsHelp(args)) {
    console.log(CHECK_USAGE);
    return 0;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        dataset: { type: 'string', default: 'data/seed' },
        'anchor-date': { type: 'string' },
        strict: { type: 'boolean' },
        max: { type: 'string', default: '50' },
        json: { type: 'boolean' },
      },
    }));
  } catch (e) {
    return usageError((e as Error).message, CHECK_USAGE);
  }
  const max = Number(values.max);
  if (!Number.isInteger(max) || max < 0) return usageError(`--max must be a number, got "${values.max}"`, CHECK_USAGE);
  const dir = resolve(values.dataset!);
  const model = await loadModel(await openProject());
  try {
    const result = await checkDataset(dir, {
      model,
      anchorDate: values['anchor-date'],
      maxViolations: Math.max(max, 1000),
    });
    const format = values.strict ? await verifyDatasetFormat(dir, model) : [];
    const ok = result.ok && format.length === 0;
    if (values.json) {
      console.log(JSON.stringify({ status: ok ? 0 : 1, result: { ...result, ok, format } }, null, 2));
      return ok ? 0 : 1;
    }
    const evaluations = result.rules.reduce((n, r) => n + r.evaluated, 0);
    for (const issue of format.slice(0, max))
      console.error(`${issue.file}${issue.line ? `:${issue.line}` : ''}: ${issue.problem}`);
    printCheck(result, max);
    const summary =
      `${number(result.records)} records, ${result.rules.length} rules, ${number(evaluations)} evaluations ` +
      `(anchor ${result.anchorDate})`;
    if (ok) {
      console.log(`data check: no violations; ${summary}${values.strict ? '; format contract holds' : ''}`);
      for (const u of result.unexercised) console.log(`  not exercised (no records): ${u}`);
      return 0;
    }
    console.error(
      `data check: ${number(result.violationCount)} violation(s), ${number(result.problemCount)} record(s) not checkable` +
        `${values.strict ? `, ${format.length} format issue(s)` : ''}; ${summary}`,
    );
    return 1;
  } catch (e) {
    if (e instanceof DatasetError) {
      console.error(`data check: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

export const dataCommands: Record<string, (args: string[]) => Promise<number>> = {
  'data generate': dataGenerate,
  'data check': dataCheck,
};
