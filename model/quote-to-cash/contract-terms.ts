import { lookup, picklist } from '../../scripts/dsl/index.ts';

/**
 * The contract terms a deal is sold on, one list each, shared by the Opportunity, the Quote and the
 * Contract (blueprint 000 §4, 001 Epic 4): a quote's signature copies them into the Contract
 * (model/quote-to-cash/signature.ts), so a value the quote offers is always one the Contract takes.
 */

/** The standard terms a quote may carry: a version of our paper, chosen, never typed. */
export const STANDARD_TERMS = ['MSA 2026 Standard', 'MSA 2026 Public Sector', 'Order Form Only (Click-Through)'];
export const PAYMENT_TERMS = ['Net 30', 'Net 45', 'Net 60', 'Net 90'];
export const BILLING_FREQUENCIES = [
  'Annual in Advance',
  'Quarterly in Advance',
  'Monthly in Advance',
  'Multi-Year Prepaid',
];
export const RENEWAL_TYPES = ['Auto-Renew', 'Manual', 'Evergreen', 'Non-Renewing'];

/**
 * What a signed quote gives the Contract beyond the renewal terms it already has (renewal type,
 * uplift, cap): the quote itself and the terms the order form was signed on. The terms track
 * history (once signed, a change to the paper is a change to the contract); the source quote is set
 * once, and Contract is near Salesforce's 20 tracked fields.
 */
export const signedTermsFields = {
  Source_Quote__c: lookup('Quote', {
    label: 'Source Quote',
    relationshipName: 'Signed_Contracts',
    help: 'The accepted quote this contract was created from at signature.',
  }),
  Standard_Terms__c: picklist({ label: 'Standard Terms', values: STANDARD_TERMS, trackHistory: true }),
  Payment_Terms__c: picklist({ label: 'Payment Terms', values: PAYMENT_TERMS, trackHistory: true }),
  Billing_Frequency__c: picklist({ label: 'Billing Frequency', values: BILLING_FREQUENCIES, trackHistory: true }),
};
