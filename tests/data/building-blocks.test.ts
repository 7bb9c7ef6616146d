/**
 * The pieces determinism and uniqueness rest on: the seeded PRNG, name bijections, calendar
 * arithmetic as Salesforce does it, and the shaper that keeps values inside their fields.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMonths, contractEndDay, fiscalQuarter, formatDay, parseDay } from '../../scripts/data/calendar.ts';
import { companyName, personName } from '../../scripts/data/profiles.ts';
import { SfError } from '@salesforce/core/sfError';
import { parseSeed } from '../../scripts/data/options.ts';
import { Rng, stream } from '../../scripts/data/prng.ts';
import { sanitize } from '../../scripts/data/values.ts';
import type { SchemaField } from '../../scripts/schema/types.ts';

describe('PRNG', () => {
  test('the same (seed, stream, index) draws the same numbers; neighbours do not', () => {
    const draws = (seed: number, index: number) => {
      const rng = new Rng(seed, stream('opportunity'), index);
      return Array.from({ length: 5 }, () => rng.next());
    };
    assert.deepEqual(draws(42, 7), draws(42, 7));
    assert.notDeepEqual(draws(42, 7), draws(42, 8));
    assert.notDeepEqual(draws(42, 7), draws(43, 7));
  });

  test('first draws across indices are uniform (no correlation between neighbouring entities)', () => {
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 50_000; i++) buckets[Math.floor(new Rng(42, stream('lead-funnel'), i).next() * 10)]++;
    for (const b of buckets) assert.ok(Math.abs(b - 5_000) < 300, `bucket ${b}`);
  });

  test('seeds: whole numbers as themselves, anything else refused (never hashed into another dataset)', () => {
    assert.equal(parseSeed('42'), 42);
    assert.equal(parseSeed(' 42 '), 42);
    assert.equal(parseSeed(42), 42);
    assert.equal(parseSeed('4294967295'), 4294967295);
    for (const bad of ['abc', '4O', '-1', '1.5', '', '4294967296', '1e3'])
      assert.throws(
        () => parseSeed(bad),
        (e: unknown) =>
          e instanceof SfError &&
          e.name === 'InvalidSeed' &&
          e.message === `--seed must be a whole number from 0 to 4294967295, got "${bad.trim()}"` &&
          /--seed 42/.test(e.actions?.[0] ?? ''),
        bad,
      );
    assert.throws(() => parseSeed(-3), { name: 'InvalidSeed' });
    assert.throws(() => parseSeed(2.5), { name: 'InvalidSeed' });
  });
});

describe('names', () => {
  test('company domain labels are unique (the bijection, then a number)', () => {
    const labels = new Set<string>();
    for (let i = 0; i < 30_000; i++) labels.add(companyName(i).label);
    assert.equal(labels.size, 30_000);
    assert.match(companyName(0).label, /^[a-z0-9]+$/);
  });

  test('person names are unique per index', () => {
    const names = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const n = personName(i);
      names.add(`${n.first} ${n.last}${n.suffix}`);
    }
    assert.equal(names.size, 20_000);
  });
});

describe('calendar', () => {
  test('dates round-trip and invalid dates are refused', () => {
    assert.equal(formatDay(parseDay('2026-12-01')!), '2026-12-01');
    assert.equal(parseDay('2026-02-30'), undefined);
    assert.equal(parseDay('2026-2-3'), undefined);
  });

  test('ADDMONTHS keeps the day or takes the last of the month; contracts end the day before', () => {
    assert.equal(formatDay(addMonths(parseDay('2026-01-31')!, 1)), '2026-02-28');
    assert.equal(formatDay(contractEndDay(parseDay('2026-03-01')!, 12)), '2027-02-28');
    assert.equal(fiscalQuarter(parseDay('2026-11-30')!), 'FY26Q4');
  });
});

describe('values stay inside their fields', () => {
  const field = (o: Partial<SchemaField>): SchemaField => ({
    name: 'F',
    label: 'F',
    custom: true,
    nillable: true,
    type: 'string',
    ...o,
  });

  test('text is cut to its length; numbers rounded to their scale and clamped to their precision', () => {
    assert.equal(sanitize(field({ length: 5 }), 'abcdefgh'), 'abcde');
    assert.equal(sanitize(field({ type: 'percent', precision: 5, scale: 2 }), 12.345), 12.35);
    assert.equal(sanitize(field({ type: 'double', precision: 3, scale: 0 }), 12_345), 999);
  });

  test('a picklist value the field does not have is refused (the shaper replaces it)', () => {
    const picklist = field({ type: 'picklist', picklistValues: ['A', 'B'] });
    assert.equal(sanitize(picklist, 'B'), 'B');
    assert.equal(sanitize(picklist, 'Z'), undefined);
    assert.equal(sanitize(field({ type: 'multipicklist', picklistValues: ['A', 'B'] }), 'A;Z;B'), 'A;B');
  });
});
