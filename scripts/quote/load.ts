/** The records `quote check` reads: deals, their accounts and contracts, the catalogue, opportunity products, quotes, concessions. */
import { join } from 'node:path';
import { openDataset, readRecords, type DatasetRecord } from '../data/index.ts';

export interface Located {
  readonly record: DatasetRecord;
  readonly file: string;
  readonly line: number;
}

export type Table = Map<string, Located>;

export interface QuoteDataset {
  readonly dir: string;
  readonly tables: ReadonlyMap<string, Table>;
}

export const QUOTE_OBJECTS = [
  'Account',
  'Opportunity',
  'Product2',
  'PricebookEntry',
  'OpportunityLineItem',
  'Concession__c',
  'Contract',
  'Quote',
  'QuoteLineItem',
];

/** The External_Id__c a lookup value points at (`{"External_Id__c": "OPP-1"}`), or null. */
export const ref = (value: unknown): string | null =>
  value && typeof value === 'object' ? (((value as Record<string, unknown>).External_Id__c as string) ?? null) : null;

/** The tables of `objects` (the quote check's by default) that the dataset has, keyed by External_Id__c. */
export async function loadQuoteDataset(dir: string, objects: readonly string[] = QUOTE_OBJECTS): Promise<QuoteDataset> {
  const dataset = await openDataset(dir);
  const tables = new Map<string, Table>();
  for (const entry of dataset.manifest.objects) {
    if (!objects.includes(entry.sobject)) continue;
    const table: Table = new Map();
    for await (const { line, record } of readRecords(dir, entry))
      table.set(String(record[entry.externalIdField]), { record, file: join(dir, entry.file), line });
    tables.set(entry.sobject, table);
  }
  return { dir, tables };
}

/** Opportunity products by deal External_Id__c, with their SKU code (through the price book entry and product). */
export interface Line {
  readonly id: string;
  readonly at: Located;
  readonly sku: string | null;
}

export function linesByDeal(data: QuoteDataset): Map<string, Line[]> {
  const byDeal = new Map<string, Line[]>();
  const entries = data.tables.get('PricebookEntry');
  const products = data.tables.get('Product2');
  for (const [id, at] of data.tables.get('OpportunityLineItem') ?? []) {
    const deal = ref(at.record.Opportunity);
    if (!deal) continue;
    const entry = entries?.get(ref(at.record.PricebookEntry) ?? '');
    const product = products?.get(ref(entry?.record.Product2) ?? '');
    const sku = (product?.record.ProductCode as string | undefined) ?? null;
    byDeal.set(deal, [...(byDeal.get(deal) ?? []), { id, at, sku }]);
  }
  return byDeal;
}
