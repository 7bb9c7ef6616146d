import { setTimeout as sleepFor } from 'node:timers/promises';
import type { ApiConnection, IngestJob, IngestJobInfo } from './api-connection.ts';
import type { DatasetRecord } from './dataset.ts';
import { OrgToolkitError } from './errors.ts';
import { externalIdOf, toCsv, type LoadStep } from './load-plan.ts';
import type { RowResult } from './load-run.ts';
import { classifyError, withRetry, type RetryContext } from './retry.ts';

export interface BulkPollOptions {
  readonly intervalMs: number;
  /** Give up waiting for one job after this long (jsforce's own default, 30 s, is too short for real volumes). */
  readonly timeoutMs: number;
}

export const DEFAULT_BULK_POLL: BulkPollOptions = { intervalMs: 2_000, timeoutMs: 15 * 60_000 };

/**
 * Upserts a batch of rows through one Bulk API 2.0 ingest job (jsforce `conn.bulk2`): create the
 * job, upload the CSV, close, poll, then read successful, failed and unprocessed results and map
 * them back to the rows by external id, so every row comes back with an outcome.
 *
 * A transient failure while submitting abandons that job (aborted, best effort) and submits a new
 * one: upserts by external id make the repeat harmless. Polls and result reads are retried in place.
 */
export async function upsertBulk(
  conn: ApiConnection,
  step: LoadStep,
  records: readonly DatasetRecord[],
  retry: RetryContext,
  label: string,
  poll: BulkPollOptions = DEFAULT_BULK_POLL,
): Promise<RowResult[]> {
  const csv = toCsv(step, records);
  const job = await withRetry(`${label}: submit job`, () => submitJob(conn, step, csv), retry);
  await withRetry(`${label}: close job ${job.id}`, () => closeJob(job), retry);
  const info = await waitForJob(job, retry, `${label}: job ${job.id}`, poll);
  const successful = await withRetry(
    `${label}: job ${job.id} successfulResults`,
    () => job.getSuccessfulResults(),
    retry,
  );
  const failed = await withRetry(`${label}: job ${job.id} failedResults`, () => job.getFailedResults(), retry);
  const unprocessed = await withRetry(
    `${label}: job ${job.id} unprocessedrecords`,
    () => job.getUnprocessedRecords(),
    retry,
  );
  return matchResults(step, records, info, {
    successful: successful as ResultRow[],
    failed: failed as ResultRow[],
    unprocessed: typeof unprocessed === 'string' ? [] : (unprocessed as ResultRow[]),
  });
}

async function submitJob(conn: ApiConnection, step: LoadStep, csv: string): Promise<IngestJob> {
  const job = conn.bulk2.createJob({
    object: step.object.sobject,
    operation: 'upsert',
    externalIdFieldName: step.object.externalIdField,
    contentType: 'CSV',
    lineEnding: 'LF',
  });
  await job.open();
  try {
    await job.uploadData(csv);
  } catch (error) {
    // A job's data is uploaded once: after a failed upload the job is abandoned for a new one.
    await job.abort().catch(() => undefined);
    throw error;
  }
  return job;
}

/** Marks the upload complete; a close that already reached the server (the answer was lost) counts as done. */
async function closeJob(job: IngestJob): Promise<void> {
  try {
    await job.close();
  } catch (error) {
    if (classifyError(error)) throw error;
    const info = await job.check();
    if (info.state === 'Open') throw error;
  }
}

async function waitForJob(
  job: IngestJob,
  retry: RetryContext,
  label: string,
  poll: BulkPollOptions,
): Promise<IngestJobInfo> {
  const deadline = Date.now() + poll.timeoutMs;
  for (;;) {
    const info = await withRetry(`${label}: poll`, () => job.check(), retry);
    if (info.state === 'JobComplete' || info.state === 'Failed' || info.state === 'Aborted') return info;
    if (Date.now() >= deadline)
      throw new OrgToolkitError(
        `${label} is still ${info.state} after ${Math.round(poll.timeoutMs / 1000)} s; the load stops here and resumes from this batch when run again`,
      );
    await (retry.policy.sleep ?? sleepFor)(poll.intervalMs);
  }
}

/** A row of a job's result CSV: every value is text. */
type ResultRow = Readonly<Record<string, string | undefined>>;

interface JobResults {
  readonly successful: readonly ResultRow[];
  readonly failed: readonly ResultRow[];
  readonly unprocessed: readonly ResultRow[];
}

/** One outcome per row, in the batch's order; a row the job said nothing about is failed, never dropped. */
export function matchResults(
  step: LoadStep,
  records: readonly DatasetRecord[],
  info: IngestJobInfo,
  results: JobResults,
): RowResult[] {
  const field = step.object.externalIdField;
  const byExternalId = new Map<string, RowResult[]>();
  const add = (externalId: string | undefined, result: Omit<RowResult, 'externalId'>) => {
    if (externalId === undefined) return;
    const queue = byExternalId.get(externalId) ?? [];
    queue.push({ externalId, ...result });
    byExternalId.set(externalId, queue);
  };
  for (const row of results.successful)
    add(row[field], { outcome: row.sf__Created === 'true' ? 'created' : 'updated', id: row.sf__Id || undefined });
  for (const row of results.failed)
    add(row[field], { outcome: 'failed', error: row.sf__Error || 'failed without an error message' });
  const notProcessed =
    info.state === 'JobComplete'
      ? 'not processed by the Bulk API job'
      : `not processed: Bulk API job ${info.state}${info.errorMessage ? ` (${info.errorMessage})` : ''}`;
  for (const row of results.unprocessed) add(row[field], { outcome: 'failed', error: notProcessed });
  return records.map((record) => {
    const externalId = externalIdOf(step, record);
    return (
      byExternalId.get(externalId)?.shift() ?? {
        externalId,
        outcome: 'failed',
        error: `${notProcessed}; the job returned no result for this row`,
      }
    );
  });
}
