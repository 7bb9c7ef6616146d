/**
 * Commercial reporting of quote to cash (issue 17 "Reporting", 001 Epic 4): ASP and discount rate
 * by region, win rate by competitor, deal exceptions by region. The dashboards issue places them
 * on a dashboard; here are the fields (model/quote-to-cash/reporting-fields.ts, Deal_Exception__c
 * Region__c), the report types and the reports, in the revenue analytics folder.
 */
import { report, reportType } from '../../scripts/dsl/index.ts';
import { Opportunity as Opp } from '../objects/opportunity.ts';
import { DealException as Exc } from '../revops/deal-exception.ts';
import { averageSellingPrice, revenueReport, revenueReports } from './revenue-analytics.ts';

const CLOSED = 'Closed Won,Closed Lost,Closed No Decision';

export const dealExceptions = reportType('Deal_Exceptions', {
  label: 'Deal Exceptions',
  description: 'Off-process deals by region, reason and status, with their reviewer and expiry.',
  baseObject: Exc.apiName,
  category: 'other',
  sections: [
    {
      label: 'Exception',
      fields: (
        ['Region__c', 'Reason__c', 'Status__c', 'Reviewer__c', 'Expires_On__c', 'Opportunity__c', 'Account__c'] as const
      ).map((f) => Exc.field(f)),
    },
  ],
});

const sum = (field: ReturnType<typeof Opp.field>) => ({ field, aggregate: 'Sum' as const });

export const aspAndDiscountRateByRegion = report('ASP_And_Discount_Rate_By_Region', {
  label: 'ASP and Discount Rate by Region',
  description: 'Won deals this year by region: average selling price and ARR-weighted discount rate.',
  ...revenueReport,
  groupBy: [Opp.field('Region__c')],
  columns: [
    Opp.field('Name'),
    sum(Opp.field('ARR__c')),
    sum(Opp.field('List_ARR__c')),
    Opp.field('Discount_Percent__c'),
  ],
  filters: [{ field: Opp.field('StageName'), operator: 'equals', value: 'Closed Won' }],
  dateFilter: { field: Opp.field('CloseDate'), range: 'INTERVAL_CURFY' },
  summaryFormulas: [
    averageSellingPrice,
    {
      name: 'Discount_Rate',
      label: 'Discount Rate',
      formula: '1 - Opportunity.ARR__c:SUM / Opportunity.List_ARR__c:SUM',
      type: 'percent',
      scale: 1,
      description: 'Discount given over list ARR, weighted by deal size.',
    },
  ],
});

export const winRateByCompetitor = report('Win_Rate_By_Competitor', {
  label: 'Win Rate by Competitor',
  description: 'Deals closed this year by primary competitor: wins over closed deals (no-decision counts as a loss).',
  ...revenueReport,
  groupBy: [Opp.field('Primary_Competitor__c')],
  columns: [Opp.field('Name'), Opp.field('StageName'), sum(Opp.field('ARR__c')), sum(Opp.field('Won__c'))],
  filters: [{ field: Opp.field('StageName'), operator: 'equals', value: CLOSED }],
  dateFilter: { field: Opp.field('CloseDate'), range: 'INTERVAL_CURFY' },
  summaryFormulas: [
    {
      name: 'Win_Rate',
      label: 'Win Rate',
      formula: 'Opportunity.Won__c:SUM / RowCount',
      type: 'percent',
      scale: 1,
      description: 'Won deals over closed deals.',
    },
  ],
});

export const exceptionsByRegion = report('Deal_Exceptions_By_Region', {
  label: 'Deal Exceptions by Region',
  description: 'Deal exceptions by region and reason: the record count is the exception count.',
  folder: revenueReports,
  reportType: dealExceptions,
  groupBy: [Exc.field('Region__c'), Exc.field('Reason__c')],
  columns: [Exc.field('Status__c'), Exc.field('Expires_On__c'), Exc.field('Opportunity__c')],
});

export const quoteToCashAnalytics = {
  folders: [],
  reportTypes: [dealExceptions],
  reports: [aspAndDiscountRateByRegion, winRateByCompetitor, exceptionsByRegion],
  dashboards: [],
};
