import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, truncate, writeFile, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { LoadApi, LoadPass } from './load-plan.ts';

/**
 * The durable record of one load, in its own directory under out/load/:
 *
 *   report.ndjson    one line per row and pass: created / updated / failed (with the error)
 *   checkpoint.json  how many batches of each step are done, and how long the report was then
 *   summary.json     the counts per object, written when the load finishes
 *
 * Batches run in order, so "N batches done" is the whole resume state. A batch's report lines are
 * written (and awaited) before the checkpoint that counts it; on resume the report is cut back to
 * the length the checkpoint recorded, so a batch interrupted in between is redone and reported once.
 */

/** What happened to one dataset row in one call. */
export interface RowResult {
  readonly externalId: string;
  readonly outcome: 'created' | 'updated' | 'failed';
  readonly id?: string;
  readonly error?: string;
}

export interface ReportLine extends RowResult {
  readonly object: string;
  readonly pass: LoadPass;
  readonly batch: number;
  readonly api: LoadApi;
}

export interface StepProgress {
  batchesDone: number;
  rows: number;
  created: number;
  updated: number;
  failed: number;
  complete: boolean;
}

export interface Checkpoint {
  readonly format: 'revops-load-checkpoint/1';
  readonly fingerprint: string;
  readonly dataset: string;
  readonly targetOrg: string;
  readonly startedAt: string;
  updatedAt: string;
  complete: boolean;
  reportBytes: number;
  readonly steps: Record<string, StepProgress>;
}

export interface OpenRunOptions {
  readonly outDir: string;
  /** Identifies dataset, org and batching: only a run with the same fingerprint is resumed. */
  readonly fingerprint: string;
  readonly dataset: string;
  readonly targetOrg: string;
  /** Start a new run even if an unfinished one matches. */
  readonly fresh?: boolean;
  readonly now?: () => Date;
}

export class LoadRun {
  readonly dir: string;
  readonly resumed: boolean;
  readonly checkpoint: Checkpoint;
  private readonly now: () => Date;

  private constructor(dir: string, checkpoint: Checkpoint, resumed: boolean, now: () => Date) {
    this.dir = dir;
    this.checkpoint = checkpoint;
    this.resumed = resumed;
    this.now = now;
  }

  get reportFile(): string {
    return join(this.dir, 'report.ndjson');
  }
  get summaryFile(): string {
    return join(this.dir, 'summary.json');
  }
  get checkpointFile(): string {
    return join(this.dir, 'checkpoint.json');
  }

  /** Resumes the newest unfinished run with the same fingerprint, or starts a new one. */
  static async open(options: OpenRunOptions): Promise<LoadRun> {
    const now = options.now ?? (() => new Date());
    await mkdir(options.outDir, { recursive: true });
    if (!options.fresh) {
      const resumable = await findResumable(options.outDir, options.fingerprint);
      if (resumable) {
        const run = new LoadRun(resumable.dir, resumable.checkpoint, true, now);
        const size = (await stat(run.reportFile).catch(() => undefined))?.size ?? 0;
        if (size >= run.checkpoint.reportBytes) {
          await truncate(run.reportFile, run.checkpoint.reportBytes).catch(async () => writeFile(run.reportFile, ''));
          return run;
        }
      }
    }
    const startedAt = now().toISOString();
    let dir = join(options.outDir, startedAt.replace(/[:.]/g, '-'));
    for (let n = 2; await exists(dir); n++) dir = join(options.outDir, `${startedAt.replace(/[:.]/g, '-')}-${n}`);
    await mkdir(dir, { recursive: true });
    const checkpoint: Checkpoint = {
      format: 'revops-load-checkpoint/1',
      fingerprint: options.fingerprint,
      dataset: options.dataset,
      targetOrg: options.targetOrg,
      startedAt,
      updatedAt: startedAt,
      complete: false,
      reportBytes: 0,
      steps: {},
    };
    const run = new LoadRun(dir, checkpoint, false, now);
    await writeFile(run.reportFile, '');
    await run.save();
    return run;
  }

  progress(stepKey: string): StepProgress {
    this.checkpoint.steps[stepKey] ??= { batchesDone: 0, rows: 0, created: 0, updated: 0, failed: 0, complete: false };
    return this.checkpoint.steps[stepKey];
  }

  /** Appends a batch's rows to the report; it counts once `commitBatch` records it. */
  async appendReport(lines: readonly ReportLine[]): Promise<void> {
    if (lines.length) await appendFile(this.reportFile, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  }

  /** Records a reported batch as done: the checkpoint now skips it on resume. */
  async commitBatch(stepKey: string, results: readonly RowResult[]): Promise<void> {
    const progress = this.progress(stepKey);
    progress.batchesDone++;
    progress.rows += results.length;
    for (const r of results) progress[r.outcome]++;
    this.checkpoint.reportBytes = (await stat(this.reportFile)).size;
    await this.save();
  }

  async completeStep(stepKey: string): Promise<void> {
    this.progress(stepKey).complete = true;
    await this.save();
  }

  async finish(summary: unknown): Promise<void> {
    await writeFile(this.summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
    this.checkpoint.complete = true;
    await this.save();
  }

  /** Streams the report's lines that match `filter` (the report may hold millions of rows). */
  async *reportLines(filter: (line: ReportLine) => boolean): AsyncGenerator<ReportLine> {
    const lines = createInterface({
      input: createReadStream(this.reportFile, { encoding: 'utf8' }),
      crlfDelay: Infinity,
    });
    for await (const text of lines) {
      if (!text) continue;
      const line = JSON.parse(text) as ReportLine;
      if (filter(line)) yield line;
    }
  }

  private async save(): Promise<void> {
    this.checkpoint.updatedAt = this.now().toISOString();
    const temporary = `${this.checkpointFile}.tmp`;
    await writeFile(temporary, `${JSON.stringify(this.checkpoint, null, 2)}\n`);
    await rename(temporary, this.checkpointFile);
  }
}

async function findResumable(
  outDir: string,
  fingerprint: string,
): Promise<{ dir: string; checkpoint: Checkpoint } | undefined> {
  const entries = (await readdir(outDir, { withFileTypes: true })).filter((e) => e.isDirectory());
  for (const name of entries
    .map((e) => e.name)
    .sort()
    .reverse()) {
    const dir = join(outDir, name);
    const text = await readFile(join(dir, 'checkpoint.json'), 'utf8').catch(() => undefined);
    if (!text) continue;
    try {
      const checkpoint = JSON.parse(text) as Checkpoint;
      // Only the newest run of this dataset into this org counts: finished means the next load starts afresh.
      if (checkpoint.format === 'revops-load-checkpoint/1' && checkpoint.fingerprint === fingerprint)
        return checkpoint.complete ? undefined : { dir, checkpoint };
    } catch {
      // A checkpoint that does not parse cannot be resumed; the next run starts afresh.
    }
  }
  return undefined;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
