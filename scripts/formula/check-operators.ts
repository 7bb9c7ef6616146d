/**
 * Type rules of the operators: `! - +` (unary), `&& ||`, `&`, `+ - * / ^`, `= <>` and the
 * comparisons. Messages follow Salesforce's wording ("Incorrect parameter type for operator '+'.
 * Expected Number, received Text"), pointing at the operand that does not fit.
 */
import type { Binary, BinaryOperator, Unary } from './ast.ts';
import { asText, lit, type CheckScope } from './check-scope.ts';
import type { TBinary, TNode } from './typed-ast.ts';
import { isNumeric, typeLabel, type FormulaType } from './types.ts';

export function checkUnary(scope: CheckScope, ast: Unary): TNode {
  const at = { start: ast.start, end: ast.end };
  if (ast.op === '!') {
    const operand = scope.expectType(scope.node(ast.operand, {}), ['Checkbox'], `operator '!'`, ast.operand);
    return { k: 'unary', op: '!', operand, type: 'Checkbox', nullable: operand.nullable, ...at };
  }
  const operand = scope.node(ast.operand, {});
  if (!isNumeric(operand.type) && operand.type !== 'Null') {
    throw scope.err(
      'type',
      `Incorrect parameter type for operator '${ast.op}'. Expected Number, received ${typeLabel(operand.type)}`,
      ast.operand,
    );
  }
  if (ast.op === '+') return { ...operand, ...at };
  if (operand.k === 'literal' && typeof operand.value === 'number') return lit(operand.type, -operand.value, ast);
  const type = operand.type === 'Null' ? 'Number' : operand.type;
  return { k: 'unary', op: '-', operand, type, nullable: operand.nullable, ...at };
}

/** One binary operation being checked: its operands and their effective types (NULL takes the other side's). */
interface Operation {
  readonly scope: CheckScope;
  readonly ast: Binary;
  readonly left: TNode;
  readonly right: TNode;
  readonly L: FormulaType;
  readonly R: FormulaType;
}

const isTemporal = (t: FormulaType): boolean => t === 'Date' || t === 'DateTime' || t === 'Time';

export function checkBinary(scope: CheckScope, ast: Binary): TNode {
  if (ast.op === '&&' || ast.op === '||') {
    const where = `operator '${ast.opText}'`;
    const left = scope.expectType(scope.node(ast.left, {}), ['Checkbox'], where, ast.left);
    const right = scope.expectType(scope.node(ast.right, {}), ['Checkbox'], where, ast.right);
    return make(ast, ast.op, 'Checkbox', left, right, left.nullable || right.nullable);
  }
  const left = scope.node(ast.left, {});
  const right = scope.node(ast.right, {});
  const effective = (a: FormulaType, b: FormulaType): FormulaType => (a === 'Null' ? (b === 'Null' ? 'Number' : b) : a);
  const o: Operation = {
    scope,
    ast,
    left,
    right,
    L: effective(left.type, right.type),
    R: effective(right.type, left.type),
  };
  switch (ast.op) {
    case '&':
      return concat(o, '&');
    case '+':
      return plus(o);
    case '-':
      return minus(o);
    case '*':
    case '/':
    case '^':
      if (!isNumeric(o.L)) bad(o, 'Number');
      if (!isNumeric(o.R)) bad(o, 'Number');
      return same(o, arithmeticType(o.L, o.R, ast.op));
    case '=':
    case '<>':
      return equality(o);
    default:
      return comparison(o);
  }
}

function make(
  ast: Binary,
  op: BinaryOperator,
  type: FormulaType,
  left: TNode,
  right: TNode,
  nullable: boolean,
): TBinary {
  return { k: 'binary', op, left, right, type, nullable, start: ast.start, end: ast.end };
}

/** The operation with its operands as they are, blank when either is. */
const same = (o: Operation, type: FormulaType): TBinary =>
  make(o.ast, o.ast.op, type, o.left, o.right, o.left.nullable || o.right.nullable);

/** Rejects the operand that does not fit `expected` (the right one when the left one does). */
function bad(o: Operation, expected: string): never {
  const leftFits = expected
    .split(', ')
    .some((e) => e === typeLabel(o.left.type) || (e === 'Number' && isNumeric(o.left.type)));
  const culprit = leftFits ? o.right : o.left;
  throw o.scope.err(
    'type',
    `Incorrect parameter type for operator '${o.ast.opText}'. Expected ${expected}, received ${typeLabel(culprit.type)}`,
    culprit,
  );
}

/** `&`, and `+` between two texts: concatenation (NULL is the empty text). */
function concat(o: Operation, op: '&'): TBinary {
  if (o.L !== 'Text') bad(o, 'Text');
  if (o.R !== 'Text') bad(o, 'Text');
  return make(o.ast, op, 'Text', asText(o.left), asText(o.right), false);
}

function plus(o: Operation): TBinary {
  const { L, R } = o;
  if (L === 'Text' && R === 'Text') return concat(o, '&');
  if (isNumeric(L) && isNumeric(R)) return same(o, arithmeticType(L, R, '+'));
  if (isTemporal(L) && isNumeric(R)) return same(o, L);
  // number + date is date + number
  if (isNumeric(L) && isTemporal(R)) return make(o.ast, '+', R, o.right, o.left, o.left.nullable || o.right.nullable);
  return bad(o, L === 'Text' ? 'Text' : 'Number, Date, Date/Time, Time');
}

function minus(o: Operation): TBinary {
  const { L, R } = o;
  if (isNumeric(L) && isNumeric(R)) return same(o, arithmeticType(L, R, '-'));
  if (isTemporal(L) && isNumeric(R)) return same(o, L);
  if (isTemporal(L) && R === L) return same(o, 'Number');
  if (isTemporal(L)) return bad(o, `Number, ${typeLabel(L)}`);
  return bad(o, 'Number, Date, Date/Time, Time');
}

function equality(o: Operation): TBinary {
  const { L, R } = o;
  if (L === 'Text' && R === 'Text') return make(o.ast, o.ast.op, 'Checkbox', asText(o.left), asText(o.right), false);
  if (isNumeric(L) && isNumeric(R)) return same(o, 'Checkbox');
  if (L === R && (isTemporal(L) || L === 'Checkbox')) return same(o, 'Checkbox');
  if (o.left.type === 'Null' && o.right.type === 'Null')
    return make(o.ast, o.ast.op, 'Checkbox', o.left, o.right, true);
  return bad(o, typeLabel(L));
}

function comparison(o: Operation): TBinary {
  const { L, R } = o;
  if (isNumeric(L) && isNumeric(R)) return same(o, 'Checkbox');
  if (L === R && isTemporal(L)) return same(o, 'Checkbox');
  if (L === 'Text' || L === 'Checkbox') {
    throw o.scope.err(
      'type',
      `Incorrect parameter type for operator '${o.ast.opText}'. Expected Number, Date, Date/Time, Time, received ${typeLabel(L)}`,
      o.left,
    );
  }
  return bad(o, typeLabel(L));
}

function arithmeticType(a: FormulaType, b: FormulaType, op: string): FormulaType {
  if (op === '+' || op === '-') {
    if (a === b) return a;
    if (a === 'Currency' || b === 'Currency') return 'Currency';
    return 'Number';
  }
  if (op === '*' || op === '/') {
    if (a === 'Currency' && b !== 'Currency') return 'Currency';
    if (b === 'Currency' && a !== 'Currency' && op === '*') return 'Currency';
  }
  return 'Number';
}
