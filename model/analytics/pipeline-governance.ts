import { dashboard, dashboardFolder, report, reportFolder, reportType, shareWith } from '../../scripts/dsl/index.ts';
import { Lead } from '../objects/lead.ts';
import { Opportunity as Opp } from '../objects/opportunity.ts';
import { RevOpsRole, SalesManager } from './audiences.ts';
import { dealRiskOpenDeals, hygieneByRep, leadSlaCompliance } from './revenue-analytics.ts';

// Managers (and, below them, their reps) review hygiene weekly; RevOps maintains the reports.
const governanceAudience = [shareWith(SalesManager), shareWith(RevOpsRole, 'Manage')];
export const governanceReports = reportFolder('RevOps_Governance', {
  label: 'RevOps Governance',
  shares: governanceAudience,
});
export const governanceDashboards = dashboardFolder('RevOps_Governance_Dashboards', {
  label: 'RevOps Governance',
  shares: governanceAudience,
});

export const stageGateEvidence = reportType('Opportunities_Stage_Gate_Evidence', {
  label: 'Opportunities with Stage Gate Evidence',
  description: 'Opportunities with the evidence fields their stage gates require.',
  baseObject: 'Opportunity',
  category: 'opportunities',
  sections: [
    {
      label: 'Deal',
      fields: [
        Opp.field('Name'),
        Opp.field('StageName'),
        Opp.field('Amount'),
        Opp.field('CloseDate'),
        Opp.field('NextStep'),
      ],
    },
    {
      label: 'Gate Evidence',
      fields: [
        Opp.field('Problem_Statement__c'),
        Opp.field('Mutual_Action_Plan_Url__c'),
        Opp.field('Tech_Validation_Complete__c'),
        Opp.field('Security_Review_Complete__c'),
        Opp.field('Business_Case_Url__c'),
        Opp.field('Paper_Process__c'),
      ],
    },
    {
      label: 'Commercials and Hygiene',
      fields: [
        Opp.field('ARR__c'),
        Opp.field('Weighted_ARR__c'),
        Opp.field('Next_Step_Date__c'),
        Opp.field('Push_Count__c'),
        Opp.field('Slip_Reason__c'),
        Opp.field('Loss_Reason__c'),
      ],
    },
  ],
});

const closedStages = 'Closed Won,Closed Lost,Closed No Decision';

export const openPipelineByStage = report('Open_Pipeline_By_Stage', {
  label: 'Open Pipeline by Stage',
  description: 'Open deals grouped by stage with ARR and weighted ARR: the pipeline coverage view.',
  folder: governanceReports,
  reportType: stageGateEvidence,
  groupBy: [Opp.field('StageName')],
  columns: [
    Opp.field('Name'),
    { field: Opp.field('ARR__c'), aggregate: 'Sum' },
    { field: Opp.field('Weighted_ARR__c'), aggregate: 'Sum' },
    Opp.field('CloseDate'),
    Opp.field('Next_Step_Date__c'),
  ],
  filters: [{ field: Opp.field('StageName'), operator: 'notEqual', value: closedStages }],
});

export const slippedDeals = report('Slipped_Deals', {
  label: 'Slipped Deals',
  description: 'Open deals whose close date moved later at least once, with the reason.',
  folder: governanceReports,
  reportType: stageGateEvidence,
  columns: [
    Opp.field('Name'),
    Opp.field('StageName'),
    Opp.field('CloseDate'),
    Opp.field('Push_Count__c'),
    Opp.field('Slip_Reason__c'),
  ],
  filters: [
    { field: Opp.field('Push_Count__c'), operator: 'greaterThan', value: '0' },
    { field: Opp.field('StageName'), operator: 'notEqual', value: closedStages },
  ],
});

export const pipelineGovernance = dashboard('Pipeline_Governance', {
  title: 'Pipeline Governance',
  description: 'Coverage, hygiene, deal risk and lead SLA compliance of the open pipeline, by rep and manager.',
  folder: governanceDashboards,
  components: [
    {
      chart: 'Bar',
      title: 'Open ARR by Stage',
      report: openPipelineByStage,
      groupBy: Opp.field('StageName'),
      sum: Opp.field('ARR__c'),
    },
    { chart: 'Donut', title: 'Open Deals by Stage', report: openPipelineByStage, groupBy: Opp.field('StageName') },
    // "Is the pipeline clean and are we on SLA?" (000 §2: hygiene dashboards by rep/manager)
    {
      chart: 'Bar',
      title: 'Open Deals by Manager',
      report: hygieneByRep,
      groupBy: Opp.field('Owner_Manager__c'),
    },
    {
      chart: 'Bar',
      title: 'At-Risk Deals by Rep',
      report: dealRiskOpenDeals,
      groupBy: Opp.field('Owner_Name__c'),
      sum: Opp.field('ARR__c'),
    },
    {
      chart: 'Donut',
      title: 'Lead SLA Breaches by Segment',
      report: leadSlaCompliance,
      groupBy: Lead.field('Segment__c'),
    },
  ],
});
