/** Where the audit catalogue page lives (relative to docs/model/). */
export const AUDIT_PAGE = 'audit.md';
