/**
 * Compiles a checked formula ONCE into a JavaScript function (generated source + `new Function`).
 * The generated code works on the internal value representation (runtime.ts), avoids allocation
 * per evaluation, reads record fields by their canonical API names, and converts the result to
 * the external representation at the end (dates as 'YYYY-MM-DD', datetimes as ISO 8601 UTC,
 * percents as the API value, blank text as null).
 */
import type { CheckedFormula } from './checker.ts';
import { FormulaError } from './errors.ts';
import { javaRegex } from './regex.ts';
import * as RT from './runtime.ts';
import type { EvalContext } from './runtime.ts';
import type { TCall, TField, TNode } from './typed-ast.ts';
import { isNumeric, type FormulaType } from './types.ts';

export type FormulaValue = boolean | number | string | null;

export interface CompiledFormula {
  (ctx: EvalContext): FormulaValue;
  readonly checked: CheckedFormula;
  /** The Salesforce type of the returned value. */
  readonly returnType: CheckedFormula['returnType'];
  /** The generated JavaScript, for debugging. */
  readonly js: string;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const prop = (name: string): string => (IDENT.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`);

export function compile(checked: CheckedFormula): CompiledFormula {
  const gen = new Generator(checked);
  let fn: (ctx: EvalContext) => FormulaValue;
  let js: string;
  try {
    js = gen.source(gen.result(checked.typed));
    const factory = new Function('R', 'K', 'F', js) as (
      r: typeof RT,
      k: unknown[],
      f: RT.Fail[],
    ) => (ctx: EvalContext) => FormulaValue;
    fn = factory(RT, gen.constants, gen.fails);
  } catch (e) {
    if (e instanceof RangeError || e instanceof SyntaxError) {
      const source = checked.source;
      throw new FormulaError(
        'syntax',
        'The formula is too complex to compile (nested too deeply)',
        source,
        0,
        Math.max(1, source.length),
      );
    }
    throw e;
  }
  return Object.assign(fn, { checked, returnType: checked.returnType, js }) as unknown as CompiledFormula;
}

class Generator {
  readonly constants: unknown[] = [];
  readonly fails: RT.Fail[] = [];
  private temps = 0;
  private readonly helpers = new Set<string>();
  private readonly prelude = new Map<string, string>();
  private readonly checked: CheckedFormula;

  constructor(checked: CheckedFormula) {
    this.checked = checked;
    this.constants.push(Object.freeze({})); // k0: the empty record / context
  }

  source(body: string): string {
    const helperDecls = [...this.helpers].map((h) => `const $${h} = R.${h};`).join('\n');
    const failDecls = this.fails.map((_, i) => `const f${i} = F[${i}];`).join('\n');
    const constDecls = this.constants.map((_, i) => `const k${i} = K[${i}];`).join('\n');
    const temps = this.temps > 0 ? `let ${Array.from({ length: this.temps }, (_, i) => `t${i}`).join(', ')};` : '';
    const pre = [...this.prelude.values()].join('\n  ');
    return `"use strict";
${helperDecls}
${failDecls}
${constDecls}
return function formula(ctx) {
  if (ctx == null) ctx = k0;
  const r = ctx.record || k0;
  ${pre}
  ${temps}
  return ${body};
};`;
  }

  private h(name: keyof typeof RT): string {
    this.helpers.add(name);
    return `$${name}`;
  }

  private tmp(): string {
    return `t${this.temps++}`;
  }

  private constant(v: unknown): string {
    this.constants.push(v);
    return `k${this.constants.length - 1}`;
  }

  /** A runtime-error site for a node: compiled code calls `fN(message)`. */
  private fail(at: { start: number; end: number }): string {
    const source = this.checked.source;
    const i = this.fails.length;
    this.fails.push((message: string): never => {
      throw new FormulaError('runtime', message, source, at.start, Math.max(1, at.end - at.start));
    });
    return `f${i}`;
  }

  // ---------------------------------------------------------------- result conversion

  result(node: TNode): string {
    const e = this.gen(node);
    const rt = this.checked.returnType;
    const scale = this.checked.scale;
    const from = node.type;
    switch (rt) {
      case 'Checkbox':
        return node.nullable ? `(${e}) === true` : e;
      case 'Text':
        return `${this.h('outText')}(${e})`;
      case 'Date':
        return `${this.h('outDate')}(${e})`;
      case 'DateTime':
        return `${this.h('outDateTime')}(${e})`;
      case 'Time':
        return `${this.h('outTime')}(${e})`;
      case 'Percent':
        return `${this.h('outPercent')}(${e}, ${scale === undefined ? 'undefined' : scale})`;
      case 'Number':
      case 'Currency':
        void from;
        return `${this.h('outNumber')}(${e}, ${scale === undefined ? 'undefined' : scale})`;
    }
  }

  // ---------------------------------------------------------------- expressions

  gen(n: TNode): string {
    switch (n.k) {
      case 'literal':
        return literal(n.value);
      case 'field':
        return this.field(n);
      case 'permission':
        return `${this.h('hasPermission')}(ctx, ${JSON.stringify(n.name.toLowerCase())})`;
      case 'customMetadata': {
        const fallback = literal(n.value);
        const raw = `${this.h('customMetadata')}(ctx, ${JSON.stringify(n.typeName)}, ${JSON.stringify(n.recordName)}, ${JSON.stringify(n.fieldName)})`;
        const t = this.tmp();
        return `((${t} = ${raw}) === undefined ? ${fallback} : ${this.read(n.type, n.fieldType ?? 'string', t)})`;
      }
      case 'unary': {
        const x = this.gen(n.operand);
        if (n.op === '!') return this.not(x, n.operand.nullable);
        if (!n.operand.nullable) return `(-${wrap(x)} || 0)`;
        const t = this.tmp();
        return `((${t} = ${x}) === null ? null : (-${t} || 0))`;
      }
      case 'binary':
        return this.binary(n);
      case 'call':
        return this.call(n);
    }
  }

  private field(n: TField): string {
    let base: string;
    let baseMaybeNull = true;
    switch (n.scope) {
      case 'record':
        base = 'r';
        baseMaybeNull = false;
        break;
      case 'prior':
        this.prelude.set('prior', 'const p = ctx.prior || r;');
        base = 'p';
        baseMaybeNull = false;
        break;
      case 'user':
        base = 'ctx.user';
        break;
      case 'organization':
        base = 'ctx.organization';
        break;
      case 'profile':
        base = `${this.h('profileOf')}(ctx)`;
        break;
      case 'userRole':
        base = `${this.h('userRoleOf')}(ctx)`;
        break;
      case 'recordType':
        base = `${this.h('recordTypeOf')}(ctx)`;
        break;
    }
    // Navigate the path; any missing link reads as blank.
    let expr = base;
    const steps = n.path.length;
    let access = '';
    if (!baseMaybeNull && steps === 1) {
      access = `${base}${prop(n.path[0] as string)}`;
    } else {
      let cur: string;
      if (baseMaybeNull) {
        cur = this.tmp();
        access = `(${cur} = ${expr}) == null ? undefined : `;
      } else {
        cur = base;
      }
      for (let i = 0; i < steps - 1; i++) {
        const next = this.tmp();
        access += `(${next} = ${cur}${prop(n.path[i] as string)}) == null ? undefined : `;
        cur = next;
      }
      access = `(${access}${cur}${prop(n.path[steps - 1] as string)})`;
    }
    expr = access;
    const t = this.tmp();
    return this.read(n.type, n.fieldType, expr, t);
  }

  /** Converts a raw value (JS expression) to the internal representation of `type`. */
  private read(type: FormulaType, fieldType: string, raw: string, t = this.tmp()): string {
    const bz = this.checked.blankAsZero;
    switch (type) {
      case 'Text':
      case 'Picklist':
      case 'MultiPicklist':
        if (fieldType === 'id' || fieldType === 'reference') return `${this.h('id15')}(${raw})`;
        return `(typeof (${t} = ${raw}) === 'string' ? ${t} : ${this.h('str')}(${t}))`;
      case 'Checkbox':
        return `((${t} = ${raw}) === true || (${t} !== false && ${t} != null && ${this.h('bool')}(${t})))`;
      case 'Number':
      case 'Currency':
        return `(typeof (${t} = ${raw}) === 'number' ? ${t} : ${this.h(bz ? 'num0' : 'num')}(${t}))`;
      case 'Percent':
        return `${this.h(bz ? 'pct0' : 'pct')}(${raw})`;
      case 'Date':
        return `${this.h('date')}(${raw})`;
      case 'DateTime':
        return `${this.h('datetime')}(${raw})`;
      case 'Time':
        return `${this.h('time')}(${raw})`;
      case 'Null':
        return 'null';
    }
  }

  private not(x: string, nullable: boolean): string {
    if (!nullable) return `!${wrap(x)}`;
    const t = this.tmp();
    return `((${t} = ${x}) === null ? null : !${t})`;
  }

  /** `op(a, b)` with null propagation when either side can be null. */
  private nullSafe2(a: TNode, b: TNode, body: (x: string, y: string) => string): string {
    const x = this.gen(a);
    const y = this.gen(b);
    if (!a.nullable && !b.nullable) return body(x, y);
    const tx = this.tmp();
    const ty = this.tmp();
    const checks: string[] = [];
    checks.push(a.nullable ? `(${tx} = ${x}) === null` : `((${tx} = ${x}), false)`);
    checks.push(b.nullable ? `(${ty} = ${y}) === null` : `((${ty} = ${y}), false)`);
    return `(${checks.join(' || ')} ? null : ${body(tx, ty)})`;
  }

  private nullSafe1(a: TNode, body: (x: string) => string): string {
    const x = this.gen(a);
    if (!a.nullable) return body(x);
    const t = this.tmp();
    return `((${t} = ${x}) === null ? null : ${body(t)})`;
  }

  private binary(n: Extract<TNode, { k: 'binary' }>): string {
    const { op, left, right } = n;
    const L = effective(left.type, right.type);
    const R = effective(right.type, left.type);
    switch (op) {
      case '&':
        return `(${this.gen(left)} + ${this.gen(right)})`;
      case '&&':
      case '||':
        return this.logical(op === '&&' ? 'AND' : 'OR', [left, right]);
      case '+': {
        if (isNumeric(L) && isNumeric(R)) return this.nullSafe2(left, right, (a, b) => `${this.h('add')}(${a}, ${b})`);
        if (L === 'Date') return this.nullSafe2(left, right, (a, b) => `${this.h('addDays')}(${a}, ${b})`);
        if (L === 'DateTime') return this.nullSafe2(left, right, (a, b) => `${this.h('addDateTime')}(${a}, ${b})`);
        if (L === 'Time') return this.nullSafe2(left, right, (a, b) => `${this.h('addTime')}(${a}, ${b})`);
        break;
      }
      case '-': {
        if (isNumeric(L) && isNumeric(R)) return this.nullSafe2(left, right, (a, b) => `${this.h('sub')}(${a}, ${b})`);
        if (L === 'Date' && isNumeric(R))
          return this.nullSafe2(left, right, (a, b) => `${this.h('addDays')}(${a}, -${b})`);
        if (L === 'DateTime' && isNumeric(R))
          return this.nullSafe2(left, right, (a, b) => `${this.h('addDateTime')}(${a}, -${b})`);
        if (L === 'Time' && isNumeric(R))
          return this.nullSafe2(left, right, (a, b) => `${this.h('addTime')}(${a}, -${b})`);
        if (L === 'Date' || L === 'Time') return this.nullSafe2(left, right, (a, b) => `(${a} - ${b})`);
        if (L === 'DateTime') return this.nullSafe2(left, right, (a, b) => `${this.h('diffDateTime')}(${a}, ${b})`);
        break;
      }
      case '*':
        return this.nullSafe2(left, right, (a, b) => `${this.h('mul')}(${a}, ${b})`);
      case '/': {
        const f = this.fail(n);
        return this.nullSafe2(left, right, (a, b) => `${this.h('divide')}(${a}, ${b}, ${f})`);
      }
      case '^': {
        const f = this.fail(n);
        return this.nullSafe2(left, right, (a, b) => `${this.h('power')}(${a}, ${b}, ${f})`);
      }
      case '=':
      case '<>': {
        const js = op === '=' ? '===' : '!==';
        if (left.type === 'Null' && right.type === 'Null') return 'null';
        return this.nullSafe2(left, right, (a, b) => `(${a} ${js} ${b})`);
      }
      case '<':
      case '>':
      case '<=':
      case '>=':
        return this.nullSafe2(left, right, (a, b) => `(${a} ${op} ${b})`);
    }
    throw new Error(`internal: no code for ${L} ${op} ${R}`);
  }

  /** AND / OR with Salesforce's three-valued logic (blank operands make the result blank). */
  private logical(kind: 'AND' | 'OR', args: readonly TNode[]): string {
    const codes = args.map((a) => this.gen(a));
    const js = kind === 'AND' ? '&&' : '||';
    if (args.every((a) => !a.nullable)) return `(${codes.map(wrap).join(` ${js} `)})`;
    const decisive = kind === 'AND' ? 'false' : 'true';
    const neutral = kind === 'AND' ? 'true' : 'false';
    const temps = args.map((a) => (a.nullable ? this.tmp() : ''));
    // Short-circuit on the decisive value; otherwise null if any operand was null.
    const tests = codes.map((c, i) =>
      temps[i] ? `(${temps[i]} = ${c}) === ${decisive}` : `${wrap(c)} === ${decisive}`,
    );
    const nulls = temps.filter(Boolean).map((t) => `${t} === null`);
    // When no operand is decisive every operand was evaluated, so the temps are current.
    return `((${tests.join(' || ')}) ? ${decisive} : (${nulls.join(' || ')}) ? null : ${neutral})`;
  }

  // ---------------------------------------------------------------- functions

  private call(n: TCall): string {
    const a = n.args;
    const arg = (i: number): string => this.gen(a[i] as TNode);
    const A = (i: number): TNode => a[i] as TNode;
    const h = (name: keyof typeof RT) => this.h(name);
    switch (n.name) {
      case 'AND':
      case 'OR':
        return this.logical(n.name, a);
      case 'NOT':
        return this.not(arg(0), A(0).nullable);
      case 'IF': {
        return `(${wrap(arg(0))} ? ${arg(1)} : ${arg(2)})`;
      }
      case 'CASE': {
        const subject = this.tmp();
        let code = `((${subject} = ${arg(0)}), `;
        const close = ')';
        for (let i = 1; i < a.length - 1; i += 2) {
          code += `${subject} === ${arg(i)} ? ${arg(i + 1)} : `;
        }
        code += arg(a.length - 1);
        return code + close;
      }
      case 'ISBLANK':
      case 'ISNULL': {
        const t = A(0).type;
        if (t === 'Text' || t === 'Picklist' || t === 'MultiPicklist') {
          return n.name === 'ISNULL' && t === 'Text' ? `(${arg(0)}, false)` : `(${arg(0)} === '')`;
        }
        if (!A(0).nullable) return `(${arg(0)}, false)`;
        return `(${arg(0)} === null)`;
      }
      case 'BLANKVALUE':
      case 'NULLVALUE': {
        const t = this.tmp();
        if (n.type === 'Text') {
          if (n.name === 'NULLVALUE') return arg(0);
          return `((${t} = ${arg(0)}) === '' ? ${arg(1)} : ${t})`;
        }
        if (!A(0).nullable) return arg(0);
        return `((${t} = ${arg(0)}) === null ? ${arg(1)} : ${t})`;
      }
      case 'ISNUMBER':
        return `${h('isNumber')}(${arg(0)})`;
      case 'ISCHANGED':
        return `(ctx.prior == null ? false : ${arg(0)} !== ${arg(1)})`;
      case 'PRIORVALUE':
        return arg(0);
      case 'ISNEW':
        return `(ctx.isNew == null ? ctx.prior == null : ctx.isNew === true)`;
      case 'ISCLONE':
        return `(ctx.isClone === true)`;
      case 'ISPICKVAL':
        return `(${arg(0)} === ${arg(1)})`;
      case 'INCLUDES':
        return `${h('includes')}(${arg(0)}, ${arg(1)})`;
      case 'PICKLISTCOUNT':
        return A(0).type === 'Picklist' ? `(${arg(0)} === '' ? 0 : 1)` : `${h('picklistCount')}(${arg(0)})`;
      case 'REGEX': {
        const pattern = A(1);
        if (pattern.k === 'literal' && typeof pattern.value === 'string') {
          const re = this.constant(javaRegex(pattern.value));
          return `${re}.test(${arg(0)})`;
        }
        return `${h('regex')}(${arg(0)}, ${arg(1)}, ${this.fail(n)})`;
      }
      case 'BEGINS':
        return `${arg(0)}.startsWith(${arg(1)})`;
      case 'CONTAINS':
        return `${arg(0)}.includes(${arg(1)})`;
      case 'FIND':
        return `${h('find')}(${arg(0)}, ${arg(1)}, ${a.length > 2 ? arg(2) : 'null'})`;
      case 'LEFT':
        return `${h('left')}(${arg(0)}, ${arg(1)})`;
      case 'RIGHT':
        return `${h('right')}(${arg(0)}, ${arg(1)})`;
      case 'MID':
        return `${h('mid')}(${arg(0)}, ${arg(1)}, ${arg(2)})`;
      case 'LEN':
        return `${arg(0)}.length`;
      case 'LOWER':
        return `${arg(0)}.toLowerCase()`;
      case 'UPPER':
        return `${arg(0)}.toUpperCase()`;
      case 'TRIM':
        return `${h('trim')}(${arg(0)})`;
      case 'INITCAP':
        return `${h('initcap')}(${arg(0)})`;
      case 'REVERSE':
        return `${h('reverse')}(${arg(0)})`;
      case 'CASESAFEID':
        return `${h('caseSafeId')}(${arg(0)})`;
      case 'LPAD':
      case 'RPAD':
        return `${h('pad')}(${arg(0)}, ${arg(1)}, ${a.length > 2 ? arg(2) : '" "'}, ${n.name === 'LPAD'})`;
      case 'SUBSTITUTE':
        return `${h('substitute')}(${arg(0)}, ${arg(1)}, ${arg(2)})`;
      case 'TEXT': {
        const t = A(0).type;
        if (t === 'Text' || t === 'Picklist') return arg(0);
        if (isNumeric(t)) return `${h('textOfNumber')}(${arg(0)})`;
        if (t === 'Date') return `${h('textOfDate')}(${arg(0)})`;
        if (t === 'DateTime') return `${h('textOfDateTimeValue')}(${arg(0)})`;
        if (t === 'Time') return `${h('textOfTime')}(${arg(0)})`;
        return `''`;
      }
      case 'VALUE':
        return `${h('value')}(${arg(0)}, ${this.fail(n)})`;
      case 'HYPERLINK':
        return `${h('hyperlink')}(${arg(0)}, ${arg(1)}, ${a.length > 2 ? arg(2) : 'null'})`;
      case 'IMAGE':
        return `${h('image')}(${arg(0)}, ${arg(1)}, ${a.length > 2 ? arg(2) : 'undefined'}, ${a.length > 3 ? arg(3) : 'undefined'})`;
      case 'BR':
        return `'<br>'`;
      case 'ASCII':
        return `${h('ascii')}(${arg(0)})`;
      case 'CHR':
        return `${h('chr')}(${arg(0)}, ${this.fail(n)})`;
      case 'ABS':
        return this.nullSafe1(A(0), (x) => `Math.abs(${x})`);
      case 'CEILING':
        return this.nullSafe1(A(0), (x) => `${h('ceilingAway')}(${x})`);
      case 'FLOOR':
        return this.nullSafe1(A(0), (x) => `${h('floorToward')}(${x})`);
      case 'MCEILING':
        return this.nullSafe1(A(0), (x) => `${h('mceiling')}(${x})`);
      case 'MFLOOR':
        return this.nullSafe1(A(0), (x) => `${h('mfloor')}(${x})`);
      case 'ROUND':
        return this.nullSafe2(A(0), A(1), (x, d) => `${h('round')}(${x}, ${d})`);
      case 'TRUNC':
        if (a.length === 1) return this.nullSafe1(A(0), (x) => `${h('trunc')}(${x}, 0)`);
        return this.nullSafe2(A(0), A(1), (x, d) => `${h('trunc')}(${x}, ${d})`);
      case 'MAX':
      case 'MIN': {
        const fn = n.name === 'MAX' ? 'Math.max' : 'Math.min';
        if (a.every((x) => !x.nullable)) return `${fn}(${a.map((x) => this.gen(x)).join(', ')})`;
        const temps = a.map(() => this.tmp());
        const checks = a.map((x, i) =>
          x.nullable ? `(${temps[i]} = ${this.gen(x)}) === null` : `((${temps[i]} = ${this.gen(x)}), false)`,
        );
        return `(${checks.join(' || ')} ? null : ${fn}(${temps.join(', ')}))`;
      }
      case 'MOD': {
        const f = this.fail(n);
        return this.nullSafe2(A(0), A(1), (x, y) => `${h('modulo')}(${x}, ${y}, ${f})`);
      }
      case 'SQRT':
      case 'LN':
      case 'LOG':
      case 'EXP': {
        const f = this.fail(n);
        const fn = ({ SQRT: 'sqrt', LN: 'ln', LOG: 'log10', EXP: 'exp' } as const)[n.name];
        return this.nullSafe1(A(0), (x) => `${h(fn)}(${x}, ${f})`);
      }
      case 'DATE': {
        const f = this.fail(n);
        const temps = [this.tmp(), this.tmp(), this.tmp()];
        const checks = a.map((x, i) =>
          x.nullable ? `(${temps[i]} = ${this.gen(x)}) === null` : `((${temps[i]} = ${this.gen(x)}), false)`,
        );
        return `(${checks.join(' || ')} ? null : ${h('makeDate')}(${temps.join(', ')}, ${f}))`;
      }
      case 'DATEVALUE': {
        const t = A(0).type;
        if (t === 'Text') return `${h('dateValueOfText')}(${arg(0)}, ${this.fail(n)})`;
        if (t === 'DateTime') {
          const f = this.fail(n);
          return this.nullSafe1(A(0), (x) => `${h('dateValueOfDateTime')}(${x}, ctx, ${f})`);
        }
        return arg(0);
      }
      case 'DATETIMEVALUE': {
        const t = A(0).type;
        if (t === 'Text') return `${h('dateTimeValueOfText')}(${arg(0)}, ${this.fail(n)})`;
        if (t === 'Date') return this.nullSafe1(A(0), (x) => `(${x} * 86400000)`);
        return arg(0);
      }
      case 'TIMEVALUE': {
        const t = A(0).type;
        if (t === 'Text') return `${h('timeValueOfText')}(${arg(0)}, ${this.fail(n)})`;
        if (t === 'DateTime') return this.nullSafe1(A(0), (x) => `${h('timeOfDateTime')}(${x})`);
        return arg(0);
      }
      case 'TODAY':
        return `${h('today')}(ctx, ${this.fail(n)})`;
      case 'NOW':
        return `${h('now')}(ctx, ${this.fail(n)})`;
      case 'TIMENOW':
        return `${h('timeNow')}(ctx, ${this.fail(n)})`;
      case 'YEAR':
      case 'MONTH':
      case 'DAY':
      case 'WEEKDAY':
      case 'DAYOFYEAR':
      case 'ISOWEEK':
      case 'ISOYEAR': {
        const fn = (
          {
            YEAR: 'year',
            MONTH: 'month',
            DAY: 'day',
            WEEKDAY: 'weekday',
            DAYOFYEAR: 'dayOfYear',
            ISOWEEK: 'isoWeek',
            ISOYEAR: 'isoYear',
          } as const
        )[n.name];
        return this.nullSafe1(A(0), (x) => `${h(fn)}(${x})`);
      }
      case 'ADDMONTHS': {
        const fn = A(0).type === 'DateTime' ? 'addMonthsDateTime' : 'addMonths';
        return this.nullSafe2(A(0), A(1), (d, m) => `${h(fn)}(${d}, ${m})`);
      }
      case 'HOUR':
      case 'MINUTE':
      case 'SECOND':
      case 'MILLISECOND': {
        const fn = ({ HOUR: 'hour', MINUTE: 'minute', SECOND: 'second', MILLISECOND: 'millisecond' } as const)[n.name];
        return this.nullSafe1(A(0), (x) => `${h(fn)}(${x})`);
      }
      case 'UNIXTIMESTAMP':
        return A(0).type === 'Date'
          ? this.nullSafe1(A(0), (x) => `(${x} * 86400)`)
          : this.nullSafe1(A(0), (x) => `Math.floor(${x} / 1000)`);
      case 'FROMUNIXTIME':
        return this.nullSafe1(A(0), (x) => `Math.round(${x} * 1000)`);
    }
    throw new Error(`internal: no code for function ${n.name}`);
  }
}

function literal(v: number | string | boolean | null): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return v < 0 || Object.is(v, -0) ? `(${v})` : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  return v ? 'true' : 'false';
}

function wrap(code: string): string {
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

function effective(a: FormulaType, b: FormulaType): FormulaType {
  return a === 'Null' ? (b === 'Null' ? 'Number' : b) : a;
}
