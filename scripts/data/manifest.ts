/**
 * The dataset manifest (docs/dataset-format.md, `revops-dataset/1`): which objects, in
 * dependency order, which file holds each, how many records, by which external id they upsert,
 * and the anchor date the dataset's relative dates were generated from. `openDataset` is the one
 * place a dataset directory is opened: by `data check`, `plan`, the analysis and the loader.
 */
import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseDay } from './calendar.ts';
import { DatasetError } from './errors.ts';

export const DATASET_FORMAT = 'revops-dataset/1';
export const MANIFEST_FILE = 'manifest.json';

export interface ManifestObject {
  readonly sobject: string;
  readonly file: string;
  readonly count: number;
  readonly externalIdField: string;
  /** Counted outside the record target (touches, the catalogue): scripts/data/supporting.ts. */
  readonly supporting?: boolean;
  /** Of `count`, the records counted outside the record target in an object that is otherwise business records (reps' quotas). */
  readonly supportingRecords?: number;
}

/** A manifest as read: only `format` and `objects` are required of a dataset someone else wrote. */
export interface Manifest {
  readonly format: string;
  readonly seed?: number;
  readonly scale?: string | number;
  /**
   * "Today" for the dataset: relative dates (next steps, renewal windows, expiries) were
   * generated from it, and rules using TODAY() are checked as of it. A loader may shift every
   * date by (its today - anchorDate) to keep the data fresh.
   */
  readonly anchorDate?: string;
  /** Business records (the target); supporting objects' records come on top. */
  readonly records?: number;
  /** In dependency order: each object after the objects it looks up (self-references excepted). */
  readonly objects: readonly ManifestObject[];
}

/** What `data generate` writes: every field filled. */
export interface GeneratedManifest extends Manifest {
  readonly seed: number;
  readonly scale: string | number;
  readonly anchorDate: string;
  readonly records: number;
}

export interface Dataset {
  /** The dataset directory, absolute. */
  readonly dir: string;
  readonly manifest: Manifest;
  /** sha256 of manifest.json: identifies the dataset (a load resumes only the same one). */
  readonly manifestHash: string;
}

const REGENERATE = 'Generate a dataset with `revops data generate --out <dir>` (the bundled one is data/seed)';

/**
 * Opens a dataset directory and checks its manifest. Throws a DatasetError naming the directory or
 * manifest.json when the directory is missing, is a file, has no manifest, or the manifest breaks
 * the format; the records themselves are read (and checked) by `readRecords`.
 */
export async function openDataset(dir: string): Promise<Dataset> {
  const file = join(dir, MANIFEST_FILE);
  const kind = await stat(dir).then(
    (s) => (s.isDirectory() ? 'directory' : 'file'),
    () => 'missing',
  );
  if (kind === 'missing')
    throw new DatasetError(file, `not found (${dir} does not exist)`, undefined, {
      name: 'DatasetNotFound',
      actions: ['Check the --dataset path', REGENERATE],
    });
  if (kind === 'file')
    throw new DatasetError(dir, 'is a file: a dataset is a directory holding manifest.json', undefined, {
      name: 'DatasetNotFound',
      actions: ['Point --dataset at the dataset directory, not at one of its files'],
    });
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT'
      ? new DatasetError(
          file,
          'not found: a dataset directory holds manifest.json (run `revops data generate`)',
          undefined,
          {
            name: 'DatasetManifestMissing',
            actions: [REGENERATE, 'A directory without manifest.json is an unfinished dataset: regenerate it'],
          },
        )
      : new DatasetError(file, `cannot be read (${error.code ?? error.message})`, undefined, {
          name: 'DatasetManifestUnreadable',
          actions: ['Check the file permissions'],
          cause: error,
        });
  });
  return { dir: resolve(dir), manifest: parseManifest(text, file), manifestHash: sha256(text) };
}

export async function readManifest(dir: string): Promise<Manifest> {
  return (await openDataset(dir)).manifest;
}

/** The manifest's JSON, checked against the format; a problem names the entry and the key. */
function parseManifest(text: string, file: string): Manifest {
  const fail = (problem: string): never => {
    throw new DatasetError(file, problem, undefined, {
      name: 'DatasetManifestInvalid',
      actions: [
        `Fix ${file} (format: docs/dataset-format.md)`,
        'or regenerate the dataset with `revops data generate --out <dir>`',
      ],
    });
  };
  if (!text.trim()) fail('is empty');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    fail(`not valid JSON (${(e as Error).message})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('expected a JSON object');
  const manifest = json as Partial<Manifest>;
  if (manifest.format !== DATASET_FORMAT)
    fail(`format is ${JSON.stringify(manifest.format)}, expected "${DATASET_FORMAT}"`);
  if (!Array.isArray(manifest.objects) || manifest.objects.length === 0) fail('"objects" must be a non-empty list');
  const seen = new Set<string>();
  for (const [i, o] of (manifest.objects as Partial<ManifestObject>[]).entries()) {
    const where = `objects[${i}]${o?.sobject ? ` (${o.sobject})` : ''}`;
    for (const key of ['sobject', 'file', 'externalIdField'] as const)
      if (typeof o?.[key] !== 'string' || !o[key]) fail(`${where}: "${key}" must be a non-empty string`);
    if (!Number.isInteger(o.count) || (o.count as number) < 0) fail(`${where}: "count" must be a whole number`);
    if (seen.has(o.sobject as string)) fail(`${where}: ${o.sobject} is listed twice`);
    if (/[\\/]|^\.\.?$/.test(o.file as string))
      fail(`${where}: "file" must be a file name inside the dataset directory`);
    seen.add(o.sobject as string);
  }
  if (manifest.anchorDate !== undefined && parseDay(String(manifest.anchorDate)) === undefined)
    fail(`anchorDate must be a date YYYY-MM-DD, got ${JSON.stringify(manifest.anchorDate)}`);
  return manifest as Manifest;
}

export async function writeManifest(dir: string, manifest: GeneratedManifest): Promise<void> {
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The records a manifest counts toward its record target (business records: no supporting ones). */
export const targetRecords = (m: Manifest): number =>
  m.objects.reduce((n, o) => (o.supporting ? n : n + o.count - (o.supportingRecords ?? 0)), 0);
