/**
 * A failure the org toolkit explains to the admin: the message names the org, file, component or
 * step and what to do next. The CLI prints it without a stack trace and exits 1.
 */
export class OrgToolkitError extends Error {
  override readonly name: string = 'OrgToolkitError';
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
