import { join, resolve } from 'node:path';
import { guardConnection, type ApiConnection } from './api-connection.ts';
import { DEFAULT_BULK_POLL, upsertBulk, type BulkPollOptions } from './bulk.ts';
import { upsertCollection } from './collections.ts';
import { readDataset, sha256, shiftDates, type Dataset, type DatasetRecord } from './dataset.ts';
import { asOrgError, messageOf, OrgToolkitError } from './errors.ts';
import { DEFAULT_REQUEST_TIMEOUT_MS, whileWaiting, type NetworkOptions } from './network.ts';
import { requireValidDataset } from '../data/validate.ts';
import type { RevOpsModel } from '../dsl/index.ts';
import {
  COLLECTIONS_LIMIT,
  externalIdOf,
  planLoad,
  stepBatches,
  type LoadApi,
  type LoadStep,
  type RelationshipResolver,
} from './load-plan.ts';
import { LoadRun, type RowResult } from './load-run.ts';
import { needsPriceBook, StandardPriceBook } from './price-book.ts';
import { splitByExistence } from './create-only.ts';
import { DEFAULT_RETRY_POLICY, RetryBudget, type RetryContext, type RetryEvent, type RetryPolicy } from './retry.ts';

/**
 * `revops data load`: upserts a seed dataset into an org by external id, object by object in the
 * manifest's dependency order (self-references and fields that need an existing record in a second,
 * deferred pass), through sObject collections for
 * small objects and Bulk API 2.0 above a threshold. Every row gets an outcome in the report;
 * an interrupted load resumes from its checkpoint; a repeated load updates instead of duplicating.
 */
export interface LoadOptions extends NetworkOptions {
  readonly dataset: string;
  /** The org's username: recorded in the report and part of what identifies a resumable run. */
  readonly targetOrg: string;
  readonly resolveRelationship: RelationshipResolver;
  /**
   * The model: before anything is sent, every value is checked against its schema too (types,
   * lengths, picklist values, required fields). Without it the format checks still run (lines,
   * unique external ids, lookups that resolve, dependency order).
   */
  readonly model?: RevOpsModel;
  /** Where runs are recorded (default out/load). */
  readonly outDir?: string;
  /** Objects with more rows than this go through Bulk API 2.0 (default 2,000). */
  readonly bulkThreshold?: number;
  /** Records per sObject-collections call (default and maximum 200). */
  readonly collectionsBatchSize?: number;
  /** Rows per Bulk API 2.0 job (default 10,000). */
  readonly bulkBatchSize?: number;
  readonly retry?: Partial<RetryPolicy>;
  readonly bulkPoll?: BulkPollOptions;
  /** Ignore an unfinished run of the same dataset and org and start over. */
  readonly fresh?: boolean;
  readonly now?: () => Date;
  /** Moves each object's date fields by `days` (see shiftDates); absent: dates load as written. */
  readonly dateShift?: { readonly days: number; readonly fields: (sobject: string) => ReadonlySet<string> };
  readonly onEvent?: (event: LoadEvent) => void;
  /**
   * Called after a batch's rows are in the report and before the checkpoint counts it: the worst
   * moment for the process to die. The fault-injection tests throw here to simulate a crash.
   */
  readonly afterBatchReported?: (batch: { step: string; batch: number; rows: number }) => void | Promise<void>;
}

export type LoadEvent =
  | { readonly type: 'start'; readonly runDir: string; readonly resumed: boolean; readonly steps: readonly LoadStep[] }
  | { readonly type: 'skip'; readonly step: string; readonly batches: number }
  | {
      readonly type: 'batch';
      readonly step: string;
      readonly api: LoadApi;
      readonly batch: number;
      readonly rows: number;
      readonly created: number;
      readonly updated: number;
      readonly failed: number;
      readonly ms: number;
    }
  | { readonly type: 'retry'; readonly retry: RetryEvent };

export interface ObjectSummary {
  readonly sobject: string;
  readonly api: LoadApi;
  /** Rows the manifest announces. */
  readonly manifestCount: number;
  /** Rows read from the object's file. */
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  /** Rows that failed in either pass (a record whose deferred update failed is incomplete, so failed). */
  readonly failed: number;
  /** The deferred pass (parent links, contract activation): rows it updated, and how many failed. */
  readonly deferred?: { readonly rows: number; readonly failed: number };
  /** created + updated + failed = rows, and rows = the manifest's count. */
  readonly accounted: boolean;
}

export interface LoadSummary {
  readonly format: 'revops-load-summary/1';
  readonly dataset: string;
  readonly targetOrg: string;
  readonly report: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly objects: readonly ObjectSummary[];
  readonly totals: {
    readonly rows: number;
    readonly created: number;
    readonly updated: number;
    readonly failed: number;
  };
  /** Every row of every object accounted for. */
  readonly accounted: boolean;
  /** Retries spent in this invocation. */
  readonly retries: number;
}

export interface LoadResult extends LoadSummary {
  readonly runDir: string;
  readonly summaryFile: string;
  readonly resumed: boolean;
  /** Batches a resumed run did not redo. */
  readonly batchesSkipped: number;
  /** Accounted for and no row failed. */
  readonly ok: boolean;
}

/** The load stopped before the end; its checkpoint lets the same command resume it. */
export class LoadStoppedError extends OrgToolkitError {
  readonly runDir: string;
  constructor(message: string, runDir: string, cause: unknown, actions: readonly string[]) {
    super(message, { name: 'LoadStoppedError', actions, cause });
    this.runDir = runDir;
  }
}

/** Errors after which every further call would fail too: stop (resumably) rather than fail every row. */
const STOPPING_API_ERRORS = new Set([
  'INVALID_SESSION_ID',
  'INVALID_AUTH_HEADER',
  'API_DISABLED_FOR_ORG',
  'API_CURRENTLY_DISABLED',
  'REQUEST_LIMIT_EXCEEDED',
  'ERROR_HTTP_401',
  'ERROR_HTTP_403',
]);

export async function loadDataset(conn: ApiConnection, options: LoadOptions): Promise<LoadResult> {
  const dataset = await readDataset(options.dataset);
  // The whole dataset is read and checked before the first row is sent: a bad one loads nothing.
  await requireValidDataset(dataset.dir, {
    model: options.model,
    resolveRelationship: options.resolveRelationship,
  }).catch((error: unknown) => {
    throw asOrgError(error);
  });
  const batching = {
    bulkThreshold: options.bulkThreshold ?? 2_000,
    collectionsBatchSize: options.collectionsBatchSize ?? COLLECTIONS_LIMIT,
    bulkBatchSize: options.bulkBatchSize ?? 10_000,
  };
  const steps = await planLoad(dataset, { ...batching, resolveRelationship: options.resolveRelationship });
  const run = await LoadRun.open({
    outDir: resolve(options.outDir ?? join('out', 'load')),
    fingerprint: sha256(
      JSON.stringify({ manifest: dataset.manifestHash, dir: dataset.dir, org: options.targetOrg, batching }),
    ),
    dataset: dataset.dir,
    targetOrg: options.targetOrg,
    fresh: options.fresh,
    now: options.now,
  });
  if (run.resumed) run.verifyAgainst(steps);
  const emit = options.onEvent ?? (() => undefined);
  emit({ type: 'start', runDir: run.dir, resumed: run.resumed, steps });
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const budget = new RetryBudget(policy.maxTotalRetries);
  const retry: RetryContext = { policy, budget, onRetry: (event) => emit({ type: 'retry', retry: event }) };
  const release = guardConnection(conn, { requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS });
  let batchesSkipped = 0;
  try {
    const priceBook = needsPriceBook(dataset)
      ? await StandardPriceBook.open(conn, retry, options.targetOrg).catch((error: unknown) => {
          throw stopped(error, run, 'standard price book', options.targetOrg);
        })
      : undefined;
    for (const step of steps)
      batchesSkipped += await loadStep(step, { conn, dataset, run, retry, options, emit, priceBook });
  } finally {
    release();
  }
  const summary = await summarize(run, steps, budget.used, options.now ?? (() => new Date()));
  await run.finish(summary);
  return {
    ...summary,
    runDir: run.dir,
    summaryFile: run.summaryFile,
    resumed: run.resumed,
    batchesSkipped,
    ok: summary.accounted && summary.totals.failed === 0,
  };
}

interface StepContext {
  readonly conn: ApiConnection;
  readonly dataset: Dataset;
  readonly run: LoadRun;
  readonly retry: RetryContext;
  readonly options: LoadOptions;
  readonly emit: (event: LoadEvent) => void;
  /** The org's standard price book, when the dataset holds a SKU catalogue. */
  readonly priceBook?: StandardPriceBook;
}

/** A batch as it is sent: dates shifted, the org's price book ids filled in. */
async function shape(step: LoadStep, read: DatasetRecord[], context: StepContext): Promise<DatasetRecord[]> {
  const shift = context.options.dateShift;
  const dateFields = shift?.fields(step.object.sobject);
  const records = shift && dateFields?.size ? read.map((r) => shiftDates(r, dateFields, shift.days)) : read;
  return context.priceBook ? context.priceBook.fill(step, records) : records;
}

/**
 * Sends one step's batches in order, skipping those the checkpoint counts as done; each batch is
 * reported before the checkpoint counts it. Returns the batches skipped.
 */
async function loadStep(step: LoadStep, context: StepContext): Promise<number> {
  const { run, options, emit } = context;
  const progress = run.progress(step.key);
  if (progress.complete) {
    emit({ type: 'skip', step: step.key, batches: progress.batchesDone });
    return progress.batchesDone;
  }
  if (progress.batchesDone) emit({ type: 'skip', step: step.key, batches: progress.batchesDone });
  const skip = step.pass === 'deferred' ? await failedIds(run, step) : undefined;
  let skipped = 0;
  let index = 0;
  for await (const read of stepBatches(context.dataset, step, skip)) {
    if (index < progress.batchesDone) {
      index++;
      skipped++;
      continue;
    }
    const records = await shape(step, read, context);
    const started = Date.now();
    const label = `${step.object.sobject} ${step.pass} batch ${index + 1} (${step.api})`;
    const waiting = whileWaiting(`${options.targetOrg}: still waiting for ${label}`, options);
    const results = await sendRows(context, step, records, label)
      .catch((error: unknown) => {
        throw stopped(error, run, label, options.targetOrg);
      })
      .finally(waiting);
    await run.appendReport(
      results.map((r) => ({ object: step.object.sobject, pass: step.pass, batch: index, api: step.api, ...r })),
    );
    await options.afterBatchReported?.({ step: step.key, batch: index, rows: records.length });
    await run.commitBatch(step.key, results);
    const count = (outcome: RowResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
    emit({
      type: 'batch',
      step: step.key,
      api: step.api,
      batch: index,
      rows: records.length,
      created: count('created'),
      updated: count('updated'),
      failed: count('failed'),
      ms: Date.now() - started,
    });
    index++;
  }
  if (index < progress.batchesDone)
    throw new OrgToolkitError(
      `${run.checkpointFile}: this load checkpoint cannot be resumed: it counts ${progress.batchesDone} batches of ${step.key} done, but the dataset makes ${index}`,
      {
        name: 'LoadCheckpointUnusable',
        actions: [
          'Start the load afresh with --fresh: rows already in the org are updated by external id, never duplicated',
        ],
      },
    );
  await run.completeStep(step.key);
  return skipped;
}

/**
 * A batch as Salesforce takes it: for objects with create-only fields (create-only.ts) the rows
 * the org has go in a second call without them. Results in the batch's order.
 */
async function sendRows(
  context: StepContext,
  step: LoadStep,
  records: DatasetRecord[],
  label: string,
): Promise<RowResult[]> {
  const { conn, retry, options } = context;
  const { create, update } = await splitByExistence(conn, step, records, retry);
  if (!update.length) return sendBatch(conn, step, records, retry, label, options.bulkPoll);
  const results: RowResult[] = [];
  for (const part of [create, update])
    if (part.length) results.push(...(await sendBatch(conn, step, part, retry, label, options.bulkPoll)));
  const byId = new Map(results.map((r) => [r.externalId, r]));
  return records.map(
    (r) =>
      byId.get(externalIdOf(step, r)) ?? { externalId: externalIdOf(step, r), outcome: 'failed', error: 'not sent' },
  );
}

/**
 * One batch through its API. A call the API rejects outright (a data or request error, not a
 * transient one) fails the batch's rows with that error and the load goes on; errors after which
 * nothing can succeed (auth, API limits, retries exhausted) stop the load.
 */
async function sendBatch(
  conn: ApiConnection,
  step: LoadStep,
  records: DatasetRecord[],
  retry: RetryContext,
  label: string,
  poll: BulkPollOptions | undefined,
): Promise<RowResult[]> {
  try {
    return step.api === 'bulk'
      ? await upsertBulk(conn, step, records, retry, label, poll ?? DEFAULT_BULK_POLL)
      : await upsertCollection(conn, step, records, retry, label);
  } catch (error) {
    if (!isRejection(error)) throw error;
    const message = `${label} rejected: ${messageOf(error)}`;
    return records.map((record) => ({
      externalId: String(record[step.object.externalIdField]),
      outcome: 'failed',
      error: message,
    }));
  }
}

/** An API's answer refusing the request (jsforce names such errors after Salesforce's error code). */
function isRejection(error: unknown): boolean {
  if (!(error instanceof Error) || error instanceof OrgToolkitError) return false;
  if (STOPPING_API_ERRORS.has(error.name)) return false;
  return 'errorCode' in error || /^[A-Z][A-Z_]+$/.test(error.name);
}

function stopped(error: unknown, run: LoadRun, label: string, org: string): unknown {
  if (!(error instanceof Error) || isRejection(error)) return error;
  const done = Object.values(run.checkpoint.steps).reduce((n, s) => n + s.batchesDone, 0);
  const reason = `${error instanceof OrgToolkitError ? '' : `${label}: `}${messageOf(error)}`;
  return new LoadStoppedError(
    `data load into ${org} stopped: ${reason}; ${done} batch${done === 1 ? '' : 'es'} recorded in ${run.checkpointFile}`,
    run.dir,
    error,
    [
      'Run the same command again to resume from the checkpoint: finished batches are not sent again',
      'If the org keeps failing, check it is reachable and its API limits (Setup > Company Information)',
    ],
  );
}

/** Records whose records pass failed: the deferred pass leaves them out (an upsert would create them half-empty). */
async function failedIds(run: LoadRun, step: LoadStep): Promise<Set<string>> {
  const ids = new Set<string>();
  if (!run.progress(`${step.object.sobject}:records`).failed) return ids;
  for await (const line of run.reportLines((l) => l.object === step.object.sobject && l.pass === 'records'))
    if (line.outcome === 'failed') ids.add(line.externalId);
  return ids;
}

async function summarize(
  run: LoadRun,
  steps: readonly LoadStep[],
  retries: number,
  now: () => Date,
): Promise<LoadSummary> {
  const objects: ObjectSummary[] = [];
  for (const step of steps.filter((s) => s.pass === 'records')) {
    const records = run.progress(step.key);
    const deferredStep = steps.find((s) => s.object === step.object && s.pass === 'deferred');
    const deferred = deferredStep ? run.progress(deferredStep.key) : undefined;
    let { created, updated, failed } = records;
    if (deferred?.failed) {
      // A record whose deferred update failed is incomplete: count it failed instead of created/updated.
      const incomplete = new Set<string>();
      for await (const line of run.reportLines((l) => l.object === step.object.sobject && l.pass === 'deferred'))
        if (line.outcome === 'failed') incomplete.add(line.externalId);
      for await (const line of run.reportLines((l) => l.object === step.object.sobject && l.pass === 'records')) {
        if (!incomplete.has(line.externalId) || line.outcome === 'failed') continue;
        if (line.outcome === 'created') created--;
        else updated--;
        failed++;
      }
    }
    objects.push({
      sobject: step.object.sobject,
      api: step.api,
      manifestCount: step.object.count,
      rows: records.rows,
      created,
      updated,
      failed,
      ...(deferred ? { deferred: { rows: deferred.rows, failed: deferred.failed } } : {}),
      accounted: created + updated + failed === records.rows && records.rows === step.object.count,
    });
  }
  const total = (key: 'rows' | 'created' | 'updated' | 'failed') => objects.reduce((n, o) => n + o[key], 0);
  return {
    format: 'revops-load-summary/1',
    dataset: run.checkpoint.dataset,
    targetOrg: run.checkpoint.targetOrg,
    report: run.reportFile,
    startedAt: run.checkpoint.startedAt,
    finishedAt: now().toISOString(),
    objects,
    totals: { rows: total('rows'), created: total('created'), updated: total('updated'), failed: total('failed') },
    accounted: objects.every((o) => o.accounted),
    retries,
  };
}
