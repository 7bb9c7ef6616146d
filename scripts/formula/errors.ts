/**
 * FormulaError: every problem the engine reports about a formula (syntax, type, reference, or a
 * runtime error such as division by zero) carries a one-line cause, the position it refers to and
 * an excerpt of the formula line with a caret under the column, so that the CLI and `revops verify`
 * can point into the formula without a stack trace.
 */
export type FormulaErrorKind = 'syntax' | 'type' | 'reference' | 'unsupported' | 'runtime';

export class FormulaError extends Error {
  /** 1-based line of the offending position. */
  readonly line: number;
  /** 1-based column of the offending position. */
  readonly column: number;
  /** 0-based character offset into the formula source. */
  readonly offset: number;
  /** Number of characters the error covers (at least 1). */
  readonly length: number;
  /** The message without the position and excerpt. */
  readonly reason: string;
  /** The formula line with a caret line under it. */
  readonly excerpt: string;
  readonly kind: FormulaErrorKind;
  readonly source: string;

  constructor(kind: FormulaErrorKind, cause: string, source: string, offset: number, length = 1) {
    const reason = oneLine(cause);
    const safeOffset = Math.max(0, Math.min(offset, source.length));
    const { line, column, excerpt } = locate(source, safeOffset, Math.max(1, length));
    super(`${reason} (line ${line}, column ${column})\n${excerpt}`);
    this.name = 'FormulaError';
    this.kind = kind;
    this.reason = reason;
    this.source = source;
    this.offset = safeOffset;
    this.length = Math.max(1, length);
    this.line = line;
    this.column = column;
    this.excerpt = excerpt;
  }

  toJSON(): { error: string; kind: FormulaErrorKind; line: number; column: number; offset: number } {
    return { error: this.reason, kind: this.kind, line: this.line, column: this.column, offset: this.offset };
  }
}

const MAX_EXCERPT = 100;

/** Causes are one line: whatever text they quote, line breaks become spaces. */
const oneLine = (s: string): string => s.replace(/\s*[\r\n]+\s*/g, ' ');

/** Text cut to `max` characters for a message. */
export const clip = (text: string, max = 60): string => (text.length > max ? `${text.slice(0, max)}…` : text);

/** A value quoted in a message: JSON-escaped (so on one line) and cut to `max` characters. */
export const quote = (value: unknown, max = 60): string =>
  JSON.stringify(clip(typeof value === 'string' ? value : String(value), max));

function locate(source: string, offset: number, length: number): { line: number; column: number; excerpt: string } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  let lineEnd = source.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = source.length;
  let text = source.slice(lineStart, lineEnd).replace(/\r$/, '').replace(/\t/g, ' ');
  let col = offset - lineStart;
  const column = col + 1;
  // Keep long lines readable: a window around the column.
  if (text.length > MAX_EXCERPT) {
    const from = Math.max(0, Math.min(col - 40, text.length - MAX_EXCERPT));
    const prefix = from > 0 ? '…' : '';
    const suffix = from + MAX_EXCERPT < text.length ? '…' : '';
    text = prefix + text.slice(from, from + MAX_EXCERPT) + suffix;
    col = col - from + prefix.length;
  }
  const span = Math.max(1, Math.min(length, text.length - col));
  const caret = ' '.repeat(Math.max(0, col)) + '^'.repeat(span);
  return { line, column, excerpt: `${text}\n${caret}` };
}
