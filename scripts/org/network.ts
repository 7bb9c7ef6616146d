/**
 * Every network step of the org toolkit has a deadline, says it is waiting, and fails with an
 * error that names the org and the step.
 *
 * The deadline is set where every request passes: the request defaults of jsforce-node, the HTTP
 * layer under @salesforce/core's connections, source-deploy-retrieve and their OAuth refreshes.
 * Left alone, a request there may wait 30 minutes, and the requests @salesforce/core makes while
 * it connects (`Org.create`: the API version lookup, the Organization query) cannot be given a
 * timeout any other way. A request that reaches the deadline is aborted, so nothing is left
 * holding the process open.
 */
import { setDefaults } from '@jsforce/jsforce-node/lib/request.js';
import { messageOf, OrgToolkitError } from './errors.ts';

export interface NetworkOptions {
  /** A request without a complete answer after this long is aborted (default 120 s). */
  readonly requestTimeoutMs?: number;
  /** Progress while a step waits on the org: a line when it starts, then one every `heartbeatMs`. */
  readonly onProgress?: (line: string) => void;
  /** How often to say "still waiting" (default 5 s). */
  readonly heartbeatMs?: number;
}

export interface OrgStep {
  /** The org as the admin names it: alias or username (or the instance URL when there is no user). */
  readonly org: string;
  /** What the step does, worded to follow "while": `reading user a@b.c`, `starting the deploy`. */
  readonly doing: string;
  /** Where the org answers: named when it cannot be reached. */
  readonly url?: string;
  /** The alias or username to log in again with, when the session is refused. */
  readonly login?: string;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 120_000;
const DEFAULT_HEARTBEAT_MS = 5_000;

/**
 * Connection failures jsforce-node may retry on its own. Refused connections and unknown hosts
 * are left out: they do not fix themselves within seconds, and its five retries with backoff
 * (15 s a request, several requests a command) kept `permsets assign` silent for a minute before
 * it failed. Throttling and server errors (429, 5xx) are still retried as jsforce-node does.
 */
const RETRIED_CONNECTION_ERRORS = ['ECONNRESET', 'UND_ERR_SOCKET', 'ETIMEDOUT', 'EPIPE'];

/**
 * The deadline of every request jsforce-node sends from now on, in this process. The other
 * defaults are restated as jsforce-node sets them (proxy from the environment, redirects
 * followed), since its defaults can only be replaced whole; an HTTP_TIMEOUT the admin set wins.
 */
export function limitRequestTime(ms: number = DEFAULT_REQUEST_TIMEOUT_MS): void {
  const env = process.env;
  const fromEnv = env.HTTP_TIMEOUT ? Number.parseInt(env.HTTP_TIMEOUT, 10) : NaN;
  setDefaults({
    httpProxy: env.https_proxy ?? env.http_proxy ?? env.HTTPS_PROXY ?? env.HTTP_PROXY ?? undefined,
    timeout: Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : ms,
    followRedirect: true,
    retry: { errorCodes: RETRIED_CONNECTION_ERRORS },
  });
}

/**
 * Runs one network step: its requests under the deadline, a progress line when it starts and
 * every few seconds while it waits, and any network failure turned into an OrgToolkitError naming
 * the org and the step (timeout, unreachable, session refused). Errors the toolkit already
 * explained pass through unchanged.
 */
export async function orgStep<T>(step: OrgStep, work: () => PromiseLike<T>, options: NetworkOptions = {}): Promise<T> {
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  limitRequestTime(timeoutMs);
  options.onProgress?.(`${step.org}: ${step.doing}`);
  const stop = whileWaiting(`${step.org}: still ${step.doing}`, options);
  try {
    return await work();
  } catch (error) {
    throw explainNetworkError(error, step, timeoutMs);
  } finally {
    stop();
  }
}

/** Says `line (N s)` every `heartbeatMs` until the returned function is called (nothing without onProgress). */
export function whileWaiting(line: string, options: NetworkOptions): () => void {
  const say = options.onProgress;
  if (!say) return () => undefined;
  const started = Date.now();
  const timer = setInterval(
    () => say(`${line} (${Math.round((Date.now() - started) / 1000)} s)`),
    options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
  );
  timer.unref();
  return () => clearInterval(timer);
}

type NetworkFailure = 'timeout' | 'unreachable' | 'session';

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const SESSION_NAMES = new Set(['INVALID_SESSION_ID', 'INVALID_AUTH_HEADER', 'ERROR_HTTP_401', 'invalid_grant']);

/** What kind of network failure `error` is (looking through its causes), or undefined. */
export function networkFailureOf(error: unknown): { kind: NetworkFailure; detail: string } | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    const code = codeOf(e);
    if (e.name === 'AbortError' || e.name === 'TimeoutError' || e.message === 'Request Timeout')
      return { kind: 'timeout', detail: 'no answer' };
    if (code && TIMEOUT_CODES.has(code)) return { kind: 'timeout', detail: code };
    if (code && UNREACHABLE_CODES.has(code)) return { kind: 'unreachable', detail: code };
    if (
      SESSION_NAMES.has(e.name) ||
      /refresh (the )?session|expired access\/refresh token|session expired/i.test(e.message)
    )
      return { kind: 'session', detail: messageOf(e) };
  }
  return undefined;
}

/** The error code of a network error; undici wraps several connection attempts in an AggregateError. */
function codeOf(error: Error): string | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code !== error.name) return code;
  if (error instanceof AggregateError)
    for (const inner of error.errors) if (inner instanceof Error) return codeOf(inner);
  return undefined;
}

export function explainNetworkError(error: unknown, step: OrgStep, timeoutMs: number): unknown {
  if (error instanceof OrgToolkitError) return error;
  const failure = networkFailureOf(error);
  if (!failure) return error;
  const where = step.url ? ` at ${step.url}` : '';
  if (failure.kind === 'timeout')
    return new OrgToolkitError(`${step.org}: no answer within ${seconds(timeoutMs)} while ${step.doing}${where}`, {
      name: 'OrgRequestTimeout',
      actions: [
        'Check that the org is up (https://status.salesforce.com) and reachable from this machine (proxy, VPN, firewall)',
        'Run the command again; if the org is just slow, give it a longer request timeout',
      ],
      cause: error,
    });
  if (failure.kind === 'unreachable')
    return new OrgToolkitError(`${step.org}: cannot reach the org${where} while ${step.doing} (${failure.detail})`, {
      name: 'OrgUnreachable',
      actions: [
        'Check the network, proxy and VPN, and that the instance URL sf holds for the org is current (`sf org display`)',
        `Log in again if the org moved: \`sf org login web --alias ${step.login ?? step.org}\``,
      ],
      cause: error,
    });
  return new OrgToolkitError(`${step.org}: the org refused the session while ${step.doing} (${failure.detail})`, {
    name: 'OrgSessionExpired',
    actions: [`Log in again: \`sf org login web --alias ${step.login ?? step.org}\`, then run the command again`],
    cause: error,
  });
}

const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`);
