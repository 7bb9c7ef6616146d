import { setTimeout as sleepFor } from 'node:timers/promises';
import { messageOf, OrgToolkitError } from './errors.ts';

/**
 * How the loader retries calls that failed for a reason that goes away by itself (throttling,
 * a busy or restarting server, a timeout, a dropped connection): exponential backoff with jitter,
 * a cap per call and a cap for the whole load, so a sick org stops the load instead of hanging it.
 */
export interface RetryPolicy {
  /** Attempts per call, the first included. */
  readonly maxAttempts: number;
  /** Backoff before retry n (n from 1) is drawn from [base·2^(n-1) / 2, base·2^(n-1)], capped at maxDelayMs. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Retries allowed across a whole load, all calls together. */
  readonly maxTotalRetries: number;
  /** Jitter source in [0, 1); tests pass a seeded one. */
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxTotalRetries: 100,
};

export type TransientKind = 'rate-limit' | 'server' | 'timeout' | 'connection';

/** An HTTP call that failed in a way worth retrying; `status` is set when the server answered. */
export class TransientError extends Error {
  override readonly name = 'TransientError';
  readonly kind: TransientKind;
  readonly status?: number;
  readonly retryAfterMs?: number;
  constructor(kind: TransientKind, message: string, options: { status?: number; retryAfterMs?: number } = {}) {
    super(message);
    this.kind = kind;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** HTTP statuses that mean "try again later" (throttling, server errors, gateways). */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

export function transientKindOfStatus(status: number): TransientKind | undefined {
  if (status === 429) return 'rate-limit';
  return TRANSIENT_STATUSES.has(status) ? 'server' : undefined;
}

const CONNECTION_ERROR_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** Error codes Salesforce puts in a body when the server, not the request, is the problem. */
const TRANSIENT_API_CODES = new Set(['SERVER_UNAVAILABLE']);

/** Which kind of transient failure `error` is, or undefined when retrying cannot help. */
export function classifyError(error: unknown): TransientKind | undefined {
  if (error instanceof TransientError) return error.kind;
  if (!(error instanceof Error)) return undefined;
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return 'timeout';
  const httpStatus = /^ERROR_HTTP_(\d{3})$/.exec(error.name)?.[1];
  if (httpStatus) return transientKindOfStatus(Number(httpStatus));
  if (TRANSIENT_API_CODES.has(error.name)) return 'server';
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    const code = 'code' in cause ? cause.code : undefined;
    if (typeof code === 'string' && CONNECTION_ERROR_CODES.has(code)) return 'connection';
  }
  return error instanceof TypeError && error.message === 'fetch failed' ? 'connection' : undefined;
}

/** The backoff before retry `retry` (1-based): exponential, half of it jittered, capped; a server's Retry-After wins when longer. */
export function backoffDelay(retry: number, policy: RetryPolicy, retryAfterMs?: number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  const jittered = exponential / 2 + (policy.random ?? Math.random)() * (exponential / 2);
  return Math.round(Math.min(policy.maxDelayMs, Math.max(jittered, retryAfterMs ?? 0)));
}

/** The retries left for a whole load. */
export class RetryBudget {
  used = 0;
  readonly max: number;
  constructor(max: number) {
    this.max = max;
  }
  take(): boolean {
    if (this.used >= this.max) return false;
    this.used++;
    return true;
  }
}

export interface RetryEvent {
  readonly label: string;
  readonly attempt: number;
  readonly kind: TransientKind;
  readonly delayMs: number;
  readonly error: string;
}

export interface RetryContext {
  readonly policy: RetryPolicy;
  readonly budget: RetryBudget;
  readonly onRetry?: (event: RetryEvent) => void;
}

/** The load gave up on a call: the message says which call, after how many attempts, and why. */
export class RetriesExhaustedError extends OrgToolkitError {
  override readonly name = 'RetriesExhaustedError';
}

/** Runs `call`, retrying transient failures within the policy and the load's budget; anything else is thrown at once. */
export async function withRetry<T>(
  label: string,
  call: (attempt: number) => Promise<T>,
  context: RetryContext,
): Promise<T> {
  const { policy, budget } = context;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(attempt);
    } catch (error) {
      const kind = classifyError(error);
      if (!kind) throw error;
      if (attempt >= policy.maxAttempts)
        throw new RetriesExhaustedError(`${label}: gave up after ${attempt} attempts (${kind}: ${messageOf(error)})`, {
          cause: error,
        });
      if (!budget.take())
        throw new RetriesExhaustedError(
          `${label}: the load's retry budget (${budget.max} retries) is spent; last failure ${kind}: ${messageOf(error)}`,
          { cause: error },
        );
      const retryAfterMs = error instanceof TransientError ? error.retryAfterMs : undefined;
      const delayMs = backoffDelay(attempt, policy, retryAfterMs);
      context.onRetry?.({ label, attempt, kind, delayMs, error: messageOf(error) });
      await (policy.sleep ?? sleepFor)(delayMs);
    }
  }
}
