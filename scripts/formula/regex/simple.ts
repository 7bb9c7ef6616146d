/**
 * When JavaScript's own (backtracking, JIT-compiled) RegExp can run a pattern with bounded work,
 * so the bounded matcher is not needed: a backtracking engine only explodes on choices that can
 * be retried in many combinations. A pattern qualifies when
 *   - it has no back-references or lookarounds, and no multiline flag (whole-text anchoring),
 *   - at most one repetition has a variable count (`*`, `+`, `?`, `{n,m}`), and no repetition
 *     contains a variable repetition or an alternation (so each repetition's iterations offer no
 *     choices of their own),
 *   - its alternations offer few combinations (`paths`, the product of their option counts).
 * Then the explored choices are at most paths² × (text length + 1), each costing at most the
 * pattern's size in steps; `simpleCost` is that bound and the caller compares it with its budget.
 */
import type { PatternNode } from './syntax.ts';

export interface Shape {
  /** Repetitions with a variable count. */
  variable: number;
  /** Product of the alternations' option counts. */
  paths: number;
  /** Single-character atoms, assertions and the like: the pattern's size in steps. */
  size: number;
  /** A construct that rules the fast path out. */
  complex: boolean;
}

export function shapeOf(n: PatternNode, insideRepeat = false): Shape {
  const s: Shape = { variable: 0, paths: 1, size: 0, complex: false };
  const add = (o: Shape): void => {
    s.variable += o.variable;
    s.paths = Math.min(s.paths * o.paths, 1e9);
    s.size += o.size;
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
    case 'seq':
      n.items.forEach((i) => add(shapeOf(i, insideRepeat)));
      break;
    case 'alt':
      if (insideRepeat) s.complex = true;
      s.paths = 0;
      n.options.forEach((o) => {
        const shape = shapeOf(o, insideRepeat);
        s.paths += shape.paths;
        s.paths = Math.min(s.paths, 1e9);
        s.variable += shape.variable;
        s.size += shape.size;
        s.complex ||= shape.complex;
      });
      break;
    case 'group':
      add(shapeOf(n.body, insideRepeat));
      break;
    case 'repeat': {
      const body = shapeOf(n.body, true);
      const variable = n.min !== n.max;
      if (insideRepeat && variable) s.complex = true;
      add({ ...body, size: body.size * Math.max(1, Math.min(n.min, 1000)) });
      if (variable) s.variable++;
      break;
    }
  }
  return s;
}

/** The bound on JavaScript's backtracking work for a simple pattern on `length` characters, or Infinity. */
export function simpleCost(shape: Shape, length: number): number {
  if (shape.complex || shape.variable > 1) return Infinity;
  return shape.paths * shape.paths * (length + 1) * Math.max(1, shape.size);
}
