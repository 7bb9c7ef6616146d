/** Where this family's catalogue page lives (relative to docs/model/). */
export const ROUTING_PAGE = 'routing.md';
