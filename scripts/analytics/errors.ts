/**
 * A report that cannot be made: one line saying what is wrong (naming the file or flag) and what
 * to do. The CLI prints it without a stack trace (scripts/cli/errors.ts knows the name).
 */
export class ReportError extends Error {
  readonly actions: string[];
  constructor(message: string, ...actions: string[]) {
    super(message);
    this.name = 'ReportError';
    this.actions = actions;
  }
}

/** DuckDB's error text without its SQL excerpt and tuning hints: the first sentence that says what broke. */
export function engineMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const first = text.split(/\n\s*\n|\nLINE \d+:|\nTry setting/)[0] ?? text;
  return first
    .replace(/^(Invalid Input|IO|Conversion|Binder|Parser|Catalog) Error: /, '')
    .replace(/\s+/g, ' ')
    .trim();
}
