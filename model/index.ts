/**
 * The RevOps model: the single source of truth. Every file in force-app/generated/, docs/model/
 * and config/project-scratch-def.json is generated from what is assembled here (`revops generate`).
 */
import { defineModel } from '../scripts/dsl/index.ts';
import { dataObjects } from './data-objects.ts';
import { LifecycleAction } from './revops/lifecycle-action.ts';
import { DealDesk, ForecastOverride, GovernanceBypass, LeadReassign, ReopenWonDeal } from './governance/permissions.ts';
import {
  AdvanceReason,
  ChurnReason,
  Competitor,
  DisqualificationReason,
  ForecastOverrideReason,
  LossReason,
  RegressionReason,
  SlipReason,
  WinReason,
} from './governance/reason-codes.ts';
import { opportunityStages } from './governance/stages.ts';
import { leadStatuses } from './governance/lead-statuses.ts';
import { NewBusinessDeal, newBusinessProcess } from './governance/sales-process.ts';
import { StageGateCriterion, stageGates } from './governance/stage-gates.ts';
import { DiscountLadder, discountLadderSteps } from './governance/discount-ladder.ts';
import { hygieneRules } from './governance/hygiene-rules.ts';
import { closedDealRules } from './governance/closed-deal-rules.ts';
import { forecastRules } from './governance/forecast-rules.ts';
import { dealDeskRules } from './governance/deal-desk-rules.ts';
import { leadRules } from './governance/lead-rules.ts';
import { accountRules } from './governance/account-rules.ts';
import { registryRules, revopsRules } from './governance/revops-rules.ts';
import { valueListRules } from './governance/value-list-rules.ts';
import { MarketingChannel, MarketingSource } from './marketing/source-hierarchy.ts';
import { attributionRules } from './marketing/attribution-rules.ts';
import { influenceModels } from './marketing/influence-models.ts';
import { lifecycleRules } from './governance/lifecycle-rules.ts';
import { rolePermissionSets, roleGroups } from './security/permission-sets.ts';
import { publicGroups as roleUserGroups, sharingRules } from './security/sharing.ts';
import { trackCloseDateSlips } from './automation/close-date-slips.ts';
import { normaliseAccountDomain } from './automation/account-domain.ts';
import { leadSnapshots } from './automation/lead-snapshots.ts';
import { completeConvertedDeal } from './automation/converted-deal.ts';
import { bypassAuditFlows } from './automation/bypass-audit.ts';
import { stampStageEntry } from './automation/deal-velocity.ts';
import {
  governanceDashboards,
  governanceReports,
  openPipelineByStage,
  pipelineGovernance,
  slippedDeals,
  stageGateEvidence,
} from './analytics/pipeline-governance.ts';
import { duplicateRules, matchingRules } from './data-quality/duplicates.ts';
import { lifecycleJobs, lifecycleTypes, salesCalendar } from './automation/lifecycle.ts';
import { stampHandoffTimes, stampStageEnteredOn } from './automation/lifecycle-stamps.ts';
import { lifecycleVectors } from './automation/lifecycle-vectors.ts';
import { leadConvert } from './settings/lead-convert.ts';
import { revopsScratchOrg } from './settings/scratch-org.ts';
import { skus } from './quote-to-cash/catalogue.ts';
import { Quote, QuoteLine } from './quote-to-cash/quotes.ts';
import { orderForm } from './quote-to-cash/order-form.ts';
import { revopsPricing } from './quote-to-cash/pricing.ts';
import { quoteToCashRules } from './quote-to-cash/rules.ts';
import { Q2CFailure, q2cCheckRules, recordQ2CFailures } from './quote-to-cash/q2c-checks.ts';
import { createContractAtSignature, signatureRules } from './quote-to-cash/signature.ts';
import { quoteLineRules } from './quote-to-cash/quote-line-rules.ts';
import { leadRoutingModel } from './routing/index.ts';
import { forecasting } from './forecasting/index.ts';
import { publicGroups, roles } from './analytics/audiences.ts';
import { revenueAnalytics } from './analytics/revenue-analytics.ts';
import { quoteToCashAnalytics } from './analytics/quote-to-cash-analytics.ts';
import { dataCompliance } from './compliance/index.ts';
import { gtmPlan } from './gtm/plan.ts';
import { council } from './compliance/council.ts';
import { territoryModel } from './gtm/territories.ts';

export default defineModel(
  {
    // Locked objects (blueprint 000 §1) and the RevOps registries
    objects: [
      ...dataObjects,
      LifecycleAction,
      StageGateCriterion,
      DiscountLadder,
      ...lifecycleTypes,
      Q2CFailure,
      Quote,
      QuoteLine,
    ],
    globalValueSets: [
      LossReason,
      SlipReason,
      DisqualificationReason,
      ChurnReason,
      Competitor,
      RegressionReason,
      AdvanceReason,
      WinReason,
      ForecastOverrideReason,
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
      ...closedDealRules,
      ...forecastRules,
      ...dealDeskRules,
      ...leadRules,
      ...accountRules,
      ...revopsRules,
      ...registryRules,
      ...valueListRules,
      ...quoteToCashRules,
      ...q2cCheckRules,
      ...signatureRules,
      ...quoteLineRules,
      ...lifecycleRules,
      ...attributionRules,
    ],
    customMetadataRecords: discountLadderSteps,
    // Role-scoped access
    customPermissions: [GovernanceBypass, DealDesk, ForecastOverride, ReopenWonDeal, LeadReassign],
    permissionSets: rolePermissionSets,
    permissionSetGroups: roleGroups,
    sharingRules,
    // Automation
    flows: [
      trackCloseDateSlips,
      normaliseAccountDomain,
      leadSnapshots,
      completeConvertedDeal,
      stampStageEntry,
      ...bypassAuditFlows,
      stampStageEnteredOn,
      stampHandoffTimes,
      recordQ2CFailures,
      createContractAtSignature,
    ],
    // Lifecycle automation: scheduled jobs, their thresholds and calendar, their conformance vectors
    lifecycleJobs,
    lifecycleCalendar: salesCalendar,
    lifecycleVectors,
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
    // Quote to cash: the SKU catalogue, the ladder, the approval matrix, give/get
    skus,
    pricing: revopsPricing,
    orderForm,
  },
  stageGates,
  // Lead scoring, routing and SLA clocks (model/routing)
  leadRoutingModel,
  forecasting,
  revenueAnalytics,
  quoteToCashAnalytics,
  gtmPlan,
  // Campaign influence models attribution writes its credit under (model/marketing)
  { campaignInfluenceModels: influenceModels },
  council,
  { roles, publicGroups: [...publicGroups, ...roleUserGroups] },
  dataCompliance,
  { territoryDesign: territoryModel },
);
