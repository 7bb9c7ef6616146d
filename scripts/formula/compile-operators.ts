/** Generated code for the operators, on the internal representation (decimal helpers, day numbers, epoch ms). */
import { effective, wrap, type CodeScope } from './compile-scope.ts';
import type { TBinary, TUnary } from './typed-ast.ts';
import { isNumeric, type FormulaType } from './types.ts';

export function unaryCode(scope: CodeScope, n: TUnary): string {
  const x = scope.gen(n.operand);
  if (n.op === '!') return scope.not(x, n.operand.nullable);
  if (!n.operand.nullable) return `(-${wrap(x)} || 0)`;
  const t = scope.tmp();
  return `((${t} = ${x}) === null ? null : (-${t} || 0))`;
}

export function binaryCode(scope: CodeScope, n: TBinary): string {
  const { op, left, right } = n;
  const L = effective(left.type, right.type);
  const R = effective(right.type, left.type);
  const both = (body: (a: string, b: string) => string): string => scope.nullSafe([left, right], body);
  const h = scope.h.bind(scope);
  switch (op) {
    case '&': {
      const f = scope.fail(n);
      return `${h('concat')}(${scope.gen(left)}, ${scope.gen(right)}, ${f})`;
    }
    case '&&':
    case '||':
      return scope.logical(op, [left, right]);
    case '+':
      if (isNumeric(L) && isNumeric(R)) return both((a, b) => `${h('add')}(${a}, ${b})`);
      if (L === 'Date' || L === 'DateTime') {
        const f = scope.fail(n);
        return both((a, b) => `${h(L === 'Date' ? 'addDays' : 'addDateTime')}(${a}, ${b}, ${f})`);
      }
      if (L === 'Time') return both((a, b) => `${h('addTime')}(${a}, ${b})`);
      break;
    case '-':
      return minusCode(scope, n, L, R);
    case '*':
      return both((a, b) => `${h('mul')}(${a}, ${b})`);
    case '/': {
      const f = scope.fail(n);
      return both((a, b) => `${h('divide')}(${a}, ${b}, ${f})`);
    }
    case '^': {
      const f = scope.fail(n);
      return both((a, b) => `${h('power')}(${a}, ${b}, ${f})`);
    }
    case '=':
    case '<>': {
      const js = op === '=' ? '===' : '!==';
      if (left.type === 'Null' && right.type === 'Null') return 'null';
      return both((a, b) => `(${a} ${js} ${b})`);
    }
    case '<':
    case '>':
    case '<=':
    case '>=':
      return both((a, b) => `(${a} ${op} ${b})`);
  }
  throw new Error(`internal: no code for ${L} ${op} ${R}`);
}

function minusCode(scope: CodeScope, n: TBinary, L: FormulaType, R: FormulaType): string {
  const both = (body: (a: string, b: string) => string): string => scope.nullSafe([n.left, n.right], body);
  const h = scope.h.bind(scope);
  if (isNumeric(L) && isNumeric(R)) return both((a, b) => `${h('sub')}(${a}, ${b})`);
  if (isNumeric(R)) {
    if (L === 'Date' || L === 'DateTime') {
      const f = scope.fail(n);
      return both((a, b) => `${h(L === 'Date' ? 'addDays' : 'addDateTime')}(${a}, -${b}, ${f})`);
    }
    if (L === 'Time') return both((a, b) => `${h('addTime')}(${a}, -${b})`);
  }
  if (L === 'Date' || L === 'Time') return both((a, b) => `(${a} - ${b})`);
  if (L === 'DateTime') return both((a, b) => `${h('diffDateTime')}(${a}, ${b})`);
  throw new Error(`internal: no code for ${L} - ${R}`);
}
