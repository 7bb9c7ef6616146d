/** Where this family's catalogue page lives (relative to docs/model/). */
export const QUOTE_TO_CASH_PAGE = 'quote-to-cash.md';
