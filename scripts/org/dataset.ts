import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { OrgToolkitError } from './errors.ts';

/** A seed dataset as docs/dataset-format.md defines it (`revops-dataset/1`). */
export interface DatasetManifest {
  readonly format: 'revops-dataset/1';
  readonly seed?: number;
  readonly scale?: string;
  /** The day the dataset was generated as of (YYYY-MM-DD): its "today". */
  readonly anchorDate?: string;
  /** In dependency order: each object after the objects it looks up (self-references excepted). */
  readonly objects: readonly DatasetObject[];
}

export interface DatasetObject {
  readonly sobject: string;
  readonly file: string;
  readonly count: number;
  readonly externalIdField: string;
}

export interface Dataset {
  readonly dir: string;
  readonly manifest: DatasetManifest;
  /** sha256 of manifest.json: identifies the dataset for resuming a load. */
  readonly manifestHash: string;
}

export type DatasetRecord = Record<string, unknown>;

export async function readDataset(dir: string): Promise<Dataset> {
  const root = resolve(dir);
  const file = join(root, 'manifest.json');
  const text = await readFile(file, 'utf8').catch(() => {
    throw new OrgToolkitError(`${file}: not found (generate a dataset with \`revops data generate --out ${dir}\`)`);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new OrgToolkitError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  return { dir: root, manifest: validateManifest(json, file), manifestHash: sha256(text) };
}

function validateManifest(json: unknown, file: string): DatasetManifest {
  const fail = (problem: string): never => {
    throw new OrgToolkitError(`${file}: ${problem}`);
  };
  if (typeof json !== 'object' || json === null) return fail('expected a JSON object');
  const manifest = json as Partial<DatasetManifest>;
  if (manifest.format !== 'revops-dataset/1')
    fail(`format is ${JSON.stringify(manifest.format)}, expected "revops-dataset/1"`);
  if (!Array.isArray(manifest.objects) || manifest.objects.length === 0) fail('"objects" must be a non-empty list');
  const seen = new Set<string>();
  for (const [i, o] of (manifest.objects as Partial<DatasetObject>[]).entries()) {
    const where = `objects[${i}]${o?.sobject ? ` (${o.sobject})` : ''}`;
    for (const key of ['sobject', 'file', 'externalIdField'] as const)
      if (typeof o?.[key] !== 'string' || !o[key]) fail(`${where}: "${key}" must be a non-empty string`);
    if (!Number.isInteger(o.count) || (o.count as number) < 0) fail(`${where}: "count" must be a whole number`);
    if (seen.has(o.sobject as string)) fail(`${where}: ${o.sobject} is listed twice`);
    if (/[\\/]|^\.\.?$/.test(o.file as string))
      fail(`${where}: "file" must be a file name inside the dataset directory`);
    seen.add(o.sobject as string);
  }
  return manifest as DatasetManifest;
}

const DAY_MS = 86_400_000;

/** Whole days from the dataset's anchor date to `today` (0 when the dataset has no anchor). */
export function daysSinceAnchor(manifest: DatasetManifest, today: Date): number {
  if (!manifest.anchorDate) return 0;
  const anchor = Date.parse(`${manifest.anchorDate}T00:00:00Z`);
  if (Number.isNaN(anchor))
    throw new OrgToolkitError(`manifest.json: anchorDate "${manifest.anchorDate}" is not YYYY-MM-DD`);
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((midnight - anchor) / DAY_MS);
}

/**
 * Moves the dates and datetimes of a record by `days`. A dataset is generated as of its anchor
 * date; loaded on a later day, its renewal windows, next-step dates and expiries would be stale,
 * so the loader moves them to the same distance from the load day.
 */
export function shiftDates(record: DatasetRecord, fields: ReadonlySet<string>, days: number): DatasetRecord {
  if (days === 0) return record;
  const shifted: DatasetRecord = { ...record };
  for (const field of fields) {
    const value = record[field];
    if (typeof value !== 'string' || !value) continue;
    const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(time)) continue;
    const moved = new Date(time + days * DAY_MS).toISOString();
    shifted[field] = value.length === 10 ? moved.slice(0, 10) : moved;
  }
  return shifted;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The first record of an object's file (its keys are the file's keys), or undefined for an empty file. */
export async function firstRecord(dataset: Dataset, object: DatasetObject): Promise<DatasetRecord | undefined> {
  for await (const batch of readBatches(dataset, object, 1)) return batch[0];
  return undefined;
}

/**
 * Streams an object's records in batches of `size`, so a million-row file never sits in memory.
 * Blank lines are skipped; a line that is not a JSON object names its file and line.
 */
export async function* readBatches(
  dataset: Dataset,
  object: DatasetObject,
  size: number,
): AsyncGenerator<DatasetRecord[]> {
  const path = join(dataset.dir, object.file);
  const input = createReadStream(path, { encoding: 'utf8' });
  const opened = new Promise<void>((ok, fail) => {
    input.once('open', () => ok());
    input.once('error', fail);
  });
  await opened.catch((error: NodeJS.ErrnoException) => {
    throw new OrgToolkitError(`${path}: cannot read ${object.sobject} records (${error.code ?? error.message})`);
  });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let batch: DatasetRecord[] = [];
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      if (!line.trim()) continue;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch (error) {
        throw new OrgToolkitError(`${path}:${lineNumber}: not valid JSON (${(error as Error).message})`);
      }
      if (typeof record !== 'object' || record === null || Array.isArray(record))
        throw new OrgToolkitError(`${path}:${lineNumber}: expected one JSON object per line`);
      const externalId = (record as DatasetRecord)[object.externalIdField];
      if (typeof externalId !== 'string' || !externalId)
        throw new OrgToolkitError(`${path}:${lineNumber}: ${object.sobject} record has no ${object.externalIdField}`);
      batch.push(record as DatasetRecord);
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  } finally {
    lines.close();
    input.destroy();
  }
}
