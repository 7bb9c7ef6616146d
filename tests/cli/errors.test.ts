/** explain(): whatever is thrown, the CLI prints a cause and what to do (scripts/cli/errors.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SfError } from '@salesforce/core/sfError';
import { debugEnabled, DEBUG_HINT, explain } from '../../scripts/cli/errors.ts';
import { ModelError } from '../../scripts/model/validate.ts';

const systemError = (code: string, fields: Record<string, unknown>) =>
  Object.assign(new Error(`${code}: something`), { code, ...fields });

describe('explain', () => {
  test('the toolkit’s own errors keep their message, get their class name and exit 1', () => {
    const error = explain(
      new ModelError([{ component: 'CustomField X.Y__c', origin: 'model/x.ts:3', message: 'bad' }]),
    );
    assert.equal(error.name, 'ModelError');
    assert.equal(error.exitCode, 1);
    assert.match(error.message, /model\/x\.ts:3: CustomField X\.Y__c: bad/);
  });

  test('an SfError keeps its name, message, actions and exit code', () => {
    const original = new SfError('no such org', 'NamedOrgNotFound', ['log in'], 2);
    const explained = explain(original);
    assert.deepEqual(
      [explained.name, explained.message, explained.actions, explained.exitCode],
      ['NamedOrgNotFound', 'no such org', ['log in'], 2],
    );
  });

  test("an SfError caused by fetch's TypeError is not mistaken for a crash (exit 10)", () => {
    const cause = new TypeError('fetch failed');
    const original = new SfError('cannot reach the org', 'OrgUnreachable', ['check the network'], cause);
    const explained = explain(original);
    assert.equal(explained.cause, undefined);
    assert.equal(explained.exitCode, 1);
    assert.equal(explained.name, 'OrgUnreachable');
  });

  test('file errors name the path and what to do', () => {
    const denied = explain(systemError('EACCES', { syscall: 'mkdir', path: '/ro/out' }));
    assert.equal(denied.message, '/ro/out: permission denied (EACCES, mkdir)');
    assert.match(denied.actions![0]!, /Write somewhere you have permission to/);
    assert.match(explain(systemError('EISDIR', { syscall: 'open', path: '/x' })).message, /\/x is a folder/);
  });

  test('a refused connection names the address', () => {
    const refused = explain(systemError('ECONNREFUSED', { address: '127.0.0.1', port: 9 }));
    assert.equal(refused.message, 'cannot reach 127.0.0.1:9 (ECONNREFUSED)');
    const fetchFailed = explain(
      new TypeError('fetch failed', { cause: systemError('ECONNREFUSED', { address: '::1', port: 1 }) }),
    );
    assert.equal(fetchFailed.message, 'cannot reach ::1:1 (ECONNREFUSED)');
  });

  test('a rejected session says to log in again', () => {
    const expired = explain(
      Object.assign(new Error('Session expired or invalid'), { errorCode: 'INVALID_SESSION_ID' }),
    );
    assert.equal(expired.name, 'SessionRejected');
    assert.match(expired.actions![0]!, /sf org login web/);
  });

  test('a flag parser’s failure is a usage error on one line', () => {
    const usage = explain(new Error('Parsing --dataset \n\tNo directory found at /x\nSee more help with --help'));
    assert.equal(usage.message, '--dataset: No directory found at /x');
    assert.equal(usage.exitCode, 2);
  });

  test('anything else: one line, exit 1, and how to see the stack', () => {
    const bug = explain(new TypeError("Cannot read properties of null (reading 'steps')\n    more"));
    assert.equal(bug.message, "TypeError: Cannot read properties of null (reading 'steps') more");
    assert.equal(bug.exitCode, 1);
    assert.deepEqual(bug.actions, [DEBUG_HINT]);
  });

  test('DEBUG=revops (or revops*, or *) asks for stacks; other namespaces do not', () => {
    for (const on of ['revops', 'revops*', 'revops:*', '*', 'oclif,revops'])
      assert.equal(debugEnabled({ DEBUG: on }), true, on);
    for (const off of ['', 'oclif*', 'sf:*', 'revopsx']) assert.equal(debugEnabled({ DEBUG: off }), false, off);
  });
});
