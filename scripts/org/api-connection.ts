import { TransientError, transientKindOfStatus } from './retry.ts';

/**
 * The part of a jsforce Connection the data loader uses. Both `org.getConnection()` from
 * @salesforce/core (an `@jsforce/jsforce-node` connection) and a plain `jsforce` Connection fit it,
 * so the loader runs the same against a real org and against the test double.
 */
export interface ApiConnection {
  readonly version: string;
  readonly instanceUrl: string;
  request<T>(request: ApiRequest): Promise<T>;
  readonly bulk2: { createJob(options: IngestJobOptions): IngestJob };
  /** jsforce's HTTP transport (public on the class); `guardConnection` wraps it. */
  _transport: Transport;
}

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface IngestJobOptions {
  object: string;
  operation: 'upsert';
  externalIdFieldName: string;
  contentType: 'CSV';
  lineEnding: 'LF';
}

export interface IngestJobInfo {
  readonly id?: string;
  readonly state?: 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Aborted' | 'Failed';
  readonly errorMessage?: string;
  readonly numberRecordsProcessed?: number;
  readonly numberRecordsFailed?: number;
}

/** A Bulk API 2.0 ingest job as jsforce's `conn.bulk2.createJob()` returns it. */
export interface IngestJob {
  readonly id: string;
  open(): Promise<Partial<IngestJobInfo>>;
  uploadData(input: string): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
  check(): Promise<IngestJobInfo>;
  /** Result rows as jsforce parses the CSV: `sf__Id`, `sf__Created` / `sf__Error`, then the uploaded columns. */
  getSuccessfulResults(): Promise<readonly object[]>;
  getFailedResults(): Promise<readonly object[]>;
  getUnprocessedRecords(): Promise<readonly object[] | string>;
}

interface TransportResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

type StreamPromise<T> = Promise<T> & { stream(): unknown };

interface Transport {
  httpRequest(request: object, options?: object): StreamPromise<TransportResponse>;
}

export interface GuardOptions {
  /** Abandon a request that has not answered within this many milliseconds (and retry it). */
  readonly requestTimeoutMs: number;
}

/**
 * Puts every HTTP call made through `conn` under the loader's rules, until the returned function
 * is called: a timeout per request, jsforce's own hidden retries turned off (the loader's retries
 * are bounded and counted instead), and throttling or server statuses (429, 5xx) thrown as a
 * `TransientError` that carries the status and any Retry-After.
 */
export function guardConnection(conn: ApiConnection, options: GuardOptions): () => void {
  const inner = conn._transport;
  const guarded: Transport = {
    httpRequest(request, requestOptions) {
      const pending = inner.httpRequest(request, {
        ...requestOptions,
        retry: { maxRetries: 0 },
        timeout: options.requestTimeoutMs,
      });
      const checked = Promise.resolve(pending).then(
        (response) => {
          const kind = transientKindOfStatus(response.statusCode);
          if (!kind) return response;
          const retryAfter = Number(response.headers['retry-after']);
          throw new TransientError(kind, `HTTP ${response.statusCode}: ${snippet(response.body)}`, {
            status: response.statusCode,
            retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
          });
        },
        (error: unknown) => {
          if (error instanceof Error && error.name === 'AbortError')
            throw new TransientError('timeout', `no answer within ${options.requestTimeoutMs} ms`);
          throw error;
        },
      );
      return Object.assign(checked, { stream: () => pending.stream() });
    },
  };
  conn._transport = guarded;
  return () => {
    conn._transport = inner;
  };
}

function snippet(body: unknown): string {
  const text = typeof body === 'string' ? body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ') : '';
  return text.trim().slice(0, 200) || '(empty body)';
}
