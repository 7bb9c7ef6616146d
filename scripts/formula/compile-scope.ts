/**
 * What the parts of the compiler share: the code generator's scope (helpers, temporaries,
 * constants, error sites, the checked formula) and pure helpers over generated code. The field
 * readers, the operator code and the function dispatch depend on this interface, not on the
 * Generator class.
 */
import type { CheckedFormula } from './checker.ts';
import type { RuntimeHelper } from './functions/spec.ts';
import type { TNode } from './typed-ast.ts';
import type { FormulaType } from './types.ts';

export interface CodeScope {
  readonly checked: CheckedFormula;
  /** Code for a node, in the internal representation. */
  gen(n: TNode): string;
  /** A run-time helper (runtime.ts), declared once in the generated source. */
  h(name: RuntimeHelper): string;
  /** A fresh temporary variable. */
  tmp(): string;
  /** A value the generated code reads from its constants array. */
  constant(v: unknown): string;
  /** A run-time error site for a node: compiled code calls `fN(message)`. */
  fail(at: { start: number; end: number }): string;
  /** Declares code that runs once at the start of each evaluation (e.g. the prior record). */
  prelude(key: string, code: string): void;
  not(x: string, nullable: boolean): string;
  /** `body` over the values of `args`, or null when a nullable one is null. */
  nullSafe(args: readonly TNode[], body: (...values: string[]) => string): string;
  /** All (`&&`) or any (`||`) of `args`, with Salesforce's three-valued logic (blank operands make the result blank). */
  logical(op: '&&' | '||', args: readonly TNode[]): string;
}

export function literal(v: number | string | boolean | null): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return v < 0 || Object.is(v, -0) ? `(${v})` : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  return v ? 'true' : 'false';
}

/** `code` in parentheses unless it is an identifier chain or already fully parenthesised. */
export function wrap(code: string): string {
  return /^[\w$.]+$/.test(code) || (/^\(.*\)$/s.test(code) && balanced(code)) ? code : `(${code})`;
}

/** True when the outer parentheses of `code` enclose the whole expression. */
function balanced(code: string): boolean {
  let depth = 0;
  let inStr: string | null = null;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (inStr) {
      if (c === '\\') i++;
      else if (c === inStr) inStr = null;
      continue;
    }
    if (c === '"' || c === "'") inStr = c;
    else if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0 && i < code.length - 1) return false;
    }
  }
  return depth === 0;
}

/** The type an operand behaves as: NULL takes the other side's type (Number when both are NULL). */
export function effective(a: FormulaType, b: FormulaType): FormulaType {
  return a === 'Null' ? (b === 'Null' ? 'Number' : b) : a;
}
