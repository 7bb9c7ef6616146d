import { checkbox, date, formula, number, picklist, standardObject, text } from '../../scripts/dsl/index.ts';
import { proratedAmountFormula } from './q2c-formulas.ts';
import { externalId } from '../objects/shared.ts';
import { BILLING_FREQUENCIES, PAYMENT_TERMS, RENEWAL_TYPES, STANDARD_TERMS } from './contract-terms.ts';

export { STANDARD_TERMS } from './contract-terms.ts';

/**
 * A quote: the deal's SKUs as offered, on standard terms with minimal free text (blueprint 000 §4,
 * 001 Epic 4). What the order form carries into the Contract at signature (term, uplift, renewal
 * type, payment and billing terms) is chosen from lists; the one free-text field is short and
 * anything off the standard terms goes through the approval matrix as Non-Standard Terms.
 */
export const Quote = standardObject('Quote', {
  locked: true,
  fields: {
    Standard_Terms__c: picklist({ label: 'Standard Terms', values: STANDARD_TERMS, required: true }),
    Term_Months__c: number({ label: 'Term (Months)', precision: 3, scale: 0 }),
    Ramp__c: checkbox({ label: 'Ramp', help: 'Quantities grow by contract year (one line per SKU and year).' }),
    Payment_Terms__c: picklist({ label: 'Payment Terms', values: PAYMENT_TERMS }),
    Billing_Frequency__c: picklist({ label: 'Billing Frequency', values: BILLING_FREQUENCIES }),
    Renewal_Type__c: picklist({ label: 'Renewal Type', values: RENEWAL_TYPES }),
    Uplift_Percent__c: number({ label: 'Renewal Uplift (%)', precision: 4, scale: 1 }),
    Uplift_Cap_Percent__c: number({
      label: 'Renewal Uplift Cap (%)',
      precision: 4,
      scale: 1,
      help: 'The most a renewal may uplift the price, as the contract will say.',
    }),
    // The signer is the standard ContactId (Contact Name); the date the customer signed the order form
    Signed_Date__c: date({ label: 'Signed Date', help: 'The day the customer signed the order form.' }),
    Special_Terms__c: text({
      label: 'Special Terms',
      length: 255,
      help: 'Only what the standard terms do not say; anything here needs the CRO (non-standard terms).',
    }),
    External_Id__c: externalId(),
  },
});

/** A quoted SKU for one service period, as OpportunityLineItem is for the deal. */
export const QuoteLine = standardObject('QuoteLineItem', {
  locked: true,
  fields: {
    End_Date__c: date({
      label: 'Service End Date',
      help: 'Last day of the service period (ServiceDate is the first).',
    }),
    Contract_Year__c: number({ label: 'Contract Year', precision: 2, scale: 0 }),
    // What the order form prints for the period: a six-month line costs half its annual price.
    Prorated_Amount__c: formula('Currency', proratedAmountFormula, {
      label: 'Prorated Amount',
      description:
        'What the customer pays for the service period: quantity × annual unit price × the share of the year it covers (as the deal line bills).',
      blanks: 'blank',
    }),
    External_Id__c: externalId(),
  },
});
