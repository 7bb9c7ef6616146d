/** Where this family's catalogue page lives (relative to docs/model/); other families link to it. */
export const DATA_QUALITY_PAGE = 'data-quality.md';
