/**
 * The quote-to-cash checks before close (blueprint 001 Epic 4) as Salesforce formulas, built from
 * the same billing data `revops quote check` reads (model/quote-to-cash/pricing.ts). They feed
 * formula fields, the validation rules that block a close, and the flow that records and alerts.
 */
import { revopsPricing } from './pricing.ts';

const { billing } = revopsPricing;

/** The day after the period: proration counts from ServiceDate up to it. */
const E = '(End_Date__c + 1)';
/** Calendar months from ServiceDate to E, ignoring the days. */
const rawMonths = `((YEAR(${E}) - YEAR(ServiceDate)) * 12 + MONTH(${E}) - MONTH(ServiceDate))`;
/**
 * The last whole month ends after E: ServiceDate's day is later in the month than E's, unless E
 * is a month's last day (a month from Jan 31 ends Feb 28, as billing.ts `addMonths` clamps it).
 * ADDMONTHS is not used: it moves a month-end date to the next month-end (Feb 29 + 1 = Mar 31).
 */
const reduced = `AND(DAY(ServiceDate) > DAY(${E}), DAY(${E} + 1) <> 1)`;
/** Days in the month before E's. */
const lastOfPrevious = `DAY(DATE(YEAR(${E}), MONTH(${E}), 1) - 1)`;
const months = `(${rawMonths} - IF(${reduced}, 1, 0))`;
const days = `IF(${reduced}, DAY(${E}) + ${lastOfPrevious} - MIN(DAY(ServiceDate), ${lastOfPrevious}), MAX(DAY(${E}) - DAY(ServiceDate), 0))`;

/**
 * OpportunityLineItem: what billing invoices for the line's service period — quantity × annual
 * unit price × (whole months + remaining days / 30) / 12, to the cent (billing.ts `billedAmount`).
 */
export const proratedAmountFormula = `IF(
    OR(ISBLANK(ServiceDate), ISBLANK(End_Date__c), ISBLANK(UnitPrice)),
    NULL,
    ROUND(Quantity * UnitPrice * (${months} + ${days} / 30) / 12, 2)
)`;

const taxNeedsId = billing.taxIdRequiredFor.map((t) => `ISPICKVAL(Tax_Treatment__c, "${t}")`).join(', ');

/** The checks an Opportunity must pass before it closes, each as a condition that is true when it fails. */
export const closeChecks: readonly { readonly label: string; readonly fails: string }[] = [
  {
    label: 'Billing anchor date',
    // Without a contract start the Commercials gate blocks the deal already.
    fails: `AND(
        NOT(ISBLANK(Contract_Start_Date__c)),
        OR(
            ISBLANK(Billing_Anchor_Date__c),
            Billing_Anchor_Date__c < Contract_Start_Date__c,
            Billing_Anchor_Date__c - Contract_Start_Date__c > ${billing.anchorWithinDays}
        )
    )`,
  },
  {
    label: 'Tax',
    fails: `OR(ISPICKVAL(Tax_Treatment__c, ""), AND(OR(${taxNeedsId}), ISBLANK(Tax_Id__c)))`,
  },
];

/** Opportunity (Text): the failing checks, "Billing anchor date; Tax; ", blank when all pass. */
export const closeCheckFailuresFormula = closeChecks.map((c) => `IF(${c.fails}, "${c.label}; ", "")`).join(' &\n');
