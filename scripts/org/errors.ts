/**
 * A failure the org toolkit explains to the admin: an SfError (from its cheap sub-path) whose
 * name says what kind of problem it is, whose one-line message names the org, file, component or
 * step and the problem, and whose actions say what to do next. The CLI prints message and actions
 * without a stack trace and exits non-zero. Nothing here ever carries a token.
 */
import { SfError } from '@salesforce/core/sfError';

export interface OrgErrorDetails {
  readonly name?: string;
  readonly actions?: readonly string[];
  readonly cause?: unknown;
}

export class OrgToolkitError extends SfError {
  constructor(message: string, details: OrgErrorDetails = {}) {
    super(
      message,
      details.name ?? 'OrgToolkitError',
      details.actions?.length ? [...details.actions] : undefined,
      details.cause instanceof Error ? details.cause : undefined,
    );
  }
}

/**
 * The same error as an OrgToolkitError (name, message and actions kept): what the org commands
 * throw when a data-library error (a dataset that cannot be read) surfaces through them.
 */
export function asOrgError(error: unknown): unknown {
  if (!(error instanceof SfError) || error instanceof OrgToolkitError) return error;
  return new OrgToolkitError(error.message, { name: error.name, actions: error.actions, cause: error });
}

/** The message of anything thrown, for a one-line report (never a stack, never a token). */
export function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const code = 'errorCode' in error && typeof error.errorCode === 'string' ? error.errorCode : undefined;
    const message = error.message.replace(/\s+/g, ' ').trim();
    return code && !message.startsWith(code) ? `${code}: ${message}` : message;
  }
  return String(error);
}
