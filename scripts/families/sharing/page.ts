/** Where this family's catalogue page lives (relative to docs/model/); other families link to it. */
export const SHARING_PAGE = 'sharing.md';
