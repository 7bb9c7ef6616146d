/**
 * The loader fills in the org's standard price book (scripts/org/price-book.ts) against the
 * Salesforce API TEST DOUBLE (salesforce-api-double.ts): Pricebook2Id on price book entries and
 * opportunities, PricebookEntryId on opportunity products (the entry of the standard price book the
 * dataset row names), an inactive standard price book activated, an org without one refused before
 * any row is sent, and a dataset without a catalogue loaded exactly as before (no query).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { loadDataset, type LoadOptions } from '../../scripts/org/loader.ts';
import type { RelationshipResolver } from '../../scripts/org/load-plan.ts';
import { SalesforceApiDouble, type DoubleOptions } from './salesforce-api-double.ts';
import { seededRandom } from './seeded-random.ts';
import { writeDatasetFiles } from './dataset-fixture.ts';

const RELATIONSHIPS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Opportunity: { Account: 'Account' },
  PricebookEntry: { Product2: 'Product2' },
  OpportunityLineItem: { Opportunity: 'Opportunity', PricebookEntry: 'PricebookEntry' },
  Quote: { Opportunity: 'Opportunity' },
  QuoteLineItem: { Quote: 'Quote', PricebookEntry: 'PricebookEntry', Product2: 'Product2' },
};
const resolve: RelationshipResolver = (sobject, name) => RELATIONSHIPS[sobject]?.[name];
const SKUS = ['Platform:Starter:Seat', 'Platform:Growth:Seat', 'Forecasting:Growth:Seat', 'Support:Premium:Account'];
const code = (sku: string) => sku.replace(/:/g, '-');
const LINES = 14;

let double: SalesforceApiDouble;
let dir: string;
let out: string;

/** Accounts, the catalogue (products and entries), deals and their products; `catalogue: false` leaves the last three out. */
async function writeDataset(catalogue = true): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'revops-pricebook-'));
  const accounts = [1, 2, 3].map((n) => ({ External_Id__c: `ACC-${n}`, Name: `Account ${n}` }));
  const deals = [1, 2, 3, 4, 5].map((n) => ({
    External_Id__c: `OPP-${n}`,
    Name: `Deal ${n}`,
    StageName: 'Closed Won',
    CloseDate: '2026-03-31',
    Account: { External_Id__c: `ACC-${(n % 3) + 1}` },
  }));
  const products = SKUS.map((s) => ({ External_Id__c: `PRD-${code(s)}`, Name: s, ProductCode: s }));
  const entries = SKUS.map((s, i) => ({
    External_Id__c: `PBE-${code(s)}`,
    Product2: { External_Id__c: `PRD-${code(s)}` },
    UnitPrice: 100 * (i + 1),
    IsActive: true,
  }));
  const lines = Array.from({ length: LINES }, (_, i) => ({
    External_Id__c: `OLI-${i + 1}`,
    Opportunity: { External_Id__c: `OPP-${(i % 5) + 1}` },
    PricebookEntry: { External_Id__c: `PBE-${code(SKUS[i % SKUS.length]!)}` },
    Quantity: i + 1,
    UnitPrice: 90,
  }));
  const quotes = deals.map((d, i) => ({
    External_Id__c: `QUO-${i + 1}`,
    Name: `${d.Name} - Order Form`,
    Status: 'Accepted',
    Opportunity: { External_Id__c: d.External_Id__c },
  }));
  const quoteLines = lines.map((l, i) => ({
    ...l,
    External_Id__c: `QLI-${i + 1}`,
    Opportunity: undefined,
    Quote: { External_Id__c: `QUO-${(i % 5) + 1}` },
    Product2: { External_Id__c: `PRD-${code(SKUS[i % SKUS.length]!)}` },
  }));
  const objects: [string, object[]][] = [
    ['Account', accounts],
    ...(catalogue
      ? ([
          ['Product2', products],
          ['PricebookEntry', entries],
        ] as [string, object[]][])
      : []),
    ['Opportunity', deals],
    ...(catalogue
      ? ([
          ['OpportunityLineItem', lines],
          ['Quote', quotes],
          ['QuoteLineItem', quoteLines],
        ] as [string, object[]][])
      : []),
  ];
  return writeDatasetFiles(root, objects);
}

/**
 * As Salesforce: an entry needs its price book; a product's entry must be in the deal's price book.
 * (The double stores what it is sent; these are the org's rules that the loader must satisfy.)
 */
function orgRules(): DoubleOptions['rowError'] {
  return (sobject, record) => {
    const book = double.priceBook?.Id;
    const createOnly: Record<string, string[]> = {
      PricebookEntry: ['Pricebook2Id', 'Product2'],
      OpportunityLineItem: ['PricebookEntryId', 'PricebookEntry', 'Opportunity'],
      Quote: ['Opportunity'],
      QuoteLineItem: ['PricebookEntryId', 'PricebookEntry', 'Product2', 'Quote'],
    };
    const sent = Object.keys(record).filter((k) => createOnly[sobject]?.includes(k.split('.')[0]!));
    if (sent.length && double.table(sobject).has(String(record.External_Id__c)))
      return `INVALID_FIELD_FOR_INSERT_UPDATE: Unable to create/update fields: ${sent.join(', ')}`;
    if (double.table(sobject).has(String(record.External_Id__c))) return undefined;
    if (sobject === 'PricebookEntry' && !record.Pricebook2Id)
      return 'REQUIRED_FIELD_MISSING: Required fields are missing: [Pricebook2Id]';
    if (sobject === 'Quote' && record.Pricebook2Id !== book)
      return 'FIELD_INTEGRITY_EXCEPTION: the quote needs the price book its lines come from';
    const parentObject = { OpportunityLineItem: 'Opportunity', QuoteLineItem: 'Quote' }[sobject];
    if (!parentObject) return undefined;
    if (typeof record.PricebookEntryId !== 'string')
      return 'REQUIRED_FIELD_MISSING: Required fields are missing: [PricebookEntryId]';
    const entry = [...double.table('PricebookEntry').values()].find((e) => e.Id === record.PricebookEntryId);
    const parentRef = record[parentObject] as { External_Id__c?: string } | undefined;
    const parent = double
      .table(parentObject)
      .get(String(parentRef?.External_Id__c ?? record[`${parentObject}.External_Id__c`]));
    if (!entry || entry.fields.Pricebook2Id !== book || parent?.fields.Pricebook2Id !== book)
      return `FIELD_INTEGRITY_EXCEPTION: pricebook entry is in a different pricebook than the one assigned to the ${parentObject.toLowerCase()}`;
    return undefined;
  };
}

async function start(options: Partial<DoubleOptions> = {}) {
  double = await SalesforceApiDouble.start({ relationships: RELATIONSHIPS, rowError: orgRules(), ...options });
}

function options(overrides: Partial<LoadOptions> = {}): LoadOptions {
  return {
    dataset: dir,
    targetOrg: 'admin@test-double.example',
    resolveRelationship: resolve,
    outDir: out,
    // Opportunity products through Bulk API 2.0 (CSV), the rest through sObject collections.
    bulkThreshold: 10,
    bulkBatchSize: 5,
    collectionsBatchSize: 3,
    requestTimeoutMs: 750,
    bulkPoll: { intervalMs: 2, timeoutMs: 5_000 },
    retry: { maxAttempts: 3, baseDelayMs: 2, maxDelayMs: 10, maxTotalRetries: 10, random: seededRandom(3) },
    ...overrides,
  };
}

const QUERY = /\/query/;

beforeEach(async () => {
  dir = await writeDataset();
  out = await mkdtemp(join(tmpdir(), 'revops-pricebook-load-'));
});

afterEach(async () => {
  await double.close();
  await rm(dir, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

describe('the standard price book, filled in while loading', () => {
  test('entries and deals get Pricebook2Id, products the Id of the entry their row names', async () => {
    await start();
    const result = await loadDataset(double.connection(), options());
    assert.ok(result.ok, JSON.stringify(result.objects.filter((o) => o.failed)));
    assert.equal(result.objects.find((o) => o.sobject === 'OpportunityLineItem')?.api, 'bulk');
    const book = double.priceBook!.Id;
    for (const e of double.table('PricebookEntry').values()) assert.equal(e.fields.Pricebook2Id, book);
    for (const d of double.table('Opportunity').values()) assert.equal(d.fields.Pricebook2Id, book);
    for (const q of double.table('Quote').values()) assert.equal(q.fields.Pricebook2Id, book);
    const quoteLines = double.table('QuoteLineItem');
    assert.equal(quoteLines.size, LINES);
    const entries = double.table('PricebookEntry');
    const lines = double.table('OpportunityLineItem');
    assert.equal(lines.size, LINES);
    for (let i = 0; i < LINES; i++) {
      const line = lines.get(`OLI-${i + 1}`)!;
      assert.equal(
        line.fields.PricebookEntryId,
        entries.get(`PBE-${code(SKUS[i % SKUS.length]!)}`)!.Id,
        `OLI-${i + 1}`,
      );
      assert.equal(line.fields.PricebookEntry, undefined, 'the external-id reference is replaced, not sent too');
      assert.equal(
        quoteLines.get(`QLI-${i + 1}`)!.fields.PricebookEntryId,
        line.fields.PricebookEntryId,
        `QLI-${i + 1}`,
      );
    }
  });

  test('without the fill the org refuses the catalogue: the double enforces the rules the test relies on', async () => {
    await start();
    const rules = orgRules()!;
    assert.match(rules('PricebookEntry', { External_Id__c: 'PBE-x' }) ?? '', /Pricebook2Id/);
    assert.match(
      rules('OpportunityLineItem', { PricebookEntry: { External_Id__c: 'PBE-x' } }) ?? '',
      /PricebookEntryId/,
    );
  });

  test('a second load updates every row without the create-only fields the org refuses on update', async () => {
    await start();
    await loadDataset(double.connection(), options());
    const before = double.table('OpportunityLineItem').get('OLI-1')!.fields.PricebookEntryId;
    const again = await loadDataset(double.connection(), options({ fresh: true }));
    assert.ok(again.ok, JSON.stringify(again.objects.filter((o) => o.failed)));
    assert.equal(again.totals.created, 0);
    assert.equal(double.inserted('OpportunityLineItem'), LINES);
    assert.equal(double.inserted('QuoteLineItem'), LINES);
    assert.equal(double.inserted('Quote'), 5);
    assert.equal(double.table('OpportunityLineItem').get('OLI-1')!.fields.PricebookEntryId, before);
  });

  test('a load that finds some rows present creates the rest in full, reported in the batch order', async () => {
    await start();
    await loadDataset(double.connection(), options());
    // Rows 3 and 9 vanish from the org (deleted by hand): the reload recreates them with their entry.
    const lines = double.table('OpportunityLineItem') as Map<string, unknown>;
    lines.delete('OLI-3');
    lines.delete('OLI-9');
    const again = await loadDataset(double.connection(), options({ fresh: true }));
    assert.ok(again.ok, JSON.stringify(again.objects.filter((o) => o.failed)));
    const summary = again.objects.find((o) => o.sobject === 'OpportunityLineItem')!;
    assert.deepEqual([summary.created, summary.updated], [2, LINES - 2]);
    assert.equal(lines.size, LINES);
    assert.equal(
      double.table('OpportunityLineItem').get('OLI-3')!.fields.PricebookEntryId,
      double.table('PricebookEntry').get(`PBE-${code(SKUS[2]!)}`)!.Id,
    );
  });

  test("an inactive standard price book (a new scratch org's) is activated first", async () => {
    await start({ standardPriceBook: { active: false } });
    const result = await loadDataset(double.connection(), options());
    assert.ok(result.ok);
    assert.equal(double.priceBook!.IsActive, true);
    assert.equal(
      double.count((r) => r.method === 'PATCH' && /\/sobjects\/Pricebook2\//.test(r.path)),
      1,
    );
  });

  test('entries read page by page', async () => {
    await start({ queryPageSize: 1 });
    const result = await loadDataset(double.connection(), options());
    assert.ok(result.ok);
    // The price book query, the entries (one page per entry, read once for products and quote lines)
    // and, per batch of entries, products, quotes and quote lines, which of them the org has (none on
    // a first load: one empty page each).
    const batches = Math.ceil(SKUS.length / 3) + Math.ceil(LINES / 5) + Math.ceil(5 / 3) + Math.ceil(LINES / 5);
    assert.equal(
      double.count((r) => QUERY.test(r.path)),
      1 + SKUS.length + batches,
    );
  });

  test('an org without a standard price book: a named error, no row sent', async () => {
    await start({ standardPriceBook: null });
    await assert.rejects(loadDataset(double.connection(), options()), (error: Error) => {
      assert.match(error.message, /admin@test-double\.example: the org has no standard price book/);
      return true;
    });
    assert.equal(
      double.count((r) => /composite|jobs\/ingest/.test(r.path)),
      0,
    );
  });

  test('a dataset without a catalogue loads as before: no price book query', async () => {
    await rm(dir, { recursive: true, force: true });
    dir = await writeDataset(false);
    await start();
    const result = await loadDataset(double.connection(), options());
    assert.ok(result.ok);
    assert.equal(
      double.count((r) => QUERY.test(r.path)),
      0,
    );
    for (const d of double.table('Opportunity').values()) assert.equal(d.fields.Pricebook2Id, undefined);
  });
});
