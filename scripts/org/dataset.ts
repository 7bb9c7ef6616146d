/**
 * The loader's view of a dataset (docs/dataset-format.md): opened, read and checked by the seed
 * data library (scripts/data), so `data check` and `data load` read a dataset the same way and
 * refuse the same things. Errors come back as OrgToolkitErrors with the data library's name,
 * message and actions.
 */
import {
  openDataset,
  readRecords,
  type Dataset,
  type DatasetRecord,
  type Manifest,
  type ManifestObject,
} from '../data/index.ts';
import { asOrgError, OrgToolkitError } from './errors.ts';

export { sha256 } from '../data/manifest.ts';
export type { Dataset, DatasetRecord };
export type DatasetManifest = Manifest;
export type DatasetObject = ManifestObject;

export async function readDataset(dir: string): Promise<Dataset> {
  return openDataset(dir).catch((error: unknown) => {
    throw asOrgError(error);
  });
}

const DAY_MS = 86_400_000;

/** Whole days from the dataset's anchor date to `today` (0 when the dataset has no anchor). */
export function daysSinceAnchor(manifest: DatasetManifest, today: Date): number {
  if (!manifest.anchorDate) return 0;
  const anchor = Date.parse(`${manifest.anchorDate}T00:00:00Z`);
  if (Number.isNaN(anchor))
    throw new OrgToolkitError(`manifest.json: anchorDate "${manifest.anchorDate}" is not YYYY-MM-DD`, {
      name: 'DatasetManifestInvalid',
    });
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

/** The first record of an object's file (its keys are the file's keys), or undefined for an empty file. */
export async function firstRecord(dataset: Dataset, object: DatasetObject): Promise<DatasetRecord | undefined> {
  for await (const batch of readBatches(dataset, object, 1)) return batch[0];
  return undefined;
}

/**
 * Streams an object's records in batches of `size`, so a million-row file never sits in memory.
 * The reader checks each line (one JSON object, the file's keys, an external id) and names the
 * file and line of any that is not.
 */
export async function* readBatches(
  dataset: Dataset,
  object: DatasetObject,
  size: number,
): AsyncGenerator<DatasetRecord[]> {
  let batch: DatasetRecord[] = [];
  try {
    for await (const { record } of readRecords(dataset.dir, object)) {
      batch.push(record);
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    throw asOrgError(error);
  }
  if (batch.length) yield batch;
}
