import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, truncate, writeFile, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { OrgToolkitError } from './errors.ts';
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

  /**
   * Resumes the newest unfinished run with the same fingerprint, or starts a new one. A
   * checkpoint that cannot be trusted is never silently replaced: the load stops and says so.
   */
  static async open(options: OpenRunOptions): Promise<LoadRun> {
    const now = options.now ?? (() => new Date());
    await mkdir(options.outDir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new OrgToolkitError(`${options.outDir}: cannot hold load runs (${error.code ?? error.message})`, {
        name: 'LoadOutputUnusable',
        actions: ['Pass --out a directory you can write to (default out/load)'],
        cause: error,
      });
    });
    if (!options.fresh) {
      const resumable = await findResumable(options.outDir, options.fingerprint);
      if (resumable) {
        const run = new LoadRun(resumable.dir, resumable.checkpoint, true, now);
        const size = (await stat(run.reportFile).catch(() => undefined))?.size ?? 0;
        if (size < run.checkpoint.reportBytes)
          throw unusable(
            run.checkpointFile,
            `it counts ${run.checkpoint.reportBytes} bytes of report.ndjson, but the report holds ${size}`,
            resumable.dir,
          );
        await truncate(run.reportFile, run.checkpoint.reportBytes).catch(async () => writeFile(run.reportFile, ''));
        return run;
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

  /**
   * Checks a resumed checkpoint against the load plan: every step it counts is a step of this
   * load, and no step counts more batches or rows than the dataset has.
   */
  verifyAgainst(steps: readonly { key: string; object: { count: number }; batchSize: number }[]): void {
    const byKey = new Map(steps.map((s) => [s.key, s]));
    for (const [key, progress] of Object.entries(this.checkpoint.steps)) {
      const step = byKey.get(key);
      if (!step) throw unusable(this.checkpointFile, `it counts step ${key}, which this load does not have`, this.dir);
      const batches = Math.ceil(step.object.count / step.batchSize);
      if (progress.batchesDone > batches || progress.rows > step.object.count)
        throw unusable(
          this.checkpointFile,
          `it counts ${progress.batchesDone} batches (${progress.rows} rows) of ${key} done, ` +
            `but the dataset has ${step.object.count} rows, at most ${batches} batches`,
          this.dir,
        );
    }
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
    const file = join(dir, 'checkpoint.json');
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const checkpoint = parseCheckpoint(text, file, dir);
    // Only the newest run of this dataset into this org counts: finished means the next load starts afresh.
    if (checkpoint.fingerprint === fingerprint) return checkpoint.complete ? undefined : { dir, checkpoint };
  }
  return undefined;
}

/**
 * A checkpoint as written by `save`, or an error saying why it cannot be used. One that does not
 * parse cannot even say which dataset and org it belongs to, so it stops every resume in its
 * folder until the admin decides (--fresh, or moving the run away).
 */
function parseCheckpoint(text: string, file: string, dir: string): Checkpoint {
  let json: Partial<Checkpoint>;
  try {
    json = JSON.parse(text) as Partial<Checkpoint>;
  } catch (error) {
    throw unusable(file, `not valid JSON (${(error as Error).message})`, dir);
  }
  if (typeof json !== 'object' || json === null || json.format !== 'revops-load-checkpoint/1')
    throw unusable(file, 'not a revops-load-checkpoint/1 file', dir);
  const count = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
  if (typeof json.fingerprint !== 'string' || typeof json.complete !== 'boolean' || !count(json.reportBytes))
    throw unusable(file, '"fingerprint", "complete" or "reportBytes" is missing or of the wrong type', dir);
  if (typeof json.steps !== 'object' || json.steps === null || Array.isArray(json.steps))
    throw unusable(file, `"steps" must be an object, got ${JSON.stringify(json.steps)}`, dir);
  for (const [key, p] of Object.entries(json.steps as Record<string, Partial<StepProgress>>)) {
    const numbers = [p?.batchesDone, p?.rows, p?.created, p?.updated, p?.failed];
    if (!numbers.every(count) || typeof p.complete !== 'boolean')
      throw unusable(file, `step ${key} is not a set of counts`, dir);
    if (p.created! + p.updated! + p.failed! !== p.rows)
      throw unusable(
        file,
        `step ${key} counts ${p.rows} rows but ${p.created! + p.updated! + p.failed!} outcomes`,
        dir,
      );
  }
  return json as Checkpoint;
}

/** The checkpoint cannot be resumed: say so, and how to go on. */
function unusable(file: string, problem: string, runDir: string): OrgToolkitError {
  return new OrgToolkitError(`${file}: this load checkpoint cannot be resumed: ${problem}`, {
    name: 'LoadCheckpointUnusable',
    actions: [
      'Start the load afresh with --fresh: rows already in the org are updated by external id, never duplicated',
      `or move ${runDir} out of the way to keep it for inspection, then run the same command again`,
    ],
  });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
