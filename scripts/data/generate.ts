/**
 * `revops data generate`: plan the dataset, then stream each object's records to its ndjson
 * file in dependency order, and write the manifest last (a dataset without a manifest is
 * unfinished). Deterministic: the seed and the anchor date decide every byte.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { RevOpsModel } from '../dsl/index.ts';
import { buildSchema } from '../schema/build.ts';
import { accountRecords } from './accounts.ts';
import { DEFAULT_ANCHOR_DATE, DEFAULT_SEED, SCALES, type ScaleName } from './benchmarks.ts';
import { parseDay } from './calendar.ts';
import { campaignRecords } from './campaigns.ts';
import { buildCatalog, EXTERNAL_ID_FIELD } from './catalog.ts';
import { contractRecords } from './contracts.ts';
import { genericRecords } from './generic.ts';
import { DATASET_FORMAT, MANIFEST_FILE, writeManifest, type Manifest, type ManifestObject } from './manifest.ts';
import { NdjsonWriter } from './ndjson-writer.ts';
import { opportunityRecords } from './opportunities.ts';
import { contactRecords, leadRecords } from './people.ts';
import { buildPlan } from './plan.ts';
import { seedFrom } from './prng.ts';
import {
  COMMITMENT_OBJECT,
  commitmentRecords,
  CONCESSION_OBJECT,
  concessionRecords,
  EXCEPTION_OBJECT,
  exceptionRecords,
  HANDOFF_OBJECT,
  handoffRecords,
} from './revops-records.ts';
import { RecordShaper, type Values } from './values.ts';
import { createBase, Ids, type World } from './world.ts';

const GENERATORS: Record<string, (world: World) => Iterable<Values>> = {
  Account: accountRecords,
  Campaign: campaignRecords,
  Contact: contactRecords,
  Lead: leadRecords,
  Opportunity: opportunityRecords,
  Contract: contractRecords,
  [HANDOFF_OBJECT]: handoffRecords,
  [COMMITMENT_OBJECT]: commitmentRecords,
  [CONCESSION_OBJECT]: concessionRecords,
  [EXCEPTION_OBJECT]: exceptionRecords,
};

export type Scale = ScaleName | number;

export interface GenerateOptions {
  readonly model: RevOpsModel;
  /** Directory to write (created if missing; its dataset files are replaced). */
  readonly out: string;
  /** `small` (the bundled default), `medium`, `large`, or a record count. */
  readonly scale?: Scale;
  readonly seed?: number | string;
  /** "Today" of the dataset, YYYY-MM-DD. */
  readonly anchorDate?: string;
  /** Called every 10,000 records (and at the end) with the records written so far. */
  readonly onProgress?: (written: number, total: number) => void;
}

export interface GenerateResult {
  readonly dir: string;
  readonly manifest: Manifest;
  readonly durationMs: number;
  /** Model objects not seeded, and why. */
  readonly skipped: readonly { readonly object: string; readonly reason: string }[];
  readonly droppedLookups: readonly string[];
  /** Seeded objects filled by the generic generator (no domain generator yet). */
  readonly generic: readonly string[];
}

export function parseScale(text: string): Scale {
  if (text in SCALES) return text as ScaleName;
  const n = Number(text.replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(n) || n < 1)
    throw new RangeError(`--scale must be small, medium, large or a record count, got "${text}"`);
  return n;
}

export const scaleTarget = (scale: Scale): number => (typeof scale === 'number' ? scale : SCALES[scale]);

/** The world a dataset is generated in (exported for tests that look at stories directly). */
export function createWorld(
  model: RevOpsModel,
  o: { scale?: Scale; seed?: number | string; anchorDate?: string } = {},
): World {
  const anchor = o.anchorDate ?? DEFAULT_ANCHOR_DATE;
  const today = parseDay(anchor);
  if (today === undefined) throw new RangeError(`anchor date must be YYYY-MM-DD, got "${anchor}"`);
  const schema = buildSchema(model);
  const catalog = buildCatalog(model, schema);
  const base = createBase({ seed: seedFrom(o.seed ?? DEFAULT_SEED), today, model, schema, catalog });
  const plan = buildPlan(base, scaleTarget(o.scale ?? 'small'));
  const generic = new Set(catalog.objects.map((x) => x.name).filter((n) => !GENERATORS[n]));
  return { ...base, plan, ids: new Ids(catalog, plan, generic) };
}

export async function generateDataset(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const scale = options.scale ?? 'small';
  const world = createWorld(options.model, { scale, seed: options.seed, anchorDate: options.anchorDate });
  const total = [...world.plan.counts.values()].reduce((a, b) => a + b, 0);
  await mkdir(options.out, { recursive: true });
  await rm(join(options.out, MANIFEST_FILE), { force: true });

  const objects: ManifestObject[] = [];
  let written = 0;
  for (const object of world.catalog.objects) {
    const file = `${object.name}.ndjson`;
    const writer = new NdjsonWriter(join(options.out, file));
    const shaper = new RecordShaper(world, object);
    const records = GENERATORS[object.name]?.(world) ?? genericRecords(world, object.name);
    let index = 0;
    try {
      for (const values of records) {
        const wait = writer.write(shaper.shape(values, index++));
        if (wait) await wait;
        if (++written % 10_000 === 0) options.onProgress?.(written, total);
      }
    } finally {
      await writer.close();
    }
    const planned = world.plan.counts.get(object.name);
    if (planned !== undefined && planned !== writer.count)
      throw new Error(`internal: ${object.name} wrote ${writer.count} records but the plan counted ${planned}`);
    objects.push({ sobject: object.name, file, count: writer.count, externalIdField: EXTERNAL_ID_FIELD });
  }
  options.onProgress?.(written, total);

  // Files of objects the model no longer seeds would otherwise linger next to the new manifest.
  const keep = new Set(objects.map((o) => o.file));
  for (const name of await readdir(options.out))
    if (name.endsWith('.ndjson') && !keep.has(name)) await rm(join(options.out, name), { force: true });

  const manifest: Manifest = {
    format: DATASET_FORMAT,
    seed: world.seed,
    scale,
    anchorDate: options.anchorDate ?? DEFAULT_ANCHOR_DATE,
    records: written,
    objects,
  };
  await writeManifest(options.out, manifest);
  return {
    dir: options.out,
    manifest,
    durationMs: performance.now() - started,
    skipped: world.catalog.skipped,
    droppedLookups: world.catalog.droppedLookups,
    generic: world.catalog.objects.map((o) => o.name).filter((n) => !GENERATORS[n]),
  };
}
