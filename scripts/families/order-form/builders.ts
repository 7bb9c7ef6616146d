/**
 * The order form in the org: the Visualforce page the AE saves to the quote as a PDF. The layout
 * is the quote-to-cash family's (`orderForm`, scripts/families/quote-to-cash/order-form.ts), which
 * the offline renderer (`revops quote order-form`) reads too; this family generates the page, its
 * controller, the save-to-quote action and their test from it, and checks what Visualforce needs
 * beyond the paths (which quote-to-cash checks).
 */
import type { OrderFormLayout } from '../quote-to-cash/index.ts';

/** The records the layout's fields are read from. */
export const QUOTE = 'Quote';
export const QUOTE_LINE = 'QuoteLineItem';

/** The fields read from the quote itself, in layout order: header, sections, special terms. */
export const quoteFields = (layout: OrderFormLayout): OrderFormLayout['header'][number][] => [
  ...layout.header,
  ...layout.sections.flatMap((s) => s.fields),
  layout.specialTerms,
];

const distinct = (paths: readonly string[]): string[] => [...new Set(paths)];

/** The paths the controller queries from Quote: every quote field of the layout. */
export const quoteQueryPaths = (layout: OrderFormLayout): string[] => distinct(quoteFields(layout).map((f) => f.path));

/** The paths the controller queries from QuoteLineItem: the columns, the sort keys and the total. */
export const lineQueryPaths = (layout: OrderFormLayout): string[] =>
  distinct([...layout.lines.columns.map((c) => c.path), ...layout.lines.orderBy, layout.lines.totalOf]);
