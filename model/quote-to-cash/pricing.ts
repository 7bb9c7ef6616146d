import { pricing } from '../../scripts/dsl/index.ts';

const nonStandardPaymentTerms = {
  label: 'payment terms longer than Net 30',
  formula: 'AND(NOT(ISBLANK(TEXT(Payment_Terms__c))), NOT(ISPICKVAL(Payment_Terms__c, "Net 30")))',
  test: (deal: Readonly<Record<string, unknown>>) => !!deal.Payment_Terms__c && deal.Payment_Terms__c !== 'Net 30',
};
const monthlyBilling = {
  label: 'monthly billing',
  formula: 'ISPICKVAL(Billing_Frequency__c, "Monthly in Advance")',
  test: (deal: Readonly<Record<string, unknown>>) => deal.Billing_Frequency__c === 'Monthly in Advance',
};
const nonStandardLegal = {
  label: 'non-standard legal terms (Non-Standard Terms checked)',
  formula: 'Non_Standard_Terms__c',
  test: (deal: Readonly<Record<string, unknown>>) => deal.Non_Standard_Terms__c === true,
};

/**
 * Pricing guardrails (blueprint 001 Epic 4, 000 §4): the discount ladder by segment and ARR band,
 * the approval matrix deal desk → finance → CRO by discount, deal size and non-standard terms, the
 * give/get matrix and the billing rules checked before a deal closes.
 */
export const revopsPricing = pricing({
  locked: true,
  ladder: {
    bands: [
      { name: 'Small', label: 'ARR under 100,000', arrFrom: 0 },
      { name: 'Mid', label: 'ARR 100,000 to 499,999', arrFrom: 100_000 },
      { name: 'Large', label: 'ARR 500,000 and more', arrFrom: 500_000 },
    ],
    max: { ENT: [20, 25, 30], MM: [15, 20, 25], SMB: [10, 15, 20] },
    fallbackSegment: 'SMB',
  },
  approvals: {
    name: 'Deal_Approval',
    label: 'Deal approval (deal desk, finance, CRO)',
    description:
      'The approval matrix of blueprint 001 Epic 4: deal desk above the ladder, finance for deep discounts, large deals and non-standard payment terms, the CRO for the deepest discounts, the largest deals and non-standard legal terms.',
    levels: [
      { name: 'Deal_Desk', label: 'Deal Desk', approverField: 'Deal_Desk_Approver__c', aboveLadderBy: 0 },
      {
        name: 'Finance',
        label: 'Finance',
        approverField: 'Finance_Approver__c',
        aboveLadderBy: 10,
        arrFrom: 250_000,
        terms: [nonStandardPaymentTerms, monthlyBilling],
      },
      {
        name: 'CRO',
        label: 'CRO',
        approverField: 'CRO_Approver__c',
        aboveLadderBy: 20,
        arrFrom: 1_000_000,
        terms: [nonStandardLegal],
      },
    ],
    statusField: 'Discount_Approval_Status__c',
    approvedLevelField: 'Approved_Level__c',
    enforcedAt: ['Commercials', 'Closed Won'],
  },
  giveGet: {
    object: 'Concession__c',
    typeField: 'Type__c',
    getField: 'Get__c',
    gets: {
      Discount: ['Multi-Year Term', 'Prepayment', 'Expanded Seats'],
      'Free Months': ['Multi-Year Term', 'Prepayment'],
      'Extra Seats': ['Multi-Year Term', 'Case Study', 'Reference Call'],
      'Payment Terms': ['Multi-Year Term', 'Expanded Seats'],
      'Price Lock': ['Multi-Year Term', 'Prepayment'],
      Other: ['*'],
    },
    evidence: {
      'Multi-Year Term': {
        label: 'the deal runs 24 months or more',
        test: (deal) => Number(deal.Term_Months__c ?? 0) >= 24,
      },
      Prepayment: {
        label: 'the deal is billed Multi-Year Prepaid',
        test: (deal) => deal.Billing_Frequency__c === 'Multi-Year Prepaid',
      },
      'Expanded Seats': {
        label: 'the deal is an expansion (Existing Customer - Upgrade) or a ramp',
        test: (deal) => deal.Type === 'Existing Customer - Upgrade' || deal.Ramp__c === true,
      },
      'Case Study': { label: 'Get Details says what the customer agreed to', test: (_, c) => !!c.Get_Details__c },
      'Reference Call': { label: 'Get Details says what the customer agreed to', test: (_, c) => !!c.Get_Details__c },
    },
  },
  billing: { anchorWithinDays: 31, taxIdRequiredFor: ['Exempt', 'Reverse Charge'] },
});
