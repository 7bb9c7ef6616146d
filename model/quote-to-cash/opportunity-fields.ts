import {
  checkbox,
  date,
  formula,
  ladderFormula,
  lookup,
  picklist,
  requiredLevelFormula,
  text,
} from '../../scripts/dsl/index.ts';
import { BILLING_FREQUENCIES, PAYMENT_TERMS } from './contract-terms.ts';
import { revopsPricing } from './pricing.ts';
import { closeCheckFailuresFormula } from './q2c-formulas.ts';
import { q2cReportingFields } from './reporting-fields.ts';

const LADDER_TYPE = 'Discount_Ladder__mdt';

/** Opportunity fields of the commercial half of the deal (blueprint 000 §4, 001 Epic 4). */
export const quoteToCashFields = {
  Discount_Ladder_Max__c: formula('Percent', ladderFormula(revopsPricing.ladder, LADDER_TYPE, 'Max_Discount__c'), {
    label: 'Discount Ladder Max',
    description: "The largest discount the account's segment may give in the deal's ARR band without approval.",
  }),
  Approval_Level_Required__c: formula('Text', requiredLevelFormula(revopsPricing, 'Discount_Ladder_Max__c'), {
    label: 'Approval Level Required',
    description: 'The highest level of the approval matrix the deal needs: None, Deal Desk, Finance or CRO.',
  }),
  Approved_Level__c: picklist({
    label: 'Approved Level',
    values: revopsPricing.approvals.levels.map((l) => l.label),
    trackHistory: true,
    help: 'The highest level of the approval matrix that approved the deal. Set by the approval process.',
  }),
  Deal_Desk_Approver__c: lookup('User', { label: 'Deal Desk Approver', relationshipName: 'Deal_Desk_Approvals' }),
  Finance_Approver__c: lookup('User', { label: 'Finance Approver', relationshipName: 'Finance_Approvals' }),
  CRO_Approver__c: lookup('User', { label: 'CRO Approver', relationshipName: 'CRO_Approvals' }),
  Non_Standard_Terms__c: checkbox({
    label: 'Non-Standard Terms',
    trackHistory: true,
    help: 'Legal terms off our standard paper: the CRO approves.',
  }),
  Payment_Terms__c: picklist({ label: 'Payment Terms', values: PAYMENT_TERMS }),
  Billing_Frequency__c: picklist({ label: 'Billing Frequency', values: BILLING_FREQUENCIES }),
  Billing_Anchor_Date__c: date({
    label: 'Billing Anchor Date',
    help: `The day billing periods start from: on or after the contract start, within ${revopsPricing.billing.anchorWithinDays} days.`,
  }),
  Ramp__c: checkbox({ label: 'Ramp Deal', help: 'Quantities grow by contract year (one line per SKU and year).' }),
  Tax_Treatment__c: picklist({ label: 'Tax Treatment', values: ['Taxable', 'Exempt', 'Reverse Charge'] }),
  Tax_Id__c: text({
    label: 'Customer Tax ID',
    length: 40,
    help: 'VAT or tax ID; needed when the deal is exempt or reverse charge.',
  }),
  Q2C_Check_Failures__c: formula('Text', closeCheckFailuresFormula, {
    label: 'Q2C Check Failures',
    description:
      'The quote-to-cash checks the deal fails before it can close (billing anchor date, tax); blank when it passes.',
  }),
  // What the commercial reports aggregate: region, wins, list ARR (model/analytics/quote-to-cash-analytics.ts)
  ...q2cReportingFields,
};
