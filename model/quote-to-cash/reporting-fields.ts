import { formula } from '../../scripts/dsl/index.ts';

/**
 * Opportunity fields the commercial reports aggregate (issue 17 "Reporting"): ASP and discount
 * rate by region, win rate by competitor. Formulas, so they are always what the deal says; none is
 * history-tracked (formulas cannot be, and Opportunity's 20 tracked fields are spoken for).
 */
export const q2cReportingFields = {
  Region__c: formula('Text', 'TEXT(Account.Geo__c)', {
    label: 'Region',
    description: "The account's region (Geo), for reports by region.",
    blanks: 'blank',
  }),
  Won__c: formula('Number', 'IF(ISPICKVAL(StageName, "Closed Won"), 1, 0)', {
    label: 'Won',
    description:
      '1 for a won deal, 0 otherwise: summed over closed deals it counts the wins (win rate = wins / deals).',
    scale: 0,
  }),
  List_ARR__c: formula('Currency', 'IF(Discount_Percent__c >= 1, NULL, ARR__c / (1 - Discount_Percent__c))', {
    label: 'List ARR',
    description:
      'ARR before the discount: the discount rate of a set of deals is 1 - sum of ARR / sum of list ARR (ARR-weighted).',
    blanks: 'zero',
    scale: 2,
  }),
};
