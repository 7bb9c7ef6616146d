/**
 * One quote's order form as printed text: the header, the sections, the lines in the layout's
 * order and their total, the special terms (or none). What the HTML shows and `--json` reports.
 */
import type { OrderFormField } from '../../dsl/index.ts';
import type { Located } from '../load.ts';
import { ref } from '../load.ts';
import { formatValue } from './format.ts';
import { OrderFormError, QUOTE, QUOTE_LINE, valueAt, type OrderFormSource } from './source.ts';

export interface PrintedField {
  readonly label: string;
  readonly text: string;
}

export interface OrderFormView {
  readonly quote: string;
  readonly header: readonly PrintedField[];
  readonly sections: readonly { readonly title: string; readonly fields: readonly PrintedField[] }[];
  /** One row per quote line, the columns' printed text in layout order. */
  readonly rows: readonly (readonly string[])[];
  /** The lines' external ids, in printed order. */
  readonly lineIds: readonly string[];
  /** The sum of the `totalOf` column, in cents (exact), and as printed. */
  readonly totalCents: number;
  readonly total: string;
  /** The special terms, or undefined when blank (the block is left out). */
  readonly specialTerms: string | undefined;
}

/** Distance between two ids (edits), for suggesting the ids nearest a mistyped one. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

export function nearestIds(id: string, ids: Iterable<string>, count = 3): string[] {
  const wanted = id.toUpperCase();
  return [...ids]
    .map((candidate) => ({ candidate, d: distance(wanted, candidate.toUpperCase()) }))
    .sort((a, b) => a.d - b.d || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, count)
    .map((c) => c.candidate);
}

/** The quote record, or an error naming the file and the nearest ids the dataset has. */
export function findQuote(source: OrderFormSource, id: string): Located {
  const quotes = source.data.tables.get(QUOTE)!;
  const found = quotes.get(id);
  if (found) return found;
  const file = [...quotes.values()][0]?.file ?? `${source.data.dir}/Quote.ndjson`;
  const near = nearestIds(id, quotes.keys());
  throw new OrderFormError(
    `${file}: no Quote ${id}${near.length ? `; nearest: ${near.join(', ')}` : ' (the file holds no quotes)'}`,
    'OrderFormUnknownQuote',
    ['Pass a Quote External_Id__c from the dataset, or --all for every accepted quote'],
  );
}

/** Sort keys compare numbers as numbers, text by code point; blanks last; then by external id. */
function compareKeys(a: readonly unknown[], b: readonly unknown[]): number {
  for (const [i, x] of a.entries()) {
    const y = b[i];
    if (x === y) continue;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

function quoteLines(source: OrderFormSource, quote: Located): Located[] {
  const id = String(quote.record.External_Id__c);
  const lines = [...source.data.tables.get(QUOTE_LINE)!.values()].filter((l) => ref(l.record.Quote) === id);
  if (!lines.length)
    throw new OrderFormError(
      `${quote.file}:${quote.line}: Quote ${id} has no quote lines (${source.data.dir}/QuoteLineItem.ndjson holds none for it): an order form sells something`,
      'OrderFormNoLines',
      [`Add the quote's lines to QuoteLineItem.ndjson, or leave ${id} out`],
    );
  const { orderBy } = source.layout.lines;
  const keyed = lines.map((at) => ({
    at,
    keys: [...orderBy.map((p) => valueAt(source, QUOTE_LINE, at, p)), String(at.record.External_Id__c)],
  }));
  return keyed.sort((a, b) => compareKeys(a.keys, b.keys)).map((k) => k.at);
}

export function orderFormView(source: OrderFormSource, quoteId: string): OrderFormView {
  const { layout } = source;
  const quote = findQuote(source, quoteId);
  const print = (f: OrderFormField, object: string, at: Located): PrintedField => ({
    label: f.label,
    text: formatValue(valueAt(source, object, at, f.path), f.format),
  });
  const lines = quoteLines(source, quote);
  const totalFormat = layout.lines.columns.find((c) => c.path === layout.lines.totalOf)?.format ?? 'currency';
  const totalCents = lines.reduce(
    (sum, at) => sum + Math.round(Number(valueAt(source, QUOTE_LINE, at, layout.lines.totalOf) ?? 0) * 100),
    0,
  );
  const special = valueAt(source, QUOTE, quote, layout.specialTerms.path);
  return {
    quote: quoteId,
    header: layout.header.map((f) => print(f, QUOTE, quote)),
    sections: layout.sections.map((s) => ({ title: s.title, fields: s.fields.map((f) => print(f, QUOTE, quote)) })),
    rows: lines.map((at) => layout.lines.columns.map((c) => print(c, QUOTE_LINE, at).text)),
    lineIds: lines.map((at) => String(at.record.External_Id__c)),
    totalCents,
    total: formatValue(totalCents / 100, totalFormat),
    specialTerms:
      special === null || special === undefined || String(special).trim() === '' ? undefined : String(special),
  };
}
