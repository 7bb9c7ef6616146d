import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, compile, evaluate, presentValue, FormulaError, FormulaDataError } from '../index.ts';
import { ev, val, errorOf, schema } from './support.ts';

test('decimal arithmetic: 0.1 + 0.2 = 0.3 and friends', () => {
  assert.equal(val('0.1 + 0.2 = 0.3'), true);
  assert.equal(val('0.1 + 0.2'), 0.3);
  assert.equal(val('1.1 * 1.1'), 1.21);
  assert.equal(val('0.3 - 0.1'), 0.2);
  assert.equal(val('3 * 0.1 = 0.3'), true);
  assert.equal(val('1.15 * 100'), 115);
  assert.equal(val('Amount * 0.07', { record: { Amount: 19.99 } }), 1.3993);
  assert.equal(val('Amount + ARR__c', { record: { Amount: 0.1, ARR__c: 0.2 } }), 0.3);
  assert.equal(val('10 / 4'), 2.5);
  assert.equal(val('1 / 3 * 3 = 1'), false, 'division keeps 15 significant digits, as a decimal would');
  assert.equal(val('ROUND(1 / 3, 4)'), 0.3333);
});

test('ROUND rounds half away from zero; declared scale rounds the result half up', () => {
  assert.equal(val('ROUND(0.125, 2)'), 0.13);
  assert.equal(val('ROUND(-0.125, 2)'), -0.13);
  assert.equal(val('ROUND(2.5, 0)'), 3);
  assert.equal(val('ROUND(-2.5, 0)'), -3);
  assert.equal(ev('Amount / 3', { record: { Amount: 100 }, returnType: 'currency', scale: 2 }).value, 33.33);
  assert.equal(ev('Amount / 8', { record: { Amount: 1 }, returnType: 'number', scale: 2 }).value, 0.13);
});

test('percent fields are fractions inside formulas and the API value outside', () => {
  assert.equal(val('Discount_Percent__c > 0.15', { record: { Discount_Percent__c: 20 } }), true);
  assert.equal(val('Discount_Percent__c > 0.15', { record: { Discount_Percent__c: 15 } }), false);
  assert.deepEqual(ev('Discount_Percent__c', { record: { Discount_Percent__c: 12.5 } }), {
    value: 12.5,
    type: 'Percent',
  });
  assert.deepEqual(ev('Discount_Percent__c * 2', { record: { Discount_Percent__c: 12.5 }, returnType: 'percent' }), {
    value: 25,
    type: 'Percent',
  });
  assert.deepEqual(ev('Amount * Discount_Percent__c', { record: { Amount: 1000, Discount_Percent__c: 12.5 } }), {
    value: 125,
    type: 'Currency',
  });
});

test('blank handling: blanks stay blank unless the formula treats blanks as zero', () => {
  assert.deepEqual(ev('Amount + 1', { record: {} }), { value: null, type: 'Currency' });
  assert.deepEqual(ev('Amount + 1', { record: {}, blankAsZero: true }), { value: 1, type: 'Currency' });
  assert.equal(val('Amount * Term_Months__c', { record: { Amount: 10 } }), null);
  assert.equal(val('Amount * Term_Months__c', { record: { Amount: 10 }, blankAsZero: true }), 0);
  assert.equal(
    val('IF(Amount > 100, "y", IF(NOT(Amount > 100), "n", "blank"))', { record: { Amount: null } }),
    'blank',
  );
  assert.equal(val('Amount > 100', { record: { Amount: null } }), false, 'a blank Checkbox result is FALSE');
  assert.equal(val('CloseDate + 1', { record: { CloseDate: null } }), null);
  assert.equal(val('Name & "x"', { record: { Name: null } }), 'x');
  assert.equal(val('Name = ""', { record: {} }), true, 'blank text equals the empty string');
  assert.equal(val('Is_Strategic__c', { record: {} }), false);
  // a validation rule whose condition is blank does not fire
  assert.equal(val('Amount > 100', { record: {}, context: 'validationRule' }), false);
});

test('text comparison is case-sensitive; = == <> != are equivalent', () => {
  assert.equal(val('Name = "acme"', { record: { Name: 'Acme' } }), false);
  assert.equal(val('Name == "Acme"', { record: { Name: 'Acme' } }), true);
  assert.equal(val('Name <> "Acme"', { record: { Name: 'Acme' } }), false);
  assert.equal(val('Name != "acme"', { record: { Name: 'Acme' } }), true);
  assert.equal(val('Amount == 5', { record: { Amount: 5 } }), true);
  assert.equal(val('Is_Strategic__c = FALSE', { record: {} }), true);
});

test('date arithmetic: date − date = days, date ± n, datetime − datetime = fractional days', () => {
  assert.equal(val('CloseDate - DATE(2024, 1, 1)', { record: { CloseDate: '2024-03-01' } }), 60);
  assert.equal(val('CloseDate + 30', { record: { CloseDate: '2024-01-31' } }), '2024-03-01');
  assert.equal(val('CloseDate - 1', { record: { CloseDate: '2024-03-01' } }), '2024-02-29');
  assert.equal(val('CloseDate + 1.9', { record: { CloseDate: '2024-03-01' } }), '2024-03-02');
  assert.equal(
    val('Signed_At__c - DATETIMEVALUE("2024-01-01 00:00:00")', { record: { Signed_At__c: '2024-01-02T12:00:00Z' } }),
    1.5,
  );
  assert.equal(
    val('Signed_At__c + 0.25', { record: { Signed_At__c: '2024-01-02T12:00:00Z' } }),
    '2024-01-02T18:00:00.000Z',
  );
  assert.equal(
    val('Signed_At__c > DATETIMEVALUE("2024-01-01 00:00:00")', {
      record: { Signed_At__c: '2024-01-01T00:00:01+00:00' },
    }),
    true,
  );
  assert.equal(
    val('Signed_At__c', { record: { Signed_At__c: '2024-01-01T10:00:00+02:00' } }),
    '2024-01-01T08:00:00.000Z',
    'offsets are normalised to UTC',
  );
  assert.equal(
    val('Signed_At__c', { record: { Signed_At__c: '2024-01-01T10:00:00' } }),
    '2024-01-01T10:00:00.000Z',
    'no zone means UTC',
  );
  assert.equal(val('CloseDate', { record: { CloseDate: new Date(Date.UTC(2024, 4, 3)) } }), '2024-05-03');
  assert.equal(val('Call_Time__c + 3600000', { record: { Call_Time__c: '23:30:00.000Z' } }), '00:30:00.000Z');
});

test('TODAY / NOW come from the context, in the user time zone; missing now is an explicit error', () => {
  const now = '2024-03-10T06:30:00Z';
  assert.equal(val('TODAY()', { now }), '2024-03-10');
  assert.equal(val('TODAY()', { now, timeZone: 'America/Los_Angeles' }), '2024-03-09');
  assert.equal(val('TODAY()', { now, user: { TimeZoneSidKey: 'Asia/Tokyo' } }), '2024-03-10');
  assert.equal(val('TODAY()', { now: new Date('2024-12-31T23:59:59Z'), timeZone: 'Pacific/Kiritimati' }), '2025-01-01');
  assert.equal(val('NOW()', { now: Date.UTC(2024, 0, 1) }), '2024-01-01T00:00:00.000Z');
  assert.equal(
    val('CloseDate < TODAY()', { record: { CloseDate: '2024-03-09' }, now, timeZone: 'America/Los_Angeles' }),
    false,
  );
  assert.equal(
    val('DATEVALUE(Signed_At__c)', { record: { Signed_At__c: '2024-03-10T06:30:00Z' }, timeZone: 'America/New_York' }),
    '2024-03-10',
  );
  assert.equal(
    val('DATEVALUE(Signed_At__c)', { record: { Signed_At__c: '2024-03-10T03:30:00Z' }, timeZone: 'America/New_York' }),
    '2024-03-09',
  );
  const e = errorOf('AND(NOT(IsClosed), CloseDate < TODAY())', { record: { CloseDate: '2024-01-01' } });
  assert.equal(e.kind, 'runtime');
  assert.match(e.reason, /need the current time: pass `now`/);
  assert.equal(e.column, 32);
  assert.match(
    errorOf('TODAY()', { now: '2024-01-01T00:00:00Z', timeZone: 'Mars/Olympus' }).reason,
    /Unknown time zone/,
  );
});

test('ID fields read as 15 characters; relationships traverse nested objects', () => {
  assert.equal(val('AccountId', { record: { AccountId: '001000000000001AAA' } }), '001000000000001');
  assert.equal(val('CASESAFEID(AccountId)', { record: { AccountId: '001000000000001AAA' } }), '001000000000001AAA');
  assert.equal(val('Account.Owner.Email', { record: { Account: { Owner: { Email: 'o@x.io' } } } }), 'o@x.io');
  assert.equal(val('Account.Owner.Email', { record: { Account: null } }), null);
  assert.equal(val('LEN(Account.Name)', { record: {} }), 0);
  assert.equal(
    val('OwnerId = $User.Id', { record: { OwnerId: '005000000000001AAA' }, user: { Id: '005000000000001' } }),
    true,
  );
});

test('$User / $Profile / $UserRole / $RecordType / $Permission / $CustomMetadata at run time', () => {
  const ctx = {
    user: { Email: 'rep@x.io', Profile: { Name: 'Sales' }, UserRole: { DeveloperName: 'AE' }, IsActive: true },
    record: { RecordType: { DeveloperName: 'New_Business' } },
  };
  assert.equal(val('$User.Email', ctx), 'rep@x.io');
  assert.equal(val('$Profile.Name = "Sales"', ctx), true);
  assert.equal(val('$Profile.Name', { ...ctx, profile: { Name: 'Admin' } }), 'Admin');
  assert.equal(val('$UserRole.DeveloperName', ctx), 'AE');
  assert.equal(val('$RecordType.DeveloperName', ctx), 'New_Business');
  assert.equal(val('$User.Email', {}), null);
  assert.equal(val('$Permission.Bypass_Stage_Gates', { permissions: ['bypass_stage_gates'] }), true);
  assert.equal(val('$Permission.Bypass_Stage_Gates', { permissions: new Set(['Approve_Discounts']) }), false);
  assert.equal(val('$Permission.Bypass_Stage_Gates', {}), false);
  assert.equal(val('$CustomMetadata.Stage_Gate__mdt.Commercials.Min_Amount__c'), 10000);
  assert.equal(val('$CustomMetadata.Stage_Gate__mdt.Commercials.Requires_Champion__c'), true);
  assert.equal(
    val('$CustomMetadata.Stage_Gate__mdt.Commercials.Min_Amount__c', {
      customMetadata: { Stage_Gate__mdt: { Commercials: { Min_Amount__c: 5 } } },
    }),
    5,
  );
  assert.equal(val('$System.OriginDateTime'), '1900-01-01T00:00:00.000Z');
});

test('runtime errors are positioned FormulaErrors', () => {
  const e = errorOf('IF(Amount > 0, 100 / Term_Months__c, 0)', { record: { Amount: 1, Term_Months__c: 0 } });
  assert.equal(e.kind, 'runtime');
  assert.equal(e.reason, 'Division by zero');
  assert.equal(e.column, 16);
  assert.equal(
    val('IF(Amount > 0, 100 / Term_Months__c, 0)', { record: { Amount: 0, Term_Months__c: 0 } }),
    0,
    'the untaken branch is not evaluated',
  );
});

test('bad record data raises FormulaDataError naming the value', () => {
  assert.throws(
    () => val('CloseDate + 1', { record: { CloseDate: '03/01/2024' } }),
    (e: unknown) => e instanceof FormulaDataError && /date \(YYYY-MM-DD\)/.test(e.message),
  );
  assert.throws(() => val('Amount + 1', { record: { Amount: 'lots' } }), FormulaDataError);
  assert.equal(val('Amount + 1', { record: { Amount: '41' } }), 42, 'numeric strings are accepted');
  assert.equal(val('Is_Strategic__c', { record: { Is_Strategic__c: 'true' } }), true);
});

test('compile once, evaluate many; the compiled function reports its type and source', () => {
  const rule = compile(
    check('AND(ISPICKVAL(StageName, "Commercials"), ISBLANK(Paper_Process__c))', {
      schema,
      object: 'Opportunity',
      context: 'validationRule',
    }),
  );
  assert.equal(rule.returnType, 'Checkbox');
  assert.match(rule.js, /function formula\(ctx\)/);
  assert.equal(rule({ record: { StageName: 'Commercials' } }), true);
  assert.equal(rule({ record: { StageName: 'Commercials', Paper_Process__c: 'DocuSign' } }), false);
  assert.equal(rule({ record: { StageName: 'Discovery' } }), false);
  assert.equal(rule({}), false);
  assert.equal((rule as unknown as (c?: unknown) => unknown)(undefined), false);
});

test('evaluate() presents {value, type} as the CLI prints it', () => {
  assert.deepEqual(evaluate('CloseDate + 1', { schema, object: 'Opportunity', record: { CloseDate: '2024-02-28' } }), {
    value: '2024-02-29',
    type: 'Date',
  });
  assert.deepEqual(ev('Signed_At__c', { record: { Signed_At__c: '2024-02-28T10:00:00Z' } }), {
    value: '2024-02-28T10:00:00.000Z',
    type: 'DateTime',
  });
  assert.deepEqual(ev('Amount', { record: { Amount: 12.5 } }), { value: 12.5, type: 'Currency' });
  assert.deepEqual(ev('Name', { record: { Name: '' } }), { value: null, type: 'Text' });
  assert.deepEqual(ev('NULL'), { value: null, type: 'Text' });
  assert.deepEqual(ev('Call_Time__c', { record: { Call_Time__c: '08:15:00Z' } }), {
    value: '08:15:00.000Z',
    type: 'Time',
  });
  assert.deepEqual(ev('-0 * 5'), { value: 0, type: 'Number' });
  assert.deepEqual(presentValue(-0, 'Number'), { value: 0, type: 'Number' });
  assert.deepEqual(presentValue(null, 'Checkbox'), { value: false, type: 'Checkbox' });
  assert.ok(errorOf('Amont') instanceof FormulaError);
});
