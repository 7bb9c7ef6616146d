/** Quote to cash: the SKU catalogue, the discount ladder, the approval matrix (as an approval process) and give/get. */
import { defineFamily } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import * as builders from './builders.ts';
import type { QuoteToCashModel } from './builders.ts';
import { quoteToCashIndex, renderQuoteToCashPage } from './catalogue.ts';
import { checkQuoteToCash } from './checks.ts';
import { emitQuoteToCash } from './emit.ts';
import { orderFormLayout as orderFormBuilder } from './order-form.ts';
import type { SignatureModel } from './signature-catalogue.ts';

export type {
  ApprovalLevelDef,
  ApprovalMatrixDef,
  BillingRulesDef,
  DiscountLadderDef,
  GiveGetDef,
  PricingDef,
  QuoteToCashModel,
  SkuDef,
  TermCondition,
} from './builders.ts';
export { SKU_NAME } from './builders.ts';
export type { OrderFormField, OrderFormFormat, OrderFormLayout, OrderFormSection } from './order-form.ts';
export { orderFormPaths, resolveLayoutPath } from './order-form.ts';
export {
  getAllowed,
  ladderFormula,
  ladderMax,
  ladderRecordName,
  missingGetFormula,
  requiredLevel,
  requiredLevelFormula,
  acceptedBases,
} from './pricing.ts';
export { REQUIRED_LEVEL_FIELD } from './emit.ts';
export { addMonths, billedAmount, formatDate, parseDate, prorationFactor } from './billing.ts';

export const sku = locate(builders.sku);
export const pricing = locate(builders.pricing);
export const orderFormLayout = locate(orderFormBuilder);

export const quoteToCashFamily = defineFamily<QuoteToCashModel, QuoteToCashModel & SignatureModel>({
  name: 'quote-to-cash',
  sections: { skus: 'list', pricing: 'single', orderForm: 'single' },
  check: checkQuoteToCash,
  emit: emitQuoteToCash,
  lockable: (model) => [...model.skus, ...(model.pricing ? [model.pricing] : [])],
  catalogue: { pages: (cat) => [renderQuoteToCashPage(cat)], index: quoteToCashIndex },
});
