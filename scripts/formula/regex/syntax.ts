/**
 * The structure of a translated pattern (JavaScript syntax, as translate.ts writes it and as
 * `new RegExp` has already accepted it): sequences, alternatives, groups, repetitions, assertions,
 * lookarounds and back-references. Single-character atoms (a literal, `.`, `\d`, `[a-z]`, `\p{L}`…)
 * keep their source text: program.ts lets JavaScript itself decide what each one matches.
 */
export type PatternNode =
  | { readonly k: 'char'; readonly source: string }
  | { readonly k: 'seq'; readonly items: readonly PatternNode[] }
  | { readonly k: 'alt'; readonly options: readonly PatternNode[] }
  | {
      readonly k: 'repeat';
      readonly body: PatternNode;
      readonly min: number;
      readonly max: number;
      readonly greedy: boolean;
    }
  | { readonly k: 'group'; readonly body: PatternNode; readonly capture: number | null }
  | { readonly k: 'assert'; readonly kind: '^' | '$' | 'b' | 'B' }
  | { readonly k: 'look'; readonly body: PatternNode; readonly behind: boolean; readonly negate: boolean }
  | { readonly k: 'backref'; readonly group: number | string };

export interface ParsedPattern {
  readonly root: PatternNode;
  readonly groups: number;
  readonly names: ReadonlyMap<string, number>;
}

/** Parses a pattern that `new RegExp(source, flags)` accepts. */
export function parsePattern(source: string, unicode: boolean): ParsedPattern {
  const p = new Parser(source, unicode);
  const root = p.alternation();
  if (p.i < source.length) throw new SyntaxError(`Unexpected ')' at ${p.i} in /${source}/`);
  return { root, groups: p.groups, names: p.names };
}

const QUANTIFIER = /^\{(\d+)(,(\d*))?\}/;
const CHARACTER_ESCAPE =
  /^(?:[dDwWsStnrfv0]|c[A-Za-z]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]+\}|[pP]\{[^}]*\})/;

class Parser {
  i = 0;
  groups = 0;
  readonly names = new Map<string, number>();
  private readonly src: string;
  private readonly unicode: boolean;

  constructor(src: string, unicode: boolean) {
    this.src = src;
    this.unicode = unicode;
    // Group numbers follow the opening parentheses left to right, so count names up front for \k.
    let n = 0;
    for (const m of src.matchAll(/\\.|\[(?:\\.|[^\]\\])*\]|\((\?<([A-Za-z][A-Za-z0-9]*)>|(?!\?))/g)) {
      if (m[1] !== undefined) n++;
      if (m[2] !== undefined) this.names.set(m[2], n);
    }
  }

  alternation(): PatternNode {
    const options = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? (options[0] as PatternNode) : { k: 'alt', options };
  }

  private sequence(): PatternNode {
    const items: PatternNode[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      items.push(this.quantified(this.atom()));
    }
    return items.length === 1 ? (items[0] as PatternNode) : { k: 'seq', items };
  }

  private quantified(atom: PatternNode): PatternNode {
    const c = this.src[this.i];
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    } else {
      const m = c === '{' ? QUANTIFIER.exec(this.src.slice(this.i)) : null;
      if (!m) return atom;
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    }
    const greedy = this.src[this.i] !== '?';
    if (!greedy) this.i++;
    return { k: 'repeat', body: atom, min, max, greedy };
  }

  private atom(): PatternNode {
    const c = this.src[this.i] as string;
    switch (c) {
      case '(':
        return this.group();
      case '[':
        return { k: 'char', source: this.take(this.classEnd() - this.i) };
      case '^':
      case '$':
        this.i++;
        return { k: 'assert', kind: c };
      case '\\':
        return this.escape();
      default: {
        const cp = this.unicode ? (this.src.codePointAt(this.i) as number) : this.src.charCodeAt(this.i);
        return { k: 'char', source: this.take(cp > 0xffff ? 2 : 1) };
      }
    }
  }

  private group(): PatternNode {
    const rest = this.src.slice(this.i + 1);
    const look = /^\?(<?)([=!])/.exec(rest);
    const named = /^\?<([A-Za-z][A-Za-z0-9]*)>/.exec(rest);
    let node: PatternNode;
    if (look) {
      this.i += 1 + look[0].length;
      node = { k: 'look', body: this.alternation(), behind: look[1] === '<', negate: look[2] === '!' };
    } else if (rest.startsWith('?:')) {
      this.i += 3;
      node = { k: 'group', body: this.alternation(), capture: null };
    } else {
      this.i += 1 + (named ? named[0].length : 0);
      const capture = ++this.groups;
      node = { k: 'group', body: this.alternation(), capture };
    }
    this.i++; // ')'
    return node;
  }

  /** The index just past the class that starts at `this.i`. */
  private classEnd(): number {
    let j = this.i + 1;
    if (this.src[j] === '^') j++;
    while (j < this.src.length && this.src[j] !== ']') j += this.src[j] === '\\' ? 2 : 1;
    return j + 1;
  }

  private escape(): PatternNode {
    const rest = this.src.slice(this.i + 1);
    if (rest[0] === 'b' || rest[0] === 'B') {
      this.i += 2;
      return { k: 'assert', kind: rest[0] };
    }
    const name = /^k<([A-Za-z][A-Za-z0-9]*)>/.exec(rest);
    if (name && this.names.size > 0) {
      this.i += 1 + name[0].length;
      return { k: 'backref', group: name[1] as string };
    }
    const digits = /^[1-9]\d*/.exec(rest);
    if (digits && Number(digits[0]) <= this.groupCount()) {
      this.i += 1 + digits[0].length;
      return { k: 'backref', group: Number(digits[0]) };
    }
    const m = CHARACTER_ESCAPE.exec(rest);
    const length = m ? m[0].length : (rest.codePointAt(0) as number) > 0xffff && this.unicode ? 2 : 1;
    return { k: 'char', source: this.take(1 + length) };
  }

  /** Capture groups in the whole pattern (a back-reference may point forward). */
  private groupCount(): number {
    return [...this.src.matchAll(/\\.|\[(?:\\.|[^\]\\])*\]|\((?!\?)|\(\?<(?![=!])/g)].filter((m) => m[0][0] === '(')
      .length;
  }

  private take(n: number): string {
    const s = this.src.slice(this.i, this.i + n);
    this.i += n;
    return s;
  }
}
