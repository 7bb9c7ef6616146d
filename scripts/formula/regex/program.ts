/**
 * A parsed pattern compiled into a small instruction program for the bounded matcher (vm.ts):
 * character tests, choice points (greedy or lazy), jumps, capture saves, assertions,
 * back-references and lookaround sub-programs, packed into typed arrays. Character tests are
 * JavaScript's own: each atom's source is compiled as a one-character RegExp with the pattern's
 * flags; its answers for ASCII are tabulated once.
 */
import type { ParsedPattern, PatternNode } from './syntax.ts';

export const CHAR = 0;
export const SPLIT = 1;
export const JMP = 2;
export const SAVE = 3;
export const ASSERT = 4;
export const BACKREF = 5;
export const LOOK = 6;
export const EMPTY_START = 7;
export const EMPTY_END = 8;
export const MATCH = 9;

/** Assertion kinds (the `a` operand of ASSERT). */
export const ASSERTIONS = ['^', '$', 'b', 'B'] as const;

export interface Look {
  readonly program: Program;
  readonly behind: boolean;
  readonly negate: boolean;
}

export interface Program {
  readonly length: number;
  readonly op: Uint8Array;
  /** CHAR: test index; SPLIT: preferred target; JMP: target; SAVE, EMPTY_*: slot; ASSERT: kind; BACKREF: group; LOOK: index. */
  readonly a: Int32Array;
  /** SPLIT: the other target. */
  readonly b: Int32Array;
  /** Per CHAR test: 128 answers for ASCII (1 yes, 0 no), then the test for the rest. */
  readonly ascii: Uint8Array;
  readonly tests: readonly CharTest[];
  readonly looks: readonly Look[];
  /** Capture slots (two per group) plus empty-loop registers. */
  readonly slots: number;
  readonly hasBackrefs: boolean;
}

/** Whether one character (a code unit, or a code point with the u flag) matches an atom. */
export type CharTest = (ch: number) => boolean;

export interface Flags {
  readonly ignoreCase: boolean;
  readonly dotAll: boolean;
  readonly multiline: boolean;
  readonly unicode: boolean;
}

/** Beyond this the pattern is too large to run with a bound (e.g. `(a{1000}){1000}`). */
export const MAX_PROGRAM = 50_000;

export class PatternTooLargeError extends Error {}

export function compileProgram(parsed: ParsedPattern, flags: Flags): Program {
  const b = new ProgramBuilder(parsed, flags, hasBackref(parsed.root));
  b.emit(parsed.root);
  b.push(MATCH);
  return b.pack(2 * (parsed.groups + 1) + b.registers.count);
}

class ProgramBuilder {
  readonly op: number[] = [];
  readonly a: number[] = [];
  readonly b: number[] = [];
  readonly tests: CharTest[] = [];
  readonly ascii: number[] = [];
  readonly looks: Look[] = [];
  private readonly parsed: ParsedPattern;
  private readonly flags: Flags;
  /** Captures (and empty-loop registers) only matter when a back-reference reads them. */
  private readonly captures: boolean;
  /** Shared with lookaround sub-programs, which run on a copy of the same slots. */
  readonly registers: { count: number };

  constructor(parsed: ParsedPattern, flags: Flags, captures: boolean, registers = { count: 0 }) {
    this.parsed = parsed;
    this.flags = flags;
    this.captures = captures;
    this.registers = registers;
  }

  push(op: number, a = 0, b = 0): number {
    if (this.op.length >= MAX_PROGRAM) throw new PatternTooLargeError('the pattern is too large');
    this.op.push(op);
    this.a.push(a);
    this.b.push(b);
    return this.op.length - 1;
  }

  get here(): number {
    return this.op.length;
  }

  pack(slots: number): Program {
    return {
      length: this.op.length,
      op: Uint8Array.from(this.op),
      a: Int32Array.from(this.a),
      b: Int32Array.from(this.b),
      ascii: Uint8Array.from(this.ascii),
      tests: this.tests,
      looks: this.looks,
      slots,
      hasBackrefs: this.captures,
    };
  }

  emit(n: PatternNode): void {
    switch (n.k) {
      case 'char':
        return this.char(n.source);
      case 'seq':
        for (const item of n.items) this.emit(item);
        return;
      case 'alt':
        return this.alternatives(n.options);
      case 'group':
        if (this.captures && n.capture !== null) this.push(SAVE, 2 * n.capture);
        this.emit(n.body);
        if (this.captures && n.capture !== null) this.push(SAVE, 2 * n.capture + 1);
        return;
      case 'repeat':
        return this.repeat(n.body, n.min, n.max, n.greedy);
      case 'assert':
        this.push(ASSERT, ASSERTIONS.indexOf(n.kind));
        return;
      case 'look': {
        const sub = new ProgramBuilder(this.parsed, this.flags, this.captures, this.registers);
        sub.emit(n.body);
        sub.push(MATCH);
        this.looks.push({ program: sub.pack(0), behind: n.behind, negate: n.negate });
        this.push(LOOK, this.looks.length - 1);
        return;
      }
      case 'backref':
        this.push(BACKREF, typeof n.group === 'number' ? n.group : (this.parsed.names.get(n.group) ?? 0));
    }
  }

  private char(source: string): void {
    const test = charTest(source, this.flags);
    for (let ch = 0; ch < 128; ch++) this.ascii.push(test(ch) ? 1 : 0);
    this.tests.push(test);
    this.push(CHAR, this.tests.length - 1);
  }

  private alternatives(options: readonly PatternNode[]): void {
    const jumps: number[] = [];
    options.forEach((option, i) => {
      if (i === options.length - 1) return this.emit(option);
      const split = this.push(SPLIT, this.here + 1);
      this.emit(option);
      jumps.push(this.push(JMP));
      this.b[split] = this.here;
    });
    for (const j of jumps) this.a[j] = this.here;
  }

  /** `body{min,max}`: min copies, then optional copies (or a loop when unbounded). */
  private repeat(body: PatternNode, min: number, max: number, greedy: boolean): void {
    for (let i = 0; i < min; i++) this.emit(body);
    if (max === Infinity) return this.loop(body, greedy);
    const splits: number[] = [];
    for (let i = min; i < max; i++) {
      splits.push(this.push(SPLIT, this.here + 1));
      this.emit(body);
    }
    for (const s of splits) this.choose(s, this.a[s] as number, this.here, greedy);
  }

  /**
   * `body*`. When captures are kept (back-references), an iteration that matches nothing ends
   * the loop, as in JavaScript; without them the matcher's visited set already stops such loops.
   */
  private loop(body: PatternNode, greedy: boolean): void {
    const head = this.push(SPLIT);
    const bodyStart = this.here;
    const register = this.captures ? 2 * (this.parsed.groups + 1) + this.registers.count++ : -1;
    if (register >= 0) this.push(EMPTY_START, register);
    this.emit(body);
    if (register >= 0) this.push(EMPTY_END, register);
    this.push(JMP, head);
    this.choose(head, bodyStart, this.here, greedy);
  }

  /** A choice between going on into `into` and skipping to `past`, in greedy or lazy order. */
  private choose(split: number, into: number, past: number, greedy: boolean): void {
    this.a[split] = greedy ? into : past;
    this.b[split] = greedy ? past : into;
  }
}

function hasBackref(n: PatternNode): boolean {
  switch (n.k) {
    case 'backref':
      return true;
    case 'seq':
      return n.items.some(hasBackref);
    case 'alt':
      return n.options.some(hasBackref);
    case 'repeat':
    case 'group':
    case 'look':
      return hasBackref(n.body);
    default:
      return false;
  }
}

const tests = new Map<string, CharTest>();

/** The atom as a one-character RegExp (cached by source and flags). */
export function charTest(source: string, flags: Flags): CharTest {
  const f = `${flags.ignoreCase ? 'i' : ''}${flags.dotAll ? 's' : ''}${flags.unicode ? 'u' : ''}`;
  const key = `${f}/${source}`;
  let test = tests.get(key);
  if (!test) {
    const re = new RegExp(`^(?:${source})$`, f);
    test = (ch) => re.test(String.fromCodePoint(ch));
    if (tests.size > 5000) tests.clear();
    tests.set(key, test);
  }
  return test;
}
