/** Where the lifecycle catalogue page lives (relative to docs/model/). */
export const LIFECYCLE_PAGE = 'lifecycle.md';
