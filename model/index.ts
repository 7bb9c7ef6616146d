/**
 * The RevOps model: the single source of truth. Every file in force-app/generated/ and
 * config/project-scratch-def.json is generated from what is assembled here (`revops generate`).
 */
import { defineModel } from '../scripts/dsl/index.ts';
import { Account } from './objects/account.ts';
import { Contact } from './objects/contact.ts';
import { Lead } from './objects/lead.ts';
import { Opportunity } from './objects/opportunity.ts';
import { GovernanceBypass } from './governance/permissions.ts';
import { DisqualificationReason, LossReason, SlipReason } from './governance/reason-codes.ts';
import { opportunityStages } from './governance/stages.ts';
import { leadStatuses } from './governance/lead-statuses.ts';
import { newBusinessProcess } from './governance/sales-process.ts';
import { StageGateCriterion, stageGates } from './governance/stage-gates.ts';
import { hygieneRules } from './governance/hygiene-rules.ts';
import { AccountExecutive, RevOpsAdmin, SalesTeam } from './security/permission-sets.ts';
import { trackCloseDateSlips } from './automation/close-date-slips.ts';
import {
  governanceDashboards,
  governanceReports,
  openPipelineByStage,
  pipelineGovernance,
  slippedDeals,
  stageGateEvidence,
} from './analytics/pipeline-governance.ts';
import {
  accountDomainDuplicates,
  accountDomainMatch,
  accountNameDuplicates,
  accountNameMatch,
} from './data-quality/duplicates.ts';
import { leadConvert } from './settings/lead-convert.ts';
import { revopsScratchOrg } from './settings/scratch-org.ts';

export default defineModel(
  {
    objects: [Account, Contact, Lead, Opportunity, StageGateCriterion],
    globalValueSets: [LossReason, SlipReason, DisqualificationReason],
    opportunityStages,
    leadStatuses,
    businessProcesses: [newBusinessProcess],
    validationRules: hygieneRules,
    customPermissions: [GovernanceBypass],
    permissionSets: [AccountExecutive, RevOpsAdmin],
    permissionSetGroups: [SalesTeam],
    flows: [trackCloseDateSlips],
    folders: [governanceReports, governanceDashboards],
    reportTypes: [stageGateEvidence],
    reports: [openPipelineByStage, slippedDeals],
    dashboards: [pipelineGovernance],
    matchingRules: [accountDomainMatch, accountNameMatch],
    duplicateRules: [accountDomainDuplicates, accountNameDuplicates],
    leadConvert,
    scratchOrg: revopsScratchOrg,
  },
  stageGates,
);
