/**
 * Fuzzing (seeded, a few seconds): mutations of valid formulas, random token soup, generated
 * well-typed formulas and hostile ones (hostile.ts) must never crash the engine — every outcome
 * is a value or a positioned FormulaError with a one-line cause, and no evaluation takes a second.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, compile, schemaFrom, FormulaError } from '../index.ts';
import { FIELDS, Gen, type Dialect, type GenType } from './generator.ts';
import { Hostile } from './hostile.ts';
import { rng, schema as oppSchema } from './support.ts';

/** Every construct the generator knows (no oracle to restrict it). */
const ALL: Dialect = {
  name: 'all',
  blanks: true,
  textOfNumber: true,
  findStart: true,
  multiCharPad: true,
  isNumber: true,
  picklists: true,
  percent: true,
  blankValue: true,
  dateFunctions: true,
  addMonths: true,
  pickvalBlank: true,
  shortTextEdgeCases: true,
  textOfBlank: true,
  halfwayLiterals: true,
};

const schema = schemaFrom({ objects: { Diff__c: FIELDS }, customPermissions: ['Bypass'] });

const SEEDS = [
  'AND(ISPICKVAL(StageName, "Commercials"), ISBLANK(Paper_Process__c), NOT($Permission.Bypass_Stage_Gates))',
  'AND(ISCHANGED(CloseDate), CloseDate > PRIORVALUE(CloseDate), ISBLANK(TEXT(Slip_Reason__c)))',
  'AND(NOT(IsClosed), OR(ISBLANK(Next_Step_Date__c), Next_Step_Date__c < TODAY()))',
  'Discount_Percent__c > 0.15 && NOT($Permission.Approve_Discounts) /* needs approval */',
  'NOT(REGEX(Name, "[A-Z][A-Za-z0-9 ]+ - (New|Renewal|Upsell) - \\\\d{4}"))',
  'CASE(StageName, "Discovery", 10, "Value Demo", 25, "Commercials", 80, 0) > Probability * 100',
  'IF(Amount > $CustomMetadata.Stage_Gate__mdt.Commercials.Min_Amount__c, "big", "small") & TEXT(CloseDate)',
  'ROUND(Amount * (1 - Discount_Percent__c), 2) / MAX(Term_Months__c, 1)',
  'DATEVALUE(Signed_At__c) - ADDMONTHS(CloseDate, -3) + LEN(Champion__r.Email)',
  '{!$Record.Amount} > 0 || INCLUDES(Competitors__c, "Acme")',
];

const TOKENS = [
  '(',
  ')',
  ',',
  '.',
  '"',
  "'",
  '/*',
  '*/',
  '\\',
  '&',
  '&&',
  '||',
  '=',
  '<>',
  '<',
  '>=',
  '+',
  '-',
  '*',
  '/',
  '^',
  '!',
  'NULL',
  'TRUE',
  'IF(',
  'AND(',
  'CASE(',
  'TEXT(',
  'ISPICKVAL(',
  'REGEX(',
  'TODAY()',
  'PRIORVALUE(',
  'Amount',
  'StageName',
  '$User.',
  '$Permission.X',
  '{!',
  '}',
  '1.5',
  '0',
  ' ',
  '\n',
  'é',
  '$',
];

function mutate(src: string, r: () => number): string {
  const pos = Math.floor(r() * (src.length + 1));
  const tok = TOKENS[Math.floor(r() * TOKENS.length)] as string;
  switch (Math.floor(r() * 6)) {
    case 0:
      return src.slice(0, pos) + src.slice(pos + 1 + Math.floor(r() * 4));
    case 1:
      return src.slice(0, pos) + tok + src.slice(pos);
    case 2:
      return src.slice(0, pos) + tok + src.slice(pos + 1 + Math.floor(r() * 3));
    case 3:
      return src.slice(0, pos);
    case 4: {
      const other = Math.floor(r() * src.length);
      return (
        src.slice(0, Math.min(pos, other)) +
        src.slice(Math.max(pos, other)) +
        src.slice(Math.min(pos, other), Math.max(pos, other))
      );
    }
    default:
      return src + src.slice(pos);
  }
}

const CONTEXT = {
  record: {
    StageName: 'Commercials',
    Amount: 5000,
    CloseDate: '2024-06-30',
    Name: 'Acme - New - 2024',
    Discount_Percent__c: 20,
    Term_Months__c: 12,
    Signed_At__c: '2024-01-01T10:00:00Z',
    Competitors__c: 'Acme;Globex',
    Champion__r: { Email: 'c@x.io' },
  },
  prior: { StageName: 'Discovery', CloseDate: '2024-05-31' },
  user: { Email: 'rep@x.io' },
  permissions: ['Approve_Discounts'],
  now: '2024-05-01T12:00:00Z',
};

/** No single check + compile + evaluation may take this long. */
const MAX_EVALUATION_MS = 1000;

function attempt(formula: string, object: string, s: typeof schema, ctx: object): 'value' | 'error' {
  const start = performance.now();
  try {
    const fn = compile(check(formula, { schema: s, object, context: 'any' }));
    fn(ctx);
    return 'value';
  } catch (e) {
    assertPositioned(e, formula);
    return 'error';
  } finally {
    const ms = performance.now() - start;
    assert.ok(ms < MAX_EVALUATION_MS, `${JSON.stringify(formula.slice(0, 200))} took ${ms.toFixed(0)} ms`);
  }
}

/** A FormulaError pointing into the formula, with a one-line cause; anything else fails the test. */
function assertPositioned(e: unknown, formula: string): asserts e is FormulaError {
  if (!(e instanceof FormulaError))
    throw new Error(`non-FormulaError for ${JSON.stringify(formula)}: ${(e as Error)?.stack ?? String(e)}`);
  assert.ok(
    e.line >= 1 && e.column >= 1 && e.offset >= 0 && e.offset <= formula.length,
    `bad position for ${JSON.stringify(formula)}`,
  );
  assert.ok(e.excerpt.includes('^'), 'excerpt has a caret');
  assert.doesNotMatch(e.reason, /\n/, `one-line cause for ${JSON.stringify(formula)}`);
}

test('fuzz: mutated validation rules give a value or a positioned FormulaError', (t) => {
  const r = rng(4242);
  const outcomes = { value: 0, error: 0 };
  const start = performance.now();
  for (let i = 0; i < 6000; i++) {
    let f = SEEDS[i % SEEDS.length] as string;
    const rounds = 1 + Math.floor(r() * 3);
    for (let k = 0; k < rounds; k++) f = mutate(f, r);
    outcomes[attempt(f, 'Opportunity', oppSchema, CONTEXT)]++;
  }
  const ms = performance.now() - start;
  assert.ok(outcomes.value > 100, `some mutants still evaluate (${outcomes.value})`);
  assert.ok(outcomes.error > 1000, `most mutants are rejected (${outcomes.error})`);
  assert.ok(ms < 15_000, `no hang: ${ms} ms`);
  t.diagnostic(`mutants: 6000 formulas, ${outcomes.value} values, ${outcomes.error} positioned errors`);
});

test('fuzz: random token soup never crashes', (t) => {
  const r = rng(99);
  const outcomes = { value: 0, error: 0 };
  for (let i = 0; i < 3000; i++) {
    let f = '';
    const n = 1 + Math.floor(r() * 12);
    for (let k = 0; k < n; k++) f += TOKENS[Math.floor(r() * TOKENS.length)];
    outcomes[attempt(f, 'Opportunity', oppSchema, CONTEXT)]++;
  }
  t.diagnostic(`token soup: 3000 formulas, ${outcomes.value} values, ${outcomes.error} positioned errors`);
});

test('fuzz: generated well-typed formulas always compile and evaluate', (t) => {
  const r = rng(7);
  const gen = new Gen(r, ALL);
  const types: GenType[] = ['number', 'text', 'checkbox', 'date'];
  let values = 0;
  let errors = 0;
  for (let i = 0; i < 1500; i++) {
    const f = gen.expr(types[i % 4] as GenType, 2 + (i % 4));
    const fn = compile(check(f, { schema, object: 'Diff__c' }));
    for (let k = 0; k < 3; k++) {
      try {
        fn({ record: gen.record() });
        values++;
      } catch (e) {
        assert.ok(e instanceof FormulaError && e.kind === 'runtime', `${f}: ${String(e)}`);
        errors++;
      }
    }
  }
  t.diagnostic(`well-typed: 1500 formulas × 3 records, ${values} values, ${errors} run-time errors`);
});

test('pathological regexes and huge inputs stay bounded', () => {
  const long = 'a'.repeat(20000);
  const start = performance.now();
  attempt(`LEN("${long}") > 0`, 'Opportunity', oppSchema, CONTEXT);
  attempt(`${'AND('.repeat(300)}TRUE${')'.repeat(300)}`, 'Opportunity', oppSchema, CONTEXT);
  attempt(`${'1 + '.repeat(3000)}1`, 'Opportunity', oppSchema, CONTEXT);
  assert.ok(performance.now() - start < 5000);
});

test('fuzz: hostile formulas, records and contexts give a value or a positioned error within a second', (t) => {
  const r = rng(1010);
  const hostile = new Hostile(r, new Gen(r, ALL));
  const types: GenType[] = ['text', 'number', 'date', 'checkbox'];
  const outcomes = { value: 0, error: 0, kinds: {} as Record<string, number> };
  const start = performance.now();
  for (let i = 0; i < 600; i++) {
    const formula = hostile.expr(types[i % 4] as GenType, 1 + (i % 3));
    const ctx = { record: hostile.record(), ...hostile.context() };
    const began = performance.now();
    try {
      compile(check(formula, { schema, object: 'Diff__c' }))(ctx);
      outcomes.value++;
    } catch (e) {
      assertPositioned(e, formula);
      outcomes.error++;
      const key = `${e.kind}: ${e.reason.replace(/[\d,]+|"[^"]*"/g, '…').slice(0, 60)}`;
      outcomes.kinds[key] = (outcomes.kinds[key] ?? 0) + 1;
    }
    const ms = performance.now() - began;
    assert.ok(ms < MAX_EVALUATION_MS, `${JSON.stringify(formula.slice(0, 200))} took ${ms.toFixed(0)} ms`);
  }
  t.diagnostic(
    `hostile: ${outcomes.value} values, ${outcomes.error} positioned errors in ${(performance.now() - start).toFixed(0)} ms`,
  );
  assert.ok(outcomes.value > 100, `some hostile formulas still evaluate (${outcomes.value})`);
  assert.ok(outcomes.error > 100, `most are errors (${outcomes.error})`);
  for (const expected of ['would make a text', 'dates Salesforce has', 'REGEX() gave up', 'out of range']) {
    assert.ok(
      Object.keys(outcomes.kinds).some((k) => k.includes(expected)),
      `the fuzz reached "${expected}" (${Object.keys(outcomes.kinds).join('; ')})`,
    );
  }
});
