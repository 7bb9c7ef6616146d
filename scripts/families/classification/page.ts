/** Where the classification catalogue page lives (relative to docs/model/). */
export const CLASSIFICATION_PAGE = 'classification.md';
