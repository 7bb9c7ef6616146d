import type { ApiConnection } from './api-connection.ts';
import type { Dataset, DatasetRecord } from './dataset.ts';
import { OrgToolkitError } from './errors.ts';
import type { LoadStep } from './load-plan.ts';
import { withRetry, type RetryContext } from './retry.ts';

/**
 * The org's standard price book, filled in while a dataset with a SKU catalogue loads: Salesforce
 * needs Pricebook2Id on every price book entry, the deal's price book on an opportunity whose
 * products come from it (and on a quote whose lines do), and a line's PricebookEntryId. The dataset cannot hold
 * those ids (they are the org's), so the loader asks the org for its standard price book (and
 * activates it, as a new scratch org's is inactive), writes its Id on price book entries and
 * opportunities and quotes, and, once the entries are loaded, replaces each opportunity product's or quote line's
 * `PricebookEntry` external-id reference with the Id of that entry in the standard price book.
 */
export const PRICE_BOOK = 'Pricebook2';
const ENTRY = 'PricebookEntry';
/** Rows priced from a price book entry: opportunity products and quote lines. */
const LINES = new Set(['OpportunityLineItem', 'QuoteLineItem']);
/** Rows that name the price book itself: its entries, deals and quotes. */
const PRICED = new Set(['PricebookEntry', 'Opportunity', 'Quote']);

interface QueryPage<T> {
  readonly records: T[];
  readonly done: boolean;
  readonly nextRecordsUrl?: string;
}

/** A SOQL query through REST, every page, each call under the loader's retries. */
export async function queryAll<T>(conn: ApiConnection, soql: string, retry: RetryContext): Promise<T[]> {
  const records: T[] = [];
  let url = `/services/data/v${conn.version}/query?q=${encodeURIComponent(soql)}`;
  for (;;) {
    const page = await withRetry(`query ${soql}`, () => conn.request<QueryPage<T>>({ method: 'GET', url }), retry);
    records.push(...page.records);
    if (page.done || !page.nextRecordsUrl) return records;
    url = page.nextRecordsUrl;
  }
}

/** Whether loading the dataset needs the org's price book: it holds price book entries, opportunity products or quote lines. */
export function needsPriceBook(dataset: Dataset): boolean {
  return dataset.manifest.objects.some((o) => o.sobject === ENTRY || LINES.has(o.sobject));
}

export class StandardPriceBook {
  readonly id: string;
  private readonly conn: ApiConnection;
  private readonly retry: RetryContext;
  /** Entry external id → entry Id in the standard price book; read once, when the first product loads. */
  private entries?: Map<string, string>;

  private constructor(conn: ApiConnection, retry: RetryContext, id: string) {
    this.conn = conn;
    this.retry = retry;
    this.id = id;
  }

  /** The org's standard price book, activated if it is not; a named error if the org has none. */
  static async open(conn: ApiConnection, retry: RetryContext, org: string): Promise<StandardPriceBook> {
    const [book] = await queryAll<{ Id: string; IsActive: boolean }>(
      conn,
      `SELECT Id, IsActive FROM ${PRICE_BOOK} WHERE IsStandard = true LIMIT 1`,
      retry,
    );
    if (!book)
      throw new OrgToolkitError(`${org}: the org has no standard price book; the SKU catalogue cannot load`, {
        name: 'NoStandardPriceBook',
        actions: ['Enable Products and Price Books in the org (Setup > Products), then run the load again'],
      });
    if (!book.IsActive)
      await withRetry(
        `activate the standard price book ${book.Id}`,
        () =>
          conn.request({
            method: 'PATCH',
            url: `/services/data/v${conn.version}/sobjects/${PRICE_BOOK}/${book.Id}`,
            body: JSON.stringify({ IsActive: true }),
            headers: { 'Content-Type': 'application/json' },
          }),
        retry,
      );
    return new StandardPriceBook(conn, retry, book.Id);
  }

  /** The step's records with the price book's ids filled in; other objects' records as they are. */
  async fill(step: LoadStep, records: DatasetRecord[]): Promise<DatasetRecord[]> {
    const sobject = step.object.sobject;
    if (step.pass !== 'records') return records;
    if (PRICED.has(sobject)) return records.map((r) => ({ ...r, Pricebook2Id: this.id }));
    const link = LINES.has(sobject) ? step.relationships.find((r) => r.target === ENTRY) : undefined;
    if (!link) return records;
    const entries = await this.entryIds(link.targetExternalIdField);
    return records.map((record) => {
      const ref = record[link.key] as Record<string, unknown> | null | undefined;
      const id = ref ? entries.get(String(ref[link.targetExternalIdField])) : undefined;
      // An entry the org does not have stays a reference: Salesforce names it in the row's error.
      if (!id) return record;
      const filled: DatasetRecord = { ...record, PricebookEntryId: id };
      delete filled[link.key];
      return filled;
    });
  }

  private async entryIds(externalIdField: string): Promise<Map<string, string>> {
    if (!/^\w+$/.test(externalIdField)) throw new OrgToolkitError(`not a field name: ${externalIdField}`);
    this.entries ??= new Map(
      (
        await queryAll<Record<string, string | null>>(
          this.conn,
          `SELECT Id, ${externalIdField} FROM ${ENTRY} WHERE Pricebook2Id = '${this.id}' AND ${externalIdField} != null`,
          this.retry,
        )
      ).map((r) => [String(r[externalIdField]), String(r.Id)]),
    );
    return this.entries;
  }
}
