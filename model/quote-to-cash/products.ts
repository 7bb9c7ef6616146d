import { currency, date, formula, longText, number, standardObject, text } from '../../scripts/dsl/index.ts';
import { proratedAmountFormula } from './q2c-formulas.ts';
import { externalId } from '../objects/shared.ts';

/** A SKU of the catalogue (model/quote-to-cash/catalogue.ts): ProductCode is `Family:Package:Metric`. */
export const Product = standardObject('Product2', {
  locked: true,
  fields: {
    SKU_Family__c: text({ label: 'SKU Family', length: 40 }),
    Package__c: text({ label: 'Package', length: 40 }),
    Metric__c: text({ label: 'Metric', length: 40, help: 'The unit the price is per: Seat, Usage, Account, Project.' }),
    Floor_Price__c: currency({ label: 'Floor Price', help: 'The lowest annual unit price a quote may carry.' }),
    Ceiling_Price__c: currency({ label: 'Ceiling Price', help: 'The highest annual unit price a quote may carry.' }),
    Entitlements__c: longText({ label: 'Entitlements', help: 'What billing provisions with this SKU, one per line.' }),
    Sold_With__c: text({ label: 'Sold With', length: 255, help: 'For an add-on: the base packages it sells with.' }),
    External_Id__c: externalId(),
  },
});

/** The SKU's list price in the standard price book. */
export const PriceBookEntry = standardObject('PricebookEntry', {
  locked: true,
  fields: { External_Id__c: externalId() },
});

/**
 * A SKU sold on a deal for one service period: a multi-year or ramp deal has one line per SKU and
 * contract year. UnitPrice is the annual price per unit; Billed_Amount__c what billing invoices for
 * the period (prorated).
 */
export const OpportunityProduct = standardObject('OpportunityLineItem', {
  locked: true,
  fields: {
    End_Date__c: date({
      label: 'Service End Date',
      help: 'Last day of the service period (ServiceDate is the first).',
    }),
    Contract_Year__c: number({ label: 'Contract Year', precision: 2, scale: 0 }),
    Billed_Amount__c: currency({
      label: 'Billed Amount',
      help: 'Quantity × annual unit price × the share of the year the period covers.',
    }),
    Prorated_Amount__c: formula('Currency', proratedAmountFormula, {
      label: 'Prorated Amount',
      description: 'What billing invoices for the service period: Billed Amount must equal it (proration check).',
      blanks: 'blank',
    }),
    External_Id__c: externalId(),
  },
});
