import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, FormulaError, parse, type CheckOptions } from '../index.ts';
import { schema } from './support.ts';

const opts = (extra: Partial<CheckOptions> = {}): CheckOptions => ({ schema, object: 'Opportunity', ...extra });
const rule = (extra: Partial<CheckOptions> = {}): CheckOptions => opts({ context: 'validationRule', ...extra });

function checkError(source: string, o: CheckOptions = opts()): FormulaError {
  try {
    check(source, o);
  } catch (e) {
    assert.ok(e instanceof FormulaError, `expected FormulaError, got ${String(e)}`);
    return e;
  }
  assert.fail(`expected ${source} to be rejected`);
}

test('fields resolve case-insensitively to canonical names and types', () => {
  const c = check('amount > 0 && stagename__x__ignored = ""'.replace(' && stagename__x__ignored = ""', ''), opts());
  assert.equal(c.type, 'Checkbox');
  assert.deepEqual(c.references, ['Opportunity.Amount']);
  const d = check('champion__R.EMAIL', opts());
  assert.equal(d.type, 'Text');
  assert.deepEqual(d.references, ['Contact.Email', 'Opportunity.Champion__c']);
  assert.equal(d.fields[0]?.path, 'Opportunity.Champion__r.Email');
  assert.equal(check('Account.Owner.Email', opts()).fields[0]?.path, 'Opportunity.Account.Owner.Email');
});

test('unknown field: names the field, points at it and suggests close matches', () => {
  const e = checkError('AND(ISBLANK(NextStp), Amount > 0)');
  assert.equal(e.kind, 'reference');
  assert.match(e.reason, /Field NextStp does not exist/);
  assert.match(e.reason, /Did you mean NextStep\?/);
  assert.equal(e.column, 13);
  assert.equal(e.length, 7);
  const r = checkError('Champion__r.Emial');
  assert.match(r.reason, /Field Emial does not exist on Contact/);
  assert.match(r.reason, /Email/);
  assert.equal(r.column, 13);
  const rel = checkError('Champion__c.Email');
  assert.match(
    rel.reason,
    /Relationship Champion__c does not exist on Opportunity\. To read a field of the related record use Champion__r\./,
  );
  assert.match(checkError('Champion__r').reason, /is a relationship on Opportunity/);
  assert.match(checkError('BillingAddress', opts({ object: 'Account' })).reason, /compound address field/);
});

test('picklists only inside ISPICKVAL, TEXT, CASE, ISBLANK, ISNULL, PRIORVALUE, ISCHANGED', () => {
  const e = checkError('StageName = "Closed Won"', rule());
  assert.equal(e.kind, 'type');
  assert.match(
    e.reason,
    /Field StageName is a picklist field\. Picklist fields are only supported in certain functions/,
  );
  assert.equal(e.column, 1);
  assert.equal(e.length, 'StageName'.length);
  const nested = checkError('AND(Amount > 0, "x" = Slip_Reason__c)', rule());
  assert.equal(nested.column, 23);
  assert.match(checkError('CONTAINS(StageName, "Closed")', rule()).reason, /picklist field/);
  assert.match(checkError('LEN(PRIORVALUE(StageName)) > 0', rule()).reason, /picklist/);
  for (const ok of [
    'ISPICKVAL(StageName, "Closed Won")',
    'TEXT(StageName) = "Closed Won"',
    'CASE(StageName, "Closed Won", 1, 0) = 1',
    'ISBLANK(Slip_Reason__c)',
    'ISNULL(Slip_Reason__c)',
    'ISPICKVAL(PRIORVALUE(StageName), "Discovery")',
    'ISCHANGED(StageName)',
    'INCLUDES(Competitors__c, "Acme")',
    'INCLUDES(PRIORVALUE(Competitors__c), "Acme")',
  ]) {
    assert.doesNotThrow(() => check(ok, rule()), ok);
  }
  assert.match(checkError('ISPICKVAL(Name, "x")', rule()).reason, /Expected Picklist, received Text/);
  assert.match(
    checkError('INCLUDES(StageName, "x")', rule()).reason,
    /Expected Multi-Select Picklist, received Picklist/,
  );
  assert.match(checkError('TEXT(Competitors__c) = ""', rule()).reason, /received Multi-Select Picklist/);
  assert.match(
    checkError('Competitors__c = "Acme"', rule()).reason,
    /Field Competitors__c is a multi-select picklist field/,
  );
});

test('argument counts and types per function', () => {
  const e = checkError('IF(Amount > 0, 1)');
  assert.equal(e.reason, "Incorrect number of parameters for function 'IF()'. Expected 3, received 2");
  assert.match(checkError('ROUND(Amount)').reason, /Expected 2, received 1/);
  assert.match(checkError('FIND("a")').reason, /Expected 2 to 3, received 1/);
  assert.match(checkError('AND()').reason, /Expected at least 1, received 0/);
  assert.match(checkError('CASE(Amount, 1, 2)').reason, /Expected at least 4/);
  assert.match(checkError('CASE(Amount, 1, 2, 3, 4)').reason, /even number/);
  const t = checkError('LEN(Amount)');
  assert.equal(t.reason, "Incorrect parameter type for function 'LEN()'. Expected Text, received Currency");
  assert.equal(t.column, 5);
  assert.match(checkError('IF(Amount, 1, 2)').reason, /Expected Checkbox, received Currency/);
  assert.match(checkError('IF(TRUE, 1, "one")').reason, /Expected Number, received Text/);
  assert.match(checkError('BLANKVALUE(CloseDate, "none")').reason, /Expected Date, received Text/);
  assert.match(checkError('TEXT(IsClosed)').reason, /received Checkbox/);
  assert.match(checkError('ADDMONTHS(Amount, 1)').reason, /Expected Date, Date\/Time, received Currency/);
  assert.match(checkError('DATEVALUE("2024-13-01")').reason, /Invalid date text/);
});

test('operators check their operand types', () => {
  assert.match(checkError('Name + 1').reason, /operator '\+'/);
  assert.match(
    checkError('Name & 1').reason,
    /Incorrect parameter type for operator '&'. Expected Text, received Number/,
  );
  assert.match(checkError('Name < "b"').reason, /Expected Number, Date, Date\/Time, Time, received Text/);
  assert.match(checkError('CloseDate = Signed_At__c').reason, /Expected Date, received Date\/Time/);
  assert.match(checkError('CloseDate - Signed_At__c').reason, /operator '-'/);
  assert.match(checkError('!Amount').reason, /operator '!'/);
  assert.match(checkError('-Name').reason, /operator '-'/);
  assert.equal(check('CloseDate - CloseDate', opts()).type, 'Number');
  assert.equal(check('CloseDate + 7', opts()).type, 'Date');
  assert.equal(check('7 + CloseDate', opts()).type, 'Date');
  assert.equal(check('Signed_At__c - 0.5', opts()).type, 'DateTime');
  assert.equal(check('Name + "x"', opts()).type, 'Text');
  assert.equal(check('Amount * 2', opts()).type, 'Currency');
  assert.equal(check('Amount / Amount', opts()).type, 'Number');
});

test('validation rules must return Checkbox; formula fields their declared type', () => {
  const e = checkError('Amount * 2', rule());
  assert.equal(
    e.reason,
    'Formula result is data type (Currency), incompatible with expected data type (true or false).',
  );
  const f = checkError('CloseDate', opts({ context: 'formulaField', returnType: 'text' }));
  assert.equal(f.reason, 'Formula result is data type (Date), incompatible with expected data type (Text).');
  assert.equal(check('Amount * 2', opts({ context: 'formulaField', returnType: 'number' })).returnType, 'Number');
  assert.equal(check('Amount * 2', opts({ returnType: 'Percent' })).returnType, 'Percent');
  assert.equal(check('NULL', opts({ returnType: 'date' })).returnType, 'Date');
  assert.equal(check('TODAY()', opts()).returnType, 'Date');
  assert.match(checkError('TRUE', opts({ returnType: 'weird' as never })).reason, /Unknown formula return type/);
});

test('ISCHANGED / PRIORVALUE / ISNEW / ISCLONE: only on own fields, not in formula fields', () => {
  assert.doesNotThrow(() => check('AND(ISCHANGED(CloseDate), NOT(ISNEW()), NOT(ISCLONE()))', rule()));
  assert.doesNotThrow(() => check('PRIORVALUE(Amount) > Amount', opts({ context: 'flow' })));
  assert.match(
    checkError('ISCHANGED(Amount)', opts({ context: 'formulaField', returnType: 'checkbox' })).reason,
    /Function ISCHANGED may not be used in this type of formula/,
  );
  assert.match(checkError('ISCHANGED(Account.Name)', rule()).reason, /takes a field of the Opportunity record/);
  assert.match(checkError('ISCHANGED(Amount + 1)', rule()).reason, /takes a field/);
  const c = check('ISCHANGED(StageName)', rule());
  assert.equal(c.usesPrior, true);
  assert.equal(
    c.fields.some((f) => f.prior),
    true,
  );
});

test('$Permission, $CustomMetadata, $User, $Profile, $RecordType, $System', () => {
  const ok = check(
    'AND($Permission.bypass_stage_gates, Amount < $CustomMetadata.Stage_Gate__mdt.Commercials.Min_Amount__c)',
    rule(),
  );
  assert.deepEqual(ok.permissions, ['bypass_stage_gates']);
  assert.deepEqual(ok.customMetadata, ['Stage_Gate__mdt.Commercials.Min_Amount__c']);
  const p = checkError('NOT($Permission.Bypass_Everything)', rule());
  assert.equal(p.reason, 'Custom permission Bypass_Everything does not exist ($Permission.Bypass_Everything)');
  assert.equal(p.column, 17);
  assert.match(
    checkError('$CustomMetadata.Stage_Gate__mdt.Closing.Min_Amount__c > 0').reason,
    /Custom metadata record Stage_Gate__mdt.Closing does not exist/,
  );
  assert.match(
    checkError('$CustomMetadata.Stage_Gate__mdt.Commercials.Max__c > 0').reason,
    /Field Max__c does not exist on Stage_Gate__mdt/,
  );
  assert.match(checkError('$CustomMetadata.Stage_Gate__mdt.Commercials > 0').reason, /needs Type__mdt.Record.Field__c/);
  assert.equal(check('$User.Email', opts()).type, 'Text');
  assert.equal(check('$User.Manager.Email', opts()).fields[0]?.path, '$User.Manager.Email');
  assert.equal(check('$Profile.Name', opts()).type, 'Text');
  assert.equal(check('$RecordType.DeveloperName', opts()).type, 'Text');
  assert.equal(check('$System.OriginDateTime', opts()).type, 'DateTime');
  assert.match(checkError('$User.Nope').reason, /Field Nope does not exist on User/);
  assert.match(checkError('$Label.Foo').reason, /not supported/);
  assert.match(checkError('$Bogus.Foo').reason, /Unknown global variable \$Bogus/);
});

test('unknown and unsupported functions are positioned errors', () => {
  const u = checkError('AND(ISBLANKK(NextStep), TRUE)');
  assert.equal(u.kind, 'reference');
  assert.match(u.reason, /Unknown function ISBLANKK\. Check spelling\. Did you mean ISBLANK\?/);
  assert.equal(u.column, 5);
  assert.equal(u.length, 'ISBLANKK'.length);
  const v = checkError('VLOOKUP($ObjectType.X.Fields.Y, $ObjectType.X.Fields.Name, Name)');
  assert.equal(v.kind, 'unsupported');
  assert.match(v.reason, /Function VLOOKUP is not supported/);
});

test('REGEX patterns are validated when the pattern is a literal', () => {
  assert.doesNotThrow(() => check('REGEX(Name, "[A-Z]{2}\\\\d+")', rule()));
  const e = checkError('REGEX(Name, "[a-z&&[^aeiou]]")', rule());
  assert.match(e.reason, /Invalid regular expression in REGEX\(\)/);
  assert.ok(e.column > 13);
});

test('check accepts a tree from parse and keeps the source for errors', () => {
  const ast = parse('Amount > Amout');
  const e = (() => {
    try {
      check(ast, opts());
    } catch (err) {
      return err as FormulaError;
    }
    return undefined;
  })();
  assert.ok(e instanceof FormulaError);
  assert.match(e.excerpt, /Amount > Amout\n {9}\^{5}/);
});

test('custom objects, record scope in flows, and unknown objects', () => {
  assert.equal(check('Expires_On__c < TODAY()', opts({ object: 'exception__c' })).object, 'Exception__c');
  assert.deepEqual(check('Opportunity__r.Amount > 0', opts({ object: 'Exception__c' })).references, [
    'Exception__c.Opportunity__c',
    'Opportunity.Amount',
  ]);
  assert.equal(check('{!$Record.Amount} > {!$Record__Prior.Amount}', opts({ context: 'flow' })).usesPrior, true);
  assert.throws(() => check('TRUE', opts({ object: 'Nope__c' })), /Object Nope__c does not exist/);
});

test('references list every field read, including via relationships', () => {
  const c = check(
    'AND(ISPICKVAL(StageName, "Commercials"), ISBLANK(Champion__r.Email), Account.Owner.IsActive)',
    rule(),
  );
  assert.deepEqual(c.references, [
    'Account.OwnerId',
    'Contact.Email',
    'Opportunity.AccountId',
    'Opportunity.Champion__c',
    'Opportunity.StageName',
    'User.IsActive',
  ]);
  assert.deepEqual(c.functions, ['AND', 'ISBLANK', 'ISPICKVAL']);
  assert.equal(c.usesClock, false);
  assert.equal(check('TODAY() > CloseDate', rule()).usesClock, true);
});
