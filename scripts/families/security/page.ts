/** Where this family's catalogue page lives (relative to docs/model/); other families link to it. */
export const PERMISSIONS_PAGE = 'permissions.md';
