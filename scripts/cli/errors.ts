/**
 * How the CLI reports a failure: anything thrown — a library's SfError, one of the toolkit's own
 * error classes, a Node system error, a jsforce error or a plain bug — becomes an SfError with a
 * one-line cause and what to do next, which the framework prints without a stack trace. The stack
 * is for developers: `DEBUG=revops` (the `debug` package's convention; `DEBUG=*` works too)
 * prints it as well.
 */
import { SfError } from '@salesforce/core/sfError';

/** The errors the toolkit throws on purpose: their message is written for the admin already. */
const EXPLAINED = new Set([
  'ModelError',
  'ProjectError',
  'FormulaError',
  'FormulaDataError',
  'DatasetError',
  'OrgToolkitError',
  'LoadStoppedError',
  'RetriesExhaustedError',
  'ChangeError',
]);

/** Whether `DEBUG` names revops (`revops`, `revops*`, `revops:*`, `*`): then stacks are printed. */
export function debugEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.DEBUG ?? '').split(/[\s,]+/).some((pattern) => pattern === '*' || /^revops(?:$|[:*])/.test(pattern));
}

export const DEBUG_HINT = 'Run it again with DEBUG=revops to see the stack trace.';

/** Any thrown value as an SfError that says what failed and what to do; never loses the exit code of a usage error. */
export function explain(error: unknown): SfError {
  if (!(error instanceof Error)) return unexpected(String(error));
  // oclif's flag and argument errors carry their own exit code (2) and usage hints.
  const flag = /^Parsing --([\w-]+)\s*\n\s*([^\n]*)/.exec(error.message);
  // A flag's own parser failed (a missing --dataset folder, a bad --anchor-date): a usage error.
  if (flag) return new SfError(`--${flag[1]}: ${flag[2]!.trim()}`, 'InvalidFlagValue', ['See --help for the flag.'], 2);
  if ('oclif' in error) return error as unknown as SfError;
  // A library's SfError is already explained. Its cause stays out: the framework reads a
  // TypeError anywhere in the cause chain (fetch's "fetch failed") as a bug and exits 10.
  if (error instanceof SfError)
    return new SfError(
      error.message,
      error.name,
      error.actions,
      typeof error.exitCode === 'number' ? error.exitCode : 1,
    );
  const actions = actionsOf(error);
  // By class name too: ModelError and ProjectError keep the default name "Error".
  const known = [error.name, error.constructor.name].find((name) => EXPLAINED.has(name));
  if (known) return new SfError(error.message, known, actions, 1);
  const system = systemError(error);
  if (system) return system;
  const api = apiError(error);
  if (api) return api;
  return unexpected(`${error.name}: ${oneLine(error.message)}`, actions);
}

function actionsOf(error: Error): string[] | undefined {
  const actions = (error as { actions?: unknown }).actions;
  return Array.isArray(actions) && actions.every((a) => typeof a === 'string') ? actions : undefined;
}

function unexpected(message: string, actions: string[] = []): SfError {
  return new SfError(message, 'UnexpectedError', [...actions, DEBUG_HINT], 1);
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

interface SystemError extends Error {
  code?: string;
  syscall?: string;
  path?: string;
  dest?: string;
  address?: string;
  port?: number;
}

const WRITES = new Set(['mkdir', 'open', 'rename', 'rm', 'rmdir', 'unlink', 'write', 'copyfile', 'symlink', 'utime']);

/** Node's file and socket errors: the path or address, the cause in words, and what to do. */
function systemError(error: SystemError): SfError | undefined {
  const at = error.path ?? (error.address ? `${error.address}${error.port ? `:${error.port}` : ''}` : undefined);
  const make = (message: string, ...actions: string[]) => new SfError(message, error.code ?? 'SystemError', actions, 1);
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return make(
        `${at ?? 'a file'}: permission denied (${error.code}${error.syscall ? `, ${error.syscall}` : ''})`,
        WRITES.has(error.syscall ?? '')
          ? 'Write somewhere you have permission to (for example --out out/<name>), or change the folder’s permissions.'
          : 'Check the permissions of that file or folder.',
      );
    case 'ENOENT':
      return make(
        `${at ?? 'a file'}: no such file or folder`,
        'Check the path; relative paths start at the current folder.',
      );
    case 'EISDIR':
      return make(`${at ?? 'a path'} is a folder where a file was expected`, 'Pass the path of a file.');
    case 'ENOTDIR':
    case 'EEXIST':
      return make(
        `${at ?? 'a path'}: a file is in the way where a folder is needed (${error.code})`,
        'Move that file away, or pass another path.',
      );
    case 'ENOSPC':
      return make(`${at ?? 'the disk'}: no space left on the device`, 'Free some space and run it again.');
    case 'ECONNREFUSED':
    case 'ECONNRESET':
    case 'ETIMEDOUT':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EHOSTUNREACH':
      return make(
        `cannot reach ${at ?? 'the server'} (${error.code})`,
        'Check the network and that the org is up: `sf org display --target-org <org>` shows its instance URL.',
      );
    default:
      return undefined;
  }
}

/** jsforce's HTTP errors: an expired or revoked session is the common one, and has a known fix. */
function apiError(error: Error & { errorCode?: unknown; statusCode?: unknown }): SfError | undefined {
  const code = typeof error.errorCode === 'string' ? error.errorCode : error.name;
  const status = typeof error.statusCode === 'number' ? error.statusCode : undefined;
  // A 401 makes @salesforce/core try the refresh token first; its failure is the message then.
  if (
    code === 'INVALID_SESSION_ID' ||
    status === 401 ||
    /\b401\b|INVALID_SESSION_ID/.test(code) ||
    /Unable to refresh session|expired access\/refresh token|invalid_grant/i.test(error.message)
  ) {
    return new SfError(
      `the org rejected the session (${oneLine(error.message) || 'HTTP 401'})`,
      'SessionRejected',
      ['Log in again: `sf org login web --alias <alias>`, then run the command again.'],
      1,
    );
  }
  // A fetch that failed below HTTP: the cause holds the socket error.
  if (error.cause instanceof Error) {
    const system = systemError(error.cause as SystemError);
    if (system) return system;
  }
  return undefined;
}
