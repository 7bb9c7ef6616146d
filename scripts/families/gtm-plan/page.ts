/** Where the GTM plan's catalogue page lives (relative to docs/model/). */
export const GTM_PLAN_PAGE = 'gtm-plan.md';
