/** Logical functions: AND, OR, NOT, IF, CASE and the blank tests. */
import type { TNode } from '../typed-ast.ts';
import { isNumeric, type FormulaType } from '../types.ts';
import { CHECKBOX, NUMERIC, TEXT, helpPage, param, type CallCheck, type FunctionSpec } from './spec.ts';

const asText = (t: TNode, call: CallCheck): TNode => (t.type === 'Null' ? call.expectType(t, TEXT, t) : t);

/** CASE(expression, value1, result1, …, else_result): values match the expression's type, results unify. */
function checkCase(call: CallCheck): TNode {
  const n = call.args.length;
  if (n % 2 !== 0) {
    throw call.error(
      'type',
      `Incorrect number of parameters for function 'CASE()'. Expected an even number (expression, value/result pairs, else result), received ${n}`,
    );
  }
  let subject = call.node(0, { picklist: true });
  if (subject.type === 'MultiPicklist')
    throw call.error(
      'type',
      `Incorrect parameter type for ${call.where}. Multi-select picklists are not supported in CASE`,
      call.args[0],
    );
  const matchType: FormulaType = subject.type === 'Picklist' ? 'Text' : subject.type;
  if (subject.type === 'Null') subject = asText(subject, call);
  const accepted: readonly FormulaType[] = isNumeric(matchType) ? NUMERIC : [matchType === 'Null' ? 'Text' : matchType];
  const args: TNode[] = [subject];
  const results: TNode[] = [];
  let resultType: FormulaType = 'Null';
  for (let i = 1; i < n; i++) {
    const at = call.args[i] as { start: number; end: number };
    if (i % 2 === 1 && i < n - 1) {
      args.push(call.expectType(call.node(i), accepted, at));
    } else {
      const result = call.node(i);
      resultType = call.unifyType(resultType, result.type, at);
      results.push(result);
      args.push(result);
    }
  }
  // Results take the unified type (NULL becomes "" where the result is Text).
  const fixed = args.map((x, i) =>
    i > 0 && (i % 2 === 0 || i === n - 1) && resultType === 'Text' ? asText(x, call) : x,
  );
  return call.result(
    resultType,
    fixed,
    results.some((r) => r.nullable && resultType !== 'Text'),
  );
}

export const LOGICAL_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'AND',
    category: 'logical',
    summary: 'TRUE when every argument is TRUE.',
    params: [param('logical', CHECKBOX, { repeats: true })],
    returns: 'Checkbox',
    blanks: 'propagates',
    blankNote: 'FALSE if any argument is FALSE; otherwise blank when any argument is blank.',
    doc: helpPage('AND'),
    example: { formula: 'AND(Amount > 500, ISPICKVAL(StageName, "Commercials"))', result: true },
    compile: (c) => c.logical('&&', c.call.args),
  },
  {
    name: 'OR',
    category: 'logical',
    summary: 'TRUE when any argument is TRUE.',
    params: [param('logical', CHECKBOX, { repeats: true })],
    returns: 'Checkbox',
    blanks: 'propagates',
    blankNote: 'TRUE if any argument is TRUE; otherwise blank when any argument is blank.',
    doc: helpPage('OR'),
    example: { formula: 'OR(Amount > 5000, ISBLANK(NextStep))', result: true },
    compile: (c) => c.logical('||', c.call.args),
  },
  {
    name: 'NOT',
    category: 'logical',
    summary: 'TRUE for FALSE and FALSE for TRUE.',
    params: [param('logical', CHECKBOX)],
    returns: 'Checkbox',
    blanks: 'propagates',
    doc: helpPage('NOT'),
    example: { formula: 'NOT(ISBLANK(Name))', result: true },
    compile: (c) => c.not(c.arg(0), c.node(0).nullable),
  },
  {
    name: 'IF',
    category: 'logical',
    summary: 'One of two values, chosen by a condition.',
    params: [param('logical_test', CHECKBOX), param('value_if_true', 'any'), param('value_if_false', 'any')],
    returns: 'the common type of value_if_true and value_if_false',
    blanks: 'own',
    blankNote: 'A blank condition chooses value_if_false; blank when the chosen value is.',
    doc: helpPage('IF'),
    example: { formula: 'IF(Amount > 500, "Large", "Small")', result: 'Large' },
    check: (call) => {
      const test = call.arg(0, CHECKBOX);
      const [t, f, type] = call.unify(call.node(1), call.node(2));
      return call.result(type, [test, t, f], t.nullable || f.nullable);
    },
    compile: (c) => `(${c.wrap(c.arg(0))} ? ${c.arg(1)} : ${c.arg(2)})`,
  },
  {
    name: 'CASE',
    category: 'logical',
    summary: 'The result paired with the first value equal to the expression, else the last argument.',
    params: [
      param('expression', 'any', { picklist: true }),
      param('value1', 'any'),
      param('result1', 'any', { repeats: true }),
      param('else_result', 'any'),
    ],
    returns: 'the common type of the results',
    blanks: 'own',
    blankNote: 'A blank expression matches no value (a blank text matches ""); blank when the chosen result is.',
    doc: helpPage('CASE'),
    example: { formula: 'CASE(MONTH(CloseDate), 6, "June", 7, "July", "Other")', result: 'June' },
    check: checkCase,
    compile: (c) => {
      const subject = c.tmp();
      const n = c.call.args.length;
      let code = `((${subject} = ${c.arg(0)}), `;
      for (let i = 1; i < n - 1; i += 2) code += `${subject} === ${c.arg(i)} ? ${c.arg(i + 1)} : `;
      return `${code}${c.arg(n - 1)})`;
    },
  },
  ...blankTests(),
  ...blankDefaults(),
  {
    name: 'ISNUMBER',
    category: 'logical',
    summary: 'TRUE when the text is a number ("2E2" and "123.123" are; " 12", "1,000" and "$5" are not).',
    params: [param('text', TEXT)],
    returns: 'Checkbox',
    blanks: 'never',
    blankNote: 'FALSE for a blank text.',
    doc: helpPage('ISNUMBER'),
    example: { formula: 'ISNUMBER("123")', result: true },
    compile: (c) => `${c.helper('isNumber')}(${c.arg(0)})`,
  },
];

/** ISBLANK and ISNULL: the same test, except that text is never null (ISNULL doc). */
function blankTests(): FunctionSpec[] {
  return (['ISBLANK', 'ISNULL'] as const).map((name) => ({
    name,
    category: 'logical',
    summary:
      name === 'ISBLANK'
        ? 'TRUE when the value is blank (empty text counts as blank).'
        : 'TRUE when the value is null; text is never null, so ISNULL of text is FALSE.',
    params: [param('expression', 'any', { picklist: true })],
    returns: 'Checkbox',
    blanks: 'never',
    blankNote:
      name === 'ISBLANK'
        ? 'TRUE for a blank value of any type.'
        : 'TRUE for a blank number, date or picklist; FALSE for any text.',
    doc: helpPage(name),
    example:
      name === 'ISBLANK'
        ? { formula: 'ISBLANK(NextStep)', result: true }
        : { formula: 'ISNULL(Amount)', result: false },
    compile: (c) => {
      const t = c.node(0).type;
      if (t === 'Text' || t === 'Picklist' || t === 'MultiPicklist') {
        return name === 'ISNULL' && t === 'Text' ? `(${c.arg(0)}, false)` : `(${c.arg(0)} === '')`;
      }
      if (!c.node(0).nullable) return `(${c.arg(0)}, false)`;
      return `(${c.arg(0)} === null)`;
    },
  }));
}

/** BLANKVALUE and NULLVALUE: a substitute for a blank value (NULLVALUE never replaces text). */
function blankDefaults(): FunctionSpec[] {
  return (['BLANKVALUE', 'NULLVALUE'] as const).map((name) => ({
    name,
    category: 'logical',
    summary:
      name === 'BLANKVALUE'
        ? 'The substitute when the expression is blank, else the expression.'
        : 'The substitute when the expression is null, else the expression (text is never null).',
    params: [param('expression', 'any'), param('substitute_expression', 'any')],
    returns: 'the common type of expression and substitute_expression',
    blanks: 'own',
    blankNote: 'Blank only when both arguments are.',
    doc: helpPage(name),
    example:
      name === 'BLANKVALUE'
        ? { formula: 'BLANKVALUE(NextStep, "Undecided")', result: 'Undecided' }
        : { formula: 'NULLVALUE(Term_Months__c, 12)', result: 12 },
    check: (call) => {
      const [x, y, type] = call.unify(call.node(0), call.node(1));
      return call.result(type, [x, y], x.nullable && y.nullable);
    },
    compile: (c) => {
      const t = c.tmp();
      if (c.call.type === 'Text') {
        if (name === 'NULLVALUE') return c.arg(0);
        return `((${t} = ${c.arg(0)}) === '' ? ${c.arg(1)} : ${t})`;
      }
      if (!c.node(0).nullable) return c.arg(0);
      return `((${t} = ${c.arg(0)}) === null ? ${c.arg(1)} : ${t})`;
    },
  }));
}
