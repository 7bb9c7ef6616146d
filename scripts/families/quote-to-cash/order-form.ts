/**
 * The order form a customer signs (blueprint 000 §4, 001 Epic 4; issue 17): one layout, read by
 * every renderer of it — `revops quote order-form` (offline, HTML and PDF from a dataset,
 * scripts/quote/order-form/) and the Visualforce page in the org — so that they cannot drift.
 *
 * Field paths start at Quote (or, for line columns, at QuoteLineItem) and follow lookups by their
 * relationship names, as a formula or SOQL does: `Opportunity.Account.Name`, `Product2.ProductCode`.
 * `checkOrderFormPaths` holds every path to a field the schema has.
 */
import type { CheckContext } from '../../core/checks.ts';
import type { Schema, SchemaField } from '../../schema/types.ts';

/** How a value is shown: dates as `2026-03-01`, money with two decimals and the currency code. */
export type OrderFormFormat = 'text' | 'date' | 'currency' | 'percent' | 'number' | 'months';

export interface OrderFormField {
  readonly label: string;
  /** Path from the record (Quote, or QuoteLineItem for line columns). */
  readonly path: string;
  readonly format?: OrderFormFormat;
}

export interface OrderFormSection {
  readonly title: string;
  readonly fields: readonly OrderFormField[];
}

export interface OrderFormLayout {
  /** API name of the Visualforce page (and the base of the offline file names). */
  readonly name: string;
  readonly title: string;
  /** Who sells: printed in the header. An admin sets the company's legal name and address here. */
  readonly seller: { readonly name: string; readonly address: string };
  /** Fields in the header block (quote number, dates). */
  readonly header: readonly OrderFormField[];
  /** Blocks of label/value pairs, in order. */
  readonly sections: readonly OrderFormSection[];
  /** The table of quote lines: one row per SKU and contract year, ordered by year then product code. */
  readonly lines: {
    readonly title: string;
    readonly columns: readonly OrderFormField[];
    readonly orderBy: readonly string[];
    /** The total under the table: the sum of this column. */
    readonly totalOf: string;
  };
  /** The quote's free-text special terms; the block is left out when blank. */
  readonly specialTerms: OrderFormField;
  /** The clause that binds the order form to the standard terms it names. */
  readonly governingClause: string;
  /** Signature block: one column per party, each with these lines to fill. */
  readonly signature: { readonly parties: readonly string[]; readonly lines: readonly string[] };
}

export const orderFormLayout = (layout: OrderFormLayout): OrderFormLayout => ({ ...layout });

/** The paths the layout reads from the quote and from each quote line, with where each is used. */
export function orderFormPaths(layout: OrderFormLayout): { object: string; path: string; usage: string }[] {
  const quote = [...layout.header, ...layout.sections.flatMap((s) => s.fields), layout.specialTerms];
  return [
    ...quote.map((f) => ({ object: 'Quote', path: f.path, usage: `field "${f.label}"` })),
    ...layout.lines.columns.map((f) => ({ object: 'QuoteLineItem', path: f.path, usage: `column "${f.label}"` })),
    ...layout.lines.orderBy.map((path) => ({ object: 'QuoteLineItem', path, usage: 'orderBy' })),
    { object: 'QuoteLineItem', path: layout.lines.totalOf, usage: 'totalOf' },
  ];
}

/** The field at the end of `path` from `object` (relationship names, then a field), or why the path breaks. */
export function resolveLayoutPath(schema: Schema, object: string, path: string): SchemaField | string {
  let current = schema.object(object);
  let on = object;
  const segments = path.split('.');
  for (const [i, segment] of segments.entries()) {
    if (!current) return `${on} is not an object the schema has`;
    if (i === segments.length - 1) return current.field(segment) ?? `${on} has no field ${segment}`;
    const relation = current.relationship(segment);
    if (!relation?.referenceTo?.[0]) return `${on} has no relationship ${segment}`;
    on = relation.referenceTo[0];
    current = schema.object(on);
  }
  return 'empty path';
}

/** Every path of the layout names a field the schema has; the total sums one of the columns. */
export function checkOrderFormPaths(layout: OrderFormLayout | undefined, check: CheckContext): void {
  if (!layout) return;
  const c = `Order form ${layout.name}`;
  for (const { object, path, usage } of orderFormPaths(layout)) {
    const found = resolveLayoutPath(check.schema, object, path);
    if (typeof found === 'string') check.report(layout, c, `${usage} ${object}.${path}: ${found}`);
  }
  if (!layout.lines.columns.some((col) => col.path === layout.lines.totalOf))
    check.report(layout, c, `totalOf ${layout.lines.totalOf} is not one of the line columns`);
}
