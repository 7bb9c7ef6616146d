/** Where the order form's catalogue page lives (relative to docs/model/). */
export const ORDER_FORM_PAGE = 'order-form.md';
