/**
 * REGEX support: Salesforce matches Java regular expressions against the whole text. This module
 * translates the Java syntax into an equivalent JavaScript RegExp where one exists, and reports a
 * clear error (with the index into the pattern) where JavaScript cannot express it.
 *
 * Translated: \A \z \Z anchors, \Q…\E quoting, \h \H \v \V \R \e \a, POSIX classes (\p{Alpha},
 * \p{Punct}, …) and Unicode categories (\p{L}, \p{IsAlphabetic}, …), \x{…}, octal escapes,
 * leading inline flags (?i) (?s) (?m) (?u) (?x is rejected), identity escapes of punctuation.
 * Approximated (documented in KNOWN_DIFFERENCES.md): possessive quantifiers (*+ ++ ?+ {n}+) and
 * atomic groups (?>…) become greedy / non-capturing; \s and \b follow JavaScript's definitions.
 * Rejected: character-class intersection (&&), nested classes, \G, \X, \p{In…} blocks, inline
 * flags anywhere but the start.
 */
export class RegexTranslationError extends Error {
  readonly index: number;
  constructor(message: string, index: number) {
    super(message);
    this.index = index;
  }
}

const POSIX: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
  javaLowerCase: 'a-z',
  javaUpperCase: 'A-Z',
  javaWhitespace: ' \\t\\n\\x0B\\f\\r\\x1C-\\x1F',
};
const UNICODE_ALIASES: Record<string, string> = {
  IsAlphabetic: 'Alphabetic',
  IsLetter: 'L',
  IsDigit: 'Nd',
  IsUppercase: 'Uppercase',
  IsLowercase: 'Lowercase',
  IsWhite_Space: 'White_Space',
  IsWhiteSpace: 'White_Space',
  IsPunctuation: 'P',
  IsLatin: 'Script=Latin',
  L: 'L',
  Lu: 'Lu',
  Ll: 'Ll',
  Lt: 'Lt',
  Lm: 'Lm',
  Lo: 'Lo',
  M: 'M',
  N: 'N',
  Nd: 'Nd',
  Nl: 'Nl',
  No: 'No',
  P: 'P',
  Pd: 'Pd',
  Ps: 'Ps',
  Pe: 'Pe',
  Po: 'Po',
  S: 'S',
  Sc: 'Sc',
  Sm: 'Sm',
  Z: 'Z',
  Zs: 'Zs',
  IsL: 'L',
  IsLu: 'Lu',
  IsLl: 'Ll',
  IsN: 'N',
  IsNd: 'Nd',
  IsP: 'P',
  IsS: 'S',
  IsZ: 'Z',
};
const H_CLASS = ' \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000';
const V_CLASS = '\\n\\x0B\\f\\r\\x85\\u2028\\u2029';
/** Characters that must stay escaped in JavaScript (also valid identity escapes under the u flag). */
const SYNTAX = new Set(['^', '$', '\\', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '/']);

export interface TranslatedRegex {
  readonly source: string;
  readonly flags: string;
}

export function translateJavaRegex(pattern: string): TranslatedRegex {
  let flags = '';
  let i = 0;
  // Leading inline flags: (?i) (?is) …
  const lead = /^\(\?([imsux]+)\)/.exec(pattern);
  if (lead) {
    for (const f of lead[1] as string) {
      if (f === 'x') throw new RegexTranslationError('Inline flag (?x) (comments mode) is not supported', 2);
      if (f === 'u') continue; // Unicode case folding: JavaScript's i flag with u covers it.
      if (!flags.includes(f)) flags += f;
    }
    i = lead[0].length;
  }
  let out = '';
  let inClass = false;
  let needsUnicode = false;
  const n = pattern.length;
  while (i < n) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const e = pattern[i + 1];
      if (e === undefined) throw new RegexTranslationError('The pattern ends with a lone backslash', i);
      const start = i;
      i += 2;
      switch (e) {
        case 'A':
          if (inClass) throw new RegexTranslationError('\\A is not allowed in a character class', start);
          out += '^';
          break;
        case 'z':
        case 'Z':
          if (inClass) throw new RegexTranslationError(`\\${e} is not allowed in a character class`, start);
          out += '$';
          break;
        case 'G':
        case 'X':
          throw new RegexTranslationError(`\\${e} is not supported`, start);
        case 'Q': {
          const end = pattern.indexOf('\\E', i);
          const lit = end < 0 ? pattern.slice(i) : pattern.slice(i, end);
          out += escapeLiteral(lit, inClass);
          i = end < 0 ? n : end + 2;
          break;
        }
        case 'E':
          break; // stray \E is ignored, as in Java
        case 'h':
          out += inClass ? H_CLASS : `[${H_CLASS}]`;
          break;
        case 'H':
          if (inClass) throw new RegexTranslationError('\\H inside a character class is not supported', start);
          out += `[^${H_CLASS}]`;
          break;
        case 'v':
          out += inClass ? V_CLASS : `[${V_CLASS}]`;
          break;
        case 'V':
          if (inClass) throw new RegexTranslationError('\\V inside a character class is not supported', start);
          out += `[^${V_CLASS}]`;
          break;
        case 'R':
          if (inClass) throw new RegexTranslationError('\\R is not allowed in a character class', start);
          out += `(?:\\r\\n|[${V_CLASS}])`;
          break;
        case 'e':
          out += '\\x1B';
          break;
        case 'a':
          out += '\\x07';
          break;
        case 'p':
        case 'P': {
          const m = /^\{(\^?)([A-Za-z_=]+)\}|^([A-Za-z])/.exec(pattern.slice(i));
          if (!m) throw new RegexTranslationError(`Malformed \\${e} property`, start);
          i += m[0].length;
          const negated = (e === 'P') !== (m[1] === '^');
          const name = (m[2] ?? m[3]) as string;
          const posix = POSIX[name] ?? (name.startsWith('Is') ? POSIX[name.slice(2)] : undefined);
          if (posix !== undefined) {
            if (negated) {
              if (inClass)
                throw new RegexTranslationError(`\\P{${name}} inside a character class is not supported`, start);
              out += `[^${posix}]`;
            } else {
              out += inClass ? posix : `[${posix}]`;
            }
            break;
          }
          const uni = UNICODE_ALIASES[name];
          if (uni === undefined) throw new RegexTranslationError(`Unsupported property \\${e}{${name}}`, start);
          needsUnicode = true;
          out += `\\${negated ? 'P' : 'p'}{${uni}}`;
          break;
        }
        case 'x': {
          if (pattern[i] === '{') {
            const end = pattern.indexOf('}', i);
            const hex = end < 0 ? '' : pattern.slice(i + 1, end);
            if (!/^[0-9a-fA-F]{1,6}$/.test(hex)) throw new RegexTranslationError('Malformed \\x{…} escape', start);
            i = end + 1;
            out += codePointEscape(parseInt(hex, 16), () => (needsUnicode = true));
          } else {
            const hex = pattern.slice(i, i + 2);
            if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new RegexTranslationError('Malformed \\x escape', start);
            i += 2;
            out += `\\x${hex}`;
          }
          break;
        }
        case 'u': {
          const hex = pattern.slice(i, i + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new RegexTranslationError('Malformed \\u escape', start);
          i += 4;
          out += `\\u${hex}`;
          break;
        }
        case '0': {
          const m = /^[0-3]?[0-7]{1,2}/.exec(pattern.slice(i));
          if (!m) throw new RegexTranslationError('Malformed octal escape \\0', start);
          i += m[0].length;
          out += codePointEscape(parseInt(m[0], 8), () => undefined);
          break;
        }
        case 'c': {
          const ch = pattern[i];
          if (ch === undefined || !/[A-Za-z]/.test(ch)) throw new RegexTranslationError('Malformed \\c escape', start);
          i += 1;
          out += `\\c${ch}`;
          break;
        }
        case 'k': {
          const m = /^<([A-Za-z][A-Za-z0-9]*)>/.exec(pattern.slice(i));
          if (!m) throw new RegexTranslationError('Malformed \\k<name> back-reference', start);
          i += m[0].length;
          out += `\\k<${m[1]}>`;
          break;
        }
        case 'd':
        case 'D':
        case 'w':
        case 'W':
        case 's':
        case 'S':
        case 'b':
        case 'B':
        case 't':
        case 'n':
        case 'r':
        case 'f':
          if (inClass && (e === 'b' || e === 'B'))
            throw new RegexTranslationError(`\\${e} is not allowed in a character class`, start);
          out += `\\${e}`;
          break;
        default:
          if (e >= '1' && e <= '9') {
            if (inClass) throw new RegexTranslationError('Back-references are not allowed in a character class', start);
            out += `\\${e}`;
          } else if (/[A-Za-z]/.test(e)) {
            throw new RegexTranslationError(`Unsupported escape \\${e}`, start);
          } else {
            out += escapeLiteral(e, inClass);
          }
      }
      continue;
    }
    if (inClass) {
      if (c === ']') {
        inClass = false;
        out += c;
      } else if (c === '[') {
        throw new RegexTranslationError('Nested character classes (union) are not supported', i);
      } else if (c === '&' && pattern[i + 1] === '&') {
        throw new RegexTranslationError('Character class intersection (&&) is not supported', i);
      } else {
        out += c;
      }
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      i++;
      if (pattern[i] === '^') {
        out += '^';
        i++;
      }
      if (pattern[i] === ']') {
        // Java allows a literal ] first in a class.
        out += '\\]';
        i++;
      }
      continue;
    }
    if (c === '(' && pattern[i + 1] === '?') {
      const rest = pattern.slice(i + 2);
      if (rest.startsWith('>')) {
        out += '(?:';
        i += 3;
        continue;
      }
      if (/^[:=!]|^<[=!]|^<[A-Za-z]/.test(rest)) {
        out += '(?';
        i += 2;
        continue;
      }
      throw new RegexTranslationError('Inline flags are only supported at the start of the pattern', i);
    }
    if (c === '+' && i > 0 && isQuantifierEnd(pattern, i - 1)) {
      i++; // possessive quantifier: approximated by the greedy one
      continue;
    }
    out += c;
    i++;
  }
  if (inClass) throw new RegexTranslationError('Unclosed character class', n);
  if (needsUnicode) flags += 'u';
  return { source: out, flags };
}

/** True when the character at `i` ends a quantifier (so a following + makes it possessive). */
function isQuantifierEnd(p: string, i: number): boolean {
  const c = p[i];
  if (c !== '*' && c !== '+' && c !== '?' && c !== '}') return false;
  // the quantifier char itself must not be escaped
  let bs = 0;
  for (let j = i - 1; j >= 0 && p[j] === '\\'; j--) bs++;
  if (bs % 2 === 1) return false;
  if (c === '}') return /\{\d+(,\d*)?\}$/.test(p.slice(0, i + 1));
  if (c === '+') {
    // "a++": the first + is a quantifier only if it is not itself possessive-consumed; good enough
    return i > 0 && p[i - 1] !== '(' && p[i - 1] !== '|';
  }
  return i > 0 && p[i - 1] !== '(' && p[i - 1] !== '|';
}

function escapeLiteral(s: string, inClass: boolean): string {
  let out = '';
  for (const ch of s) {
    if (SYNTAX.has(ch) || (inClass && (ch === '-' || ch === '^'))) out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

function codePointEscape(cp: number, needU: () => void): string {
  if (cp <= 0xffff) return `\\u${cp.toString(16).padStart(4, '0')}`;
  needU();
  return `\\u{${cp.toString(16)}}`;
}

const cache = new Map<string, RegExp>();

/** A whole-string-matching RegExp for a Java pattern (cached); throws RegexTranslationError or SyntaxError. */
export function javaRegex(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (re === undefined) {
    const { source, flags } = translateJavaRegex(pattern);
    re = new RegExp(`^(?:${source})$`, flags);
    if (cache.size > 1000) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}
