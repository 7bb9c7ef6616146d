/**
 * The function table is the only place a function is defined: every entry is complete (doc link,
 * signature, compiled form, a documented example that evaluates to its documented value), the
 * checker enforces the arity its parameters declare, no other module names a function, and the
 * generated reference is up to date.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { check, evaluateValue, FormulaError, FUNCTIONS, FUNCTION_SPECS, UNSUPPORTED_FUNCTIONS } from '../index.ts';
import { EXAMPLE_NOW, EXAMPLE_PRIOR, EXAMPLE_RECORD } from '../functions/examples.ts';
import { arity, blanksOf, MANY, signatureOf } from '../functions/signature.ts';
import { formattedReference, REFERENCE_FILE } from '../functions/write-reference.ts';
import { schema } from './support.ts';

const ENGINE_DIR = new URL('..', import.meta.url).pathname;

test('every entry has a doc link, a type signature, a blank rule, a compiled form and an example', () => {
  assert.ok(FUNCTION_SPECS.length >= 70, `the table holds ${FUNCTION_SPECS.length} functions`);
  for (const f of FUNCTION_SPECS) {
    assert.match(f.name, /^[A-Z]+$/, 'names are upper case');
    assert.match(f.doc, /^https:\/\/help\.salesforce\.com\/\S+$/, `${f.name} links its help page`);
    assert.match(signatureOf(f), new RegExp(`^${f.name}\\(.*\\): \\S`), `${f.name} has a signature`);
    for (const p of f.params) assert.ok(p.types === 'any' || p.types.length > 0, `${f.name}(${p.name}) has types`);
    assert.ok(f.summary.length > 10, `${f.name} says what it does`);
    assert.ok(blanksOf(f).length > 5, `${f.name} says how it treats blanks`);
    assert.equal(typeof f.compile, 'function', `${f.name} has a compiled form`);
    if (typeof f.returns === 'string' && !/^[A-Z]/.test(f.returns)) assert.ok(f.check, `${f.name} types itself`);
    if (f.blanks === 'own') assert.ok(f.check && f.blankNote, `${f.name} explains its own blank rule`);
    assert.match(f.example.formula, new RegExp(`\\b${f.name}\\(`), `${f.name}'s example uses it`);
  }
  assert.equal(new Set(FUNCTION_SPECS.map((f) => f.name)).size, FUNCTION_SPECS.length, 'one entry per function');
});

test('every documented example evaluates to its documented value', () => {
  for (const f of FUNCTION_SPECS) {
    const value = evaluateValue(f.example.formula, {
      schema,
      object: 'Opportunity',
      record: EXAMPLE_RECORD,
      prior: EXAMPLE_PRIOR,
      now: EXAMPLE_NOW,
    });
    assert.deepEqual(value, f.example.result, `${f.name}: ${f.example.formula}`);
  }
});

test('the checker enforces the arity the parameters declare', () => {
  const reason = (formula: string): string => {
    try {
      check(formula, { schema, object: 'Opportunity' });
    } catch (e) {
      if (e instanceof FormulaError) return e.reason;
      throw e;
    }
    return '';
  };
  for (const f of FUNCTION_SPECS) {
    const { min, max } = arity(f);
    assert.deepEqual(FUNCTIONS[f.name], { min, max, recordChange: f.recordChange === true, category: f.category });
    const call = (n: number): string => `${f.name}(${Array.from({ length: n }, () => '1').join(', ')})`;
    if (min > 0) assert.match(reason(call(min - 1)), /Incorrect number of parameters/, `${f.name} needs ${min}`);
    if (max < MANY) assert.match(reason(call(max + 1)), /Incorrect number of parameters/, `${f.name} takes ${max}`);
  }
});

test('no module outside the table names a function: checker and compiler have none of their own', () => {
  const names = [...FUNCTION_SPECS.map((f) => f.name), ...UNSUPPORTED_FUNCTIONS];
  assert.deepEqual(
    names.filter((n) => FUNCTION_SPECS.some((f) => f.name === n) && UNSUPPORTED_FUNCTIONS.has(n)),
    [],
    'a function is implemented or unsupported, not both',
  );
  const quoted = new RegExp(`['"\`](${names.join('|')})['"\`]`);
  for (const file of engineSources()) {
    const hit = quoted.exec(readFileSync(join(ENGINE_DIR, file), 'utf8'));
    assert.equal(hit, null, `${file} names function ${hit?.[1]} outside the function table`);
  }
});

test('FUNCTIONS.md is generated from the table (node scripts/formula/functions/write-reference.ts)', async () => {
  assert.equal(readFileSync(REFERENCE_FILE, 'utf8'), await formattedReference());
});

/** The engine's modules, except the function table and the tests. */
function engineSources(dir = ''): string[] {
  return readdirSync(join(ENGINE_DIR, dir)).flatMap((name) => {
    const rel = join(dir, name);
    if (statSync(join(ENGINE_DIR, rel)).isDirectory())
      return name === '__tests__' || name === 'functions' ? [] : engineSources(rel);
    return name.endsWith('.ts') ? [rel] : [];
  });
}
