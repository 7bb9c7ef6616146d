/**
 * The order form in the org: the Visualforce PDF generated from the quote-to-cash family's layout,
 * its controller and the action that saves it to the quote (see builders.ts). Owns no model section.
 */
import { defineFamily } from '../../core/family.ts';
import { orderFormCatalogue } from './catalogue.ts';
import { checkOrderFormPage } from './checks.ts';
import { emitOrderForm, type OrderFormPageModel } from './emit.ts';

export { lineQueryPaths, quoteFields, quoteQueryPaths } from './builders.ts';
export { AE_PERMISSION_SET, controllerClass, documentClass, DOCUMENT_CLASS, TEST_CLASS, testClass } from './apex.ts';
export { CONTROLLER_CLASS, orderFormPage, valueElement } from './page-markup.ts';
export { ORDER_FORM_PAGE } from './page.ts';

export const orderFormFamily = defineFamily<Record<never, never>, OrderFormPageModel>({
  name: 'order-form',
  sections: {},
  check: (model, check) => checkOrderFormPage(model.orderForm, check),
  emit: emitOrderForm,
  references: (model) =>
    model.orderForm
      ? [
          {
            type: 'ApexClass',
            name: 'RevOpsTestUsers',
            component: `ApexPage ${model.orderForm.name}`,
            definition: model.orderForm,
            message: 'the order form test makes its users with the hand-written RevOpsTestUsers',
          },
        ]
      : [],
  catalogue: orderFormCatalogue,
});
