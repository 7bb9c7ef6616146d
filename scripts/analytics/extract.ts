/**
 * `revops report --target-org`: the org's records, through Bulk API 2.0 query jobs, written as a
 * dataset (docs/dataset-format.md) that the report then reads like any other. One job per source
 * object (sources.ts), its rows streamed from CSV into NDJSON.
 *
 * A record's key is its External_Id__c, or its Salesforce Id where it has none (records created
 * in the org), and every lookup is written the same way, so an org loaded from data/seed extracts
 * to the seed's own keys. The job is created and polled through jsforce's Bulk API 2.0 client;
 * result pages are read by their Sforce-Locator here, because jsforce 3.10's `bulk2.query()`
 * fails with "write after end" on any result of more than one page (the API test double shows it).
 * Transient failures (429, 5xx, timeouts, dropped connections) restart that object's job, within
 * the org toolkit's retry policy; a file is renamed into place only once complete.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { DATASET_FORMAT, type Manifest } from '../data/index.ts';
import {
  DEFAULT_RETRY_POLICY,
  RetryBudget,
  TransientError,
  transientKindOfStatus,
  withRetry,
  type RetryEvent,
  type RetryPolicy,
} from '../org/retry.ts';
import { ReportError } from './errors.ts';
import { EXTERNAL_ID, SOURCE_OBJECTS, type SourceColumn, type SourceObject } from './sources.ts';

/** What the extract needs of a connection: jsforce's (or @salesforce/core's, which extends it). */
export interface BulkQueryConnection {
  readonly instanceUrl: string;
  readonly accessToken?: string | null;
  readonly version: string;
  request<T = unknown>(request: {
    method: 'POST';
    url: string;
    body?: string;
    headers?: Record<string, string>;
  }): PromiseLike<T>;
  readonly bulk2: {
    job(type: 'query', options: { id: string }): { poll(interval?: number, timeout?: number): Promise<void> };
  };
}

export interface ExtractOptions {
  readonly outDir: string;
  /** "Today" of the extract (the manifest's anchorDate). */
  readonly asOf: string;
  readonly pollIntervalMs?: number;
  readonly pollTimeoutMs?: number;
  /** Rows per result page asked for (Salesforce may send fewer). */
  readonly pageSize?: number;
  readonly retry?: RetryPolicy;
  readonly onObject?: (event: { sobject: string; records: number; skipped?: string }) => void;
  readonly onRetry?: (event: RetryEvent) => void;
}

export interface ExtractResult {
  readonly dir: string;
  readonly manifest: Manifest;
  /** Optional objects the org would not give (not deployed, not queryable): their figures are missing. */
  readonly skipped: readonly { readonly sobject: string; readonly reason: string }[];
}

const soqlField = (c: SourceColumn): string[] => (c.type === 'lookup' ? [`${c.name}.${c.key}`, c.idField] : [c.name]);

export function soqlFor(source: SourceObject): string {
  const fields = source.columns.flatMap((c) =>
    c.name === EXTERNAL_ID ? (source.orgOnly ? [] : [c.name]) : soqlField(c),
  );
  return `SELECT Id, ${fields.join(', ')} FROM ${source.sobject}${source.where ? ` WHERE ${source.where}` : ''}`;
}

/** A CSV row (all strings, '' for null) as a dataset record. */
export function datasetRecord(source: SourceObject, row: Readonly<Record<string, string>>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const c of source.columns) {
    if (c.name === EXTERNAL_ID) record[c.name] = row[c.name] || row.Id;
    else if (c.type === 'lookup') {
      const key = row[`${c.name}.${c.key}`] || row[c.idField];
      record[c.name] = key ? { [c.key]: key } : null;
    } else record[c.name] = typedValue(c.type, row[c.name] ?? '');
  }
  return record;
}

function typedValue(type: Exclude<SourceColumn['type'], 'lookup'>, text: string): unknown {
  if (text === '') return null;
  if (type === 'number') return Number(text);
  if (type === 'boolean') return text === 'true';
  return text;
}

interface JobInfo {
  readonly id: string;
}

async function fetchPage(conn: BulkQueryConnection, jobId: string, locator: string | undefined, pageSize: number) {
  const query = new URLSearchParams({ maxRecords: String(pageSize), ...(locator ? { locator } : {}) });
  const url = `${conn.instanceUrl}/services/data/v${conn.version}/jobs/query/${jobId}/results?${query}`;
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${conn.accessToken ?? ''}`, Accept: 'text/csv' },
    signal: AbortSignal.timeout(120_000),
  });
  if (!response.ok || !response.body) {
    const text = await response.text().catch(() => '');
    const kind = transientKindOfStatus(response.status);
    const message = `results page: HTTP ${response.status} ${text.slice(0, 200)}`;
    if (kind) throw new TransientError(kind, message, { status: response.status });
    throw Object.assign(new Error(message), {
      statusCode: response.status,
      errorCode: /"errorCode":"(\w+)"/.exec(text)?.[1],
    });
  }
  const next = response.headers.get('sforce-locator');
  return {
    body: Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
    next: next && next !== 'null' ? next : undefined,
  };
}

/** One query job, all its pages, into `file` as NDJSON; returns the record count. */
async function queryObject(conn: BulkQueryConnection, source: SourceObject, file: string, options: ExtractOptions) {
  const job = await conn.request<JobInfo>({
    method: 'POST',
    url: `/services/data/v${conn.version}/jobs/query`,
    body: JSON.stringify({ operation: 'query', query: soqlFor(source) }),
    headers: { 'Content-Type': 'application/json' },
  });
  await conn.bulk2.job('query', { id: job.id }).poll(options.pollIntervalMs ?? 2_000, options.pollTimeoutMs ?? 600_000);
  const out = createWriteStream(file);
  let records = 0;
  try {
    let locator: string | undefined;
    do {
      const page = await fetchPage(conn, job.id, locator, options.pageSize ?? 100_000);
      for await (const row of page.body.pipe(parse({ columns: true }))) {
        if (!out.write(`${JSON.stringify(datasetRecord(source, row as Record<string, string>))}\n`))
          await new Promise<void>((ok) => out.once('drain', () => ok()));
        records++;
      }
      locator = page.next;
    } while (locator);
  } finally {
    out.end();
    await finished(out);
  }
  return records;
}

/** Whether a failed query means the org lacks the object or a field (not deployed, not queryable). */
const unavailable = (error: unknown) =>
  /INVALID_TYPE|INVALID_FIELD|INVALIDJOB|not supported|No such column|sObject type/i.test(
    `${(error as { errorCode?: string }).errorCode ?? ''} ${(error as Error).message ?? ''}`,
  );

async function extractObject(
  conn: BulkQueryConnection,
  source: SourceObject,
  options: ExtractOptions,
  budget: RetryBudget,
) {
  const file = join(options.outDir, `${source.sobject}.ndjson`);
  const temp = `${file}.part`;
  try {
    const records = await withRetry(`query ${source.sobject}`, () => queryObject(conn, source, temp, options), {
      policy: options.retry ?? DEFAULT_RETRY_POLICY,
      budget,
      onRetry: options.onRetry,
    });
    await rename(temp, file);
    return { records };
  } catch (error) {
    await rm(temp, { force: true });
    if (source.required || !unavailable(error)) throw orgError(source, error);
    await writeFile(file, '');
    return { records: 0, skipped: (error as Error).message };
  }
}

function orgError(source: SourceObject, error: unknown): Error {
  const message = (error as Error).message ?? String(error);
  if (!unavailable(error)) return error as Error;
  return new ReportError(
    `the org cannot answer the report's ${source.sobject} query (${message.split('\n')[0]})`,
    'Deploy the RevOps model to the org first (`revops deploy --target-org <org>`), with a user who can read its objects.',
  );
}

/** Extracts every source object into `options.outDir` and writes the dataset's manifest last. */
export async function extractOrgDataset(conn: BulkQueryConnection, options: ExtractOptions): Promise<ExtractResult> {
  await mkdir(options.outDir, { recursive: true });
  const budget = new RetryBudget((options.retry ?? DEFAULT_RETRY_POLICY).maxTotalRetries);
  const objects: Manifest['objects'][number][] = [];
  const skipped: { sobject: string; reason: string }[] = [];
  for (const source of SOURCE_OBJECTS) {
    const { records, skipped: reason } = await extractObject(conn, source, options, budget);
    if (reason) skipped.push({ sobject: source.sobject, reason });
    options.onObject?.({ sobject: source.sobject, records, skipped: reason });
    objects.push({
      sobject: source.sobject,
      file: `${source.sobject}.ndjson`,
      count: records,
      externalIdField: EXTERNAL_ID,
    });
  }
  const manifest: Manifest = {
    format: DATASET_FORMAT,
    seed: 0,
    scale: 'org extract',
    anchorDate: options.asOf,
    records: objects.reduce((n, o) => n + o.count, 0),
    objects,
  };
  await writeFile(join(options.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir: options.outDir, manifest, skipped };
}
