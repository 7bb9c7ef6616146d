/**
 * `revops data generate`: plan the dataset, then stream each object's records to its ndjson
 * file in dependency order, and write the manifest last (a dataset without a manifest is
 * unfinished). Deterministic: the seed and the anchor date decide every byte.
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RevOpsModel } from '../dsl/index.ts';
import { buildSchema } from '../schema/build.ts';
import { accountRecords } from './accounts.ts';
import { DEFAULT_ANCHOR_DATE, DEFAULT_SEED, SCALES } from './benchmarks.ts';
import { parseDay } from './calendar.ts';
import { campaignRecords } from './campaigns.ts';
import { buildCatalog, EXTERNAL_ID_FIELD, type SeededObject } from './catalog.ts';
import { contractRecords } from './contracts.ts';
import { genericRecords } from './generic.ts';
import {
  PERIOD_OBJECT,
  periodRecords,
  QUOTA_OBJECT,
  quotaRecords,
  SNAPSHOT_OBJECT,
  snapshotRecords,
  supportingForecastRecords,
} from './forecasts.ts';
import { DatasetOutputError } from './errors.ts';
import {
  DATASET_FORMAT,
  MANIFEST_FILE,
  readManifest,
  writeManifest,
  type GeneratedManifest,
  type ManifestObject,
} from './manifest.ts';
import { NdjsonWriter } from './ndjson-writer.ts';
import { opportunityRecords } from './opportunities.ts';
import { contactRecords, leadRecords } from './people.ts';
import { buildPlan } from './plan.ts';
import { parseAnchorDate, parseScale, parseSeed, type Scale } from './options.ts';
import {
  COMMITMENT_OBJECT,
  commitmentRecords,
  CONCESSION_OBJECT,
  concessionRecords,
  EXCEPTION_OBJECT,
  exceptionRecords,
  HANDOFF_OBJECT,
  handoffRecords,
  POC_OBJECT,
  pocRecordsOf,
} from './revops-records.ts';
import { lineItemRecords, priceBookEntryRecords, productRecords, quoteLineRecords, quoteRecords } from './quotes.ts';
import { isSupporting } from './supporting.ts';
import { TOUCH_OBJECT, touchRecords } from './touches.ts';
import { RecordShaper, type Values } from './values.ts';
import { createBase, Ids, type World } from './world.ts';
import { buildRoster, ROSTER_FILE, writeRoster } from './routing-roster.ts';
import { CHURN_FILE, writeChurn } from './churn.ts';
import { TERRITORIES_FILE } from '../territory/assignments.ts';
import { writeSeedAssignments } from '../territory/seed.ts';

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
  Product2: productRecords,
  PricebookEntry: priceBookEntryRecords,
  OpportunityLineItem: lineItemRecords,
  Quote: quoteRecords,
  QuoteLineItem: quoteLineRecords,
  [POC_OBJECT]: pocRecordsOf,
  [TOUCH_OBJECT]: touchRecords,
  [PERIOD_OBJECT]: periodRecords,
  [QUOTA_OBJECT]: quotaRecords,
  [SNAPSHOT_OBJECT]: snapshotRecords,
};

export interface GenerateOptions {
  readonly model: RevOpsModel;
  /**
   * Directory to write: created if missing. An existing directory must be empty or hold an
   * earlier dataset (whose files are replaced), unless `force`.
   */
  readonly out: string;
  /** `small` (the bundled default), `medium`, `large`, or a record count. */
  readonly scale?: Scale;
  /** A whole number from 0 to 4294967295, or its digits (see parseSeed). */
  readonly seed?: number | string;
  /** "Today" of the dataset, YYYY-MM-DD. */
  readonly anchorDate?: string;
  /** Write into a directory that holds other files (dataset files in it are replaced, the rest kept). */
  readonly force?: boolean;
  /** Called every 10,000 records (and at the end) with the records written so far. */
  readonly onProgress?: (written: number, total: number) => void;
}

export interface GenerateResult {
  readonly dir: string;
  readonly manifest: GeneratedManifest;
  readonly durationMs: number;
  /** Model objects not seeded, and why. */
  readonly skipped: readonly { readonly object: string; readonly reason: string }[];
  readonly droppedLookups: readonly string[];
  /** Seeded objects filled by the generic generator (no domain generator yet). */
  readonly generic: readonly string[];
}

export const scaleTarget = (scale: Scale): number => (typeof scale === 'number' ? scale : SCALES[scale]);

/** The world a dataset is generated in (exported for tests that look at stories directly). */
export function createWorld(
  model: RevOpsModel,
  o: { scale?: Scale; seed?: number | string; anchorDate?: string } = {},
): World {
  const today = parseDay(parseAnchorDate(o.anchorDate ?? DEFAULT_ANCHOR_DATE))!;
  const seed = parseSeed(o.seed ?? DEFAULT_SEED);
  const schema = buildSchema(model);
  const catalog = buildCatalog(model, schema);
  const base = createBase({ seed, today, model, schema, catalog });
  const plan = buildPlan(base, scaleTarget(parseScale(String(o.scale ?? 'small'))));
  const generic = new Set(catalog.objects.map((x) => x.name).filter((n) => !GENERATORS[n]));
  return { ...base, plan, ids: new Ids(catalog, plan, generic) };
}

export async function generateDataset(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const scale = parseScale(String(options.scale ?? 'small'));
  const world = createWorld(options.model, { scale, seed: options.seed, anchorDate: options.anchorDate });
  const total = [...world.plan.counts.values()].reduce((a, b) => a + b, 0);
  await prepareOutput(options.out, options.force ?? false);
  const objects: ManifestObject[] = [];
  let written = 0;
  const manifest = await writing(options.out, async () => {
    // A dataset without a manifest is unfinished: the old one goes first, the new one comes last.
    await rm(join(options.out, MANIFEST_FILE), { force: true });
    for (const object of world.catalog.objects) {
      const count = await writeObject(world, object, options.out, (n) => {
        written += n;
        if (written % 10_000 === 0) options.onProgress?.(written, total);
      });
      const entry = { sobject: object.name, file: `${object.name}.ndjson`, count, externalIdField: EXTERNAL_ID_FIELD };
      const partial = object.name === QUOTA_OBJECT ? supportingForecastRecords(world) : 0;
      objects.push(
        isSupporting(object.name)
          ? { ...entry, supporting: true }
          : partial
            ? { ...entry, supportingRecords: partial }
            : entry,
      );
    }
    options.onProgress?.(written, total);
    // The people routing gives leads to (users are not records of a dataset).
    await writeRoster(world, options.out);
    // The day churned customers gave notice (comp clawback), which no record carries.
    await writeChurn(world, options.out);
    // Territory owners, overlays and account assignments (territories.json), outside the record target.
    await writeSeedAssignments(options.out, world.model.territoryDesign, buildRoster(world));
    // Files of objects the model no longer seeds would otherwise linger next to the new manifest.
    const keep = new Set(objects.map((o) => o.file));
    for (const name of await readdir(options.out))
      if (name.endsWith('.ndjson') && !keep.has(name)) await rm(join(options.out, name), { force: true });
    const generated: GeneratedManifest = {
      format: DATASET_FORMAT,
      seed: world.seed,
      scale,
      anchorDate: options.anchorDate ?? DEFAULT_ANCHOR_DATE,
      // Business records: the target the scale stands for (supporting records come on top).
      records: objects.reduce((n, o) => (o.supporting ? n : n + o.count - (o.supportingRecords ?? 0)), 0),
      objects,
    };
    await writeManifest(options.out, generated);
    return generated;
  });
  return {
    dir: options.out,
    manifest,
    durationMs: performance.now() - started,
    skipped: world.catalog.skipped,
    droppedLookups: world.catalog.droppedLookups,
    generic: world.catalog.objects.map((o) => o.name).filter((n) => !GENERATORS[n]),
  };
}

/** Streams one object's records to its file; `counted(1)` after each record. Returns the count. */
async function writeObject(
  world: World,
  object: SeededObject,
  out: string,
  counted: (n: number) => void,
): Promise<number> {
  const writer = new NdjsonWriter(join(out, `${object.name}.ndjson`));
  const shaper = new RecordShaper(world, object);
  const records = GENERATORS[object.name]?.(world) ?? genericRecords(world, object.name);
  let index = 0;
  try {
    for (const values of records) {
      const wait = writer.write(shaper.shape(values, index++));
      if (wait) await wait;
      counted(1);
    }
  } finally {
    await writer.close();
  }
  const planned = world.plan.counts.get(object.name);
  if (planned !== undefined && planned !== writer.count)
    throw new Error(`internal: ${object.name} wrote ${writer.count} records but the plan counted ${planned}`);
  return writer.count;
}

const OUT_ACTION = 'Pass --out a directory that is new, empty, or holds an earlier dataset to replace';

/**
 * Refuses an output that is a file, or a directory holding anything but an earlier dataset
 * (its manifest.json, .ndjson files, routing roster and churn file), unless `force`: regenerating removes stale .ndjson files,
 * which must never be someone else's.
 */
async function prepareOutput(out: string, force: boolean): Promise<void> {
  const found = await stat(out).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw outputError(out, error);
  });
  if (found && !found.isDirectory())
    throw new DatasetOutputError(
      out,
      'is a file: data generate writes a dataset directory (manifest.json and one .ndjson file per object)',
      {
        name: 'DatasetOutputNotDirectory',
        actions: [OUT_ACTION],
      },
    );
  if (found && !force) {
    const entries = await readdir(out).catch((error: NodeJS.ErrnoException) => {
      throw outputError(out, error);
    });
    const foreign = entries.filter(
      (name) =>
        name !== MANIFEST_FILE &&
        name !== ROSTER_FILE &&
        name !== CHURN_FILE &&
        name !== TERRITORIES_FILE &&
        !name.endsWith('.ndjson'),
    );
    const ours = entries.includes(MANIFEST_FILE)
      ? await readManifest(out).then(
          () => true,
          () => false,
        )
      : true;
    if (foreign.length || !ours)
      throw new DatasetOutputError(
        out,
        `holds ${foreign.length ? `other files (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', ...' : ''})` : 'a manifest.json that is not a RevOps dataset'}: not an earlier dataset to replace`,
        {
          name: 'DatasetOutputNotEmpty',
          actions: [OUT_ACTION, 'or pass --force to write into it anyway (its .ndjson files are replaced or removed)'],
        },
      );
  }
  await writing(out, () => mkdir(out, { recursive: true }));
}

/** Runs file work on the output, turning a file-system failure into an error that names the path and the cause. */
async function writing<T>(out: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw typeof (error as NodeJS.ErrnoException).code === 'string'
      ? outputError(out, error as NodeJS.ErrnoException)
      : error;
  }
}

function outputError(out: string, error: NodeJS.ErrnoException): DatasetOutputError {
  const where = error.path && error.path !== out ? ` (${error.path})` : '';
  return new DatasetOutputError(
    out,
    `cannot write the dataset here${where}: ${error.code} ${error.syscall ?? ''}`.trim(),
    {
      name: 'DatasetOutputNotWritable',
      actions: [
        error.code === 'ENOSPC'
          ? 'Free some disk space, or write somewhere else with --out'
          : 'Choose a directory you can write to with --out',
      ],
      cause: error,
    },
  );
}
