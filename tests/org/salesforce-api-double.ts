/**
 * TEST DOUBLE — not Salesforce. A small HTTP server on 127.0.0.1 (ephemeral port) that plays the
 * Salesforce endpoints the data loader (upserts) and the report's extract (Bulk API 2.0 queries)
 * use, so their retry, accounting, paging and resume logic can be proven without an org:
 *
 *   POST  /services/data/vXX.X/jobs/query                                      Bulk API 2.0: query job (see query())
 *   GET   /services/data/vXX.X/jobs/query/{id}[/results?locator=&maxRecords=]  poll / result pages
 *   PATCH /services/data/vXX.X/composite/sobjects/{type}/{externalIdField}    sObject-collections upsert
 *   POST  /services/data/vXX.X/jobs/ingest                                     Bulk API 2.0: create job
 *   PUT   /services/data/vXX.X/jobs/ingest/{id}/batches                        upload CSV
 *   PATCH /services/data/vXX.X/jobs/ingest/{id}                                close (UploadComplete) / abort
 *   GET   /services/data/vXX.X/jobs/ingest/{id}                                poll
 *   GET   /services/data/vXX.X/jobs/ingest/{id}/{successfulResults|failedResults|unprocessedrecords}
 *
 *   GET   /services/data/vXX.X/query?q=  and /query/{locator}                REST SOQL: the standard price book, its entries, external ids present (see soql())
 *   PATCH /services/data/vXX.X/sobjects/Pricebook2/{id}                        activate the standard price book
 *
 *   GET   /services/data                                                     API versions (as @salesforce/core asks when it connects)
 *   POST  /services/oauth2/token                                             refresh token: always refused (invalid_grant)
 *
 * Any other request without the double's access token is refused with 401 INVALID_SESSION_ID, as
 * an org refuses an expired session; with `loginUrl` pointed here, @salesforce/core's refresh is
 * refused too, so a 401 is final.
 *
 * It keeps one in-memory table per object keyed by external id, so upserts are real (created vs
 * updated, foreign keys resolved by the parent's external id, an unknown parent is a row error,
 * a Contract created in any status but Draft is a row error),
 * and it injects faults on request: 429 and 5xx answers, timeouts (the request is processed, the
 * answer never comes, the client gives up), dropped connections (the socket is destroyed before
 * anything is processed) and partial row failures. It records every request so tests can count
 * them. It only ever listens on 127.0.0.1, and closes itself (held answers included) on `close()`
 * or, as a safety net, after `maxLifetimeMs`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { Connection } from 'jsforce';

export type Fault =
  | { readonly kind: 'status'; readonly status: 429 | 500 | 502 | 503 | 504; readonly retryAfterSeconds?: number }
  /** Process the request, then never answer: the client times out. */
  | { readonly kind: 'timeout' }
  /** Destroy the connection before processing anything. */
  | { readonly kind: 'drop' };

export interface FaultRule {
  readonly method?: string;
  readonly path: RegExp;
  readonly fault: Fault;
  /** Matching requests that get the fault (default 1). */
  readonly times?: number;
  /** Matching requests let through before the fault starts (all of them count, faulted by another rule or not). */
  readonly after?: number;
}

export interface DoubleOptions {
  /** sobject → relationship name → the object it points at (the double's "schema"). */
  readonly relationships?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Partial row failures: an error (`CODE: message`) for records the org would reject. */
  readonly rowError?: (sobject: string, record: Readonly<Record<string, unknown>>) => string | undefined;
  /** A Bulk job fails as a whole with this message (no row processed). */
  readonly jobError?: (sobject: string, rows: number) => string | undefined;
  /** Polls answered InProgress before a closed Bulk job reports JobComplete (default 1). */
  readonly pollsUntilComplete?: number;
  readonly maxLifetimeMs?: number;
  /** Query results per page (Sforce-Locator paging) unless the client asks for fewer (default 50,000). */
  readonly queryPageSize?: number;
  /** Objects a query job refuses (INVALIDJOB), as an org without them or without Bulk API support. */
  readonly unqueryable?: readonly string[];
  /** Values a query returns for fields the double does not store (CreatedDate, Owner.Name...), per object. */
  readonly queryValue?: (sobject: string, field: string, record: StoredRecord) => string | undefined;
  /** The org's standard price book (default: one, active); `null`: the org has none. */
  readonly standardPriceBook?: { readonly active: boolean } | null;
}

export interface StoredRecord {
  readonly Id: string;
  readonly fields: Record<string, unknown>;
}

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  /** The HTTP status answered, or the fault that replaced the answer. */
  readonly outcome: number | 'timeout' | 'drop';
}

interface IngestJob {
  readonly id: string;
  readonly object: string;
  readonly externalIdFieldName: string;
  state: 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Aborted' | 'Failed';
  errorMessage?: string;
  csv?: string;
  polls: number;
  header: string[];
  successful: string[][];
  failed: string[][];
  unprocessed: string[][];
}

interface QueryJob {
  readonly id: string;
  readonly object: string;
  state: 'UploadComplete' | 'JobComplete' | 'Aborted';
  polls: number;
  readonly header: string[];
  readonly rows: string[][];
  /** Rows handed out so far: the next page starts here. */
  served: number;
}

export const TEST_DOUBLE_ACCESS_TOKEN = 'test-double-session-not-a-real-token';
const ID_PREFIX: Record<string, string> = {
  Account: '001',
  Contact: '003',
  Opportunity: '006',
  Lead: '00Q',
  Contract: '800',
};

class RowError extends Error {}

export class SalesforceApiDouble {
  readonly url: string;
  readonly requests: LoggedRequest[] = [];
  private readonly server: Server;
  private readonly options: DoubleOptions;
  private readonly tables = new Map<string, Map<string, StoredRecord>>();
  private readonly inserts = new Map<string, number>();
  private readonly jobs = new Map<string, IngestJob>();
  private readonly queries = new Map<string, QueryJob>();
  private readonly rules: { rule: FaultRule; seen: number; applied: number }[] = [];
  private readonly held = new Set<ServerResponse>();
  private readonly lifetime: NodeJS.Timeout;
  private nextId = 1;
  /** The standard price book (Pricebook2), if the org has one. */
  readonly priceBook: { readonly Id: string; IsActive: boolean } | undefined;
  /** REST query results still to be paged through: locator → remaining records. */
  private readonly restPages = new Map<string, object[]>();

  private constructor(server: Server, options: DoubleOptions) {
    this.server = server;
    this.options = options;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.lifetime = setTimeout(() => void this.close(), options.maxLifetimeMs ?? 60_000).unref();
    const book = options.standardPriceBook === undefined ? { active: true } : options.standardPriceBook;
    this.priceBook = book ? { Id: '01s000000000001AAA', IsActive: book.active } : undefined;
  }

  static async start(options: DoubleOptions = {}): Promise<SalesforceApiDouble> {
    const started: { double?: SalesforceApiDouble } = {};
    const server = createServer((req, res) => {
      started.double?.handle(req, res).catch(() => res.destroy());
    });
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(0, '127.0.0.1', () => ok());
    });
    started.double = new SalesforceApiDouble(server, options);
    return started.double;
  }

  /** A jsforce Connection pointed at the double, with a fake session. */
  connection(): Connection {
    return new Connection({ instanceUrl: this.url, accessToken: TEST_DOUBLE_ACCESS_TOKEN, version: '66.0' });
  }

  inject(rule: FaultRule): void {
    this.rules.push({ rule, seen: 0, applied: 0 });
  }

  clearFaults(): void {
    this.rules.length = 0;
  }

  /** The object's table: external id → record. */
  table(sobject: string): ReadonlyMap<string, StoredRecord> {
    return this.tableOf(sobject);
  }

  /** Records ever created in `sobject` (an upsert that updates does not count). */
  inserted(sobject: string): number {
    return this.inserts.get(sobject) ?? 0;
  }

  count(filter: (request: LoggedRequest) => boolean = () => true): number {
    return this.requests.filter(filter).length;
  }

  async close(): Promise<void> {
    clearTimeout(this.lifetime);
    for (const res of this.held) res.destroy();
    this.held.clear();
    this.server.closeAllConnections();
    await new Promise<void>((ok) => this.server.close(() => ok()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', this.url);
    const path = url.pathname;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const fault = this.faultFor(method, path);
    if (fault?.kind === 'drop') {
      this.requests.push({ method, path, outcome: 'drop' });
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      this.requests.push({ method, path, outcome: fault.status });
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds);
      res.writeHead(fault.status, headers);
      res.end(JSON.stringify([{ errorCode: 'SERVER_UNAVAILABLE', message: `injected ${fault.status}` }]));
      return;
    }
    let answer: { status: number; type?: string; body?: string };
    if (method === 'POST' && path === '/services/oauth2/token') {
      answer = json(400, { error: 'invalid_grant', error_description: 'expired access/refresh token' });
    } else if (method === 'GET' && path === '/services/data') {
      answer = json(200, [{ label: "Spring '26", url: '/services/data/v66.0', version: '66.0' }]);
    } else if (req.headers.authorization !== `Bearer ${TEST_DOUBLE_ACCESS_TOKEN}`) {
      answer = json(401, [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }]);
    } else {
      try {
        answer = this.route(method, path, body, url.searchParams);
      } catch (error) {
        answer = json(400, [{ errorCode: 'INVALID_REQUEST', message: (error as Error).message }]);
      }
    }
    if (fault?.kind === 'timeout') {
      // Processed above; the answer is never sent, so the client times out.
      this.requests.push({ method, path, outcome: 'timeout' });
      this.held.add(res);
      res.on('close', () => this.held.delete(res));
      return;
    }
    this.requests.push({ method, path, outcome: answer.status });
    // Query result pages also carry Sforce-Locator / Sforce-NumberOfRecords.
    const extra = (answer as { headers?: Record<string, string> }).headers ?? {};
    res.writeHead(answer.status, { ...(answer.type ? { 'Content-Type': answer.type } : {}), ...extra });
    res.end(answer.body ?? '');
  }

  /** Every rule counts every request it matches; the first rule due for this request supplies the fault. */
  private faultFor(method: string, path: string): Fault | undefined {
    let fault: Fault | undefined;
    for (const entry of this.rules) {
      const { rule } = entry;
      if ((rule.method && rule.method !== method) || !rule.path.test(path)) continue;
      entry.seen++;
      if (fault || entry.seen <= (rule.after ?? 0) || entry.applied >= (rule.times ?? 1)) continue;
      entry.applied++;
      fault = rule.fault;
    }
    return fault;
  }

  private route(
    method: string,
    path: string,
    body: string,
    params: URLSearchParams,
  ): { status: number; type?: string; body?: string } {
    const api = /^\/services\/data\/v\d+\.\d+(\/.*)$/.exec(path)?.[1] ?? '';
    let m: RegExpExecArray | null;
    if (method === 'GET' && api === '/query') return this.soql(params.get('q') ?? '');
    if (method === 'GET' && (m = /^\/query\/(\w+)$/.exec(api))) return this.restPage(m[1]!);
    if (method === 'PATCH' && (m = /^\/sobjects\/Pricebook2\/(\w+)$/.exec(api))) {
      const book = this.priceBook;
      if (!book || book.Id !== m[1]) return json(404, [{ errorCode: 'NOT_FOUND', message: 'no such price book' }]);
      book.IsActive = (JSON.parse(body) as { IsActive?: boolean }).IsActive ?? book.IsActive;
      return { status: 204 };
    }
    if (method === 'PATCH' && (m = /^\/composite\/sobjects\/(\w+)\/(\w+)$/.exec(api)))
      return json(200, this.collectionsUpsert(m[1]!, m[2]!, body));
    if (method === 'POST' && api === '/jobs/ingest') return json(200, this.createJob(body));
    if ((m = /^\/jobs\/ingest\/(\w+)\/batches$/.exec(api)) && method === 'PUT') return this.upload(m[1]!, body);
    if (
      (m = /^\/jobs\/ingest\/(\w+)\/(successfulResults|failedResults|unprocessedrecords)$/.exec(api)) &&
      method === 'GET'
    )
      return this.results(m[1]!, m[2]!);
    if (api.startsWith('/jobs/query')) return this.query(method, api, body);
    if ((m = /^\/jobs\/ingest\/(\w+)$/.exec(api))) {
      const job = this.jobs.get(m[1]!);
      if (!job) return json(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
      if (method === 'GET') {
        job.polls++;
        if (job.state === 'UploadComplete' && job.polls >= (this.options.pollsUntilComplete ?? 1)) this.finishJob(job);
        else if (job.state === 'UploadComplete') return json(200, this.jobInfo(job, 'InProgress'));
        return json(200, this.jobInfo(job));
      }
      if (method === 'PATCH') return this.changeState(job, JSON.parse(body) as { state: string });
      if (method === 'DELETE') {
        this.jobs.delete(job.id);
        return { status: 204 };
      }
    }
    return json(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
  }

  /**
   * REST SOQL, only the queries the loader sends: the standard price book, the entries of a price
   * book by external id, and which of a list of external ids an object has. Anything else is MALFORMED_QUERY.
   */
  private soql(q: string) {
    let records: object[];
    let m: RegExpExecArray | null;
    if (q === 'SELECT Id, IsActive FROM Pricebook2 WHERE IsStandard = true LIMIT 1')
      records = this.priceBook ? [{ attributes: { type: 'Pricebook2' }, ...this.priceBook }] : [];
    else if ((m = /^SELECT Id, (\w+) FROM PricebookEntry WHERE Pricebook2Id = '(\w+)' AND \1 != null$/.exec(q))) {
      const [, field, book] = m;
      records = [...this.tableOf('PricebookEntry').values()]
        .filter((r) => r.fields.Pricebook2Id === book && r.fields[field!] != null)
        .map((r) => ({ attributes: { type: 'PricebookEntry' }, Id: r.Id, [field!]: r.fields[field!] }));
    } else if ((m = /^SELECT (\w+) FROM (\w+) WHERE \1 IN \((.*)\)$/.exec(q))) {
      const [, field, sobject, list] = m;
      const ids = list!.split(', ').map((v) => v.replace(/^'|'$/g, ''));
      const table = this.tableOf(sobject!);
      records = ids.filter((id) => table.has(id)).map((id) => ({ attributes: { type: sobject }, [field!]: id }));
    } else return json(400, [{ errorCode: 'MALFORMED_QUERY', message: `the double does not answer: ${q}` }]);
    const locator = `01g${String(this.nextId++).padStart(15, '0')}`;
    this.restPages.set(locator, records);
    return this.restPage(locator);
  }

  private restPage(locator: string) {
    const records = this.restPages.get(locator);
    if (!records) return json(400, [{ errorCode: 'INVALID_QUERY_LOCATOR', message: 'invalid query locator' }]);
    const size = this.options.queryPageSize ?? 2_000;
    const page = records.slice(0, size);
    const rest = records.slice(size);
    this.restPages.delete(locator);
    if (rest.length) this.restPages.set(`${locator}x`, rest);
    return json(200, {
      totalSize: records.length,
      done: !rest.length,
      records: page,
      ...(rest.length ? { nextRecordsUrl: `/services/data/v66.0/query/${locator}x` } : {}),
    });
  }

  private collectionsUpsert(sobject: string, externalIdField: string, body: string) {
    const { records } = JSON.parse(body) as { allOrNone: boolean; records: Record<string, unknown>[] };
    if (records.length > 200)
      throw new Error(`EXCEEDED_ID_LIMIT: record limit reached. cannot submit more than 200 records into this call`);
    return records.map((record) => {
      const { attributes, ...fields } = record as { attributes?: { type?: string } } & Record<string, unknown>;
      try {
        if (attributes?.type !== sobject) throw new RowError(`INVALID_TYPE: attributes.type must be ${sobject}`);
        const { id, created } = this.upsert(sobject, externalIdField, fields);
        return { id, success: true, created, errors: [] };
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        const [statusCode, message] = splitError(error.message);
        return { success: false, errors: [{ statusCode, message, fields: [] }] };
      }
    });
  }

  /** One upsert by external id: nested `{Rel: {Ext: v}}` (REST) and `Rel.Ext` columns (CSV) both resolve to the parent. */
  private upsert(
    sobject: string,
    externalIdField: string,
    input: Record<string, unknown>,
  ): { id: string; created: boolean } {
    const externalId = input[externalIdField];
    if (typeof externalId !== 'string' || !externalId)
      throw new RowError(`MISSING_ARGUMENT: ${externalIdField} not specified`);
    const injected = this.options.rowError?.(sobject, input);
    if (injected) throw new RowError(injected);
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input)) {
      const [relationship, parentField] = key.includes('.') ? key.split('.') : [key, undefined];
      const nested = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
      if (!parentField && !nested) {
        // CSV: an empty cell leaves the field as it is, #N/A clears it.
        if (value !== '') fields[key] = value === '#N/A' ? null : value;
        continue;
      }
      const target = this.options.relationships?.[sobject]?.[relationship!];
      if (!target) throw new RowError(`INVALID_FIELD: No such relation '${relationship}' on entity '${sobject}'`);
      const [field, parentId] = nested ? (Object.entries(nested)[0] ?? []) : [parentField, value];
      if (parentId === '' || parentId === null || parentId === undefined) continue;
      const parent = this.tableOf(target).get(String(parentId));
      if (!parent)
        throw new RowError(
          `INVALID_FIELD: Foreign key external ID: ${parentId} not found for field ${field} in entity ${target}`,
        );
      fields[relationship!] = parent.Id;
    }
    const table = this.tableOf(sobject);
    const existing = table.get(externalId);
    // As in Salesforce, a contract is created Draft and activated by an update.
    if (!existing && sobject === 'Contract' && fields.Status !== undefined && fields.Status !== 'Draft')
      throw new RowError('FIELD_INTEGRITY_EXCEPTION: A contract must be created in Draft status');
    if (existing) {
      Object.assign(existing.fields, fields);
      return { id: existing.Id, created: false };
    }
    const Id = `${ID_PREFIX[sobject] ?? 'a00'}${String(this.nextId++).padStart(12, '0')}AAA`;
    table.set(externalId, { Id, fields });
    this.inserts.set(sobject, this.inserted(sobject) + 1);
    return { id: Id, created: true };
  }

  private createJob(body: string) {
    const request = JSON.parse(body) as { object: string; operation: string; externalIdFieldName?: string };
    if (request.operation !== 'upsert' || !request.externalIdFieldName)
      throw new Error('the double only supports upsert jobs with an externalIdFieldName');
    const id = `750${String(this.nextId++).padStart(12, '0')}AAA`;
    const job: IngestJob = {
      id,
      object: request.object,
      externalIdFieldName: request.externalIdFieldName,
      state: 'Open',
      polls: 0,
      header: [],
      successful: [],
      failed: [],
      unprocessed: [],
    };
    this.jobs.set(id, job);
    return this.jobInfo(job);
  }

  private upload(jobId: string, body: string) {
    const job = this.jobs.get(jobId);
    if (!job || job.state !== 'Open' || job.csv !== undefined)
      return json(400, [{ errorCode: 'INVALIDJOBSTATE', message: 'Job is not open for upload' }]);
    job.csv = body;
    return { status: 201 };
  }

  private changeState(job: IngestJob, change: { state: string }) {
    if (change.state === 'UploadComplete' && job.state === 'Open') {
      this.processJob(job);
      return json(200, this.jobInfo(job));
    }
    if (change.state === 'Aborted' && (job.state === 'Open' || job.state === 'UploadComplete')) {
      job.state = 'Aborted';
      return json(200, this.jobInfo(job));
    }
    return json(400, [
      { errorCode: 'INVALIDJOBSTATE', message: `Cannot change state from ${job.state} to ${change.state}` },
    ]);
  }

  /** Processes the rows when the upload completes; polls then see InProgress, then JobComplete. */
  private processJob(job: IngestJob): void {
    const [header = [], ...rows] = parseCsv(job.csv ?? '');
    job.header = header;
    job.state = 'UploadComplete';
    const jobError = this.options.jobError?.(job.object, rows.length);
    if (jobError) {
      job.errorMessage = jobError;
      job.unprocessed = rows;
      return;
    }
    for (const row of rows) {
      const record = Object.fromEntries(header.map((h, i) => [h, row[i] ?? '']));
      try {
        const { id, created } = this.upsert(job.object, job.externalIdFieldName, record);
        job.successful.push([id, String(created), ...row]);
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        job.failed.push(['', error.message, ...row]);
      }
    }
  }

  private finishJob(job: IngestJob): void {
    job.state = job.errorMessage ? 'Failed' : 'JobComplete';
  }

  private results(jobId: string, kind: string) {
    const job = this.jobs.get(jobId);
    if (!job) return json(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    const [header, rows] =
      kind === 'successfulResults'
        ? [['sf__Id', 'sf__Created', ...job.header], job.successful]
        : kind === 'failedResults'
          ? [['sf__Id', 'sf__Error', ...job.header], job.failed]
          : [job.header, job.unprocessed];
    return { status: 200, type: 'text/csv', body: toCsv([header, ...rows]) };
  }

  private jobInfo(job: IngestJob, state: IngestJob['state'] = job.state) {
    return {
      id: job.id,
      object: job.object,
      operation: 'upsert',
      externalIdFieldName: job.externalIdFieldName,
      state,
      contentType: 'CSV',
      lineEnding: 'LF',
      columnDelimiter: 'COMMA',
      numberRecordsProcessed: state === 'JobComplete' ? job.successful.length + job.failed.length : 0,
      numberRecordsFailed: state === 'JobComplete' ? job.failed.length : 0,
      ...(state === 'Failed' ? { errorMessage: job.errorMessage } : {}),
    };
  }

  /**
   * Bulk API 2.0 query jobs, answered from the double's tables: `SELECT f, Rel.Field, RelId FROM
   * Object [WHERE f = 'v' [AND ...]]`. A relationship field reads the parent the upsert resolved;
   * `XId` / `X__c` read the parent's Id. Results come in CSV pages of `maxRecords` (or
   * queryPageSize) rows with an Sforce-Locator header, as Salesforce pages them.
   */
  private query(
    method: string,
    api: string,
    body: string,
  ): { status: number; type?: string; body?: string; headers?: Record<string, string> } {
    if (method === 'POST' && api === '/jobs/query') return json(200, this.createQuery(body));
    const m = /^\/jobs\/query\/(\w+)(\/results)?$/.exec(api);
    const job = m ? this.queries.get(m[1]!) : undefined;
    if (!m || !job) return json(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    if (method === 'DELETE') {
      this.queries.delete(job.id);
      return { status: 204 };
    }
    if (method === 'PATCH') {
      job.state = 'Aborted';
      return json(200, this.queryInfo(job));
    }
    if (!m[2]) {
      job.polls++;
      if (job.state === 'UploadComplete' && job.polls >= (this.options.pollsUntilComplete ?? 1))
        job.state = 'JobComplete';
      return json(200, this.queryInfo(job));
    }
    return this.queryPage(job);
  }

  private createQuery(body: string) {
    const request = JSON.parse(body) as { operation: string; query: string };
    const parsed = /^\s*SELECT\s+(.+?)\s+FROM\s+(\w+)(?:\s+WHERE\s+(.+?))?\s*$/is.exec(request.query);
    if (!parsed) throw new Error(`MALFORMED_QUERY: the double cannot read ${request.query}`);
    const [, list, sobject, where] = parsed as unknown as [string, string, string, string | undefined];
    if (this.options.unqueryable?.includes(sobject))
      throw new Error(`INVALIDJOB: Entity '${sobject}' is not supported by the Bulk API.`);
    const fields = list.split(',').map((f) => f.trim());
    const conditions = [...(where ?? '').matchAll(/(\w+)\s*=\s*'([^']*)'/g)].map((c) => [c[1]!, c[2]!] as const);
    const rows = [...this.tableOf(sobject).values()]
      .filter((r) => conditions.every(([f, v]) => String(r.fields[f] ?? '') === v))
      .map((r) => fields.map((f) => this.queryCell(sobject, f, r)));
    const id = `750${String(this.nextId++).padStart(12, '0')}QQQ`;
    const job: QueryJob = { id, object: sobject, state: 'UploadComplete', polls: 0, header: fields, rows, served: 0 };
    this.queries.set(id, job);
    return this.queryInfo(job);
  }

  private queryCell(sobject: string, field: string, record: StoredRecord): string {
    const injected = this.options.queryValue?.(sobject, field, record);
    if (injected !== undefined) return injected;
    if (field === 'Id') return record.Id;
    const [relationship, parentField] = field.split('.');
    const cell = (value: unknown) => (value === null || value === undefined ? '' : String(value));
    if (parentField) {
      const target = this.options.relationships?.[sobject]?.[relationship!];
      const parentId = record.fields[relationship!];
      const parent = target && parentId ? [...this.tableOf(target).values()].find((p) => p.Id === parentId) : undefined;
      return parent ? cell(parent.fields[parentField]) : '';
    }
    // AccountId → the parent Id the upsert stored under Account; Lead__c → under Lead__r.
    const viaRelationship = field.endsWith('Id') ? field.slice(0, -2) : field.replace(/__c$/, '__r');
    if (field !== viaRelationship && this.options.relationships?.[sobject]?.[viaRelationship])
      return cell(record.fields[viaRelationship]);
    return cell(record.fields[field]);
  }

  private queryPage(job: QueryJob) {
    if (job.state !== 'JobComplete')
      return json(400, [{ errorCode: 'INVALIDJOBSTATE', message: 'Job is not complete' }]);
    const size = this.options.queryPageSize ?? 50_000;
    const page = job.rows.slice(job.served, job.served + size);
    job.served += page.length;
    const locator = job.served < job.rows.length ? Buffer.from(String(job.served)).toString('base64url') : 'null';
    return {
      status: 200,
      type: 'text/csv',
      body: toCsv([job.header, ...page]),
      headers: { 'Sforce-Locator': locator, 'Sforce-NumberOfRecords': String(page.length) },
    };
  }

  private queryInfo(job: QueryJob) {
    return {
      id: job.id,
      operation: 'query',
      object: job.object,
      state: job.state,
      contentType: 'CSV',
      lineEnding: 'LF',
      columnDelimiter: 'COMMA',
      jobType: 'V2Query',
      numberRecordsProcessed: job.state === 'JobComplete' ? job.rows.length : 0,
    };
  }

  private tableOf(sobject: string): Map<string, StoredRecord> {
    let table = this.tables.get(sobject);
    if (!table) this.tables.set(sobject, (table = new Map()));
    return table;
  }
}

function json(status: number, value: unknown) {
  return { status, type: 'application/json;charset=UTF-8', body: JSON.stringify(value) };
}

function splitError(text: string): [string, string] {
  const at = text.indexOf(': ');
  return at > 0 ? [text.slice(0, at), text.slice(at + 2)] : ['UNKNOWN_EXCEPTION', text];
}

/** RFC 4180: quoted cells, doubled quotes, line breaks inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function toCsv(rows: readonly (readonly string[])[]): string {
  const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

/**
 * TEST DOUBLE — not Salesforce. An org that accepts connections on 127.0.0.1 and never answers a
 * byte (a stalled instance, a proxy that swallows requests): what hung `deploy`, `permsets assign`
 * and `data load` for minutes. Counts the connections it accepted, so a test knows it was asked.
 */
export class SilentOrgDouble {
  readonly url: string;
  accepted = 0;
  private readonly sockets = new Set<Socket>();
  private readonly server: ReturnType<typeof createTcpServer>;

  private constructor(server: ReturnType<typeof createTcpServer>) {
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  static async start(): Promise<SilentOrgDouble> {
    const holder: { double?: SilentOrgDouble } = {};
    const server = createTcpServer((socket) => {
      const double = holder.double!;
      double.accepted++;
      double.sockets.add(socket);
      socket.on('data', () => undefined);
      socket.on('error', () => undefined);
      socket.on('close', () => double.sockets.delete(socket));
    });
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(0, '127.0.0.1', () => ok());
    });
    holder.double = new SilentOrgDouble(server);
    return holder.double;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((ok) => this.server.close(() => ok()));
  }
}

/** A URL on 127.0.0.1 where nothing listens (the port was just released): connections are refused. */
export async function refusedUrl(): Promise<string> {
  const server = createTcpServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((ok) => server.close(() => ok()));
  return `http://127.0.0.1:${port}`;
}
