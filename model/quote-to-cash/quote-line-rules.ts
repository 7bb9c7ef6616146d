/**
 * Quote lines are priced as deal lines are (blueprint 001 Epic 4): the net annual unit price, between
 * the SKU's floor and ceiling. A quote cannot offer what the deal could not sell, and the order form's
 * amounts (Prorated_Amount__c) are what billing invoices.
 */
import { validationRule } from '../../scripts/dsl/index.ts';
import { notBypassed } from '../governance/permissions.ts';
import { QuoteLine } from './quotes.ts';
import { outsideFloorAndCeiling } from './rules.ts';

/** The same floor and ceiling as Price_Within_Floor_And_Ceiling on opportunity products. */
export const quoteLinePriceWithinFloorAndCeiling = validationRule(QuoteLine, 'Quote_Line_Within_Floor_And_Ceiling', {
  formula: outsideFloorAndCeiling,
  message: "The sales price is outside the SKU's floor and ceiling: change the price, or quote another SKU.",
  errorField: QuoteLine.field('UnitPrice'),
  locked: true,
});

/**
 * Prices are net: the discount is in the sales price, never a line discount on top, so the quote, the
 * deal's products, the proration and the order form all read one number.
 */
export const quoteLineNetPrice = validationRule(QuoteLine, 'Quote_Line_Net_Price', {
  formula: `AND(
    ${notBypassed},
    NOT(ISBLANK(Discount)),
    Discount <> 0
)`,
  message: 'Put the discount in the sales price (the net annual unit price) and leave the line Discount blank.',
  errorField: QuoteLine.field('Discount'),
  locked: true,
});

export const quoteLineRules = [quoteLinePriceWithinFloorAndCeiling, quoteLineNetPrice];
