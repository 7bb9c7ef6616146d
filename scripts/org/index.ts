/**
 * The org toolkit's library API: what the CLI (scripts/cli/org.ts) calls and what the tests call
 * directly. Everything that talks to an org goes through @salesforce/core (orgs, aliases, auth from
 * the sf CLI), source-deploy-retrieve (deploys) and jsforce (REST and Bulk API 2.0).
 */
export { OrgToolkitError } from './errors.ts';
export {
  DEFAULT_REQUEST_TIMEOUT_MS,
  limitRequestTime,
  networkFailureOf,
  orgStep,
  type NetworkOptions,
  type OrgStep,
} from './network.ts';
export { resolveDevHub, resolveTargetOrg, usernameOf } from './connection.ts';
export {
  createScratchOrg,
  deleteScratchOrg,
  isLiveScratchOrg,
  readScratchDefinition,
  type CreateScratchOrgOptions,
  type ScratchOrgSummary,
} from './scratch-org.ts';
export {
  deployComponents,
  deployProject,
  formatDeployFailures,
  productionTestLevel,
  quickDeploy,
  sourceFingerprint,
  summarizeDeploy,
  TEST_LEVELS,
  type ComponentDeployOptions,
  type ComponentFailure,
  type DeployOptions,
  type QuickDeployOptions,
  type DeployOutcome,
  type DeployStatus,
  type TestFailure,
  type TestLevel,
} from './deploy.ts';
export { DeployProgress, describeStatus, type ProgressStream } from './deploy-progress.ts';
export { assignPermissionSets, type PermsetAssignment } from './permsets.ts';
export {
  daysSinceAnchor,
  readDataset,
  shiftDates,
  type Dataset,
  type DatasetManifest,
  type DatasetObject,
} from './dataset.ts';
export {
  planLoad,
  schemaRelationships,
  toApiRecords,
  toCsv,
  type LoadStep,
  type RelationshipResolver,
} from './load-plan.ts';
export { guardConnection, type ApiConnection } from './api-connection.ts';
export { DEFAULT_RETRY_POLICY, withRetry, type RetryPolicy } from './retry.ts';
export { DEFAULT_BULK_POLL, type BulkPollOptions } from './bulk.ts';
export type { ReportLine, RowResult } from './load-run.ts';
export {
  loadDataset,
  LoadStoppedError,
  type LoadEvent,
  type LoadOptions,
  type LoadResult,
  type LoadSummary,
  type ObjectSummary,
} from './loader.ts';
export {
  orgServices,
  orgUp,
  type OrgUpOptions,
  type OrgUpResult,
  type OrgUpServices,
  type OrgUpState,
  type StepReport,
} from './org-up.ts';
export { formatTable } from './text-table.ts';
