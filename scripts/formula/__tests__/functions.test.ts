/**
 * Per-function tests: Salesforce's documented examples (help.salesforce.com "Formula Operators and
 * Functions") plus the blank/null behaviour of every function.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ev, val, errorOf } from './support.ts';

type Row = readonly [formula: string, expected: unknown, record?: Record<string, unknown>];
const NOW = '2024-05-01T12:00:00Z';

function table(rows: readonly Row[], extra: Record<string, unknown> = {}): void {
  for (const [formula, expected, record] of rows) {
    assert.deepEqual(val(formula, { record: record ?? {}, now: NOW, ...extra }), expected, formula);
  }
}

const blank = {}; // a record where every field is blank

test('AND / OR / NOT and && || ! (with blank operands)', () => {
  table([
    ['AND(TRUE, TRUE)', true],
    ['AND(TRUE, FALSE, TRUE)', false],
    ['OR(FALSE, FALSE)', false],
    ['OR(FALSE, TRUE)', true],
    ['NOT(FALSE)', true],
    ['TRUE && FALSE', false],
    ['FALSE || TRUE', true],
    ['!TRUE', false],
    ['AND(Is_Strategic__c, TRUE)', false, blank],
    // A comparison with a blank number is blank; AND/OR/NOT propagate blank, IF takes the else branch.
    ['IF(AND(Amount > 0, TRUE), "y", "n")', 'n', blank],
    ['IF(AND(Amount > 0, FALSE), "y", "n")', 'n', blank],
    ['IF(OR(Amount > 0, TRUE), "y", "n")', 'y', blank],
    ['IF(NOT(Amount > 0), "y", "n")', 'n', blank],
  ]);
  assert.deepEqual(
    ev('NOT(Amount > 0)', { record: blank }),
    { value: false, type: 'Checkbox' },
    'blank checkbox result presents as false',
  );
});

test('IF and CASE (documented examples)', () => {
  table([
    ['IF(Amount > 10000, "Large", "Small")', 'Large', { Amount: 20000 }],
    ['IF(Amount > 10000, "Large", "Small")', 'Small', { Amount: 10000 }],
    ['IF(Amount > 10000, "Large", "Small")', 'Small', blank],
    [
      'CASE(MONTH(CloseDate), 1, "January", 2, "February", 3, "March", "Other")',
      'February',
      { CloseDate: '2024-02-10' },
    ],
    ['CASE(MONTH(CloseDate), 1, "January", 2, "February", "Other")', 'Other', { CloseDate: '2024-07-10' }],
    ['CASE(StageName, "Discovery", 10, "Commercials", 80, 0)', 80, { StageName: 'Commercials' }],
    ['CASE(StageName, "Discovery", 10, "Commercials", 80, 0)', 0, blank],
    ['CASE(Region__c, "", "none", "EMEA", "emea", "other")', 'none', blank],
    ['CASE(Amount, 100, "a", 200, "b", "z")', 'z', blank],
    ['CASE(CloseDate, DATE(2024,1,1), "ny", "other")', 'ny', { CloseDate: '2024-01-01' }],
    ['CASE(1, 1, NULL, 5)', null],
  ]);
});

test('ISBLANK / ISNULL / BLANKVALUE / NULLVALUE', () => {
  table([
    ['ISBLANK(Name)', true, blank],
    ['ISBLANK(Name)', true, { Name: '' }],
    ['ISBLANK(Name)', false, { Name: 'x' }],
    ['ISBLANK(Amount)', true, blank],
    ['ISBLANK(Amount)', false, { Amount: 0 }],
    ['ISBLANK(CloseDate)', true, blank],
    ['ISBLANK(Slip_Reason__c)', true, blank],
    ['ISBLANK(Competitors__c)', false, { Competitors__c: 'Acme' }],
    ['ISBLANK(Is_Strategic__c)', false, blank],
    // Text is never null: ISNULL on text is always FALSE (use ISBLANK).
    ['ISNULL(Name)', false, blank],
    ['ISNULL(Amount)', true, blank],
    ['ISNULL(Slip_Reason__c)', true, blank],
    ['BLANKVALUE(Region__c, "Undesignated")', 'Undesignated', blank],
    ['BLANKVALUE(Region__c, "Undesignated")', 'EMEA', { Region__c: 'EMEA' }],
    ['BLANKVALUE(Amount, 0)', 0, blank],
    ['BLANKVALUE(CloseDate, DATE(2024,1,1))', '2024-01-01', blank],
    ['NULLVALUE(Amount, 5)', 5, blank],
    ['NULLVALUE(Amount, 5)', 7, { Amount: 7 }],
    ['NULLVALUE(Region__c, "x")', null, blank],
  ]);
  // with "treat blank fields as zeroes", a blank number is zero, not blank
  table(
    [
      ['ISBLANK(Amount)', false, blank],
      ['Amount + 1', 1, blank],
      ['NULLVALUE(Amount, 5)', 0, blank],
    ],
    { blankAsZero: true },
  );
});

test('ISNUMBER and VALUE', () => {
  table([
    ['ISNUMBER("123")', true],
    ['ISNUMBER("-12.5")', true],
    ['ISNUMBER("1e3")', true],
    ['ISNUMBER("12a")', false],
    ['ISNUMBER("")', false],
    ['ISNUMBER(Region__c)', false, blank],
    ['VALUE("123.45")', 123.45],
    ['VALUE(" 42 ")', 42],
    ['VALUE(Region__c)', null, blank],
  ]);
  // VALUE help page: text that is not a number "resolves to a blank value" (KNOWN_DIFFERENCES H1).
  assert.equal(val('VALUE("abc")'), null);
});

test('ISPICKVAL / INCLUDES / PICKLISTCOUNT', () => {
  table([
    ['ISPICKVAL(StageName, "Closed Won")', true, { StageName: 'Closed Won' }],
    ['ISPICKVAL(StageName, "closed won")', false, { StageName: 'Closed Won' }],
    ['ISPICKVAL(StageName, "")', true, blank],
    ['ISPICKVAL(StageName, "Closed Won")', false, blank],
    ['INCLUDES(Competitors__c, "Globex")', true, { Competitors__c: 'Acme;Globex' }],
    ['INCLUDES(Competitors__c, "Glob")', false, { Competitors__c: 'Acme;Globex' }],
    ['INCLUDES(Competitors__c, "Acme")', false, blank],
    ['PICKLISTCOUNT(Competitors__c)', 2, { Competitors__c: 'Acme;Globex' }],
    ['PICKLISTCOUNT(Competitors__c)', 0, blank],
  ]);
});

test('ISCHANGED / PRIORVALUE / ISNEW / ISCLONE', () => {
  const prior = { StageName: 'Discovery', Amount: 100, CloseDate: '2024-06-30', NextStep: 'call' };
  const record = { StageName: 'Commercials', Amount: 100, CloseDate: '2024-07-31', NextStep: 'call' };
  table(
    [
      ['ISCHANGED(StageName)', true, record],
      ['ISCHANGED(Amount)', false, record],
      ['ISCHANGED(CloseDate)', true, record],
      ['ISCHANGED(NextStep)', false, record],
      ['TEXT(PRIORVALUE(StageName))', 'Discovery', record],
      ['CloseDate - PRIORVALUE(CloseDate)', 31, record],
      ['ISNEW()', false, record],
      ['ISCLONE()', false, record],
    ],
    { prior },
  );
  // On create (no prior): ISCHANGED is false, PRIORVALUE returns the current value, ISNEW is true.
  table([
    ['ISCHANGED(StageName)', false, record],
    ['TEXT(PRIORVALUE(StageName))', 'Commercials', record],
    ['ISNEW()', true, record],
  ]);
  table([['ISNEW()', false, record]], { isNew: false });
  table([['ISCLONE()', true, record]], { isClone: true });
  // blank to value counts as a change; blank to blank does not
  table(
    [
      ['ISCHANGED(Amount)', true, { Amount: 5 }],
      ['ISCHANGED(Region__c)', false, { Region__c: '' }],
    ],
    { prior: {} },
  );
});

test('REGEX: whole-string match, Java syntax (documented examples)', () => {
  table([
    ['REGEX(Region__c, "[0-9]{3}-[0-9]{2}-[0-9]{4}")', true, { Region__c: '999-99-9999' }],
    ['REGEX(Region__c, "[0-9]{3}-[0-9]{2}-[0-9]{4}")', false, { Region__c: 'x999-99-9999' }],
    ['REGEX(Region__c, "\\\\d{5}(-\\\\d{4})?")', true, { Region__c: '94105-1234' }],
    ['REGEX(Region__c, "\\\\d{5}(-\\\\d{4})?")', false, { Region__c: '9410' }],
    ['REGEX(Region__c, "([A-Z]\\\\d{7})?")', true, blank],
    ['REGEX(Region__c, "[a-z]+")', false, blank],
    ['REGEX(Region__c, "(?i)emea")', true, { Region__c: 'EMEA' }],
    ['REGEX(Region__c, "\\\\p{Upper}{2}\\\\p{Digit}")', true, { Region__c: 'AB1' }],
    ['REGEX(Region__c, Paper_Process__c)', true, { Region__c: 'abc', Paper_Process__c: 'a.c' }],
  ]);
});

test('text functions (documented examples)', () => {
  table([
    ['BEGINS(Name, "Acme")', true, { Name: 'Acme - New' }],
    ['BEGINS(Name, "acme")', false, { Name: 'Acme - New' }],
    ['BEGINS(Name, "Acme")', false, blank],
    ['CONTAINS(Name, "New")', true, { Name: 'Acme - New' }],
    ['CONTAINS(Name, "new")', false, { Name: 'Acme - New' }],
    ['CONTAINS(Name, "x")', false, blank],
    ['FIND(" ", "Acme Corp")', 5],
    ['FIND("c", "Acme Corp", 4)', 0],
    ['FIND("C", "Acme Corp", 4)', 6],
    ['FIND("z", "Acme")', 0],
    ['FIND("a", Name)', 0, blank],
    ['LEFT("Salesforce", 5)', 'Sales'],
    ['LEFT("Sales", 10)', 'Sales'],
    ['LEFT("Sales", -1)', null],
    ['LEFT(Name, 3)', null, blank],
    ['RIGHT("Salesforce", 5)', 'force'],
    ['RIGHT(Name, 3)', null, blank],
    ['MID("Salesforce", 2, 3)', 'ale'],
    ['MID("Salesforce", 0, 3)', 'Sal'],
    ['LEN("Salesforce")', 10],
    ['LEN(Name)', 0, blank],
    ['LOWER("MYCOMPANY.COM")', 'mycompany.com'],
    ['UPPER("mycompany.com")', 'MYCOMPANY.COM'],
    ['UPPER(Name)', null, blank],
    ['LPAD("my_company.com", 20, "z")', 'zzzzzzmy_company.com'],
    ['LPAD("my_company.com", 14, "z")', 'my_company.com'],
    ['LPAD("my_company.com", 15, "z")', 'zmy_company.com'],
    ['LPAD("my_company.com", 2, "z")', 'my'],
    ['LPAD("7", 3, "0")', '007'],
    ['RPAD("my_company.com", 20, "z")', 'my_company.comzzzzzz'],
    ['RPAD("my_company.com", 2, "z")', 'my'],
    ['RPAD("ab", 4)', 'ab'], // "Ending blank spaces are omitted" (RPAD help page; KNOWN_DIFFERENCES H3)
    ['SUBSTITUTE("Coupon 10% Coupon", "Coupon", "Discount")', 'Discount 10% Discount'],
    ['SUBSTITUTE(Name, "a", "b")', null, blank],
    ['TRIM("  Acme  Corp ")', 'Acme  Corp'],
    ['TRIM(Name)', null, blank],
    ['"Acme" & " " & "Corp"', 'Acme Corp'],
    ['Name & "!"', '!', blank],
    ['"a" + "b"', 'ab'],
    ['CASESAFEID("a0B5g00000ABCDe")', 'a0B5g00000ABCDeEAP'],
    ['INITCAP("hello WORLD")', 'Hello World'],
    ['REVERSE("abc")', 'cba'],
    ['ASCII("A")', 65],
    ['CHR(66)', 'B'],
    ['BR()', '<br>'],
    ['HYPERLINK("https://x.example", "Open")', '<a href="https://x.example" target="_blank">Open</a>'],
  ]);
});

test('TEXT of numbers, currency, percent, dates, datetimes, times and picklists', () => {
  table([
    ['TEXT(Amount)', '1234.5', { Amount: 1234.5 }],
    ['TEXT(Amount)', '100', { Amount: 100.0 }],
    ['TEXT(0.5)', '.5'],
    ['TEXT(-0.25)', '-.25'],
    ['TEXT(0)', '0'],
    ['TEXT(0.1 + 0.2)', '.3'],
    ['TEXT(Amount)', null, blank],
    ['TEXT(Discount_Percent__c)', '.15', { Discount_Percent__c: 15 }],
    ['TEXT(CloseDate)', '2024-03-09', { CloseDate: '2024-03-09' }],
    ['TEXT(CloseDate)', null, blank],
    ['TEXT(Signed_At__c)', '2024-03-09 17:05:00Z', { Signed_At__c: '2024-03-09T17:05:00.000Z' }],
    ['TEXT(Call_Time__c)', '09:30:00.000', { Call_Time__c: '09:30:00.000Z' }],
    ['TEXT(StageName)', 'Commercials', { StageName: 'Commercials' }],
    ['TEXT(100000000000000000000 * 10)', '1000000000000000000000'],
  ]);
});

test('math functions (documented examples)', () => {
  table([
    ['ABS(-5)', 5],
    ['ABS(Amount)', null, blank],
    ['CEILING(2.5)', 3],
    ['CEILING(-2.5)', -3],
    ['FLOOR(2.5)', 2],
    ['FLOOR(-2.5)', -2],
    ['MCEILING(2.5)', 3],
    ['MCEILING(-2.5)', -2],
    ['MFLOOR(2.5)', 2],
    ['MFLOOR(-2.5)', -3],
    ['ROUND(1.5, 0)', 2],
    ['ROUND(1.2, 0)', 1],
    ['ROUND(-1.5, 0)', -2],
    ['ROUND(225.49823, 2)', 225.5],
    ['ROUND(2.675, 2)', 2.68],
    ['ROUND(1.005, 2)', 1.01],
    ['ROUND(12345.6789, -2)', 12300],
    ['ROUND(Amount, 2)', null, blank],
    ['TRUNC(12.789, 1)', 12.7],
    ['TRUNC(-12.789)', -12],
    ['MAX(1, 5, 3)', 5],
    ['MIN(1, -5, 3)', -5],
    ['MAX(Amount, 5)', null, blank],
    ['MOD(3, 3)', 0],
    ['MOD(4, 3)', 1],
    ['MOD(123, 100)', 23],
    ['MOD(-5, 3)', -2],
    ['MOD(5.5, 0.1)', 0],
    ['MOD(Amount, 3)', null, blank],
    ['SQRT(25)', 5],
    ['SQRT(2)', 1.4142135623731],
    ['EXP(1)', 2.71828182845905],
    ['LN(EXP(2))', 2],
    ['LOG(100)', 2],
    ['2 ^ 10', 1024],
    ['1.1 ^ 2', 1.21],
    ['SQRT(Amount)', null, blank],
  ]);
  assert.match(errorOf('SQRT(-1)').reason, /SQRT\(\) of a negative number/);
  assert.match(errorOf('LN(0)').reason, /LN\(\)/);
  assert.match(errorOf('LOG(-10)').reason, /LOG\(\)/);
  assert.match(errorOf('MOD(1, 0)').reason, /division by zero/);
});

test('date functions (documented examples)', () => {
  table([
    ['DATE(2005, 1, 2)', '2005-01-02'],
    ['DATE(2024, 2, 29)', '2024-02-29'],
    ['DATE(Term_Months__c, 1, 1)', null, blank],
    ['DATEVALUE("2005-11-15")', '2005-11-15'],
    ['DATEVALUE(Region__c)', null, blank],
    ['DATEVALUE(Signed_At__c)', '2024-03-09', { Signed_At__c: '2024-03-09T23:30:00Z' }],
    ['DATETIMEVALUE("2005-11-15 17:00:00")', '2005-11-15T17:00:00.000Z'],
    ['DATETIMEVALUE(CloseDate)', '2024-03-09T00:00:00.000Z', { CloseDate: '2024-03-09' }],
    ['YEAR(DATE(2024, 3, 9))', 2024],
    ['MONTH(DATE(2024, 3, 9))', 3],
    ['DAY(DATE(2024, 3, 9))', 9],
    ['YEAR(CloseDate)', null, blank],
    ['WEEKDAY(DATE(2015, 2, 28))', 7],
    ['WEEKDAY(DATE(2015, 3, 1))', 1],
    ['WEEKDAY(DATE(2015, 3, 2))', 2],
    ['DAYOFYEAR(DATE(2024, 12, 31))', 366],
    ['ISOWEEK(DATE(2021, 1, 3))', 53],
    ['ISOYEAR(DATE(2021, 1, 3))', 2020],
    ['ISOWEEK(DATE(2024, 12, 30))', 1],
    ['ADDMONTHS(DATE(2005, 1, 31), 1)', '2005-02-28'],
    ['ADDMONTHS(DATE(2005, 2, 28), 1)', '2005-03-31'],
    ['ADDMONTHS(DATE(2024, 1, 15), -2)', '2023-11-15'],
    ['ADDMONTHS(DATE(2024, 1, 15), 1.9)', '2024-02-15'],
    ['ADDMONTHS(CloseDate, 1)', null, blank],
    ['ADDMONTHS(Signed_At__c, 1)', '2024-02-29T10:00:00.000Z', { Signed_At__c: '2024-01-31T10:00:00Z' }],
    ['TODAY()', '2024-05-01'],
    ['NOW()', '2024-05-01T12:00:00.000Z'],
    ['TIMENOW()', '12:00:00.000Z'],
    ['HOUR(TIMEVALUE("17:30:45.125"))', 17],
    ['MINUTE(TIMEVALUE("17:30:45.125"))', 30],
    ['SECOND(TIMEVALUE("17:30:45.125"))', 45],
    ['MILLISECOND(TIMEVALUE("17:30:45.125"))', 125],
    ['HOUR(Call_Time__c)', null, blank],
    ['TIMEVALUE(Signed_At__c)', '17:05:00.000Z', { Signed_At__c: '2024-03-09T17:05:00Z' }],
    ['UNIXTIMESTAMP(DATE(1970, 1, 2))', 86400],
    ['UNIXTIMESTAMP(Signed_At__c)', 1704067200, { Signed_At__c: '2024-01-01T00:00:00Z' }],
    ['FROMUNIXTIME(86400)', '1970-01-02T00:00:00.000Z'],
  ]);
  assert.match(errorOf('DATE(2023, 2, 29)').reason, /not a valid date/);
  assert.match(errorOf('DATEVALUE(Region__c)', { record: { Region__c: '2024/01/01' } }).reason, /not a date/);
});

test('IMAGE renders the img tag', () => {
  assert.equal(
    val('IMAGE("/img/x.png", "X", 10, 20)'),
    '<img src="/img/x.png" alt="X" style="height:10px; width:20px;" border="0"/>',
  );
});
