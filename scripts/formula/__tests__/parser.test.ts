import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, print, FormulaError } from '../index.ts';

const p = (s: string): string => print(parse(s));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const tree = (s: string): any => parse(s);

function syntaxError(source: string): FormulaError {
  try {
    parse(source);
  } catch (e) {
    assert.ok(e instanceof FormulaError, `expected FormulaError, got ${String(e)}`);
    assert.equal(e.kind, 'syntax');
    return e;
  }
  assert.fail(`expected a syntax error for ${source}`);
}

test('literals: numbers, strings with both quotes, booleans and NULL in any case', () => {
  assert.deepEqual(parse('12.50'), { kind: 'number', value: 12.5, raw: '12.50', start: 0, end: 5 });
  assert.equal(tree('.5').value, 0.5);
  assert.deepEqual(parse("'it''s'".replace("''", "\\'")), { kind: 'string', value: "it's", start: 0, end: 7 });
  assert.equal(tree('"a\\"b"').value, 'a"b');
  assert.equal(parse('true').kind, 'boolean');
  assert.equal(tree('False').value, false);
  assert.equal(parse('null').kind, 'null');
  assert.equal(parse('NULL').kind, 'null');
});

test('string escapes: \\\\ \\n \\t \\u and a clear error for unknown escapes', () => {
  assert.equal(tree('"a\\\\d"').value, 'a\\d');
  assert.equal(tree('"x\\ny\\tz"').value, 'x\ny\tz');
  assert.equal(tree('"\\u00e9"').value, 'é');
  const e = syntaxError('REGEX(Name, "\\d+")');
  assert.match(e.reason, /Invalid escape sequence '\\d'/);
  assert.equal(e.column, 14);
});

test('operator precedence: ^ over * / over + - & over comparisons over && over ||', () => {
  assert.equal(p('1 + 2 * 3 ^ 2'), '1 + 2 * 3 ^ 2');
  const ast = tree('1 + 2 * 3 ^ 2');
  assert.equal(ast.op, '+');
  assert.equal(ast.right.op, '*');
  assert.equal(ast.right.right.op, '^');
  const logic = tree('a || b && c = d');
  assert.equal(logic.op, '||');
  assert.equal(logic.right.op, '&&');
  assert.equal(logic.right.right.op, '=');
  const left = tree('10 - 4 - 3');
  assert.equal(left.left.op, '-', 'left associative');
  const neg = tree('-2 ^ 2');
  assert.equal(neg.op, '^');
  assert.equal(neg.left.kind, 'unary');
});

test('== and != are normalised to = and <>', () => {
  assert.equal(tree('a == b').op, '=');
  assert.equal(tree('a != b').op, '<>');
  assert.equal(tree('a <> b').op, '<>');
});

test('comments are skipped anywhere; an unterminated comment is an error', () => {
  assert.equal(p('/* head */ AND( /* a */ x, /* b\n multi-line */ y) /* tail */'), 'AND(x, y)');
  const e = syntaxError('x /* oops');
  assert.match(e.reason, /Unterminated comment/);
  assert.equal(e.column, 3);
});

test('merge fields: relationships, globals, custom metadata and the flow {!…} form', () => {
  assert.deepEqual(tree('Champion__r.Account.Name').path, ['Champion__r', 'Account', 'Name']);
  assert.deepEqual(tree('$User.Email').path, ['$User', 'Email']);
  assert.deepEqual(tree('$CustomMetadata.Gate__mdt.Commercials.Min__c').path, [
    '$CustomMetadata',
    'Gate__mdt',
    'Commercials',
    'Min__c',
  ]);
  assert.deepEqual(tree('{!$Record.StageName}').path, ['$Record', 'StageName']);
});

test('function names are case-insensitive and upper-cased in the tree', () => {
  const c = tree('isPickVal(StageName, "X")');
  assert.equal(c.kind, 'call');
  assert.equal(c.name, 'ISPICKVAL');
  assert.equal(c.rawName, 'isPickVal');
  assert.equal(c.args.length, 2);
  assert.equal(tree('NOW()').args.length, 0);
});

test('syntax errors carry line, column, offset and a caret excerpt', () => {
  const e = syntaxError('AND(\n  ISBLANK(NextStep),\n  Amount > )');
  assert.equal(e.line, 3);
  assert.equal(e.column, 12);
  assert.equal(e.offset, 'AND(\n  ISBLANK(NextStep),\n  Amount > '.length);
  assert.match(e.message, /line 3, column 12/);
  assert.ok(e.message.endsWith('  Amount > )\n           ^'), e.message);
  assert.match(syntaxError('IF(a, b c)').reason, /expected ',' or '\)'/);
  assert.match(syntaxError('(1 + 2').reason, /missing '\)'/);
  assert.match(syntaxError('1 + 2)').reason, /extra '\)'/);
  assert.match(syntaxError('').reason, /empty/);
  assert.match(syntaxError('"abc').reason, /Unterminated string/);
  assert.match(syntaxError('1 # 2').reason, /unexpected character '#'/);
  assert.match(syntaxError('F(a,,b)').reason, /missing argument/);
  assert.match(syntaxError('Account.').reason, /expected a field name/);
  assert.match(syntaxError('12abc').reason, /invalid number/);
});

test('very deep nesting is a positioned error, not a stack overflow', () => {
  const deep = '('.repeat(5000) + '1' + ')'.repeat(5000);
  const e = syntaxError(deep);
  assert.match(e.reason, /nested too deeply/);
});

test('long lines are cut around the column in the excerpt', () => {
  const src = `${'x + '.repeat(60)}#`;
  const e = syntaxError(src);
  const [line, caret] = e.excerpt.split('\n') as [string, string];
  assert.ok(line.length <= 102);
  assert.equal(line[caret.indexOf('^')], '#');
});
