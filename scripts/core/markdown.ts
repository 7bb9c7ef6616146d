/**
 * A tiny GitHub-flavoured Markdown writer: escaping, code, links and tables. Every helper
 * returns Markdown that renders its input literally, in a paragraph or in a table cell.
 *
 * Tables: `table()` escapes `|` in every cell (GFM splits cells on it, even inside code spans,
 * and unescapes `\|` before rendering), so cell helpers never deal with pipes themselves.
 * Newlines become `<br>` (a raw newline would end the table row).
 */
import { posix } from 'node:path';

/** Underscores between word characters never start or end emphasis (GFM), so they stay unescaped. */
const WORD = /^[\p{L}\p{N}]$/u;

/** Inline text, rendered literally: Markdown punctuation escaped, newlines as `<br>`. */
export function text(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  return String(value)
    .replace(/\r\n?/g, '\n')
    .replace(/[\\`*[\]<>~]/g, (c) => `\\${c}`)
    .replace(/_+/g, (run: string, at: number, all: string) =>
      WORD.test(all[at - 1] ?? '') && WORD.test(all[at + run.length] ?? '') ? run : run.replace(/_/g, '\\_'),
    )
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/\n/g, '<br>');
}

/** Longest run of backticks in `value`. */
function longestBacktickRun(value: string): number {
  return Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
}

/** One line as a code span; the delimiter is longer than any backtick run inside. */
function codeSpan(line: string): string {
  if (line === '') return '';
  const fence = '`'.repeat(longestBacktickRun(line) + 1);
  const pad = line.startsWith('`') || line.endsWith('`') || /^ .* $/.test(line) ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/** Inline code (API names, values). Multi-line values become one code span per line. */
export function code(value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null) return '';
  return String(value).replace(/\r\n?/g, '\n').split('\n').map(codeSpan).join('<br>');
}

/** A fenced code block (formulas); the fence is longer than any backtick run inside. */
export function codeBlock(value: string, info = ''): string {
  const body = value.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
  return `${fence}${info}\n${body}\n${fence}`;
}

/**
 * The anchor GitHub gives a heading: lower case, punctuation other than `-` and `_` dropped,
 * spaces as hyphens. Headings the catalogue links to are kept simple (API names), so the
 * anchors are predictable.
 */
export function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** A relative link from one catalogue page to another (paths relative to the catalogue root). */
export function href(fromPage: string, toPage: string, fragment?: string): string {
  const target = toPage === fromPage ? '' : posix.relative(posix.dirname(fromPage), toPage);
  const hash = fragment ? `#${fragment}` : '';
  return encodeURI(target) + hash || '#';
}

/** `[label](target)` with the label escaped. `label` is Markdown when `raw` (e.g. code). */
export function link(label: string, target: string, o: { raw?: boolean } = {}): string {
  return `[${o.raw ? label : text(label)}](${target})`;
}

export function heading(level: number, title: string): string {
  return `${'#'.repeat(level)} ${title}`;
}

export type Cell = string | number | boolean | undefined | null;

function cell(value: Cell): string {
  if (value === undefined || value === null || value === false) return '';
  if (value === true) return '✓';
  return String(value)
    .replace(/\r\n?|\n/g, '<br>')
    .replace(/\|/g, '\\|')
    .trim();
}

/** A GFM table. Cells are Markdown (use `text()`/`code()`); `true` renders as ✓, `false` as empty. */
export function table(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const line = (cells: readonly Cell[]) => `| ${cells.map(cell).join(' | ')} |`.replace(/ {2}\|/g, ' |');
  const out = [line(headers), `|${headers.map(() => ' --- ').join('|')}|`];
  for (const row of rows) {
    if (row.length !== headers.length) throw new Error(`table row has ${row.length} cells, expected ${headers.length}`);
    out.push(line(row));
  }
  return out.join('\n');
}

/** A bullet list; nested lists are written by the caller with two-space indentation. */
export function bullets(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

/** A page: blocks separated by one blank line, no trailing blanks, one final newline. */
export function page(blocks: readonly (string | undefined | false | null)[]): string {
  const body = blocks
    .filter((b): b is string => typeof b === 'string' && b.trim() !== '')
    .map((b) => b.replace(/[ \t]+$/gm, ''))
    .join('\n\n');
  return `${body}\n`;
}

/** Yes/no as a reader expects it in prose. */
export const yesNo = (value: boolean | undefined): string => (value ? 'yes' : 'no');
