import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Org } from '@salesforce/core';
import type { Project } from '../project.ts';
import type { ApiConnection } from './api-connection.ts';
import { resolveDevHub, resolveTargetOrg, usernameOf } from './connection.ts';
import { readDataset } from './dataset.ts';
import {
  deployProject,
  formatDeployFailures,
  sourceFingerprint,
  type DeployOptions,
  type DeployOutcome,
} from './deploy.ts';
import { messageOf, OrgToolkitError } from './errors.ts';
import type { NetworkOptions } from './network.ts';
import { loadDataset, type LoadOptions, type LoadResult } from './loader.ts';
import type { RelationshipResolver } from './load-plan.ts';
import { assignPermissionSets, type PermsetAssignment } from './permsets.ts';
import {
  createScratchOrg,
  isLiveScratchOrg,
  type CreateScratchOrgOptions,
  type ScratchOrgSummary,
} from './scratch-org.ts';

/**
 * `revops org up`: from a Dev Hub to a seeded scratch org in one command —
 * create → deploy → assign permission sets → load data. Each step is idempotent and recorded in a
 * state file (out/org-up/<alias>.json) with the inputs it ran on, so a run after a failure resumes
 * at the failed step, and a run with nothing changed does nothing:
 *
 *   create    skipped while the recorded (or aliased) scratch org is still authorized and unexpired
 *   deploy    skipped while the source is byte-identical to what was deployed to that org
 *   permsets  skipped while the same permission sets were assigned in that org
 *   data      skipped while the same dataset was fully loaded into that org; otherwise the loader
 *             resumes its own checkpoint, and upserts by external id never duplicate
 */
export type StepName = 'create' | 'deploy' | 'permsets' | 'data';
export const STEPS: readonly StepName[] = ['create', 'deploy', 'permsets', 'data'];

export interface OrgUpOptions {
  readonly project: Project;
  readonly alias: string;
  readonly devHub?: string;
  readonly durationDays?: number;
  readonly dataset: string;
  readonly permissionSets: readonly string[];
  readonly resolveRelationship: RelationshipResolver;
  /** Where the state file lives (default out/org-up under the project). */
  readonly stateDir?: string;
  /** Step-level progress lines (stderr in the CLI), including "still waiting" lines of network steps. */
  readonly onProgress?: (line: string) => void;
  /** Deadline of every request to the Dev Hub and the scratch org (default 120 s). */
  readonly requestTimeoutMs?: number;
  /** How often a network step says it is still waiting (default 5 s). */
  readonly heartbeatMs?: number;
  readonly deployOptions?: Pick<DeployOptions, 'onStatus' | 'pollFrequencyMs' | 'activationWait'>;
  /** What the deploy activates in its second phase (the model's `activations`). */
  readonly activations?: DeployOptions['activations'];
  readonly loadOptions?: Partial<Omit<LoadOptions, 'dataset' | 'targetOrg' | 'resolveRelationship'>>;
}

/** What `org up` calls; tests replace the ones that would need a real org. */
export interface OrgUpServices {
  resolveDevHub(name?: string, network?: NetworkOptions): Promise<Org>;
  resolveOrg(name: string, network?: NetworkOptions): Promise<Org>;
  createScratchOrg(options: CreateScratchOrgOptions): Promise<ScratchOrgSummary>;
  sourceFingerprint(project: Project): Promise<string>;
  deploy(options: DeployOptions): Promise<DeployOutcome>;
  assignPermissionSets(
    connection: ReturnType<Org['getConnection']>,
    names: readonly string[],
    network?: NetworkOptions,
  ): Promise<PermsetAssignment>;
  loadData(connection: ApiConnection, options: LoadOptions): Promise<LoadResult>;
}

export const orgServices: OrgUpServices = {
  resolveDevHub,
  resolveOrg: resolveTargetOrg,
  createScratchOrg,
  sourceFingerprint,
  deploy: deployProject,
  assignPermissionSets: (connection, names, network) => assignPermissionSets(connection, names, undefined, network),
  loadData: loadDataset,
};

export interface StepReport {
  readonly step: StepName;
  readonly status: 'done' | 'skipped' | 'failed' | 'not run';
  readonly detail: string;
  readonly ms?: number;
  /** The long form of a failure (a deploy's failure tables). */
  readonly report?: string;
}

interface StepRecord {
  /** The inputs the step ran on: it is skipped while they are unchanged. */
  readonly key: string;
  readonly completedAt: string;
  readonly detail: string;
}

export interface OrgUpState {
  readonly format: 'revops-org-up/1';
  readonly alias: string;
  username?: string;
  devHub?: string;
  steps: Partial<Record<StepName, StepRecord>>;
}

export interface OrgUpResult {
  readonly ok: boolean;
  readonly alias: string;
  readonly username?: string;
  readonly steps: readonly StepReport[];
  readonly stateFile: string;
}

export async function orgUp(options: OrgUpOptions, services: OrgUpServices = orgServices): Promise<OrgUpResult> {
  const stateFile = join(
    options.stateDir ?? join(options.project.root, 'out', 'org-up'),
    `${safeName(options.alias)}.json`,
  );
  const state = await readState(stateFile, options.alias);
  const say = options.onProgress ?? (() => undefined);
  const created = await createStep(options, services, { state, stateFile, say });
  const reports: StepReport[] = [created.report];
  if (created.org) {
    const username = state.username!;
    for (const step of orgUpSteps(options, services, created.org, username)) {
      const report = await runStep(step, username, { state, stateFile, say });
      reports.push(report);
      if (report.status === 'failed') break;
    }
  }
  for (const step of STEPS.slice(reports.length)) reports.push({ step, status: 'not run', detail: '' });
  await writeState(stateFile, state);
  return {
    ok: reports.every((r) => r.status === 'done' || r.status === 'skipped'),
    alias: options.alias,
    username: state.username,
    steps: reports,
    stateFile,
  };
}

interface RunState {
  readonly state: OrgUpState;
  readonly stateFile: string;
  readonly say: (line: string) => void;
}

/** Finds the live scratch org of the alias (or the one recorded), else creates one. */
async function createStep(
  options: OrgUpOptions,
  services: OrgUpServices,
  { state, stateFile, say }: RunState,
): Promise<{ org?: Org; report: StepReport }> {
  const started = Date.now();
  const network = networkOf(options);
  try {
    say('create: looking for a live scratch org');
    const existing =
      (state.username ? await liveScratchOrg(services, state.username, network) : undefined) ??
      (await liveScratchOrg(services, options.alias, network));
    let org: Org;
    let report: StepReport;
    if (existing) {
      org = existing;
      const username = usernameOf(org);
      if (state.username !== username) state.steps = {};
      state.username = username;
      report = { step: 'create', status: 'skipped', detail: `scratch org ${username} (${options.alias}) is live` };
    } else {
      say('create: creating a scratch org (this takes a few minutes)');
      const hub = await services.resolveDevHub(options.devHub, network);
      const created = await services.createScratchOrg({
        ...network,
        hub,
        definitionFile: join(options.project.root, 'config', 'project-scratch-def.json'),
        alias: options.alias,
        durationDays: options.durationDays,
      });
      org = await services.resolveOrg(created.username, network);
      state.steps = {};
      state.username = created.username;
      state.devHub = created.devHub;
      const expires = created.expirationDate ? `, expires ${created.expirationDate}` : '';
      const detail = `scratch org ${created.username} from Dev Hub ${created.devHub}${expires}`;
      state.steps.create = { key: created.username, completedAt: new Date().toISOString(), detail };
      report = { step: 'create', status: 'done', detail, ms: Date.now() - started };
    }
    await writeState(stateFile, state);
    return { org, report };
  } catch (error) {
    return { report: { step: 'create', status: 'failed', detail: messageOf(error), ms: Date.now() - started } };
  }
}

interface OrgUpStep {
  readonly step: StepName;
  /** What the step runs on: it is skipped while these are unchanged. */
  inputs(): Promise<string>;
  work(): Promise<StepOutcome>;
}

/** Deploy, permission sets and data, against the scratch org. */
function orgUpSteps(options: OrgUpOptions, services: OrgUpServices, org: Org, username: string): OrgUpStep[] {
  const connection = () => org.getConnection(options.project.apiVersion);
  return [
    {
      step: 'deploy',
      inputs: () => services.sourceFingerprint(options.project),
      work: async () => {
        const outcome = await services.deploy({
          ...networkOf(options),
          project: options.project,
          connection: connection(),
          activations: options.activations,
          ...options.deployOptions,
        });
        const counts = `${outcome.componentsDeployed}/${outcome.componentsTotal} components`;
        const activated = outcome.activated?.length ? `; activated ${outcome.activated.join(', ')}` : '';
        return outcome.success
          ? { ok: true, detail: `${counts} (${outcome.id})${activated}` }
          : {
              ok: false,
              detail:
                `deploy ${outcome.status}: ${outcome.failures.length} component and ${outcome.testFailures.length} ` +
                'test failure(s); nothing was kept (rollbackOnError)',
              report: formatDeployFailures(outcome),
            };
      },
    },
    {
      step: 'permsets',
      inputs: async () => [...options.permissionSets].sort().join(','),
      work: async () => {
        const result = await services.assignPermissionSets(connection(), options.permissionSets, networkOf(options));
        const detail = `${result.assigned.length} assigned, ${result.alreadyAssigned.length} already held by ${result.assignee}`;
        return { ok: true, detail };
      },
    },
    {
      step: 'data',
      inputs: async () => (await readDataset(options.dataset)).manifestHash,
      work: async () => {
        const result = await services.loadData(connection(), {
          outDir: join(options.project.root, 'out', 'load'),
          ...options.loadOptions,
          dataset: options.dataset,
          targetOrg: username,
          resolveRelationship: options.resolveRelationship,
        });
        const { rows, created, updated, failed } = result.totals;
        const detail = `${rows} rows: ${created} created, ${updated} updated, ${failed} failed; report ${result.report}`;
        return { ok: result.ok, detail: result.accounted ? detail : `${detail}; NOT every row accounted for` };
      },
    },
  ];
}

/** Runs a step unless it already ran on the same org and inputs; records it once it succeeds. */
async function runStep(
  { step, inputs, work }: OrgUpStep,
  username: string,
  { state, stateFile, say }: RunState,
): Promise<StepReport> {
  const started = Date.now();
  try {
    // The org is part of every step's inputs: a new org redoes everything.
    const key = `${username}:${await inputs()}`;
    const previous = state.steps[step];
    if (previous?.key === key) {
      say(`${step}: already done for this org and these inputs`);
      return { step, status: 'skipped', detail: `${previous.detail} (done ${previous.completedAt})` };
    }
    say(`${step}: running`);
    const outcome = await work();
    const ms = Date.now() - started;
    if (!outcome.ok) return { step, status: 'failed', detail: outcome.detail, ms, report: outcome.report };
    state.steps[step] = { key, completedAt: new Date().toISOString(), detail: outcome.detail };
    await writeState(stateFile, state);
    return { step, status: 'done', detail: outcome.detail, ms };
  } catch (error) {
    return { step, status: 'failed', detail: messageOf(error), ms: Date.now() - started };
  }
}

interface StepOutcome {
  readonly ok: boolean;
  readonly detail: string;
  readonly report?: string;
}

/** The org, if sf still holds an unexpired scratch org under this username or alias. */
async function liveScratchOrg(
  services: OrgUpServices,
  name: string,
  network: NetworkOptions,
): Promise<Org | undefined> {
  const org = await services.resolveOrg(name, network).catch(() => undefined);
  return org && isLiveScratchOrg(org) ? org : undefined;
}

/** The network options every step shares: the deadline, and progress through `onProgress`. */
function networkOf(options: OrgUpOptions): NetworkOptions {
  return {
    requestTimeoutMs: options.requestTimeoutMs,
    heartbeatMs: options.heartbeatMs,
    onProgress: options.onProgress,
  };
}

/**
 * The state of earlier runs, or a fresh one when there is none. A state file that is not one
 * (a folder in its place, a file that does not parse, steps that are not records) stops `org up`
 * before it touches any org: silently replacing it would redo every step, including creating a
 * scratch org, without the admin knowing why.
 */
async function readState(file: string, alias: string): Promise<OrgUpState> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw stateError(
      file,
      error.code === 'EISDIR' ? "is a folder, not org up's state file" : `cannot be read (${error.code})`,
      error.code === 'EISDIR'
        ? [`Remove or rename the folder ${file}: org up keeps the state of alias ${alias} in that file`]
        : undefined,
    );
  });
  if (text === undefined) return { format: 'revops-org-up/1', alias, steps: {} };
  let state: Partial<OrgUpState>;
  try {
    state = JSON.parse(text) as Partial<OrgUpState>;
  } catch (error) {
    throw stateError(file, `is not valid JSON (${(error as Error).message})`);
  }
  if (typeof state !== 'object' || state === null || state.format !== 'revops-org-up/1')
    throw stateError(file, 'is not a revops-org-up/1 state file');
  // A state kept for another alias that maps to the same file name: start this alias afresh.
  if (state.alias !== alias) return { format: 'revops-org-up/1', alias, steps: {} };
  if (typeof state.steps !== 'object' || state.steps === null || Array.isArray(state.steps))
    throw stateError(file, `"steps" must be an object, got ${JSON.stringify(state.steps)}`);
  for (const [step, record] of Object.entries(state.steps))
    if (
      !STEPS.includes(step as StepName) ||
      typeof record?.key !== 'string' ||
      typeof record.completedAt !== 'string' ||
      typeof record.detail !== 'string'
    )
      throw stateError(file, `step "${step}" is not a record of a finished step`);
  return state as OrgUpState;
}

function stateError(file: string, problem: string, actions?: readonly string[]): OrgToolkitError {
  return new OrgToolkitError(`${file} ${problem}`, {
    name: 'OrgUpStateUnusable',
    actions: actions ?? [
      `Delete ${file} to start over: org up finds the live scratch org of the alias again, and redoes the other steps (each is idempotent)`,
    ],
  });
}

async function writeState(file: string, state: OrgUpState): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
    await rename(`${file}.tmp`, file);
  } catch (error) {
    throw new OrgToolkitError(
      `${file}: cannot record org up's state (${(error as NodeJS.ErrnoException).code ?? messageOf(error)})`,
      {
        name: 'OrgUpStateUnwritable',
        actions: [`Make ${dirname(file)} writable, or remove what is in the way of ${file}`],
        cause: error,
      },
    );
  }
}

const safeName = (alias: string) => alias.replace(/[^\w.-]/g, '_');
