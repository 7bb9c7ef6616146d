/**
 * Issue 10, the formula engine: inputs that used to crash, hang or abort the process are now a
 * positioned FormulaError (or a plain answer), quickly. Salesforce's limits decide where the line is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, FormulaError, MAX_FORMULA_LENGTH, MAX_TEXT_LENGTH } from '../index.ts';
import { errorOf, schema, val } from './support.ts';

const NOW = '2024-05-01T12:00:00Z';

/** Runs `f` and fails the test if it takes longer than `ms`. */
function within<T>(ms: number, f: () => T): T {
  const start = performance.now();
  const result = f();
  const took = performance.now() - start;
  assert.ok(took < ms, `took ${took.toFixed(0)} ms (limit ${ms} ms)`);
  return result;
}

test('a formula longer than 3,900 characters is rejected before it is parsed (Salesforce: Formula is too long)', () => {
  assert.equal(MAX_FORMULA_LENGTH, 3900);
  assert.doesNotThrow(() => check(`${'1 + '.repeat(974)}1`, { schema, object: 'Opportunity' }), '3,897 characters');
  const long = `${'1 + '.repeat(975)}1`;
  const e = within(1000, () => errorOf(long));
  assert.equal(e.reason, 'Formula is too long (3,901 characters). Maximum length is 3,900 characters.');
  assert.equal(e.offset, 3900, 'points at the first character over the limit');
  assert.equal(e.column, 3901);
  assert.match(errorOf(`LEN("${'a'.repeat(1_000_000)}") > 0`).reason, /^Formula is too long \(1,000,011 characters\)/);
});

test('LPAD("a", 100000000) is an error at LPAD, not minutes and gigabytes', () => {
  const e = within(1000, () => errorOf('LPAD("a", 100000000)'));
  assert.equal(e.kind, 'runtime');
  assert.equal(e.reason, 'LPAD() would make a text of 100,000,000 characters; Salesforce text holds at most 131,072');
  assert.equal(e.column, 1);
  assert.match(errorOf('RPAD(Name, 200000, "x")', { record: { Name: 'a' } }).reason, /^RPAD\(\) would make a text/);
  assert.equal(
    (val(`LPAD("a", ${MAX_TEXT_LENGTH}, "b")`) as string).length,
    MAX_TEXT_LENGTH,
    'the limit itself is fine',
  );
});

test('32 nested SUBSTITUTE(x, "a", "aa") stop at the text limit instead of aborting V8', () => {
  let formula = 'NextStep';
  for (let i = 0; i < 32; i++) formula = `SUBSTITUTE(${formula}, "a", "aa")`;
  const e = within(1000, () => errorOf(formula, { record: { NextStep: 'a' } }));
  assert.match(
    e.reason,
    /^SUBSTITUTE\(\) would make a text of 131,072\b|^SUBSTITUTE\(\) would make a text of [\d,]+ characters/,
  );
  assert.ok(e.offset > 0, 'points at the SUBSTITUTE that crosses the limit');
  assert.equal(formula.slice(e.offset, e.offset + 11), 'SUBSTITUTE(');
  const concat = errorOf(`"x" & LPAD("a", ${MAX_TEXT_LENGTH}, "b")`);
  assert.match(concat.reason, /^'&' would make a text of 131,073 characters/);
});

test('REGEX with catastrophic backtracking answers quickly, or gives up with a positioned error', () => {
  const text = `${'a'.repeat(39)}!`;
  // (a+)+$ explodes in a backtracking engine; the bounded matcher never explores a state twice.
  assert.equal(
    within(1000, () => val('REGEX(NextStep, "(a+)+$")', { record: { NextStep: text } })),
    false,
  );
  assert.equal(val('REGEX(NextStep, "(a+)+$")', { record: { NextStep: 'aaaa' } }), true);
  // A back-reference makes captures part of the state: then a step budget bounds the work.
  const e = within(1000, () => errorOf('REGEX(NextStep, "(a+)+\\\\1$")', { record: { NextStep: text } }));
  assert.equal(e.kind, 'runtime');
  assert.match(e.reason, /^REGEX\(\) gave up: the pattern needs more than 2,000,000 steps on this 40-character text/);
  // A pattern computed at run time is bounded the same way.
  const computed = errorOf('REGEX(NextStep, Name)', { record: { NextStep: text, Name: '(a+)+\\1$' } });
  assert.match(computed.reason, /^REGEX\(\) gave up/);
});

test('dates beyond 9999-12-31 or before 0001-01-01 are errors, never silent values', () => {
  const at = (formula: string, ctx = {}): FormulaError => errorOf(formula, { now: NOW, ...ctx });
  assert.match(
    at('DATE(9999, 12, 31) + 1').reason,
    /gives a date after the dates Salesforce has \(0001-01-01 to 9999-12-31\)/,
  );
  assert.match(at('DATE(1, 1, 1) - 1').reason, /gives a date before the dates Salesforce has/);
  assert.match(at('ADDMONTHS(DATE(9999, 12, 1), 1)').reason, /^ADDMONTHS\(\) gives a date after/);
  assert.match(
    at('ADDMONTHS(CloseDate, 1000000000000000)', { record: { CloseDate: '2024-01-01' } }).reason,
    /^ADDMONTHS\(\)/,
  );
  assert.match(at('NOW() + 3000000').reason, /gives a date\/time after/);
  assert.match(at('FROMUNIXTIME(10000000000000)').reason, /^FROMUNIXTIME\(\) gives a date\/time after/);
  assert.equal(val('DATE(9999, 12, 31)'), '9999-12-31', 'the last date is fine');
  assert.equal(val('FROMUNIXTIME(253402300799)'), '9999-12-31T23:59:59.000Z');
  assert.match(at('TODAY()', { now: '+275760-09-13T00:00:00Z' }).reason, /Invalid 'now' value/);
});

test('DATEVALUE of an extreme date/time in a time zone is an error, not a RangeError', () => {
  const zone = { now: NOW, timeZone: 'America/Los_Angeles' };
  const e = errorOf('DATEVALUE(NOW() + 100000000)', zone);
  assert.equal(e.kind, 'runtime');
  assert.equal(e.column, 11, 'the addition is where the date leaves the range');
  assert.match(errorOf('DATEVALUE(FROMUNIXTIME(10000000000000))', zone).reason, /^FROMUNIXTIME\(\)/);
  // In range in GMT, out of range on the local calendar.
  assert.match(
    errorOf('DATEVALUE(DATETIMEVALUE("0001-01-01 00:00:00"))', zone).reason,
    /^DATEVALUE\(\) gives a date before/,
  );
  assert.match(
    errorOf('DATEVALUE(DATETIMEVALUE("9999-12-31 23:00:00"))', { ...zone, timeZone: 'Asia/Tokyo' }).reason,
    /^DATEVALUE\(\) gives a date after/,
  );
  assert.equal(val('DATEVALUE(DATETIMEVALUE("0001-01-01 12:00:00"))', zone), '0001-01-01', 'years before 1 AD');
});

test('record dates outside the range are a data error naming the value', () => {
  assert.throws(
    () => val('CloseDate + 1', { record: { CloseDate: new Date(8.64e15) } }),
    /Expected a date \(0001-01-01 to 9999-12-31\) value, got Date "\+275760-09-13T00:00:00.000Z"/,
  );
  assert.throws(() => val('Signed_At__c + 1', { record: { Signed_At__c: 1e17 } }), /Expected a datetime/);
});

test('a number overflow is a positioned error of the formula, and causes are one line', () => {
  const e = errorOf('10 ^ 200 * 10 ^ 200');
  assert.equal(e.kind, 'runtime');
  assert.match(e.reason, /out of range/);
  const multiLine = errorOf('DATEVALUE("2024-01-01\\n02")');
  assert.doesNotMatch(multiLine.reason, /\n/);
  const data = errorOf('DATEVALUE(NextStep)', { record: { NextStep: `line one\nline two ${'x'.repeat(500)}` } });
  assert.doesNotMatch(data.reason, /\n/);
  assert.ok(data.reason.length < 200, 'the quoted value is cut short');
});

test('permissions that are not a list are a data error, not a crash', () => {
  for (const permissions of ['Bypass_Stage_Gates', 5]) {
    assert.throws(
      () => val('$Permission.Bypass_Stage_Gates', { permissions: permissions as never }),
      /permissions must be a list of custom permission names/,
    );
  }
});
