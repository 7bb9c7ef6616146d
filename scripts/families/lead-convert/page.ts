/** Where this family's catalogue page lives (relative to docs/model/); other families link to it. */
export const LEAD_CONVERT_PAGE = 'lead-convert.md';
