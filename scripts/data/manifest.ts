/**
 * The dataset manifest (docs/dataset-format.md, `revops-dataset/1`): which objects, in
 * dependency order, which file holds each, how many records, by which external id they upsert,
 * and the anchor date the dataset's relative dates were generated from.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDay } from './calendar.ts';

export const DATASET_FORMAT = 'revops-dataset/1';
export const MANIFEST_FILE = 'manifest.json';

export interface ManifestObject {
  readonly sobject: string;
  readonly file: string;
  readonly count: number;
  readonly externalIdField: string;
}

export interface Manifest {
  readonly format: string;
  readonly seed: number;
  readonly scale: string | number;
  /**
   * "Today" for the dataset: relative dates (next steps, renewal windows, expiries) were
   * generated from it, and rules using TODAY() are checked as of it. A loader may shift every
   * date by (its today - anchorDate) to keep the data fresh.
   */
  readonly anchorDate: string;
  readonly records: number;
  readonly objects: readonly ManifestObject[];
}

/** A dataset that cannot be read: names the file (and line) and the problem. */
export class DatasetError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  constructor(file: string, problem: string, line?: number) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${problem}`);
    this.name = 'DatasetError';
    this.file = file;
    this.line = line;
  }
}

export async function readManifest(dir: string): Promise<Manifest> {
  const file = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new DatasetError(file, 'not found: a dataset directory holds manifest.json (run `revops data generate`)');
  }
  let json: Partial<Manifest>;
  try {
    json = JSON.parse(text) as Partial<Manifest>;
  } catch (e) {
    throw new DatasetError(file, `not valid JSON (${(e as Error).message})`);
  }
  if (json.format !== DATASET_FORMAT)
    throw new DatasetError(file, `format must be "${DATASET_FORMAT}", got ${JSON.stringify(json.format)}`);
  if (!Array.isArray(json.objects)) throw new DatasetError(file, '"objects" must be a list');
  json.objects.forEach((o, i) => {
    const entry = o as Partial<ManifestObject>;
    for (const key of ['sobject', 'file', 'externalIdField'] as const)
      if (typeof entry[key] !== 'string' || !entry[key])
        throw new DatasetError(file, `objects[${i}].${key} must be a non-empty string`);
    if (!Number.isInteger(entry.count) || entry.count! < 0)
      throw new DatasetError(file, `objects[${i}].count must be a non-negative integer`);
    if (entry.file!.includes('/') || entry.file!.includes('\\') || entry.file!.startsWith('.'))
      throw new DatasetError(file, `objects[${i}].file must be a file name in the dataset directory`);
  });
  if (json.anchorDate !== undefined && parseDay(String(json.anchorDate)) === undefined)
    throw new DatasetError(file, `anchorDate must be a date YYYY-MM-DD, got ${JSON.stringify(json.anchorDate)}`);
  return json as Manifest;
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}
