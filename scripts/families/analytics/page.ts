/** Where this family's catalogue page lives (relative to docs/model/); other families link to it. */
export const ANALYTICS_PAGE = 'analytics.md';
