/**
 * The dashboard blueprint (001 Epic 1/8/9, 000 §2 and §8, 002 Phase 5): pipeline coverage against
 * target, weighted pipeline, velocity and time in stage, conversion by segment and source, loss
 * reasons and competitors, hygiene and SLA compliance by rep and manager, deal risk, forecast
 * accuracy and the alternative models, renewals, discount and ASP, hand-off quality.
 *
 * Every folder is shared to the roles and groups that use it (model/analytics/audiences.ts) and
 * every dashboard runs as the logged-in user, so each reader sees only the records they may see.
 */
import { dashboard, dashboardFolder, report, reportFolder, reportType, shareWith } from '../../scripts/dsl/index.ts';
import { Contract } from '../objects/contract.ts';
import { Lead } from '../objects/lead.ts';
import { Opportunity as Opp } from '../objects/opportunity.ts';
import { HandoffPacket } from '../revops/handoff-packet.ts';
import { ForecastSnapshot as Snap, ForecastSubmission as Sub } from '../forecasting/objects.ts';
import { ChiefRevenueOfficer, FinanceRole, ForecastReviewers, RevOpsRole, SalesManager } from './audiences.ts';

const CLOSED = 'Closed Won,Closed Lost,Closed No Decision';

// ------------------------------------------------------------------ folders

export const revenueReports = reportFolder('RevOps_Revenue_Analytics', {
  label: 'RevOps Revenue Analytics',
  shares: [shareWith(ChiefRevenueOfficer), shareWith(RevOpsRole, 'Manage')],
});
export const revenueDashboards = dashboardFolder('RevOps_Revenue_Dashboards', {
  label: 'RevOps Revenue',
  shares: [shareWith(ChiefRevenueOfficer), shareWith(RevOpsRole, 'Manage')],
});
export const forecastReports = reportFolder('RevOps_Forecasting', {
  label: 'RevOps Forecasting',
  shares: [
    shareWith(SalesManager),
    shareWith(FinanceRole),
    shareWith(ForecastReviewers),
    shareWith(RevOpsRole, 'Manage'),
  ],
});
export const forecastDashboards = dashboardFolder('RevOps_Forecast_Dashboards', {
  label: 'RevOps Forecasting',
  shares: [
    shareWith(SalesManager),
    shareWith(FinanceRole),
    shareWith(ForecastReviewers),
    shareWith(RevOpsRole, 'Manage'),
  ],
});

// ------------------------------------------------------------------ report types

export const revenueOpportunities = reportType('Opportunities_Revenue_Analytics', {
  label: 'Opportunities for Revenue Analytics',
  description: 'Deals with their forecast models, risk, hygiene, velocity and commercial fields.',
  baseObject: 'Opportunity',
  category: 'opportunities',
  sections: [
    {
      label: 'Deal',
      fields: (
        [
          'Name',
          'StageName',
          'CloseDate',
          'Type',
          'LeadSource',
          'ForecastCategoryName',
          'Owner_Name__c',
          'Owner_Manager__c',
          'Account_Segment__c',
        ] as const
      ).map((f) => Opp.field(f)),
    },
    {
      label: 'Forecast Models',
      fields: (['ARR__c', 'Weighted_ARR__c', 'Win_Rate_ARR__c', 'Category_ARR__c'] as const).map((f) => Opp.field(f)),
    },
    {
      label: 'Risk and Hygiene',
      fields: (
        [
          'Risk_Score__c',
          'Risk_Level__c',
          'Risk_Reasons__c',
          'MEDDICC_Score__c',
          'Days_Idle__c',
          'Days_In_Stage__c',
          'Push_Count__c',
          'Next_Step_Date__c',
        ] as const
      ).map((f) => Opp.field(f)),
    },
    {
      label: 'Outcome and Commercials',
      fields: (
        [
          'Loss_Reason__c',
          'Primary_Competitor__c',
          'Discount_Percent__c',
          'Discount_Approval_Status__c',
          'Region__c',
          'Won__c',
          'List_ARR__c',
        ] as const
      ).map((f) => Opp.field(f)),
    },
  ],
});

export const leadSla = reportType('Leads_SLA', {
  label: 'Leads with SLA Clocks',
  description: 'Leads with their speed-to-lead clock and breach flag.',
  baseObject: 'Lead',
  category: 'leads',
  sections: [
    {
      label: 'Lead',
      fields: (
        [
          'Status',
          'LeadSource',
          'Segment__c',
          'Persona__c',
          'Fast_Path__c',
          'MQL_Date__c',
          'First_Touch_At__c',
          'Speed_To_Lead_Minutes__c',
          'SLA_Breached__c',
        ] as const
      ).map((f) => Lead.field(f)),
    },
  ],
});

export const forecastSnapshots = reportType('Forecast_Snapshots', {
  label: 'Forecast Snapshots',
  description: 'Calls and alternative models at fixed horizons, scored against the actual.',
  baseObject: Snap.apiName,
  category: 'other',
  sections: [
    {
      label: 'Snapshot',
      fields: (
        ['Forecaster__c', 'Manager__c', 'Level__c', 'Segment__c', 'Horizon_Weeks__c', 'Snapshot_Date__c'] as const
      ).map((f) => Snap.field(f)),
    },
    {
      label: 'Call and Models',
      fields: (
        [
          'Call__c',
          'Stage_Weighted__c',
          'Win_Rate_Model__c',
          'Category_Model__c',
          'Quota__c',
          'Open_Pipeline__c',
          'Closed_Won_To_Date__c',
          'Coverage__c',
        ] as const
      ).map((f) => Snap.field(f)),
    },
    {
      label: 'Accuracy',
      fields: (
        [
          'Actual__c',
          'Error__c',
          'Abs_Error__c',
          'APE__c',
          'Stage_Weighted_APE__c',
          'Win_Rate_APE__c',
          'Category_APE__c',
        ] as const
      ).map((f) => Snap.field(f)),
    },
  ],
});

export const forecastSubmissions = reportType('Forecast_Submissions', {
  label: 'Forecast Submissions',
  description: 'Every version of every weekly call: the audit trail of the forecast.',
  baseObject: Sub.apiName,
  category: 'other',
  sections: [
    {
      label: 'Submission',
      fields: (
        [
          'Manager__c',
          'Level__c',
          'Week_Of__c',
          'Version__c',
          'Commit__c',
          'Best_Case__c',
          'Pipeline__c',
          'Team_Commit__c',
          'Judgement__c',
          'Bottoms_Up__c',
        ] as const
      ).map((f) => Sub.field(f)),
    },
  ],
});

export const renewalContracts = reportType('Contracts_Renewals', {
  label: 'Contracts Up for Renewal',
  description: 'Contracts with their end date, renewal window and ARR.',
  baseObject: 'Contract',
  category: 'other',
  sections: [
    {
      label: 'Contract',
      fields: (
        [
          'EndDate',
          'Status',
          'ARR__c',
          'Renewal_Type__c',
          'Renewal_Window__c',
          'Uplift_Percent__c',
          'Churn_Reason__c',
        ] as const
      ).map((f) => Contract.field(f)),
    },
  ],
});

export const handoffPackets = reportType('Handoff_Packets', {
  label: 'Hand-off Packets',
  description: 'Hand-offs by type and outcome, with rejection reasons.',
  baseObject: HandoffPacket.apiName,
  category: 'other',
  sections: [
    {
      label: 'Packet',
      fields: (['Handoff_Type__c', 'Status__c', 'Rejection_Reason__c'] as const).map((f) => HandoffPacket.field(f)),
    },
  ],
});

// ------------------------------------------------------------------ reports: pipeline

/** Where the revenue reports live and what they report on (shared with the quote-to-cash reports). */
export const revenueReport = { folder: revenueReports, reportType: revenueOpportunities };

/** ASP: won ARR per won deal, over a report of won deals. */
export const averageSellingPrice = {
  name: 'ASP',
  label: 'Average Selling Price',
  formula: 'Opportunity.ARR__c:SUM / RowCount',
  type: 'currency',
  scale: 0,
  description: 'Won ARR per won deal.',
} as const;
const openDeals = { field: Opp.field('StageName'), operator: 'notEqual', value: CLOSED } as const;
const sum = (field: ReturnType<typeof Opp.field>) => ({ field, aggregate: 'Sum' as const });
const avg = (field: ReturnType<typeof Opp.field>) => ({ field, aggregate: 'Average' as const });

export const weightedPipelineBySegment = report('Weighted_Pipeline_By_Segment', {
  label: 'Weighted Pipeline by Segment',
  description: 'Open ARR and stage-weighted ARR closing this quarter, by segment.',
  ...revenueReport,
  groupBy: [Opp.field('Account_Segment__c')],
  columns: [Opp.field('Name'), sum(Opp.field('ARR__c')), sum(Opp.field('Weighted_ARR__c')), Opp.field('CloseDate')],
  filters: [openDeals],
  dateFilter: { field: Opp.field('CloseDate'), range: 'INTERVAL_CURRENT' },
});

export const forecastModelsSideBySide = report('Forecast_Models_Side_By_Side', {
  label: 'Forecast Models Side by Side',
  description: 'This quarter by manager: stage-weighted, historical win rate and category models (blueprint 003).',
  ...revenueReport,
  folder: forecastReports,
  groupBy: [Opp.field('Owner_Manager__c')],
  columns: [
    Opp.field('Name'),
    sum(Opp.field('ARR__c')),
    sum(Opp.field('Weighted_ARR__c')),
    sum(Opp.field('Win_Rate_ARR__c')),
    sum(Opp.field('Category_ARR__c')),
  ],
  filters: [{ field: Opp.field('StageName'), operator: 'notEqual', value: 'Closed Lost,Closed No Decision' }],
  dateFilter: { field: Opp.field('CloseDate'), range: 'INTERVAL_CURRENT' },
});

export const velocityTimeInStage = report('Velocity_Time_In_Stage', {
  label: 'Velocity: Time in Stage',
  description: 'Open deals by stage: average days in stage and idle days against the stage benchmarks.',
  ...revenueReport,
  groupBy: [Opp.field('StageName')],
  columns: [
    Opp.field('Name'),
    sum(Opp.field('ARR__c')),
    avg(Opp.field('Days_In_Stage__c')),
    avg(Opp.field('Days_Idle__c')),
  ],
  filters: [openDeals],
});

export const conversionBySegmentAndSource = report('Conversion_By_Segment_And_Source', {
  label: 'Stage Outcomes by Segment and Source',
  description: 'Deals closed this year by segment, lead source and outcome: the win rate per cut.',
  ...revenueReport,
  groupBy: [Opp.field('Account_Segment__c'), Opp.field('LeadSource'), Opp.field('StageName')],
  columns: [Opp.field('Name'), sum(Opp.field('ARR__c'))],
  filters: [{ field: Opp.field('StageName'), operator: 'equals', value: CLOSED }],
  dateFilter: { field: Opp.field('CloseDate'), range: 'INTERVAL_CURFY' },
});

export const lossReasonsAndCompetitors = report('Loss_Reasons_And_Competitors', {
  label: 'Loss Reasons and Competitors',
  description: 'Lost and no-decision deals this year by reason and primary competitor.',
  ...revenueReport,
  groupBy: [Opp.field('Loss_Reason__c'), Opp.field('Primary_Competitor__c')],
  columns: [Opp.field('Name'), sum(Opp.field('ARR__c')), Opp.field('CloseDate')],
  filters: [{ field: Opp.field('StageName'), operator: 'equals', value: 'Closed Lost,Closed No Decision' }],
  dateFilter: { field: Opp.field('CloseDate'), range: 'INTERVAL_CURFY' },
});

export const discountAndAsp = report('Discount_And_ASP', {
  label: 'Discount and ASP',
  description: 'Won deals this year by segment: average discount and average ARR (ASP).',
  ...revenueReport,
  groupBy: [Opp.field('Account_Segment__c')],
  columns: [Opp.field('Name'), sum(Opp.field('ARR__c')), avg(Opp.field('Discount_Percent__c'))],
  filters: [{ field: Opp.field('StageName'), operator: 'equals', value: 'Closed Won' }],
  dateFilter: { field: Opp.field('CloseDate'), range: 'INTERVAL_CURFY' },
  summaryFormulas: [averageSellingPrice],
});

export const dealRiskOpenDeals = report('Deal_Risk_Open_Deals', {
  label: 'Deal Risk: Open Deals',
  description: 'Open deals at high or medium risk, by rep, with the reasons behind each score.',
  ...revenueReport,
  groupBy: [Opp.field('Owner_Name__c')],
  columns: [
    Opp.field('Name'),
    Opp.field('StageName'),
    sum(Opp.field('ARR__c')),
    avg(Opp.field('Risk_Score__c')),
    Opp.field('Risk_Level__c'),
    Opp.field('Risk_Reasons__c'),
  ],
  filters: [openDeals, { field: Opp.field('Risk_Level__c'), operator: 'equals', value: 'High,Medium' }],
});

export const hygieneByRep = report('Hygiene_By_Rep', {
  label: 'Hygiene by Manager and Rep',
  description: 'Open deals by manager and rep: idle days, pushes, MEDDICC completeness, next-step dates.',
  ...revenueReport,
  folder: revenueReports,
  groupBy: [Opp.field('Owner_Manager__c'), Opp.field('Owner_Name__c')],
  columns: [
    Opp.field('Name'),
    avg(Opp.field('Days_Idle__c')),
    sum(Opp.field('Push_Count__c')),
    avg(Opp.field('MEDDICC_Score__c')),
    Opp.field('Next_Step_Date__c'),
  ],
  filters: [openDeals],
});

export const leadSlaCompliance = report('Lead_SLA_Compliance', {
  label: 'Lead SLA Compliance',
  description: 'Leads that became MQLs this quarter, by segment and breach: speed to lead against the 15-minute SLA.',
  folder: revenueReports,
  reportType: leadSla,
  groupBy: [Lead.field('Segment__c'), Lead.field('SLA_Breached__c')],
  columns: [
    Lead.field('Status'),
    Lead.field('LeadSource'),
    { field: Lead.field('Speed_To_Lead_Minutes__c'), aggregate: 'Average' },
  ],
  dateFilter: { field: Lead.field('MQL_Date__c'), range: 'INTERVAL_CURRENT' },
});

export const renewalsPipeline = report('Renewals_Pipeline', {
  label: 'Renewals Pipeline (180/120/90)',
  description: 'Contracts ending in the next 180 days by renewal window, with ARR at stake.',
  folder: revenueReports,
  reportType: renewalContracts,
  groupBy: [Contract.field('Renewal_Window__c')],
  columns: [
    Contract.field('EndDate'),
    Contract.field('Renewal_Type__c'),
    { field: Contract.field('ARR__c'), aggregate: 'Sum' },
    Contract.field('Uplift_Percent__c'),
  ],
  filters: [{ field: Contract.field('EndDate'), operator: 'equals', value: 'NEXT_N_DAYS:180' }],
});

export const handoffQuality = report('Handoff_Quality', {
  label: 'Hand-off Quality',
  description: 'Hand-off packets by type and outcome: how many come back rejected, and why.',
  folder: revenueReports,
  reportType: handoffPackets,
  groupBy: [HandoffPacket.field('Handoff_Type__c'), HandoffPacket.field('Status__c')],
  columns: [HandoffPacket.field('Rejection_Reason__c')],
});

// ------------------------------------------------------------------ reports: forecasting

export const coverageBySegment = report('Coverage_By_Segment', {
  label: 'Pipeline Coverage by Segment',
  description: 'Open pipeline over the quota still to close, by segment and horizon (target 3-4x, blueprint 002).',
  folder: forecastReports,
  reportType: forecastSnapshots,
  groupBy: [Snap.field('Segment__c'), Snap.field('Horizon_Weeks__c')],
  columns: [
    { field: Snap.field('Open_Pipeline__c'), aggregate: 'Sum' },
    { field: Snap.field('Quota__c'), aggregate: 'Sum' },
    { field: Snap.field('Closed_Won_To_Date__c'), aggregate: 'Sum' },
  ],
  filters: [{ field: Snap.field('Level__c'), operator: 'equals', value: 'Rep' }],
  summaryFormulas: [
    {
      name: 'Coverage',
      label: 'Coverage',
      formula:
        'Forecast_Snapshot__c.Open_Pipeline__c:SUM / (Forecast_Snapshot__c.Quota__c:SUM - Forecast_Snapshot__c.Closed_Won_To_Date__c:SUM)',
      type: 'number',
      scale: 2,
      description: 'Pipeline coverage of the remaining quota.',
    },
  ],
});

export const accuracyByRep = report('Forecast_Accuracy_By_Rep', {
  label: 'Forecast Accuracy by Rep (MAPE)',
  description: "Each rep's mean absolute percentage error by horizon, beside the three alternative models.",
  folder: forecastReports,
  reportType: forecastSnapshots,
  groupBy: [Snap.field('Forecaster__c'), Snap.field('Horizon_Weeks__c')],
  columns: [
    { field: Snap.field('APE__c'), aggregate: 'Average' },
    { field: Snap.field('Stage_Weighted_APE__c'), aggregate: 'Average' },
    { field: Snap.field('Win_Rate_APE__c'), aggregate: 'Average' },
    { field: Snap.field('Category_APE__c'), aggregate: 'Average' },
  ],
  filters: [
    { field: Snap.field('Level__c'), operator: 'equals', value: 'Rep' },
    { field: Snap.field('Actual__c'), operator: 'greaterThan', value: '0' },
  ],
});

const accuracySums = (['Abs_Error__c', 'Error__c', 'Actual__c', 'Call__c'] as const).map((f) => ({
  field: Snap.field(f),
  aggregate: 'Sum' as const,
}));

export const accuracyByManager = report('Forecast_Accuracy_By_Manager', {
  label: 'Forecast Accuracy by Manager (WAPE, Bias)',
  description: 'Roll-up accuracy by manager and horizon: WAPE (size-weighted error) and bias (over or under).',
  folder: forecastReports,
  reportType: forecastSnapshots,
  groupBy: [Snap.field('Manager__c'), Snap.field('Horizon_Weeks__c')],
  columns: accuracySums,
  filters: [
    { field: Snap.field('Level__c'), operator: 'equals', value: 'Rep' },
    { field: Snap.field('Actual__c'), operator: 'greaterThan', value: '0' },
  ],
  summaryFormulas: [
    {
      name: 'WAPE',
      label: 'WAPE',
      formula: 'Forecast_Snapshot__c.Abs_Error__c:SUM / Forecast_Snapshot__c.Actual__c:SUM',
      type: 'percent',
      scale: 1,
      description: 'Sum of absolute errors over sum of actuals.',
    },
    {
      name: 'Bias',
      label: 'Bias',
      formula: 'Forecast_Snapshot__c.Error__c:SUM / Forecast_Snapshot__c.Actual__c:SUM',
      type: 'percent',
      scale: 1,
      description: 'Positive: over-forecast (fantasy); negative: under-forecast (sandbagging).',
    },
  ],
});

export const submissionsByManager = report('Forecast_Submissions_By_Manager', {
  label: 'Forecast Calls by Manager and Week',
  description: 'Every submitted version by manager and week: commit, best case, pipeline and manager judgement.',
  folder: forecastReports,
  reportType: forecastSubmissions,
  groupBy: [Sub.field('Manager__c'), Sub.field('Week_Of__c')],
  columns: [
    Sub.field('Level__c'),
    Sub.field('Version__c'),
    { field: Sub.field('Commit__c'), aggregate: 'Sum' },
    { field: Sub.field('Best_Case__c'), aggregate: 'Sum' },
    { field: Sub.field('Pipeline__c'), aggregate: 'Sum' },
    { field: Sub.field('Judgement__c'), aggregate: 'Sum' },
  ],
  dateFilter: { field: Sub.field('Week_Of__c'), range: 'INTERVAL_CURRENT' },
});

// ------------------------------------------------------------------ dashboards

/** "Do we have enough pipeline, and is it moving?" */
export const revenuePipeline = dashboard('Revenue_Pipeline', {
  title: 'Revenue Pipeline',
  description:
    'Coverage against target, weighted pipeline, velocity, conversion, losses, discount, renewals, hand-offs.',
  folder: revenueDashboards,
  components: [
    {
      chart: 'Column',
      title: 'Weighted ARR by Segment',
      report: weightedPipelineBySegment,
      groupBy: Opp.field('Account_Segment__c'),
      sum: Opp.field('Weighted_ARR__c'),
    },
    {
      chart: 'Bar',
      title: 'Open ARR by Stage (velocity)',
      report: velocityTimeInStage,
      groupBy: Opp.field('StageName'),
      sum: Opp.field('ARR__c'),
    },
    {
      chart: 'Column',
      title: 'Closed Deals by Segment',
      report: conversionBySegmentAndSource,
      groupBy: Opp.field('Account_Segment__c'),
    },
    {
      chart: 'Donut',
      title: 'Losses by Reason',
      report: lossReasonsAndCompetitors,
      groupBy: Opp.field('Loss_Reason__c'),
      sum: Opp.field('ARR__c'),
    },
    { chart: 'Metric', title: 'Average Selling Price', report: discountAndAsp, formula: 'ASP' },
    {
      chart: 'Column',
      title: 'Renewals by Window',
      report: renewalsPipeline,
      groupBy: Contract.field('Renewal_Window__c'),
      sum: Contract.field('ARR__c'),
    },
    {
      chart: 'Bar',
      title: 'Hand-offs by Type',
      report: handoffQuality,
      groupBy: HandoffPacket.field('Handoff_Type__c'),
    },
  ],
});

/** "Can we trust the forecast?" */
export const forecastAccuracy = dashboard('Forecast_Accuracy', {
  title: 'Forecast Accuracy',
  description:
    'Coverage against the 3-4x target, MAPE by rep, WAPE and bias by manager, the models side by side, the calls.',
  folder: forecastDashboards,
  components: [
    {
      chart: 'Gauge',
      title: 'Pipeline Coverage (target 3-4x)',
      report: coverageBySegment,
      formula: 'Coverage',
      bands: { min: 0, low: 3, high: 4, max: 6 },
    },
    {
      chart: 'Bar',
      title: 'Coverage by Segment',
      report: coverageBySegment,
      groupBy: Snap.field('Segment__c'),
      sum: Snap.field('Open_Pipeline__c'),
    },
    {
      chart: 'Gauge',
      title: 'WAPE (target under 15%)',
      report: accuracyByManager,
      formula: 'WAPE',
      bands: { min: 0, low: 10, high: 15, max: 50, lowIsGood: true },
    },
    { chart: 'Metric', title: 'Bias (+ over, - under)', report: accuracyByManager, formula: 'Bias' },
    {
      chart: 'Bar',
      title: 'Absolute Error by Manager',
      report: accuracyByManager,
      groupBy: Snap.field('Manager__c'),
      sum: Snap.field('Abs_Error__c'),
    },
    {
      chart: 'Column',
      title: 'Models This Quarter by Manager',
      report: forecastModelsSideBySide,
      groupBy: Opp.field('Owner_Manager__c'),
      sum: Opp.field('Category_ARR__c'),
    },
    {
      chart: 'Line',
      title: 'Commit Calls by Week',
      report: submissionsByManager,
      groupBy: Sub.field('Week_Of__c'),
      sum: Sub.field('Commit__c'),
    },
    { chart: 'Table', title: 'MAPE by Rep', report: accuracyByRep, groupBy: Snap.field('Forecaster__c') },
  ],
});

export const revenueAnalytics = {
  folders: [revenueReports, revenueDashboards, forecastReports, forecastDashboards],
  reportTypes: [
    revenueOpportunities,
    leadSla,
    forecastSnapshots,
    forecastSubmissions,
    renewalContracts,
    handoffPackets,
  ],
  reports: [
    weightedPipelineBySegment,
    forecastModelsSideBySide,
    velocityTimeInStage,
    conversionBySegmentAndSource,
    lossReasonsAndCompetitors,
    discountAndAsp,
    dealRiskOpenDeals,
    hygieneByRep,
    leadSlaCompliance,
    renewalsPipeline,
    handoffQuality,
    coverageBySegment,
    accuracyByRep,
    accuracyByManager,
    submissionsByManager,
  ],
  dashboards: [revenuePipeline, forecastAccuracy],
};
