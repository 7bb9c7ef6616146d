/**
 * The seed's quotes (scripts/data/quotes.ts): every won new-business deal that sells products has
 * one accepted quote, on its segment's paper, with the deal's lines; the seed holds the cases the
 * quote checks exist for (multi-year, ramp, special terms, public sector). The checks themselves
 * are in check.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { STANDARD_TERMS } from '../../model/quote-to-cash/quotes.ts';
import { segmentTerms, termsFor } from '../../model/quote-to-cash/segment-terms.ts';
import { modelFormula, readLines, relationId, SEED_DIR } from '../data/support.ts';

describe('segment terms (model/quote-to-cash/segment-terms.ts)', () => {
  test('every segment and industry quotes on one of the standard terms', () => {
    for (const t of [
      ...Object.values(segmentTerms.bySegment),
      ...Object.values(segmentTerms.byIndustry),
      segmentTerms.fallback,
    ])
      assert.ok(STANDARD_TERMS.includes(t), t);
  });

  test('industry wins over segment; an unknown segment gets the fallback', () => {
    assert.equal(termsFor(segmentTerms, 'SMB', 'Government'), 'MSA 2026 Public Sector');
    assert.equal(termsFor(segmentTerms, 'SMB', 'Retail'), 'Order Form Only (Click-Through)');
    assert.equal(termsFor(segmentTerms, 'ENT', null), 'MSA 2026 Standard');
    assert.equal(termsFor(segmentTerms, null, null), segmentTerms.fallback);
  });
});

describe('the seed quotes', async () => {
  const read = (o: string) => readLines(SEED_DIR, `${o}.ndjson`);
  const [quotes, quoteLines, lines, deals] = await Promise.all([
    read('Quote'),
    read('QuoteLineItem'),
    read('OpportunityLineItem'),
    read('Opportunity'),
  ]);
  const sold = new Set(lines.map((l) => relationId(l.Opportunity)));

  test('one accepted quote per won deal that sells products, and one quote line per opportunity product', () => {
    const quoted = quotes.filter((q) => q.Status === 'Accepted').map((q) => relationId(q.Opportunity));
    assert.deepEqual([...quoted].sort(), [...sold].sort() as string[]);
    assert.equal(quoteLines.length, lines.length);
    for (const d of deals.filter((d) => sold.has(String(d.External_Id__c))))
      assert.equal(d.StageName, 'Closed Won', String(d.External_Id__c));
  });

  test('holds multi-year, ramp, special-terms and every paper', () => {
    assert.ok(quotes.some((q) => Number(q.Term_Months__c) >= 24));
    assert.ok(quotes.some((q) => q.Ramp__c === true));
    assert.ok(quotes.some((q) => q.Special_Terms__c !== null));
    assert.deepEqual(new Set(quotes.map((q) => q.Standard_Terms__c)), new Set(STANDARD_TERMS));
  });

  test('a ramp quote grows its quantities year by year at one price', () => {
    const ramp = quotes.find((q) => q.Ramp__c === true)!;
    const own = quoteLines
      .filter((l) => relationId(l.Quote) === ramp.External_Id__c && /Support/.test(String(l.Description)) === false)
      .sort((a, b) => Number(a.Contract_Year__c) - Number(b.Contract_Year__c));
    assert.ok(own.length >= 2);
    assert.ok(Number(own.at(-1)!.Quantity) > Number(own[0]!.Quantity));
    assert.equal(new Set(own.map((l) => l.UnitPrice)).size, 1);
  });

  test("each quote line's Prorated_Amount__c (the order form's amount) is what its deal line bills", () => {
    const prorated = modelFormula('QuoteLineItem', 'Prorated_Amount__c');
    const billed = new Map(lines.map((l) => [String(l.External_Id__c).replace(/^OLI-/, 'QLI-'), l.Billed_Amount__c]));
    for (const l of quoteLines)
      assert.equal(Number(prorated(l)), billed.get(String(l.External_Id__c)), String(l.External_Id__c));
  });
});
