/**
 * The code generator: JavaScript source for a checked formula, on the engine's internal value
 * representation (runtime.ts). Holds what the generated function closes over — run-time helpers,
 * constants, error sites, temporaries — and the primitives the field, operator and function code
 * is built from.
 */
import type { CheckedFormula } from './checker.ts';
import { callCode } from './compile-calls.ts';
import { fieldCode, readValue } from './compile-fields.ts';
import { binaryCode, unaryCode } from './compile-operators.ts';
import { literal, wrap, type CodeScope } from './compile-scope.ts';
import { FormulaError } from './errors.ts';
import type { RuntimeHelper } from './functions/spec.ts';
import type { Fail } from './runtime.ts';
import type { TNode } from './typed-ast.ts';

export class Generator implements CodeScope {
  readonly constants: unknown[] = [];
  readonly fails: Fail[] = [];
  readonly checked: CheckedFormula;
  private temps = 0;
  private readonly helpers = new Set<string>();
  private readonly preludes = new Map<string, string>();

  constructor(checked: CheckedFormula) {
    this.checked = checked;
    this.constants.push(Object.freeze({})); // k0: the empty record / context
  }

  /** The factory's body: declarations of what the formula closes over, then the formula function. */
  source(body: string): string {
    const helperDecls = [...this.helpers].map((h) => `const $${h} = R.${h};`).join('\n');
    const failDecls = this.fails.map((_, i) => `const f${i} = F[${i}];`).join('\n');
    const constDecls = this.constants.map((_, i) => `const k${i} = K[${i}];`).join('\n');
    const temps = this.temps > 0 ? `let ${Array.from({ length: this.temps }, (_, i) => `t${i}`).join(', ')};` : '';
    const pre = [...this.preludes.values()].join('\n  ');
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

  h(name: RuntimeHelper): string {
    this.helpers.add(name);
    return `$${name}`;
  }

  tmp(): string {
    return `t${this.temps++}`;
  }

  constant(v: unknown): string {
    this.constants.push(v);
    return `k${this.constants.length - 1}`;
  }

  fail(at: { start: number; end: number }): string {
    const source = this.checked.source;
    const i = this.fails.length;
    this.fails.push((message: string): never => {
      throw new FormulaError('runtime', message, source, at.start, Math.max(1, at.end - at.start));
    });
    return `f${i}`;
  }

  prelude(key: string, code: string): void {
    this.preludes.set(key, code);
  }

  gen(n: TNode): string {
    switch (n.k) {
      case 'literal':
        return literal(n.value);
      case 'field':
        return fieldCode(this, n);
      case 'permission':
        return `${this.h('hasPermission')}(ctx, ${JSON.stringify(n.name.toLowerCase())})`;
      case 'customMetadata': {
        const fallback = literal(n.value);
        const raw = `${this.h('customMetadata')}(ctx, ${JSON.stringify(n.typeName)}, ${JSON.stringify(n.recordName)}, ${JSON.stringify(n.fieldName)})`;
        const t = this.tmp();
        return `((${t} = ${raw}) === undefined ? ${fallback} : ${readValue(this, n.type, n.fieldType ?? 'string', t)})`;
      }
      case 'unary':
        return unaryCode(this, n);
      case 'binary':
        return binaryCode(this, n);
      case 'call':
        return callCode(this, n);
    }
  }

  not(x: string, nullable: boolean): string {
    if (!nullable) return `!${wrap(x)}`;
    const t = this.tmp();
    return `((${t} = ${x}) === null ? null : !${t})`;
  }

  nullSafe(args: readonly TNode[], body: (...values: string[]) => string): string {
    const codes = args.map((a) => this.gen(a));
    if (args.every((a) => !a.nullable)) return body(...codes);
    if (args.length === 1) {
      const t = this.tmp();
      return `((${t} = ${codes[0]}) === null ? null : ${body(t)})`;
    }
    const temps = args.map(() => this.tmp());
    const checks = args.map((a, i) =>
      a.nullable ? `(${temps[i]} = ${codes[i]}) === null` : `((${temps[i]} = ${codes[i]}), false)`,
    );
    return `(${checks.join(' || ')} ? null : ${body(...temps)})`;
  }

  logical(js: '&&' | '||', args: readonly TNode[]): string {
    const codes = args.map((a) => this.gen(a));
    if (args.every((a) => !a.nullable)) return `(${codes.map(wrap).join(` ${js} `)})`;
    const decisive = js === '&&' ? 'false' : 'true';
    const neutral = js === '&&' ? 'true' : 'false';
    const temps = args.map((a) => (a.nullable ? this.tmp() : ''));
    // Short-circuit on the decisive value; otherwise null if any operand was null.
    const tests = codes.map((c, i) =>
      temps[i] ? `(${temps[i]} = ${c}) === ${decisive}` : `${wrap(c)} === ${decisive}`,
    );
    const nulls = temps.filter(Boolean).map((t) => `${t} === null`);
    // When no operand is decisive every operand was evaluated, so the temps are current.
    return `((${tests.join(' || ')}) ? ${decisive} : (${nulls.join(' || ')}) ? null : ${neutral})`;
  }
}
