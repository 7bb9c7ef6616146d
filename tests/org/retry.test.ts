/** The loader's retry policy: which failures are retried, how long it waits, where it stops. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  backoffDelay,
  classifyError,
  RetriesExhaustedError,
  RetryBudget,
  TransientError,
  withRetry,
  type RetryPolicy,
} from '../../scripts/org/retry.ts';
import { seededRandom } from './seeded-random.ts';

const policy = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({
  maxAttempts: 4,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  maxTotalRetries: 10,
  random: seededRandom(1),
  sleep: async () => undefined,
  ...overrides,
});

describe('retry policy', () => {
  test('transient: throttling, server errors, timeouts, dropped connections; nothing else', () => {
    assert.equal(classifyError(new TransientError('rate-limit', 'HTTP 429', { status: 429 })), 'rate-limit');
    assert.equal(classifyError(Object.assign(new Error('Service Unavailable'), { name: 'ERROR_HTTP_503' })), 'server');
    assert.equal(classifyError(Object.assign(new Error('x'), { name: 'SERVER_UNAVAILABLE' })), 'server');
    assert.equal(classifyError(Object.assign(new Error('aborted'), { name: 'AbortError' })), 'timeout');
    const socket = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    assert.equal(classifyError(new TypeError('fetch failed', { cause: socket })), 'connection');
    assert.equal(classifyError(Object.assign(new Error('reset'), { code: 'ECONNRESET' })), 'connection');
    assert.equal(classifyError(Object.assign(new Error('bad field'), { name: 'INVALID_FIELD' })), undefined);
    assert.equal(classifyError(Object.assign(new Error('Not Found'), { name: 'ERROR_HTTP_404' })), undefined);
    assert.equal(classifyError(new TypeError('x is not a function')), undefined);
  });

  test('exponential backoff with jitter, capped; a longer Retry-After wins', () => {
    const p = policy({ random: () => 0 });
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((n) => backoffDelay(n, p)),
      [50, 100, 200, 400, 500],
    );
    const top = policy({ random: () => 0.999999 });
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((n) => backoffDelay(n, top)),
      [100, 200, 400, 800, 1000],
    );
    const jittered = Array.from({ length: 50 }, (_, i) => backoffDelay(3, policy({ random: seededRandom(i) })));
    assert.ok(jittered.every((d) => d >= 200 && d <= 400) && new Set(jittered).size > 10, 'jitter spreads retries');
    assert.equal(backoffDelay(1, p, 700), 700);
    assert.equal(backoffDelay(1, p, 60_000), 1_000, 'never beyond maxDelayMs');
  });

  test('retries a transient failure until it passes; counts against the budget', async () => {
    const budget = new RetryBudget(10);
    const waits: number[] = [];
    let calls = 0;
    const value = await withRetry(
      'collections call',
      async () => {
        if (++calls < 3) throw new TransientError('server', 'HTTP 503', { status: 503 });
        return 'ok';
      },
      { policy: policy({ sleep: async (ms) => void waits.push(ms) }), budget },
    );
    assert.equal(value, 'ok');
    assert.equal(calls, 3);
    assert.equal(waits.length, 2);
    assert.equal(budget.used, 2);
  });

  test('stops after maxAttempts, and when the load-wide budget is spent', async () => {
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new TransientError('timeout', 'no answer within 200 ms');
    };
    await assert.rejects(
      withRetry('bulk poll', failing, { policy: policy(), budget: new RetryBudget(10) }),
      (error) => {
        assert.ok(error instanceof RetriesExhaustedError);
        assert.equal(error.message, 'bulk poll: gave up after 4 attempts (timeout: no answer within 200 ms)');
        return true;
      },
    );
    assert.equal(calls, 4);
    calls = 0;
    await assert.rejects(
      withRetry('bulk poll', failing, { policy: policy(), budget: new RetryBudget(1) }),
      /the load's retry budget \(1 retries\) is spent/,
    );
    assert.equal(calls, 2);
  });

  test('a failure retrying cannot fix is thrown at once', async () => {
    let calls = 0;
    const error = Object.assign(new Error('No such column'), { name: 'INVALID_FIELD' });
    await assert.rejects(
      withRetry(
        'collections call',
        async () => {
          calls++;
          throw error;
        },
        { policy: policy(), budget: new RetryBudget(10) },
      ),
      (thrown) => thrown === error,
    );
    assert.equal(calls, 1);
  });
});
