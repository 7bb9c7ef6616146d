import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Flags } from '@salesforce/sf-plugins-core';
import { DEFAULT_SEED, type ScaleName } from '../../../../data/benchmarks.ts';
import type { Manifest } from '../../../../data/index.ts';
import { anchorDateFlag, forceFlag, outFlag } from '../../../flags.ts';
import { claimOutputFolder } from '../../../output-folder.ts';
import { loadMessages, RevOpsCommand } from '../../../revops-command.ts';

const messages = loadMessages('data.generate');

export interface DataGenerateResult {
  readonly out: string;
  readonly manifest: Manifest;
  readonly durationMs: number;
  readonly skipped: readonly { readonly object: string; readonly reason: string }[];
  readonly benchmarks?: readonly { name: string; value: number; ok: boolean }[];
}

const number = (n: number) => n.toLocaleString('en-US');
const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

export default class DataGenerate extends RevOpsCommand<DataGenerateResult> {
  static override readonly summary = messages.getMessage('summary');
  static override readonly description = messages.getMessage('description');
  static override readonly examples = messages.getMessages('examples');

  static override readonly flags = {
    scale: Flags.custom<ScaleName | number>({
      summary: messages.getMessage('flags.scale.summary'),
      default: 'small',
      // The generator's own parser, loaded only when --scale is given.
      parse: async (input) => (await import('../../../../data/options.ts')).parseScale(input),
    })(),
    seed: Flags.integer({ summary: messages.getMessage('flags.seed.summary'), default: DEFAULT_SEED }),
    out: { ...outFlag(), description: messages.getMessage('flags.out.description') },
    force: forceFlag(),
    'anchor-date': anchorDateFlag(),
    stats: Flags.boolean({ summary: messages.getMessage('flags.stats.summary'), default: true, allowNo: true }),
  };

  public async run(): Promise<DataGenerateResult> {
    const { flags } = await this.parse(DataGenerate);
    const [{ loadModel, openProject }, { analyzeDataset, benchmarkChecks, generateDataset }] = await Promise.all([
      import('../../../../project.ts'),
      import('../../../../data/index.ts'),
    ]);
    const model = await loadModel(await openProject());
    const out = resolve(flags.out ?? `out/data/${flags.scale}`);
    await claimOutputFolder(out, {
      command: 'data generate',
      force: flags.force,
      isDefault: flags.out === undefined,
      recognise: isDataset,
      noMarker: true,
    });
    let started = false;
    const result = await generateDataset({
      model,
      out,
      scale: flags.scale,
      seed: flags.seed,
      anchorDate: flags['anchor-date'],
      onProgress: (written, total) => {
        if (!started) this.progress.start(total, {}, { title: 'data generate' });
        started = true;
        this.progress.update(written);
      },
    });
    if (started) this.progress.finish();

    const { manifest } = result;
    const seconds = result.durationMs / 1000;
    const all = manifest.objects.reduce((n, o) => n + o.count, 0);
    const extra = all - manifest.records;
    this.log(
      `data generate: ${number(manifest.records)} records${extra ? ` + ${number(extra)} supporting` : ''} in ${seconds.toFixed(1)} s ` +
        `(${number(Math.round(all / seconds))} records/s), seed ${manifest.seed}, anchor ${manifest.anchorDate}\n  → ${out}`,
    );
    this.table({
      data: manifest.objects.map((o) => ({
        object: o.supporting ? `${o.sobject} (supporting)` : o.sobject,
        records: number(o.count),
      })),
      columns: [
        { key: 'object', name: 'Object' },
        { key: 'records', name: 'Records' },
      ],
    });
    for (const s of result.skipped) this.log(`  not seeded: ${s.object} (${s.reason})`);
    for (const g of result.generic) this.log(`  generic values only (no domain generator yet): ${g}`);
    for (const d of result.droppedLookups) this.log(`  lookup left out to keep the dependency order: ${d}`);
    const summary = { out, manifest, durationMs: result.durationMs, skipped: result.skipped };
    if (!flags.stats) return summary;

    const stats = await analyzeDataset(out, model);
    const checks = benchmarkChecks(stats);
    this.log('\n  blueprint benchmarks:');
    for (const c of checks) {
      const shown = c.range.max <= 1 ? percent(c.value) : number(Math.round(c.value));
      const range =
        c.range.max <= 1
          ? `${percent(c.range.min)}-${percent(c.range.max)}`
          : `${number(c.range.min)}-${number(c.range.max)}`;
      this.log(`  ${c.ok ? 'ok ' : '!! '} ${c.name.padEnd(22)} ${shown.padStart(9)}   (${range}; ${c.range.source})`);
    }
    const w = stats.contracts.renewalWindows;
    this.log(
      `       renewals due            ${w.within90} in 90 days, ${w.within120} in 91-120, ${w.within180} in 121-180; ` +
        `${stats.contracts.renewalOpportunities} renewal opportunities`,
    );
    const o = stats.opportunities;
    this.log(
      `       open deals              ${o.open}, of which ${o.stale} due by the anchor day and not moving (stale)`,
    );
    this.log(`       slipped deals           ${o.slipped} of ${o.newBusiness} moved their close date at least once`);
    return { ...summary, benchmarks: checks.map((c) => ({ name: c.name, value: c.value, ok: c.ok })) };
  }
}

/** An earlier dataset: its manifest says revops-dataset. */
async function isDataset(dir: string, entries: readonly string[]): Promise<boolean> {
  if (!entries.includes('manifest.json')) return false;
  try {
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { format?: unknown };
    return typeof manifest.format === 'string' && manifest.format.startsWith('revops-dataset/');
  } catch {
    return false;
  }
}
