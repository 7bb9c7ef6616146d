/** Math functions. Numbers are decimal (see decimal.ts); a blank argument makes the result blank. */
import type { FormulaAst } from '../ast.ts';
import type { FormulaType } from '../types.ts';
import {
  NUMERIC,
  helpPage,
  param,
  type CallCompile,
  type Example,
  type FunctionSpec,
  type RuntimeHelper,
} from './spec.ts';

const SAME_AS_NUMBER = { sameAs: 0, ifNull: 'Number' } as const;

/** A one-argument function of a number that keeps the argument's type (ABS, CEILING, …). */
function rounding(
  name: string,
  summary: string,
  example: Example,
  compile: (x: string, c: CallCompile) => string,
): FunctionSpec {
  return {
    name,
    category: 'math',
    summary,
    params: [param('number', NUMERIC)],
    returns: SAME_AS_NUMBER,
    blanks: 'propagates',
    doc: helpPage(name),
    example,
    compile: (c) => c.nullSafe((x) => compile(x as string, c)),
  };
}

/** A function that can fail (#Error! in Salesforce), compiled to a run-time helper with an error site. */
function failing(
  name: string,
  summary: string,
  helper: RuntimeHelper,
  argNames: readonly string[],
  example: Example,
): FunctionSpec {
  return {
    name,
    category: 'math',
    summary,
    params: argNames.map((n) => param(n, NUMERIC)),
    returns: name === 'MOD' ? SAME_AS_NUMBER : 'Number',
    blanks: 'propagates',
    doc: helpPage(name),
    example,
    compile: (c) => {
      const f = c.fail();
      return c.nullSafe((...xs) => `${c.helper(helper)}(${xs.join(', ')}, ${f})`);
    },
  };
}

/** MAX and MIN: the common numeric type of their arguments. */
function extreme(name: 'MAX' | 'MIN'): FunctionSpec {
  return {
    name,
    category: 'math',
    summary: `The ${name === 'MAX' ? 'largest' : 'smallest'} of the numbers.`,
    params: [param('number', NUMERIC, { repeats: true })],
    returns: 'the common type of the numbers',
    blanks: 'own',
    blankNote: 'Blank when any argument is blank.',
    doc: helpPage(name),
    example: name === 'MAX' ? { formula: 'MAX(1, 5, 3)', result: 5 } : { formula: 'MIN(1, -5, 3)', result: -5 },
    check: (call) => {
      const args = call.args.map((_, i) => call.arg(i, NUMERIC));
      let type: FormulaType = 'Null';
      args.forEach((x, i) => (type = call.unifyType(type, x.type, call.args[i] as FormulaAst)));
      return call.result(
        type === 'Null' ? 'Number' : type,
        args,
        args.some((x) => x.nullable),
      );
    },
    compile: (c) => c.nullSafe((...xs) => `Math.${name.toLowerCase()}(${xs.join(', ')})`),
  };
}

export const MATH_FUNCTIONS: readonly FunctionSpec[] = [
  rounding('ABS', 'The number without its sign.', { formula: 'ABS(-5)', result: 5 }, (x) => `Math.abs(${x})`),
  rounding(
    'CEILING',
    'Rounded up, away from zero.',
    { formula: 'CEILING(-2.5)', result: -3 },
    (x, c) => `${c.helper('ceilingAway')}(${x})`,
  ),
  rounding(
    'FLOOR',
    'Rounded down, toward zero.',
    { formula: 'FLOOR(-2.5)', result: -2 },
    (x, c) => `${c.helper('floorToward')}(${x})`,
  ),
  rounding(
    'MCEILING',
    'Rounded up to the next integer.',
    { formula: 'MCEILING(-2.5)', result: -2 },
    (x, c) => `${c.helper('mceiling')}(${x})`,
  ),
  rounding(
    'MFLOOR',
    'Rounded down to the next integer.',
    { formula: 'MFLOOR(-2.5)', result: -3 },
    (x, c) => `${c.helper('mfloor')}(${x})`,
  ),
  {
    name: 'ROUND',
    category: 'math',
    summary: 'Rounded half away from zero to num_digits decimal places (negative: left of the point).',
    params: [param('number', NUMERIC), param('num_digits', NUMERIC)],
    returns: SAME_AS_NUMBER,
    blanks: 'propagates',
    doc: helpPage('ROUND'),
    example: { formula: 'ROUND(1.005, 2)', result: 1.01 },
    compile: (c) => c.nullSafe((x, d) => `${c.helper('round')}(${x}, ${d})`),
  },
  {
    name: 'TRUNC',
    category: 'math',
    summary: 'Truncated toward zero to num_digits decimal places (default 0).',
    params: [param('number', NUMERIC), param('num_digits', NUMERIC, { optional: true })],
    returns: SAME_AS_NUMBER,
    blanks: 'propagates',
    doc: helpPage('TRUNC'),
    example: { formula: 'TRUNC(12.789, 1)', result: 12.7 },
    compile: (c) => c.nullSafe((x, d) => `${c.helper('trunc')}(${x}, ${d ?? 0})`),
  },
  extreme('MAX'),
  extreme('MIN'),
  failing(
    'MOD',
    'The remainder of number divided by divisor, with the sign of number.',
    'modulo',
    ['number', 'divisor'],
    { formula: 'MOD(-5, 3)', result: -2 },
  ),
  failing('SQRT', 'The positive square root.', 'sqrt', ['number'], { formula: 'SQRT(25)', result: 5 }),
  failing('EXP', 'e raised to the power of the number.', 'exp', ['number'], {
    formula: 'EXP(1)',
    result: 2.71828182845905,
  }),
  failing('LN', 'The natural logarithm.', 'ln', ['number'], { formula: 'LN(EXP(2))', result: 2 }),
  failing('LOG', 'The base-10 logarithm.', 'log10', ['number'], { formula: 'LOG(100)', result: 2 }),
];
