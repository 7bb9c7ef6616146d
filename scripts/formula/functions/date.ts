/** Date and time functions that make or convert dates, date/times and times. */
import { parseDateText, parseDateTimeText } from '../datetime.ts';
import type { TNode } from '../typed-ast.ts';
import { NUMERIC, helpPage, param, type CallCheck, type FunctionSpec } from './spec.ts';

/** A constant text argument of DATEVALUE / DATETIMEVALUE must be a valid date: Salesforce rejects it when saving. */
function checkDateLiteral(call: CallCheck, x: TNode, target: 'Date' | 'DateTime'): void {
  if (x.k !== 'literal' || typeof x.value !== 'string') return;
  const ok = target === 'Date' ? parseDateText(x.value) !== null : parseDateTimeText(x.value) !== null;
  if (!ok)
    throw call.error(
      'type',
      `Invalid ${target === 'Date' ? 'date' : 'date/time'} text "${x.value}" (expected ${target === 'Date' ? 'YYYY-MM-DD' : 'YYYY-MM-DD HH:MM:SS'})`,
      call.args[0],
    );
}

/** TODAY, NOW, TIMENOW: the evaluation context's current time. */
function clock(
  name: 'TODAY' | 'NOW' | 'TIMENOW',
  returns: 'Date' | 'DateTime' | 'Time',
  summary: string,
  result: string,
): FunctionSpec {
  const helper = ({ TODAY: 'today', NOW: 'now', TIMENOW: 'timeNow' } as const)[name];
  return {
    name,
    category: 'date',
    summary,
    params: [],
    returns,
    blanks: 'never',
    doc: helpPage(name),
    example: { formula: `${name}()`, result },
    clock: true,
    compile: (c) => `${c.helper(helper)}(ctx, ${c.fail()})`,
  };
}

export const DATE_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'DATE',
    category: 'date',
    summary: 'The date of a year, month and day; an invalid date (2023-02-29) is an error.',
    params: [param('year', NUMERIC), param('month', NUMERIC), param('day', NUMERIC)],
    returns: 'Date',
    blanks: 'always',
    blankNote: 'Blank when any argument is blank.',
    doc: helpPage('DATE'),
    example: { formula: 'DATE(2005, 1, 2)', result: '2005-01-02' },
    compile: (c) => {
      const f = c.fail();
      return c.nullSafe((y, m, d) => `${c.helper('makeDate')}(${y}, ${m}, ${d}, ${f})`);
    },
  },
  {
    name: 'DATEVALUE',
    category: 'date',
    summary: 'The date of a date/time (in the user’s time zone) or of a YYYY-MM-DD text.',
    params: [param('expression', ['Text', 'DateTime', 'Date'])],
    returns: 'Date',
    blanks: 'always',
    doc: helpPage('DATEVALUE'),
    example: { formula: 'DATEVALUE("2005-11-15")', result: '2005-11-15' },
    check: (call) => {
      const x = call.arg(0, ['Text', 'DateTime', 'Date']);
      checkDateLiteral(call, x, 'Date');
      return call.result('Date', [x], true);
    },
    compile: (c) => {
      const t = c.node(0).type;
      if (t === 'Text') return `${c.helper('dateValueOfText')}(${c.arg(0)}, ${c.fail()})`;
      if (t !== 'DateTime') return c.arg(0);
      const f = c.fail();
      return c.nullSafe((x) => `${c.helper('dateValueOfDateTime')}(${x}, ctx, ${f})`);
    },
  },
  {
    name: 'DATETIMEVALUE',
    category: 'date',
    summary: 'The date/time (GMT) of a date or of a YYYY-MM-DD HH:MM:SS text.',
    params: [param('expression', ['Text', 'Date', 'DateTime'])],
    returns: 'DateTime',
    blanks: 'always',
    doc: helpPage('DATETIMEVALUE'),
    example: { formula: 'DATETIMEVALUE("2005-11-15 17:00:00")', result: '2005-11-15T17:00:00.000Z' },
    check: (call) => {
      const x = call.arg(0, ['Text', 'Date', 'DateTime']);
      checkDateLiteral(call, x, 'DateTime');
      return call.result('DateTime', [x], true);
    },
    compile: (c) => {
      const t = c.node(0).type;
      if (t === 'Text') return `${c.helper('dateTimeValueOfText')}(${c.arg(0)}, ${c.fail()})`;
      if (t === 'Date') return c.nullSafe((x) => `(${x} * 86400000)`);
      return c.arg(0);
    },
  },
  {
    name: 'TIMEVALUE',
    category: 'date',
    summary: 'The time (GMT) of a date/time or of an HH:MM:SS.MS text.',
    params: [param('value', ['Text', 'DateTime', 'Time'])],
    returns: 'Time',
    blanks: 'always',
    doc: helpPage('TIMEVALUE'),
    example: { formula: 'TIMEVALUE("17:30:45.125")', result: '17:30:45.125Z' },
    compile: (c) => {
      const t = c.node(0).type;
      if (t === 'Text') return `${c.helper('timeValueOfText')}(${c.arg(0)}, ${c.fail()})`;
      if (t === 'DateTime') return c.nullSafe((x) => `${c.helper('timeOfDateTime')}(${x})`);
      return c.arg(0);
    },
  },
  clock('TODAY', 'Date', 'The current date in the user’s time zone.', '2024-05-01'),
  clock('NOW', 'DateTime', 'The current date and time.', '2024-05-01T12:00:00.000Z'),
  clock('TIMENOW', 'Time', 'The current time of day (GMT).', '12:00:00.000Z'),
  {
    name: 'ADDMONTHS',
    category: 'date',
    summary: 'The date num months later; a month-end date stays at month end.',
    params: [param('date', ['Date', 'DateTime']), param('num', NUMERIC)],
    returns: { sameAs: 0, ifNull: 'Date' },
    blanks: 'propagates',
    doc: helpPage('ADDMONTHS'),
    example: { formula: 'ADDMONTHS(DATE(2005, 1, 31), 1)', result: '2005-02-28' },
    compile: (c) => {
      const fn = c.node(0).type === 'DateTime' ? 'addMonthsDateTime' : 'addMonths';
      const f = c.fail();
      return c.nullSafe((d, m) => `${c.helper(fn)}(${d}, ${m}, ${f})`);
    },
  },
  {
    name: 'UNIXTIMESTAMP',
    category: 'date',
    summary: 'The seconds since 1970-01-01 00:00:00 GMT.',
    params: [param('date', ['Date', 'DateTime'])],
    returns: 'Number',
    blanks: 'propagates',
    doc: helpPage('UNIXTIMESTAMP'),
    example: { formula: 'UNIXTIMESTAMP(DATE(1970, 1, 2))', result: 86400 },
    compile: (c) =>
      c.node(0).type === 'Date' ? c.nullSafe((x) => `(${x} * 86400)`) : c.nullSafe((x) => `Math.floor(${x} / 1000)`),
  },
  {
    name: 'FROMUNIXTIME',
    category: 'date',
    summary: 'The date/time a number of seconds after 1970-01-01 00:00:00 GMT.',
    params: [param('number', NUMERIC)],
    returns: 'DateTime',
    blanks: 'propagates',
    doc: helpPage('FROMUNIXTIME'),
    example: { formula: 'FROMUNIXTIME(86400)', result: '1970-01-02T00:00:00.000Z' },
    compile: (c) => {
      const f = c.fail();
      return c.nullSafe((x) => `${c.helper('fromUnixTime')}(${x}, ${f})`);
    },
  },
];
