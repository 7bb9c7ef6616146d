/**
 * Java regular expressions (Salesforce's REGEX syntax) translated into JavaScript ones.
 *
 * Translated: \A \z \Z anchors, \Q…\E quoting, \h \H \v \V \R \e \a, POSIX classes (\p{Alpha},
 * \p{Punct}, …) and Unicode categories (\p{L}, \p{IsAlphabetic}, …), \x{…}, octal escapes,
 * leading inline flags (?i) (?s) (?m) (?u) (?x is rejected), identity escapes of punctuation.
 * Approximated (documented in KNOWN_DIFFERENCES.md): possessive quantifiers (*+ ++ ?+ {n}+) and
 * atomic groups (?>…) become greedy / non-capturing; \s and \b follow JavaScript's definitions.
 * Rejected: character-class intersection (&&), nested classes, \G, \X, \p{In…} blocks, inline
 * flags anywhere but the start.
 */
import { H_CLASS, POSIX, UNICODE_ALIASES, V_CLASS } from './classes.ts';
import { RegexTranslationError } from './error.ts';

export interface TranslatedRegex {
  readonly source: string;
  readonly flags: string;
}

/** The translation in progress: the pattern, the position in it, and what has been written. */
interface State {
  readonly pattern: string;
  i: number;
  out: string;
  inClass: boolean;
  needsUnicode: boolean;
}

/** Characters that must stay escaped in JavaScript (also valid identity escapes under the u flag). */
const SYNTAX = new Set(['^', '$', '\\', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '/']);

export function translateJavaRegex(pattern: string): TranslatedRegex {
  const { flags, length } = leadingFlags(pattern);
  const s: State = { pattern, i: length, out: '', inClass: false, needsUnicode: false };
  while (s.i < pattern.length) {
    const c = pattern[s.i] as string;
    if (c === '\\') translateEscape(s);
    else if (s.inClass) classCharacter(s, c);
    else if (c === '[') openClass(s);
    else if (c === '(' && pattern[s.i + 1] === '?') specialGroup(s);
    else if (c === '+' && s.i > 0 && isQuantifierEnd(pattern, s.i - 1))
      s.i++; // possessive: approximated by greedy
    else {
      s.out += c;
      s.i++;
    }
  }
  if (s.inClass) throw new RegexTranslationError('Unclosed character class', pattern.length);
  return { source: s.out, flags: s.needsUnicode ? `${flags}u` : flags };
}

/** Leading inline flags: (?i) (?is) … */
function leadingFlags(pattern: string): { flags: string; length: number } {
  const lead = /^\(\?([imsux]+)\)/.exec(pattern);
  if (!lead) return { flags: '', length: 0 };
  let flags = '';
  for (const f of lead[1] as string) {
    if (f === 'x') throw new RegexTranslationError('Inline flag (?x) (comments mode) is not supported', 2);
    if (f === 'u') continue; // Unicode case folding: JavaScript's i flag with u covers it.
    if (!flags.includes(f)) flags += f;
  }
  return { flags, length: lead[0].length };
}

function classCharacter(s: State, c: string): void {
  if (c === ']') s.inClass = false;
  else if (c === '[') throw new RegexTranslationError('Nested character classes (union) are not supported', s.i);
  else if (c === '&' && s.pattern[s.i + 1] === '&')
    throw new RegexTranslationError('Character class intersection (&&) is not supported', s.i);
  s.out += c;
  s.i++;
}

function openClass(s: State): void {
  s.inClass = true;
  s.out += '[';
  s.i++;
  if (s.pattern[s.i] === '^') {
    s.out += '^';
    s.i++;
  }
  if (s.pattern[s.i] === ']') {
    // Java allows a literal ] first in a class.
    s.out += '\\]';
    s.i++;
  }
}

/** `(?` groups: atomic groups become non-capturing; lookarounds and named groups pass through. */
function specialGroup(s: State): void {
  const rest = s.pattern.slice(s.i + 2);
  if (rest.startsWith('>')) {
    s.out += '(?:';
    s.i += 3;
  } else if (/^[:=!]|^<[=!]|^<[A-Za-z]/.test(rest)) {
    s.out += '(?';
    s.i += 2;
  } else {
    throw new RegexTranslationError('Inline flags are only supported at the start of the pattern', s.i);
  }
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
  return i > 0 && p[i - 1] !== '(' && p[i - 1] !== '|';
}

/** One escape sequence at `s.i` (the backslash). */
function translateEscape(s: State): void {
  const start = s.i;
  const e = s.pattern[start + 1];
  if (e === undefined) throw new RegexTranslationError('The pattern ends with a lone backslash', start);
  s.i += 2;
  const handler = ESCAPES[e];
  if (handler) handler(s, start, e);
  else if (e >= '1' && e <= '9') {
    if (s.inClass) throw new RegexTranslationError('Back-references are not allowed in a character class', start);
    s.out += `\\${e}`;
  } else if (/[A-Za-z]/.test(e)) {
    throw new RegexTranslationError(`Unsupported escape \\${e}`, start);
  } else {
    s.out += escapeLiteral(e, s.inClass);
  }
}

type EscapeHandler = (s: State, start: number, e: string) => void;

/** An escape that is an anchor, so it has no meaning inside a class. */
const anchor =
  (js: string): EscapeHandler =>
  (s, start, e) => {
    if (s.inClass) throw new RegexTranslationError(`\\${e} is not allowed in a character class`, start);
    s.out += js;
  };

/** An escape for a set of characters: its contents inside a class, a class of its own outside. */
const set =
  (contents: string, negated: boolean): EscapeHandler =>
  (s, start, e) => {
    if (!negated) s.out += s.inClass ? contents : `[${contents}]`;
    else if (s.inClass) throw new RegexTranslationError(`\\${e} inside a character class is not supported`, start);
    else s.out += `[^${contents}]`;
  };

const same: EscapeHandler = (s, start, e) => {
  if (s.inClass && (e === 'b' || e === 'B'))
    throw new RegexTranslationError(`\\${e} is not allowed in a character class`, start);
  s.out += `\\${e}`;
};

const ESCAPES: Readonly<Record<string, EscapeHandler>> = {
  A: anchor('^'),
  z: anchor('$'),
  Z: anchor('$'),
  R: anchor(`(?:\\r\\n|[${V_CLASS}])`),
  G: (_s, start, e) => {
    throw new RegexTranslationError(`\\${e} is not supported`, start);
  },
  X: (_s, start, e) => {
    throw new RegexTranslationError(`\\${e} is not supported`, start);
  },
  Q: quoted,
  E: () => undefined, // a stray \E is ignored, as in Java
  h: set(H_CLASS, false),
  H: set(H_CLASS, true),
  v: set(V_CLASS, false),
  V: set(V_CLASS, true),
  e: (s) => void (s.out += '\\x1B'),
  a: (s) => void (s.out += '\\x07'),
  p: property,
  P: property,
  x: hexEscape,
  u: (s, start) => {
    const hex = s.pattern.slice(s.i, s.i + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new RegexTranslationError('Malformed \\u escape', start);
    s.i += 4;
    s.out += `\\u${hex}`;
  },
  0: (s, start) => {
    const m = /^[0-3]?[0-7]{1,2}/.exec(s.pattern.slice(s.i));
    if (!m) throw new RegexTranslationError('Malformed octal escape \\0', start);
    s.i += m[0].length;
    s.out += codePointEscape(parseInt(m[0], 8), s);
  },
  c: (s, start) => {
    const ch = s.pattern[s.i];
    if (ch === undefined || !/[A-Za-z]/.test(ch)) throw new RegexTranslationError('Malformed \\c escape', start);
    s.i += 1;
    s.out += `\\c${ch}`;
  },
  k: (s, start) => {
    const m = /^<([A-Za-z][A-Za-z0-9]*)>/.exec(s.pattern.slice(s.i));
    if (!m) throw new RegexTranslationError('Malformed \\k<name> back-reference', start);
    s.i += m[0].length;
    s.out += `\\k<${m[1]}>`;
  },
  ...Object.fromEntries([...'dDwWsSbBtnrf'].map((e) => [e, same])),
};

/** \Q…\E: everything up to \E (or the end) is literal. */
function quoted(s: State): void {
  const end = s.pattern.indexOf('\\E', s.i);
  const lit = end < 0 ? s.pattern.slice(s.i) : s.pattern.slice(s.i, end);
  s.out += escapeLiteral(lit, s.inClass);
  s.i = end < 0 ? s.pattern.length : end + 2;
}

/** \p{Name} / \P{Name} / \pL: a POSIX class or a Unicode property. */
function property(s: State, start: number, e: string): void {
  const m = /^\{(\^?)([A-Za-z_=]+)\}|^([A-Za-z])/.exec(s.pattern.slice(s.i));
  if (!m) throw new RegexTranslationError(`Malformed \\${e} property`, start);
  s.i += m[0].length;
  const negated = (e === 'P') !== (m[1] === '^');
  const name = (m[2] ?? m[3]) as string;
  const posix = POSIX[name] ?? (name.startsWith('Is') ? POSIX[name.slice(2)] : undefined);
  if (posix !== undefined) {
    if (negated && s.inClass)
      throw new RegexTranslationError(`\\P{${name}} inside a character class is not supported`, start);
    s.out += negated ? `[^${posix}]` : s.inClass ? posix : `[${posix}]`;
    return;
  }
  const uni = UNICODE_ALIASES[name];
  if (uni === undefined) throw new RegexTranslationError(`Unsupported property \\${e}{${name}}`, start);
  s.needsUnicode = true;
  s.out += `\\${negated ? 'P' : 'p'}{${uni}}`;
}

/** \xhh and \x{h…h}. */
function hexEscape(s: State, start: number): void {
  if (s.pattern[s.i] === '{') {
    const end = s.pattern.indexOf('}', s.i);
    const hex = end < 0 ? '' : s.pattern.slice(s.i + 1, end);
    if (!/^[0-9a-fA-F]{1,6}$/.test(hex)) throw new RegexTranslationError('Malformed \\x{…} escape', start);
    s.i = end + 1;
    s.out += codePointEscape(parseInt(hex, 16), s);
    return;
  }
  const hex = s.pattern.slice(s.i, s.i + 2);
  if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new RegexTranslationError('Malformed \\x escape', start);
  s.i += 2;
  s.out += `\\x${hex}`;
}

function escapeLiteral(text: string, inClass: boolean): string {
  let out = '';
  for (const ch of text) {
    if (SYNTAX.has(ch) || (inClass && (ch === '-' || ch === '^'))) out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

/** A code point as an escape; beyond the BMP it needs the u flag. */
function codePointEscape(cp: number, s: State): string {
  if (cp <= 0xffff) return `\\u${cp.toString(16).padStart(4, '0')}`;
  s.needsUnicode = true;
  return `\\u{${cp.toString(16)}}`;
}
