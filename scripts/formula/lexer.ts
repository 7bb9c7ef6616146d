import { FormulaError } from './errors.ts';

/** Tokens of the formula language. Whitespace and `/* comments *\/` are skipped. */
export type TokenKind = 'number' | 'string' | 'ident' | 'op' | '(' | ')' | ',' | '.' | '{!' | '}' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Source text (for strings: the decoded value). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const TWO_CHAR_OPS = new Set(['==', '!=', '<>', '<=', '>=', '&&', '||']);
const ONE_CHAR_OPS = new Set(['+', '-', '*', '/', '^', '&', '=', '<', '>', '!']);

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isIdentStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
const isIdentPart = (c: number): boolean => isIdentStart(c) || isDigit(c);

/** Splits a formula into tokens; throws FormulaError (kind `syntax`) with the position. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const n = source.length;
  let i = 0;
  while (i < n) {
    const c = source.charCodeAt(i);
    // whitespace (incl. non-breaking space, which pasted formulas often carry)
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 160) {
      i++;
      continue;
    }
    if (c === 47 /* / */ && source.charCodeAt(i + 1) === 42 /* * */) {
      const close = source.indexOf('*/', i + 2);
      if (close < 0) throw new FormulaError('syntax', 'Unterminated comment: missing */', source, i, 2);
      i = close + 2;
      continue;
    }
    const start = i;
    if (isDigit(c) || (c === 46 && isDigit(source.charCodeAt(i + 1)))) {
      while (i < n && isDigit(source.charCodeAt(i))) i++;
      if (source.charCodeAt(i) === 46 && isDigit(source.charCodeAt(i + 1))) {
        i++;
        while (i < n && isDigit(source.charCodeAt(i))) i++;
      } else if (source.charCodeAt(i) === 46 && !isIdentStart(source.charCodeAt(i + 1))) {
        i++; // "1." is a number
      }
      if (i < n && isIdentPart(source.charCodeAt(i))) {
        throw new FormulaError(
          'syntax',
          `Syntax error: invalid number '${source.slice(start, i + 1)}'`,
          source,
          start,
          i + 1 - start,
        );
      }
      tokens.push({ kind: 'number', text: source.slice(start, i), start, end: i });
      continue;
    }
    if (isIdentStart(c)) {
      i++;
      while (i < n && isIdentPart(source.charCodeAt(i))) i++;
      tokens.push({ kind: 'ident', text: source.slice(start, i), start, end: i });
      continue;
    }
    if (c === 34 || c === 39) {
      const { value, end } = readString(source, i, c);
      tokens.push({ kind: 'string', text: value, start, end });
      i = end;
      continue;
    }
    if (c === 123 /* { */ && source.charCodeAt(i + 1) === 33 /* ! */) {
      tokens.push({ kind: '{!', text: '{!', start, end: i + 2 });
      i += 2;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (TWO_CHAR_OPS.has(two)) {
      tokens.push({ kind: 'op', text: two, start, end: i + 2 });
      i += 2;
      continue;
    }
    const one = source[i] as string;
    if (ONE_CHAR_OPS.has(one)) {
      tokens.push({ kind: 'op', text: one, start, end: i + 1 });
      i++;
      continue;
    }
    if (one === '(' || one === ')' || one === ',' || one === '.' || one === '}') {
      tokens.push({ kind: one, text: one, start, end: i + 1 });
      i++;
      continue;
    }
    throw new FormulaError('syntax', `Syntax error: unexpected character '${one}'`, source, i, 1);
  }
  tokens.push({ kind: 'eof', text: '', start: n, end: n });
  return tokens;
}

/** Reads a quoted string starting at `start` (the quote); backslash escapes as Salesforce accepts them. */
function readString(source: string, start: number, quote: number): { value: string; end: number } {
  let i = start + 1;
  let out = '';
  let chunk = i;
  const n = source.length;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (c === quote) {
      out += source.slice(chunk, i);
      return { value: out, end: i + 1 };
    }
    if (c === 92 /* \ */) {
      out += source.slice(chunk, i);
      const e = source[i + 1];
      switch (e) {
        case '\\':
          out += '\\';
          break;
        case '"':
          out += '"';
          break;
        case "'":
          out += "'";
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'u': {
          const hex = source.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
            throw new FormulaError('syntax', 'Invalid escape sequence: \\u needs four hex digits', source, i, 2);
          }
          out += String.fromCharCode(parseInt(hex, 16));
          i += 4;
          break;
        }
        case undefined:
          throw new FormulaError('syntax', 'Unterminated string literal', source, start, 1);
        default:
          throw new FormulaError(
            'syntax',
            `Invalid escape sequence '\\${e}' in string literal (write '\\\\' for a backslash, e.g. "\\\\d" in REGEX)`,
            source,
            i,
            2,
          );
      }
      i += 2;
      chunk = i;
      continue;
    }
    i++;
  }
  throw new FormulaError('syntax', 'Unterminated string literal', source, start, 1);
}
