/** Where this family's catalogue page lives (relative to docs/model/). */
export const TERRITORIES_PAGE = 'territories.md';
