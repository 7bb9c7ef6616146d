/**
 * The base of every revops command: an SfCommand (help, typed flags, `--json` envelopes, spinners
 * and tables come from the sf CLI's framework) whose failures are always one cause plus what to
 * do, with no stack trace — neither in the terminal nor in a `--json` error envelope — unless
 * DEBUG=revops asks for it.
 */
import { inspect } from 'node:util';
import { SfCommand } from '@salesforce/sf-plugins-core';
import { Messages } from '@salesforce/core/messages';
import { debugEnabled, explain } from './errors.ts';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);

/** The package that owns `messages/` (its name in package.json). */
export const MESSAGES_PACKAGE = 'revops-os';

/** A command's messages: `messages/<bundle>.md` (summary, description, examples, flag summaries, errors). */
export const loadMessages = (bundle: string) => Messages.loadMessages(MESSAGES_PACKAGE, bundle);

/** How long one request to an org may take (REVOPS_REQUEST_TIMEOUT_MS overrides, e.g. for a slow sandbox). */
const requestTimeoutMs = (): number | undefined => {
  const ms = Number(process.env.REVOPS_REQUEST_TIMEOUT_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
};

export abstract class RevOpsCommand<T> extends SfCommand<T> {
  #failure: Error | undefined;

  /**
   * Deadlines and progress for a command that talks to an org. Call it before `this.parse()`:
   * resolving `--target-org` already makes requests, and they get the deadline too.
   */
  protected async orgNetwork(): Promise<{ requestTimeoutMs?: number; onProgress: (line: string) => void }> {
    const { limitRequestTime, DEFAULT_REQUEST_TIMEOUT_MS } = await import('../org/network.ts');
    const timeout = requestTimeoutMs();
    limitRequestTime(timeout ?? DEFAULT_REQUEST_TIMEOUT_MS);
    return { requestTimeoutMs: timeout, onProgress: (line) => this.logToStderr(line) };
  }

  protected override async catch(error: Error & { exitCode?: number }): Promise<never> {
    this.#failure = error;
    try {
      return await super.catch(explain(error) as Error & { exitCode?: number });
    } finally {
      if (debugEnabled() && !this.jsonEnabled()) this.logToStderr(`\n${inspect(error)}`);
    }
  }

  /** Error envelopes lose `stack` and `cause` (which holds the cause's stack) unless DEBUG=revops. */
  public override logJson(json: unknown): void {
    if (this.#failure && json && typeof json === 'object' && 'stack' in json) {
      const envelope = { ...(json as Record<string, unknown>) };
      delete envelope.stack;
      delete envelope.cause;
      super.logJson(debugEnabled() ? { ...envelope, stack: this.#failure.stack } : envelope);
      return;
    }
    super.logJson(json);
  }
}
