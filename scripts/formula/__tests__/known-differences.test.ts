/**
 * Pins every entry of KNOWN_DIFFERENCES.md: our answer (which follows the Salesforce
 * documentation) and the oracle's different answer. If an oracle changes its behaviour the
 * second assertion fails, and the list must be updated.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { val, errorOf } from './support.ts';

const require = createRequire(import.meta.url);
const sformula = require('sformula') as { parseSync(f: string, o?: object): { evaluate(ctx?: object): unknown } };
const formulon = require('formulon') as { parse(f: string, subs?: object): { type: string; value?: unknown } };

const sf = (formula: string, inputTypes: object = {}, record: object = {}, returnType?: string): unknown =>
  sformula.parseSync(formula, { inputTypes, ...(returnType ? { returnType } : {}) }).evaluate(record);
const fo = (formula: string, subs: object = {}): unknown => formulon.parse(formula, subs).value;
const lit = (dataType: string, value: unknown, options?: object): object => ({
  type: 'literal',
  dataType,
  value,
  ...(options ? { options } : {}),
});

test('S1 ISPICKVAL(blank picklist, "") is TRUE (sformula: FALSE)', () => {
  assert.equal(val('ISPICKVAL(Slip_Reason__c, "")', { record: {} }), true);
  assert.equal(sf('ISPICKVAL(P, "")', { P: { type: 'picklist' } }, {}), false);
});

test('S2 TEXT() of a blank date or picklist is a blank text, so CONTAINS/BEGINS answer FALSE (sformula: blank)', () => {
  assert.equal(val('NOT(CONTAINS(TEXT(CloseDate), "a"))', { record: {} }), true);
  assert.equal(sf('NOT(CONTAINS(TEXT(D), "a"))', { D: { type: 'date' } }, {}, 'boolean'), false);
});

test('S3 ISNUMBER of a blank or all-space text is FALSE (sformula: blank / TRUE)', () => {
  assert.equal(val('ISNUMBER(" ")'), false);
  assert.equal(val('NOT(ISNUMBER(Region__c))', { record: {} }), true);
  assert.equal(sf('ISNUMBER(" ")'), true);
  assert.equal(sf('NOT(ISNUMBER(T))', { T: { type: 'string' } }, {}, 'boolean'), false);
});

test('S4 quotients carry 15 significant digits (sformula: 20 decimal places)', () => {
  assert.equal(val('TEXT(12.5 / 3)'), '4.16666666666667');
  assert.equal(sf('TEXT(12.5 / 3)'), '4.16666666666666666667');
  assert.equal(val('TEXT(ROUND(12.5 / 3, 10))'), sf('TEXT(ROUND(12.5 / 3, 10))'));
});

test('S5 run-time errors (#Error! in Salesforce) are positioned errors (sformula: blank or a value)', () => {
  assert.equal(errorOf('1 / 0').reason, 'Division by zero');
  assert.equal(sf('1 / 0'), null);
  assert.match(errorOf('MOD(7, 0)').reason, /division by zero/);
  assert.equal(sf('MOD(7, 0)'), 7);
  assert.match(errorOf('DATE(2023, 2, 29)').reason, /not a valid date/);
  assert.equal(sf('DATE(2023, 2, 29)'), null);
  assert.match(errorOf('SQRT(-4)').reason, /negative/);
  assert.equal(sf('SQRT(-4)'), null);
});

test('S6 text results are not trimmed (sformula trims them)', () => {
  assert.equal(val('"  padded  "'), '  padded  ');
  assert.equal(sf('"  padded  "', {}, {}, 'string'), 'padded');
});

test('S7 TEXT() of a blank datetime is blank (sformula: "Z")', () => {
  assert.equal(val('TEXT(Signed_At__c)', { record: {} }), null);
  assert.equal(sf('TEXT(D)', { D: { type: 'datetime' } }, {}), 'Z');
});

test('F1 a comparison with a blank value is blank, not FALSE/TRUE (formulon: a value)', () => {
  assert.equal(val('IF(CloseDate < DATE(2024, 1, 1), "before", "not before")', { record: {} }), 'not before');
  assert.equal(val('IF(NOT(CloseDate < DATE(2024, 1, 1)), "after", "unknown")', { record: {} }), 'unknown');
  assert.equal(fo('D < DATE(2024, 1, 1)', { D: lit('date', null) }), true);
});

test('F2 TEXT(blank picklist) is blank (formulon: "NULL")', () => {
  assert.equal(val('ISBLANK(TEXT(Slip_Reason__c))', { record: {} }), true);
  assert.equal(fo('TEXT(P)', { P: lit('picklist', null, { values: ['a'] }) }), 'NULL');
});

test('F3 FIND with a start position returns the position in the whole text (formulon: relative to start)', () => {
  assert.equal(val('FIND("C", "Acme Corp", 4)'), 6);
  assert.equal(fo('FIND("C", "Acme Corp", 4)'), 3);
});

test('F4 RIGHT(text, n) with n beyond the length returns the whole text (formulon drops characters)', () => {
  assert.equal(val('RIGHT("42", 3)'), '42');
  assert.equal(fo('RIGHT("42", 3)'), '2');
});

test('F5 LPAD/RPAD: blank text stays blank; a pad string repeats from its start (formulon differs)', () => {
  assert.equal(val('LPAD("ab", 5, "xy")'), 'xyxab');
  assert.equal(fo('LPAD("ab", 5, "xy")'), 'yxyab');
  assert.equal(val('RPAD(Region__c, 3, "*")', { record: {} }), null);
  assert.equal(fo('RPAD(T, 3, "*")', { T: lit('text', '', { length: 3 }) }), '***');
});

test('F6 DATE with an invalid day is an error (formulon rolls over)', () => {
  assert.match(errorOf('DATE(2024, 2, 30)').reason, /not a valid date/);
  assert.equal((fo('DATE(2024, 2, 30)') as Date).toISOString().slice(0, 10), '2024-03-01');
});

test('F7 ADDMONTHS keeps a month-end date at month end (formulon does not)', () => {
  assert.equal(val('ADDMONTHS(DATE(2016, 6, 30), 28)'), '2018-10-31');
  assert.equal((fo('ADDMONTHS(DATE(2016, 6, 30), 28)') as Date).toISOString().slice(0, 10), '2018-10-30');
});

test('F8 ROUND is decimal half-up: ROUND(1.005, 2) = 1.01 (formulon rounds the binary double: 1)', () => {
  assert.equal(val('ROUND(1.005, 2)'), 1.01);
  assert.equal(fo('ROUND(1.005, 2)'), 1);
});

test('F9 TEXT(0.5) is ".5" as Salesforce returns it (formulon: "0.5"; sformula agrees with us)', () => {
  assert.equal(val('TEXT(0.5)'), '.5');
  assert.equal(fo('TEXT(0.5)'), '0.5');
  assert.equal(sf('TEXT(0.5)'), '.5');
});

test('F10 backslash escapes and comments are formula syntax (formulon rejects them)', () => {
  assert.equal(val('REGEX("a1", "[a-z]\\\\d") /* comment */'), true);
  assert.equal(formulon.parse('"a\\\\d" /* c */').type, 'error');
});

// ---------------------------------------------------------------- documentation disagreements, settled

test('H1 VALUE of a text that is not a number is blank, not an error (VALUE help page: "$123" is blank)', () => {
  assert.equal(val('VALUE("$123")'), null);
  assert.equal(val('1 + VALUE(Region__c)', { record: { Region__c: '$123' } }), null);
  assert.equal(val('1 + VALUE(Region__c)', { record: { Region__c: 'EUR123' } }), null);
  assert.equal(val('1 + VALUE(Region__c)', { record: { Region__c: '123' } }), 124);
  assert.equal(sf('VALUE("$123")'), null);
});

test('H2 ISNUMBER of a text with a space is FALSE (ISNUMBER help page; sformula: TRUE)', () => {
  assert.equal(val('ISNUMBER(" 12")'), false);
  assert.equal(val('ISNUMBER("12 ")'), false);
  assert.equal(val('ISNUMBER("2E2")'), true);
  assert.equal(val('ISNUMBER("123.123")'), true);
  assert.equal(sf('ISNUMBER(" 12")'), true);
});

test('H3 LPAD/RPAD omit blank-space padding: LPAD("mycompany.com", 20) is "mycompany.com" (help page example)', () => {
  assert.equal(val('LPAD("mycompany.com", 20)'), 'mycompany.com');
  assert.equal(val('LEN(LPAD("ab", 5))'), 2);
  assert.equal(val('RPAD("ab", 4)'), 'ab');
  assert.equal(val('LPAD("ab", 5, " ")'), 'ab');
  assert.equal(val('LPAD("7", 3, "0")'), '007', 'zero padding is kept');
  assert.equal(val('LPAD("mycompany.com", 2)'), 'my');
  assert.equal(fo('LPAD("mycompany.com", 20)'), 'mycompany.com');
});

test('H4 LEN/LEFT count UTF-16 code units: LEN("𠮟") is 2 and LEFT("𠮟", 1) is "?" (knowledge article 005166849)', () => {
  assert.equal(val('LEN("𠮟")'), 2);
  assert.equal(val('LEFT("𠮟", 1)'), '?');
  assert.equal(val('LEFT("𠮟", 2)'), '𠮟');
  assert.equal(val('RIGHT("a𠮟", 1)'), '?');
  assert.equal(val('MID("a𠮟b", 3, 2)'), '?b');
  assert.equal(val('LPAD("𠮟", 1, "x")'), '?');
  assert.equal(sf('LEFT("𠮟", 1)'), '\ud842', 'sformula leaves the lone surrogate');
});

test('H5 -2 ^ 2 is 4: unary minus binds tighter than ^ (both oracles agree)', () => {
  assert.equal(val('-2 ^ 2'), 4);
  assert.equal(val('0 - 2 ^ 2'), -4);
  assert.equal(val('-(2 ^ 2)'), -4);
  assert.equal(sf('-2 ^ 2'), 4);
  assert.equal(fo('-2 ^ 2'), 4);
});

test('H6 TEXT of a percent is its decimal form without the leading zero (TEXT help page)', () => {
  assert.equal(val('TEXT(Discount_Percent__c)', { record: { Discount_Percent__c: 15 } }), '.15');
  assert.equal(val('TEXT(Discount_Percent__c)', { record: { Discount_Percent__c: 150 } }), '1.5');
  assert.equal(val('TEXT(Discount_Percent__c)', { record: { Discount_Percent__c: -5 } }), '-.05');
});
