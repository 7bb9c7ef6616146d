/**
 * When JavaScript's own (backtracking, JIT-compiled) RegExp can run a pattern with bounded work,
 * so the bounded matcher is not needed. A backtracking engine only explodes on choices it can
 * retry in many combinations; this bounds the choices a pattern offers:
 *   - no back-references or lookarounds, and no repetition inside a repeated group that has a
 *     variable count or an alternation (each iteration of a repetition offers no choice of its own);
 *   - a variable repetition (`*`, `+`, `?`, `{n,m}`) is *guarded* when a literal character that its
 *     body cannot start with follows it (`[A-Za-z0-9]+-`, `(FY[0-9]{2})?Q`): at every position only
 *     one of "repeat again" and "go on" can match, so giving characters back costs one step each;
 *   - alternations offer `paths` combinations (the product of their option counts).
 * With k unguarded variable repetitions and g guarded ones, the explored choices on a text of n
 * characters are at most paths² × (n + 1)^k, each path costing at most size + (k + g) × n steps;
 * `simpleCost` is that bound, and the caller compares it with its budget.
 */
import type { PatternNode } from './syntax.ts';

export interface Shape {
  /** Variable repetitions that are not guarded. */
  unguarded: number;
  guarded: number;
  /** Product of the alternations' option counts. */
  paths: number;
  /** Single-character atoms, assertions and the like: the pattern's size in steps. */
  size: number;
  /** A construct that rules the fast path out. */
  complex: boolean;
}

/** Whether the one-character atom `source` can never match `literal` (in the pattern's flags). */
export type Excludes = (source: string, literal: string) => boolean;

const MAX = 1e12;

export function shapeOf(n: PatternNode, excludes: Excludes, insideRepeat = false, follower?: PatternNode): Shape {
  const s: Shape = { unguarded: 0, guarded: 0, paths: 1, size: 0, complex: false };
  const add = (o: Shape, paths = Math.min(s.paths * o.paths, MAX)): void => {
    s.unguarded += o.unguarded;
    s.guarded += o.guarded;
    s.paths = paths;
    s.size = Math.min(s.size + o.size, MAX);
    s.complex ||= o.complex;
  };
  switch (n.k) {
    case 'char':
    case 'assert':
      s.size = 1;
      break;
    case 'backref':
    case 'look':
      s.complex = true;
      break;
    case 'group':
      add(shapeOf(n.body, excludes, insideRepeat));
      break;
    case 'alt':
      s.complex = insideRepeat;
      s.paths = 0;
      for (const o of n.options) {
        const shape = shapeOf(o, excludes, insideRepeat);
        add(shape, Math.min(s.paths + shape.paths, MAX));
      }
      break;
    case 'seq':
      n.items.forEach((item, i) => add(shapeOf(item, excludes, insideRepeat, n.items[i + 1])));
      break;
    case 'repeat':
      add(repeatShape(n, excludes, insideRepeat, follower));
  }
  return s;
}

function repeatShape(
  n: Extract<PatternNode, { k: 'repeat' }>,
  excludes: Excludes,
  insideRepeat: boolean,
  follower?: PatternNode,
): Shape {
  const body = shapeOf(n.body, excludes, true);
  const variable = n.min !== n.max;
  const shape = { ...body, size: Math.min(body.size * Math.max(1, n.min), MAX) };
  if (!variable) return shape;
  if (insideRepeat) shape.complex = true;
  if (isGuarded(n.body, follower, excludes)) shape.guarded++;
  else shape.unguarded++;
  return shape;
}

/** The repetition's body starts with an atom that cannot match the literal character after it. */
function isGuarded(body: PatternNode, follower: PatternNode | undefined, excludes: Excludes): boolean {
  const literal = follower?.k === 'char' ? literalOf(follower.source) : undefined;
  const first = firstAtom(body);
  return literal !== undefined && first !== undefined && excludes(first, literal);
}

/** The character a literal atom stands for (`-`, `\.`), or undefined for a class, `.` or an escape. */
function literalOf(source: string): string | undefined {
  if (source.length === 1 && !'.^$|()[]{}*+?'.includes(source)) return source;
  if (/^\\[^A-Za-z0-9]$/.test(source)) return source[1];
  return undefined;
}

function firstAtom(n: PatternNode): string | undefined {
  switch (n.k) {
    case 'char':
      return n.source;
    case 'group':
      return firstAtom(n.body);
    case 'seq':
      return n.items[0] ? firstAtom(n.items[0]) : undefined;
    case 'repeat':
      return n.min > 0 ? firstAtom(n.body) : undefined;
    default:
      return undefined;
  }
}

/** The bound on JavaScript's backtracking work for a pattern on `length` characters (Infinity if unbounded). */
export function simpleCost(shape: Shape, length: number): number {
  if (shape.complex) return Infinity;
  const n = length + 1;
  return shape.paths * shape.paths * n ** shape.unguarded * (shape.size + (shape.guarded + shape.unguarded) * n);
}
