/** Where this family's catalogue pages live (relative to docs/model/); other families link to them. */
export const STAGES_PAGE = 'stages.md';
export const LEAD_STATUSES_PAGE = 'lead-statuses.md';
