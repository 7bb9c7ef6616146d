import type { ApiConnection } from './api-connection.ts';
import type { DatasetRecord } from './dataset.ts';
import { externalIdOf, type LoadStep } from './load-plan.ts';
import { queryAll } from './price-book.ts';
import type { RetryContext } from './retry.ts';

/**
 * Fields Salesforce sets only when a record is created: an upsert that updates a record and sends
 * one fails with INVALID_FIELD_FOR_INSERT_UPDATE. A price book entry's product and price book, an
 * opportunity product's deal and entry, a quote's deal, a quote line's quote, entry and product
 * (as ids or external-id references) are such fields, so a
 * repeated load sends the rows the org already has without them.
 */
export const CREATE_ONLY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  PricebookEntry: ['Pricebook2Id', 'Product2', 'Product2Id'],
  OpportunityLineItem: ['PricebookEntryId', 'PricebookEntry', 'Opportunity', 'OpportunityId'],
  Quote: ['Opportunity', 'OpportunityId'],
  QuoteLineItem: ['PricebookEntryId', 'PricebookEntry', 'Product2', 'Product2Id', 'Quote', 'QuoteId'],
};

/** External ids per query: the IN list stays well inside a URL. */
const IDS_PER_QUERY = 100;

/**
 * The batch as rows to create (as they are) and rows the org has (without their create-only
 * fields), each part in the batch's order; the whole batch as new rows for objects without such fields.
 */
export async function splitByExistence(
  conn: ApiConnection,
  step: LoadStep,
  records: readonly DatasetRecord[],
  retry: RetryContext,
): Promise<{ create: DatasetRecord[]; update: DatasetRecord[] }> {
  const createOnly = step.pass === 'records' ? CREATE_ONLY_FIELDS[step.object.sobject] : undefined;
  const field = step.object.externalIdField;
  if (!createOnly || !/^\w+$/.test(field)) return { create: [...records], update: [] };
  const existing = new Set<string>();
  for (let i = 0; i < records.length; i += IDS_PER_QUERY) {
    const ids = records.slice(i, i + IDS_PER_QUERY).map((r) => `'${soqlString(externalIdOf(step, r))}'`);
    const found = await queryAll<Record<string, string>>(
      conn,
      `SELECT ${field} FROM ${step.object.sobject} WHERE ${field} IN (${ids.join(', ')})`,
      retry,
    );
    for (const r of found) existing.add(String(r[field]));
  }
  const create: DatasetRecord[] = [];
  const update: DatasetRecord[] = [];
  for (const record of records) {
    if (!existing.has(externalIdOf(step, record))) {
      create.push(record);
      continue;
    }
    const kept: DatasetRecord = { ...record };
    for (const key of createOnly) delete kept[key];
    update.push(kept);
  }
  return { create, update };
}

function soqlString(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
}
