import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { Connection } from '@salesforce/core';
import { MetadataApiDeploy, type ComponentSet } from '@salesforce/source-deploy-retrieve';
import type {
  DeployMessage,
  DeployResult,
  Failures,
  FileResponse,
  MetadataApiDeployStatus,
} from '@salesforce/source-deploy-retrieve';
import type { Activation } from '../core/family.ts';
import type { Project } from '../project.ts';
import { resolveComponents } from '../verify/sdr.ts';
import { activateDeployed, type ActivationOptions } from './activate.ts';
import { messageOf, OrgToolkitError } from './errors.ts';
import { orgStep, type NetworkOptions } from './network.ts';
import { formatTable } from './text-table.ts';

/**
 * `revops deploy`: the project's source through source-deploy-retrieve (API version pinned by
 * `resolveComponents`, so SDR never asks the network for one), always with rollbackOnError: a
 * deploy lands whole or not at all. Failures come back as rows naming component, file:line and
 * message, whether the Metadata API sent one failure (an object) or several (an array).
 */
export const TEST_LEVELS = ['NoTestRun', 'RunSpecifiedTests', 'RunLocalTests', 'RunAllTestsInOrg'] as const;
export type TestLevel = (typeof TEST_LEVELS)[number];

export interface DeployOptions extends NetworkOptions {
  readonly project: Project;
  /** A connection to the target org (at the project's API version). */
  readonly connection: Connection;
  /** Validate only (`--dry-run`): the org checks everything and keeps nothing. */
  readonly checkOnly?: boolean;
  readonly testLevel?: TestLevel;
  /** Apex test classes for RunSpecifiedTests. */
  readonly runTests?: readonly string[];
  readonly onStatus?: (status: DeployStatus) => void;
  /** Poll interval (default: SDR's, scaled to the deploy's size). */
  readonly pollFrequencyMs?: number;
  readonly timeoutMinutes?: number;
  /**
   * Components deployed inactive that this deploy activates once what they wait for is active
   * (a second deploy: see activate.ts). Not for --dry-run.
   */
  readonly activations?: readonly Activation[];
  /** How the activation phase polls and reports (tests pass a clock that does not sleep). */
  readonly activationWait?: Pick<ActivationOptions, 'pollMs' | 'waitMinutes' | 'sleep' | 'onWaiting'>;
}

export interface DeployStatus {
  readonly status: string;
  readonly stateDetail?: string;
  readonly componentsDeployed: number;
  readonly componentsTotal: number;
  readonly componentErrors: number;
  readonly testsCompleted: number;
  readonly testsTotal: number;
  readonly testErrors: number;
}

export interface ComponentFailure {
  /** `CustomField Account.Website_Domain__c` */
  readonly component: string;
  /** Project-relative path, with the line when the Metadata API gave one. */
  readonly location: string;
  readonly message: string;
}

export interface TestFailure {
  readonly test: string;
  readonly message: string;
  readonly location?: string;
}

export interface DeployOutcome extends DeployStatus {
  readonly id: string;
  readonly success: boolean;
  readonly checkOnly: boolean;
  readonly failures: readonly ComponentFailure[];
  readonly testFailures: readonly TestFailure[];
  readonly coverageWarnings: readonly string[];
  /** A deploy-level error with no component to pin it on. */
  readonly errorMessage?: string;
  /** Components the second phase activated (`DuplicateRule Account.Account_Domain_Duplicates`). */
  readonly activated?: readonly string[];
}

/**
 * The test level a deploy to `connection` gets when none is asked for: RunLocalTests on a
 * production org (not a sandbox, not a scratch org), because an active flow deploys to
 * production only with Apex tests that cover it, and Salesforce runs none by default for a
 * package without Apex; the org's own default (none) elsewhere.
 */
export async function productionTestLevel(
  connection: Connection,
  step: { org: string; url: string; login: string },
  options: NetworkOptions = {},
): Promise<TestLevel | undefined> {
  const answer = await orgStep(
    { ...step, doing: 'reading the org type' },
    () =>
      connection.query<{ IsSandbox: boolean; TrialExpirationDate: string | null }>(
        'SELECT IsSandbox, TrialExpirationDate FROM Organization',
      ),
    options,
  );
  const org = answer.records[0];
  // Scratch orgs are not sandboxes, but expire; production orgs (Developer Edition included) do not.
  const production = org !== undefined && !org.IsSandbox && !org.TrialExpirationDate;
  return production ? 'RunLocalTests' : undefined;
}

export async function deployProject(options: DeployOptions): Promise<DeployOutcome> {
  const { project } = options;
  const set = resolveComponents(project);
  if (set.size === 0)
    throw new OrgToolkitError(`nothing to deploy: no components in ${project.packageDirectories.join(', ')}`, {
      name: 'NothingToDeploy',
      actions: ['Run `revops generate` to write force-app/generated'],
    });
  const outcome = await deployComponents({ ...options, set, root: project.root });
  if (!outcome.success || outcome.checkOnly || !options.activations?.length) return outcome;
  const { activated } = await activateDeployed({
    ...options,
    ...options.activationWait,
    activations: options.activations,
    // The activated components alone: no Apex in them, so no tests to run.
    deploy: async (activatedSet) => {
      const second = await deployComponents({
        ...options,
        set: activatedSet,
        root: project.root,
        testLevel: undefined,
        runTests: undefined,
      });
      return { success: second.success, summary: second.success ? second.status : formatDeployFailures(second) };
    },
  });
  return { ...outcome, activated };
}

export interface ComponentDeployOptions extends Omit<DeployOptions, 'project'> {
  /** What deploys (destructive changes included, as SDR's component set carries them). */
  readonly set: ComponentSet;
  /** Where failures' paths are relative to. */
  readonly root: string;
}

const stepOf = (connection: Connection) => {
  const target = connection.getUsername() ?? connection.instanceUrl;
  return { org: target, url: connection.instanceUrl, login: target };
};

/** A component set through SDR, always rollbackOnError: the core of `deploy` and of `release`'s validation. */
export async function deployComponents(options: ComponentDeployOptions): Promise<DeployOutcome> {
  const { set, connection } = options;
  if (options.runTests?.length && options.testLevel !== 'RunSpecifiedTests')
    throw new OrgToolkitError('tests can only be named with --test-level RunSpecifiedTests', {
      name: 'InvalidTestLevel',
    });
  const step = stepOf(connection);
  const testLevel = options.testLevel ?? (await productionTestLevel(connection, step, options));
  let result: DeployResult;
  try {
    // Starting is the long silent part (the package goes up); then the deploy reports its own progress.
    const deploy = await orgStep(
      { ...step, doing: 'starting the deploy' },
      () =>
        set.deploy({
          usernameOrConnection: connection,
          apiOptions: {
            checkOnly: options.checkOnly ?? false,
            rollbackOnError: true,
            ...(testLevel ? { testLevel } : {}),
            ...(options.runTests?.length ? { runTests: [...options.runTests] } : {}),
          },
        }),
      options,
    );
    result = await poll(deploy, step, options);
  } catch (error) {
    if (error instanceof OrgToolkitError) throw error;
    throw new OrgToolkitError(`deploy to ${step.org}: ${messageOf(error)}`, { name: 'DeployFailed', cause: error });
  }
  return summarizeDeploy(result, options.root);
}

type PollOptions = Pick<DeployOptions, 'onStatus' | 'pollFrequencyMs' | 'timeoutMinutes'> & NetworkOptions;

function poll(deploy: MetadataApiDeploy, step: ReturnType<typeof stepOf>, options: PollOptions): Promise<DeployResult> {
  if (options.onStatus) deploy.onUpdate((status) => options.onStatus!(statusOf(status)));
  // Numbers, not kit Durations: frequency in ms (undefined = SDR's size-based default), timeout in s.
  return orgStep(
    { ...step, doing: `deploying (${deploy.id ?? 'deploy id not yet known'})` },
    () => deploy.pollStatus(options.pollFrequencyMs, (options.timeoutMinutes ?? 60) * 60),
    { ...options, onProgress: options.onStatus ? undefined : options.onProgress },
  );
}

export interface QuickDeployOptions extends PollOptions {
  readonly connection: Connection;
  /** The id of a successful validation (a check-only deploy with tests) of this exact package. */
  readonly validationId: string;
  /** The validated component set, so failures map to files. */
  readonly set?: ComponentSet;
  readonly root: string;
}

/**
 * Deploys a recent validation without running its tests again (Salesforce keeps a validation
 * deployable for 10 days, until another deploy changes the org). It never falls back to a
 * deploy without tests: when the org refuses the id, the error says to validate again.
 */
export async function quickDeploy(options: QuickDeployOptions): Promise<DeployOutcome> {
  const { connection } = options;
  const step = stepOf(connection);
  let result: DeployResult;
  try {
    const validation = new MetadataApiDeploy({ usernameOrConnection: connection, id: options.validationId });
    const id = await orgStep(
      { ...step, doing: `quick-deploying validation ${options.validationId}` },
      () => validation.deployRecentValidation(false),
      options,
    );
    const deploy = new MetadataApiDeploy({
      usernameOrConnection: connection,
      id,
      ...(options.set ? { components: options.set } : {}),
    });
    result = await poll(deploy, step, options);
  } catch (error) {
    if (error instanceof OrgToolkitError) throw error;
    throw new OrgToolkitError(
      `quick deploy of validation ${options.validationId} to ${step.org}: ${messageOf(error)}`,
      {
        name: 'QuickDeployRefused',
        actions: ['Validate the package again (the validation expired, or the org changed since)'],
        cause: error,
      },
    );
  }
  return summarizeDeploy(result, options.root);
}

function statusOf(status: MetadataApiDeployStatus): DeployStatus {
  const n = (value: unknown) => Number(value ?? 0) || 0;
  return {
    status: status.status,
    stateDetail: status.stateDetail,
    componentsDeployed: n(status.numberComponentsDeployed),
    componentsTotal: n(status.numberComponentsTotal),
    componentErrors: n(status.numberComponentErrors),
    testsCompleted: n(status.numberTestsCompleted),
    testsTotal: n(status.numberTestsTotal),
    testErrors: n(status.numberTestErrors),
  };
}

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The deploy's outcome in the toolkit's terms: failures pinned to project files where SDR can tell which. */
export function summarizeDeploy(result: DeployResult, projectRoot: string): DeployOutcome {
  const response = result.response;
  const failures: ComponentFailure[] = [];
  const pinned = new Set<string>();
  for (const file of fileResponses(result)) {
    if (file.state !== 'Failed' || file.problemType === 'Warning') continue;
    pinned.add(`${file.type}#${file.fullName}`);
    const path = file.filePath ? relative(projectRoot, file.filePath) : '';
    failures.push({
      component: `${file.type} ${file.fullName}`,
      location: path && file.lineNumber ? `${path}:${file.lineNumber}` : path || '-',
      message: file.error,
    });
  }
  // Failures SDR could not map to a local file (components not in the project, package-level problems).
  for (const message of list<DeployMessage>(response.details?.componentFailures)) {
    if (message.problemType === 'Warning' || pinned.has(`${message.componentType}#${message.fullName}`)) continue;
    const line = message.lineNumber ? `:${message.lineNumber}` : '';
    failures.push({
      component: `${message.componentType ?? ''} ${message.fullName}`.trim(),
      location: message.fileName ? `${message.fileName}${line} (in the deployed package)` : '-',
      message: message.problem ?? 'failed without a message',
    });
  }
  const tests = response.details?.runTestResult;
  const testFailures = list<Failures>(tests?.failures).map((f) => ({
    test: `${f.name}.${f.methodName}`,
    message: f.message,
    location: f.stackTrace?.split('\n')[0],
  }));
  // The Metadata API names the class in `name`, which SDR's type leaves out.
  const coverageWarnings = list(tests?.codeCoverageWarnings).map((w) => {
    const name = (w as { name?: string }).name;
    return name ? `${name}: ${w.message}` : w.message;
  });
  return {
    ...statusOf(response),
    id: response.id,
    success: response.status === 'Succeeded' && response.success !== false,
    checkOnly: Boolean(response.checkOnly),
    failures,
    testFailures,
    coverageWarnings,
    errorMessage: response.errorMessage,
  };
}

/** SDR's per-file view of the result; it cannot map an answer without `details`, and then the raw failures serve alone. */
function fileResponses(result: DeployResult): FileResponse[] {
  if (!result.response.details) return [];
  return result.getFileResponses();
}

/** The failure report a person reads: one table for components, one for Apex tests. */
export function formatDeployFailures(outcome: DeployOutcome): string {
  const parts: string[] = [];
  if (outcome.failures.length)
    parts.push(
      `Component failures (${outcome.failures.length}):\n` +
        formatTable(
          ['COMPONENT', 'FILE:LINE', 'MESSAGE'],
          outcome.failures.map((f) => [f.component, f.location, f.message]),
        ),
    );
  if (outcome.testFailures.length)
    parts.push(
      `Apex test failures (${outcome.testFailures.length}):\n` +
        formatTable(
          ['TEST', 'MESSAGE', 'WHERE'],
          outcome.testFailures.map((f) => [f.test, f.message, f.location ?? '-']),
        ),
    );
  if (outcome.coverageWarnings.length)
    parts.push(`Code coverage:\n${outcome.coverageWarnings.map((w) => `  ${w}`).join('\n')}`);
  if (outcome.errorMessage && !outcome.failures.length) parts.push(`Deploy error: ${outcome.errorMessage}`);
  return parts.join('\n\n');
}

/** A hash of every source file SDR would deploy: `org up` redeploys only when it changes. */
export async function sourceFingerprint(project: Project): Promise<string> {
  const hash = createHash('sha256');
  const files = resolveComponents(project)
    .getSourceComponents()
    .toArray()
    .flatMap((c) => [c.xml, ...c.walkContent()].filter((f): f is string => Boolean(f)));
  for (const file of [...new Set(files)].sort()) {
    hash.update(relative(project.root, file)).update('\0');
    hash.update(await readFile(file)).update('\0');
  }
  return hash.digest('hex');
}
