/** Text functions' run-time helpers. */
import * as dec from '../decimal.ts';
import { formatDate, formatTime, textOfDateTime } from '../datetime.ts';
import { formatCount, MAX_TEXT_LENGTH } from '../limits.ts';
import { MAX_REGEX_STEPS, StepBudgetExceeded, wholeTextMatcher, type WholeTextMatcher } from '../regex.ts';
import type { Fail } from './context.ts';

/** ISNUMBER: "special characters including a space return FALSE" (ISNUMBER help page), so no trimming. */
export function isNumber(s: string): boolean {
  return s.trim() === s && dec.parseNumberText(s) !== null;
}

/** VALUE: text that is not a number "resolves to a blank value" (VALUE help page: "$123" is blank). */
export function value(s: string): number | null {
  return s === '' ? null : dec.parseNumberText(s);
}

export function textOfNumber(n: number | null): string {
  return n === null ? '' : dec.textOfNumber(n);
}

export const textOfDate = (d: number | null): string => (d === null ? '' : formatDate(d));
export const textOfDateTimeValue = (ms: number | null): string => (ms === null ? '' : textOfDateTime(ms));
export const textOfTime = (t: number | null): string => (t === null ? '' : formatTime(t));

/**
 * Salesforce counts characters in UTF-16 code units, so a character outside the BMP counts two
 * and a cut can split it; the half left at the edge of the cut shows as "?" ("Surrogate Pair
 * Characters Are Treated as Two Characters", knowledge article 005166849: LEFT("𠮟", 1) is "?").
 */
function cut(s: string, from: number, to: number): string {
  const part = s.slice(from, to);
  if (part === '') return part;
  const first = part.charCodeAt(0);
  const last = part.charCodeAt(part.length - 1);
  const splitFirst = first >= 0xdc00 && first <= 0xdfff; // a low surrogate without its high half
  const splitLast = last >= 0xd800 && last <= 0xdbff; // a high surrogate without its low half
  if (!splitFirst && !splitLast) return part;
  if (part.length === 1) return '?';
  return (splitFirst ? '?' : part[0]) + part.slice(1, -1) + (splitLast ? '?' : part[part.length - 1]);
}

export function left(s: string, n: number | null): string {
  if (n === null || n <= 0) return '';
  return cut(s, 0, Math.floor(n));
}

export function right(s: string, n: number | null): string {
  if (n === null || n <= 0 || !Number.isInteger(n)) return '';
  return n >= s.length ? s : cut(s, s.length - n, s.length);
}

export function mid(s: string, start: number | null, n: number | null): string {
  if (start === null || n === null) return '';
  const from = start <= 0 ? 0 : Math.floor(start) - 1;
  const len = n < 0 ? 0 : Math.floor(n);
  return cut(s, from, from + len);
}

export function find(search: string, s: string, start: number | null): number {
  if (search === '' || s === '') return 0;
  if (start !== null && start <= 0) return 0;
  const from = start === null ? 0 : Math.floor(start) - 1;
  return s.indexOf(search, from) + 1;
}

export function pad(s: string, n: number | null, padding: string, leftSide: boolean, fail: Fail): string {
  // A blank text (or a blank pad string) gives a blank result, like the other text functions.
  if (n === null || n <= 0 || s === '' || padding === '') return '';
  const len = Math.floor(n);
  if (len > MAX_TEXT_LENGTH) tooLong(leftSide ? 'LPAD()' : 'RPAD()', len, fail);
  if (s.length >= len) return cut(s, 0, len);
  let fill = '';
  const need = len - s.length;
  while (fill.length < need) fill += padding;
  fill = cut(fill, 0, need);
  // "Leading blank spaces … are omitted" (LPAD) / "Ending blank spaces are omitted" (RPAD): the help
  // pages' LPAD(Name, 20) of "mycompany.com" is "mycompany.com", not padded with spaces.
  return leftSide ? fill.replace(/^ +/, '') + s : s + fill.replace(/ +$/, '');
}

export function substitute(s: string, find: string, repl: string, fail: Fail): string {
  if (s === '' || find === '') return s;
  const parts = s.split(find);
  const length = s.length + (parts.length - 1) * (repl.length - find.length);
  if (length > MAX_TEXT_LENGTH) tooLong('SUBSTITUTE()', length, fail);
  return parts.join(repl);
}

/** `&` (and `+` between texts). */
export function concat(a: string, b: string, fail: Fail): string {
  if (a.length + b.length > MAX_TEXT_LENGTH) tooLong(`'&'`, a.length + b.length, fail);
  return a + b;
}

function tooLong(what: string, length: number, fail: Fail): never {
  return fail(
    `${what} would make a text of ${formatCount(length)} characters; Salesforce text holds at most ${formatCount(MAX_TEXT_LENGTH)}`,
  );
}

/** TRIM removes leading and trailing spaces (and other whitespace, as Java's trim does: ≤ U+0020). */
export function trim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 32) a++;
  while (b > a && s.charCodeAt(b - 1) <= 32) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

export function includes(multi: string, v: string): boolean {
  if (multi === '' || v === '') return false;
  if (multi === v) return true;
  return multi.split(';').includes(v);
}

export function picklistCount(multi: string): number {
  return multi === '' ? 0 : multi.split(';').length;
}

/** REGEX with a pattern computed at run time. */
export function regex(s: string, pattern: string, fail: Fail): boolean {
  let matcher: WholeTextMatcher;
  try {
    matcher = wholeTextMatcher(pattern);
  } catch (e) {
    return fail(`Invalid regular expression in REGEX(): ${(e as Error).message}`);
  }
  return regexMatches(matcher, s, fail);
}

/** REGEX with a pattern checked and compiled with the formula. */
export function regexMatches(matcher: WholeTextMatcher, s: string, fail: Fail): boolean {
  try {
    return matcher.matches(s);
  } catch (e) {
    if (!(e instanceof StepBudgetExceeded)) throw e;
    return fail(
      `REGEX() gave up: the pattern needs more than ${formatCount(MAX_REGEX_STEPS)} steps on this ${formatCount(s.length)}-character text (nested repetition such as (a+)+); simplify the pattern`,
    );
  }
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

export function caseSafeId(s: string): string {
  if (s.length !== 15) return s;
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = s.charCodeAt(block * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += ID_CHARS[bits];
  }
  return s + suffix;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#039;');

export function hyperlink(url: string, label: string, target: string | null): string {
  const t = target === null ? '_blank' : target;
  return `<a href="${url || ' '}" target="${escapeHtml(t)}">${escapeHtml(label || ' ')}</a>`;
}

export function image(
  url: string,
  alt: string,
  height: number | null | undefined,
  width: number | null | undefined,
): string {
  const styles: string[] = [];
  if (height !== undefined) styles.push(`height:${cssNumber(height ?? 0)}px;`);
  if (width !== undefined) styles.push(`width:${cssNumber(width ?? 0)}px;`);
  return `<img src="${url || ' '}" alt="${escapeHtml(alt || ' ')}"${styles.length ? ` style="${styles.join(' ')}"` : ''} border="0"/>`;
}

const cssNumber = (n: number): string => String(n).replace(/^(-)?0\./, '$1.');

export function ascii(s: string): number | null {
  return s === '' ? null : (s.codePointAt(0) as number);
}

export function chr(n: number | null, fail: Fail): string {
  if (n === null) return '';
  if (!Number.isInteger(n) || n < 0 || n > 0x10ffff) return fail(`CHR(): ${n} is not a valid character code`);
  return String.fromCodePoint(n);
}

export function initcap(s: string): string {
  return s
    .toLowerCase()
    .replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

export const reverse = (s: string): string => Array.from(s).reverse().join('');
