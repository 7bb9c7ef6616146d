/**
 * The RevOps model: the single source of truth. Every file in force-app/generated/, docs/model/
 * and config/project-scratch-def.json is generated from what is assembled here (`revops generate`).
 */
import { defineModel } from '../scripts/dsl/index.ts';
import { dataObjects } from './data-objects.ts';
import { DealDesk, GovernanceBypass } from './governance/permissions.ts';
import { ChurnReason, Competitor, DisqualificationReason, LossReason, SlipReason } from './governance/reason-codes.ts';
import { opportunityStages } from './governance/stages.ts';
import { leadStatuses } from './governance/lead-statuses.ts';
import { NewBusinessDeal, newBusinessProcess } from './governance/sales-process.ts';
import { StageGateCriterion, stageGates } from './governance/stage-gates.ts';
import { DiscountLadder, discountLadderSteps } from './governance/discount-ladder.ts';
import { hygieneRules } from './governance/hygiene-rules.ts';
import { dealDeskRules } from './governance/deal-desk-rules.ts';
import { leadRules } from './governance/lead-rules.ts';
import { accountRules } from './governance/account-rules.ts';
import { revopsRules } from './governance/revops-rules.ts';
import { valueListRules } from './governance/value-list-rules.ts';
import { MarketingChannel, MarketingSource } from './marketing/source-hierarchy.ts';
import { attributionRules } from './marketing/attribution-rules.ts';
import { rolePermissionSets, roleGroups } from './security/permission-sets.ts';
import { trackCloseDateSlips } from './automation/close-date-slips.ts';
import { normaliseAccountDomain } from './automation/account-domain.ts';
import { leadSnapshots } from './automation/lead-snapshots.ts';
import { completeConvertedDeal } from './automation/converted-deal.ts';
import {
  governanceDashboards,
  governanceReports,
  openPipelineByStage,
  pipelineGovernance,
  slippedDeals,
  stageGateEvidence,
} from './analytics/pipeline-governance.ts';
import { duplicateRules, matchingRules } from './data-quality/duplicates.ts';
import { leadConvert } from './settings/lead-convert.ts';
import { revopsScratchOrg } from './settings/scratch-org.ts';
import { forecasting } from './forecasting/index.ts';
import { publicGroups, roles } from './analytics/audiences.ts';
import { revenueAnalytics } from './analytics/revenue-analytics.ts';

export default defineModel(
  {
    // Locked objects (blueprint 000 §1) and the RevOps registries
    objects: [...dataObjects, StageGateCriterion, DiscountLadder],
    globalValueSets: [
      LossReason,
      SlipReason,
      DisqualificationReason,
      ChurnReason,
      Competitor,
      // Lead source hierarchy: source → channel → campaign type → campaign (blueprint 001 epic 8)
      MarketingSource,
      MarketingChannel,
    ],
    // Funnel and stage governance
    opportunityStages,
    leadStatuses,
    businessProcesses: [newBusinessProcess],
    recordTypes: [NewBusinessDeal],
    validationRules: [
      ...hygieneRules,
      ...dealDeskRules,
      ...leadRules,
      ...accountRules,
      ...revopsRules,
      ...valueListRules,
      ...attributionRules,
    ],
    customMetadataRecords: discountLadderSteps,
    // Role-scoped access
    customPermissions: [GovernanceBypass, DealDesk],
    permissionSets: rolePermissionSets,
    permissionSetGroups: roleGroups,
    // Automation
    flows: [trackCloseDateSlips, normaliseAccountDomain, leadSnapshots, completeConvertedDeal],
    // Reporting
    folders: [governanceReports, governanceDashboards],
    reportTypes: [stageGateEvidence],
    reports: [openPipelineByStage, slippedDeals],
    dashboards: [pipelineGovernance],
    // Data quality
    matchingRules,
    duplicateRules,
    leadConvert,
    scratchOrg: revopsScratchOrg,
  },
  stageGates,
  forecasting,
  revenueAnalytics,
  { roles, publicGroups },
);
