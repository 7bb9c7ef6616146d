/**
 * Compiles a checked formula ONCE into a JavaScript function (generated source + `new Function`).
 * The generated code works on the internal value representation (runtime.ts), avoids allocation
 * per evaluation, reads record fields by their canonical API names, and converts the result to
 * the external representation at the end (dates as 'YYYY-MM-DD', datetimes as ISO 8601 UTC,
 * percents as the API value, blank text as null).
 */
import type { CheckedFormula } from './checker.ts';
import { FormulaError } from './errors.ts';
import { Generator } from './generator.ts';
import * as RT from './runtime.ts';
import type { EvalContext } from './runtime.ts';
import type { TNode } from './typed-ast.ts';

export type FormulaValue = boolean | number | string | null;

export interface CompiledFormula {
  (ctx: EvalContext): FormulaValue;
  readonly checked: CheckedFormula;
  /** The Salesforce type of the returned value. */
  readonly returnType: CheckedFormula['returnType'];
  /** The generated JavaScript, for debugging. */
  readonly js: string;
}

export function compile(checked: CheckedFormula): CompiledFormula {
  const gen = new Generator(checked);
  let fn: (ctx: EvalContext) => FormulaValue;
  let js: string;
  try {
    js = gen.source(resultCode(gen, checked.typed));
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

/** The formula's value converted to the external representation of its return type. */
function resultCode(gen: Generator, node: TNode): string {
  const e = gen.gen(node);
  const scale = gen.checked.scale === undefined ? 'undefined' : gen.checked.scale;
  switch (gen.checked.returnType) {
    case 'Checkbox':
      return node.nullable ? `(${e}) === true` : e;
    case 'Text':
      return `${gen.h('outText')}(${e})`;
    case 'Date':
      return `${gen.h('outDate')}(${e})`;
    case 'DateTime':
      return `${gen.h('outDateTime')}(${e})`;
    case 'Time':
      return `${gen.h('outTime')}(${e})`;
    case 'Percent':
      return `${gen.h('outPercent')}(${e}, ${scale}, ${gen.fail(node)})`;
    case 'Number':
    case 'Currency':
      return `${gen.h('outNumber')}(${e}, ${scale}, ${gen.fail(node)})`;
  }
}
