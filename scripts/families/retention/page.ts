/** Where the retention catalogue page lives (relative to docs/model/). */
export const RETENTION_PAGE = 'retention.md';
