import type { BinaryOperator, FormulaAst, FieldRef, UnaryOperator } from './ast.ts';
import { FormulaError } from './errors.ts';
import { tokenize, type Token } from './lexer.ts';

/**
 * Binary operator precedence, lowest first, as Salesforce documents it ("standard operator
 * precedence"): `||`, `&&`, comparisons, `+ - &`, `* /`, `^`. All are left-associative.
 * Unary `- + !` bind tighter than any binary operator.
 */
const PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '=': 3,
  '==': 3,
  '!=': 3,
  '<>': 3,
  '<': 3,
  '>': 3,
  '<=': 3,
  '>=': 3,
  '+': 4,
  '-': 4,
  '&': 4,
  '*': 5,
  '/': 5,
  '^': 6,
};
const NORMALISE: Record<string, BinaryOperator> = { '==': '=', '!=': '<>' };
const MAX_DEPTH = 400;
/**
 * Deepest tree accepted. Salesforce caps formulas at 3,900 characters, so `1 + 1 + …` can nest
 * about 1,000 levels; deeper trees would only exhaust the stack in the checker and compiler.
 */
const MAX_TREE_DEPTH = 1200;

/** Parses a Salesforce formula into its syntax tree; syntax errors are positioned FormulaErrors. */
export function parse(source: string): FormulaAst {
  if (typeof source !== 'string') throw new TypeError('parse(source): source must be a string');
  const ast = new Parser(source).parseFormula();
  SOURCES.set(ast, source);
  return ast;
}

const SOURCES = new WeakMap<FormulaAst, string>();

/** The source text a tree returned by `parse` came from (for error excerpts). */
export function sourceOf(ast: FormulaAst): string | undefined {
  return SOURCES.get(ast);
}

class Parser {
  private readonly tokens: Token[];
  private pos = 0;
  private depth = 0;
  private readonly source: string;

  constructor(source: string) {
    this.source = source;
    this.tokens = tokenize(source);
  }

  parseFormula(): FormulaAst {
    if (this.peek().kind === 'eof') throw this.error('Syntax error: the formula is empty', this.peek());
    const expr = this.expression(0);
    const t = this.peek();
    if (t.kind !== 'eof') {
      throw this.error(t.kind === ')' ? "Syntax error: extra ')'" : `Syntax error: unexpected ${describe(t)}`, t);
    }
    return expr;
  }

  private readonly depths = new WeakMap<FormulaAst, number>();

  /** Records a node's tree depth and rejects trees too deep to check and compile safely. */
  private deep<T extends FormulaAst>(node: T, ...children: FormulaAst[]): T {
    let d = 0;
    for (const c of children) d = Math.max(d, this.depths.get(c) ?? 0);
    if (d + 1 > MAX_TREE_DEPTH) {
      throw new FormulaError(
        'syntax',
        'The formula is nested too deeply',
        this.source,
        node.start,
        Math.max(1, node.end - node.start),
      );
    }
    this.depths.set(node, d + 1);
    return node;
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const t = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  private error(message: string, t: Token): FormulaError {
    return new FormulaError('syntax', message, this.source, t.start, Math.max(1, t.end - t.start));
  }

  private expect(kind: Token['kind'], what: string): Token {
    const t = this.peek();
    if (t.kind !== kind) throw this.error(`Syntax error: expected ${what} but found ${describe(t)}`, t);
    return this.next();
  }

  private expression(minPrec: number): FormulaAst {
    if (++this.depth > MAX_DEPTH) throw this.error('The formula is nested too deeply', this.peek());
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op') break;
      const prec = PRECEDENCE[t.text];
      if (prec === undefined || prec <= minPrec) break;
      this.next();
      const right = this.expression(prec);
      const op = NORMALISE[t.text] ?? (t.text as BinaryOperator);
      left = this.deep(
        { kind: 'binary', op, left, right, opStart: t.start, opText: t.text, start: left.start, end: right.end },
        left,
        right,
      );
    }
    this.depth--;
    return left;
  }

  private unary(): FormulaAst {
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '+' || t.text === '!')) {
      this.next();
      if (++this.depth > MAX_DEPTH) throw this.error('The formula is nested too deeply', t);
      const operand = this.unary();
      this.depth--;
      return this.deep(
        { kind: 'unary', op: t.text as UnaryOperator, operand, start: t.start, end: operand.end },
        operand,
      );
    }
    return this.primary();
  }

  private primary(): FormulaAst {
    const t = this.next();
    switch (t.kind) {
      case 'number':
        return { kind: 'number', value: Number(t.text), raw: t.text, start: t.start, end: t.end };
      case 'string':
        return { kind: 'string', value: t.text, start: t.start, end: t.end };
      case '(': {
        const inner = this.expression(0);
        const close = this.peek();
        if (close.kind !== ')') {
          throw this.error(`Syntax error: missing ')' (found ${describe(close)})`, close);
        }
        this.next();
        return this.deep({ kind: 'paren', inner, start: t.start, end: close.end }, inner);
      }
      case '{!': {
        const field = this.fieldPath(this.expect('ident', 'a field name'));
        const close = this.expect('}', "'}'");
        return { ...field, start: t.start, end: close.end };
      }
      case 'ident':
        return this.identifier(t);
      case 'eof':
        throw this.error('Syntax error: the formula ends unexpectedly', t);
      default:
        throw this.error(`Syntax error: unexpected ${describe(t)}`, t);
    }
  }

  private identifier(t: Token): FormulaAst {
    const following = this.peek();
    if (following.kind === '(') {
      this.next();
      const args: FormulaAst[] = [];
      if (this.peek().kind !== ')') {
        for (;;) {
          if (this.peek().kind === ',' || this.peek().kind === ')') {
            throw this.error(`Syntax error: missing argument in ${t.text.toUpperCase()}()`, this.peek());
          }
          args.push(this.expression(0));
          const sep = this.peek();
          if (sep.kind === ',') {
            this.next();
            continue;
          }
          if (sep.kind === ')') break;
          throw this.error(
            `Syntax error: expected ',' or ')' in ${t.text.toUpperCase()}() but found ${describe(sep)}`,
            sep,
          );
        }
      }
      const close = this.next();
      return this.deep(
        { kind: 'call', name: t.text.toUpperCase(), rawName: t.text, args, start: t.start, end: close.end },
        ...args,
      );
    }
    if (following.kind !== '.') {
      const upper = t.text.toUpperCase();
      if (upper === 'TRUE' || upper === 'FALSE')
        return { kind: 'boolean', value: upper === 'TRUE', start: t.start, end: t.end };
      if (upper === 'NULL') return { kind: 'null', start: t.start, end: t.end };
    }
    return this.fieldPath(t);
  }

  private fieldPath(first: Token): FieldRef {
    const path = [first.text];
    const segments = [first.start];
    let end = first.end;
    while (this.peek().kind === '.') {
      this.next();
      const seg = this.expect('ident', 'a field name after "."');
      path.push(seg.text);
      segments.push(seg.start);
      end = seg.end;
    }
    return { kind: 'field', path, segments, start: first.start, end };
  }
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'the end of the formula';
    case 'string':
      return 'a text literal';
    case 'number':
      return `number ${t.text}`;
    case 'ident':
      return `'${t.text}'`;
    default:
      return `'${t.text}'`;
  }
}

/** Prints an AST back as formula text (normalised spacing); handy for diffs and error messages. */
export function print(ast: FormulaAst): string {
  switch (ast.kind) {
    case 'number':
      return ast.raw;
    case 'string':
      return JSON.stringify(ast.value);
    case 'boolean':
      return ast.value ? 'TRUE' : 'FALSE';
    case 'null':
      return 'NULL';
    case 'field':
      return ast.path.join('.');
    case 'call':
      return `${ast.name}(${ast.args.map(print).join(', ')})`;
    case 'unary':
      return `${ast.op}${print(ast.operand)}`;
    case 'binary':
      return `${print(ast.left)} ${ast.op} ${print(ast.right)}`;
    case 'paren':
      return `(${print(ast.inner)})`;
  }
}
