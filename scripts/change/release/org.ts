/**
 * What a release asks of the org, behind one interface so the release's own logic (gate, lock,
 * rollback plan, validation reuse, activation order) is tested against a test double, and this
 * implementation against @salesforce/core's TestContext: deploys and quick deploys through
 * source-deploy-retrieve (scripts/org/deploy.ts), the rollback retrieve through SDR, running
 * deploys from the Tooling API's DeployRequest, activations through the Metadata API's CRUD
 * calls, flow deactivation through the Tooling API's FlowDefinition.
 */
import type { Connection } from '@salesforce/core';
import { ComponentSet } from '@salesforce/source-deploy-retrieve';
import type { Activation } from '../../core/family.ts';
import {
  deployComponents,
  orgStep,
  quickDeploy,
  type DeployOutcome,
  type DeployStatus,
  type NetworkOptions,
  type TestLevel,
} from '../../org/index.ts';
import type { ActivationOutcome } from './record.ts';

export interface Component {
  readonly type: string;
  readonly fullName: string;
}

export interface ReleaseOrg {
  /** The username releases are recorded and locked under. */
  readonly username: string;
  /** Deploys queued or running in the org (another release, `sf project deploy`, a change set). */
  runningDeploys(): Promise<string[]>;
  /** Retrieves these components as the org has them now into `output`; returns those it had. */
  retrieve(components: readonly Component[], output: string): Promise<Component[]>;
  /** A check-only deploy with tests: nothing changes, the org remembers the validation. */
  validate(set: ComponentSet, testLevel: TestLevel, tests: readonly string[]): Promise<DeployOutcome>;
  /** Deploys a validation without running its tests again; throws QuickDeployRefused when the org refuses the id. */
  quickDeploy(validationId: string, set: ComponentSet): Promise<DeployOutcome>;
  /** A deploy with tests (the rollback). */
  deploy(set: ComponentSet, testLevel: TestLevel, tests: readonly string[]): Promise<DeployOutcome>;
  /** Waits for what the component needs to be active, then activates it. */
  activate(activation: Activation): Promise<ActivationOutcome>;
  /** Sets a flow's active version to none, so that it can be deleted. */
  deactivateFlow(apiName: string): Promise<void>;
}

/** How each activatable type says it is active, and what makes it so. */
const ACTIVE: Readonly<Record<string, { is(r: Record<string, unknown>): boolean; set: Record<string, unknown> }>> = {
  MatchingRule: { is: (r) => r.ruleStatus === 'Active', set: { ruleStatus: 'Active' } },
  DuplicateRule: { is: (r) => r.isActive === true || r.isActive === 'true', set: { isActive: true } },
  Flow: { is: (r) => r.status === 'Active', set: { status: 'Active' } },
};

const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export interface ConnectionReleaseOrgOptions extends NetworkOptions {
  readonly root: string;
  readonly onStatus?: (status: DeployStatus) => void;
  readonly pollFrequencyMs?: number;
  /** How long prerequisites of an activation may take to become active (default 10 min), and the poll interval (5 s). */
  readonly activationTimeoutMs?: number;
  readonly activationPollMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The org of a connection. */
export class ConnectionReleaseOrg implements ReleaseOrg {
  readonly username: string;
  readonly #connection: Connection;
  readonly #options: ConnectionReleaseOrgOptions;

  constructor(connection: Connection, options: ConnectionReleaseOrgOptions) {
    this.#connection = connection;
    this.#options = options;
    this.username = connection.getUsername() ?? connection.instanceUrl;
  }

  #step<T>(doing: string, call: () => Promise<T>): Promise<T> {
    const org = this.username;
    return orgStep({ org, url: this.#connection.instanceUrl, login: org, doing }, call, this.#options);
  }

  get #deployOptions() {
    const o = this.#options;
    return {
      connection: this.#connection,
      root: o.root,
      onStatus: o.onStatus,
      pollFrequencyMs: o.pollFrequencyMs,
      requestTimeoutMs: o.requestTimeoutMs,
      onProgress: o.onProgress,
    };
  }

  async runningDeploys(): Promise<string[]> {
    const answer = await this.#step('looking for running deploys', async () =>
      this.#connection.tooling.query<{ Id: string; Status: string }>(
        "SELECT Id, Status FROM DeployRequest WHERE Status IN ('Pending', 'InProgress', 'Canceling')",
      ),
    );
    return answer.records.map((r) => `${r.Id} (${r.Status})`);
  }

  async retrieve(components: readonly Component[], output: string): Promise<Component[]> {
    if (!components.length) return [];
    const set = new ComponentSet(components);
    set.apiVersion = this.#connection.getApiVersion();
    const retrieve = await this.#step('starting the rollback retrieve', () =>
      set.retrieve({ usernameOrConnection: this.#connection, output, merge: false }),
    );
    const result = await this.#step('retrieving the rollback artifact', () =>
      retrieve.pollStatus(this.#options.pollFrequencyMs),
    );
    const got = new Map<string, Component>();
    for (const f of result.getFileResponses())
      if (f.state !== 'Failed') got.set(`${f.type}:${f.fullName}`, { type: f.type, fullName: f.fullName });
    return [...got.values()];
  }

  validate(set: ComponentSet, testLevel: TestLevel, tests: readonly string[]): Promise<DeployOutcome> {
    return deployComponents({ ...this.#deployOptions, set, checkOnly: true, testLevel, runTests: [...tests] });
  }

  quickDeploy(validationId: string, set: ComponentSet): Promise<DeployOutcome> {
    return quickDeploy({ ...this.#deployOptions, validationId, set });
  }

  deploy(set: ComponentSet, testLevel: TestLevel, tests: readonly string[]): Promise<DeployOutcome> {
    return deployComponents({ ...this.#deployOptions, set, testLevel, runTests: [...tests] });
  }

  async #read(c: Component): Promise<Record<string, unknown> | undefined> {
    const answer = await this.#step(`reading ${c.type} ${c.fullName}`, () =>
      this.#connection.metadata.read(c.type as never, c.fullName),
    );
    const record = (Array.isArray(answer) ? answer[0] : answer) as Record<string, unknown> | undefined;
    // The Metadata API answers a missing component with an empty record.
    return record?.fullName ? record : undefined;
  }

  async #isActive(c: Component): Promise<boolean> {
    const record = await this.#read(c);
    return record !== undefined && (ACTIVE[c.type]?.is(record) ?? true);
  }

  async activate(activation: Activation): Promise<ActivationOutcome> {
    const it = { type: activation.type, fullName: activation.fullName };
    const deadline = Date.now() + (this.#options.activationTimeoutMs ?? 600_000);
    for (const needed of activation.waitFor)
      while (!(await this.#isActive(needed))) {
        if (Date.now() > deadline)
          return { ...it, state: 'failed', message: `${needed.type} ${needed.fullName} did not become active in time` };
        await sleep(this.#options.activationPollMs ?? 5_000);
      }
    const rule = ACTIVE[activation.type];
    if (!rule) return { ...it, state: 'failed', message: `no way to activate a ${activation.type}` };
    const current = await this.#read(activation);
    if (!current) return { ...it, state: 'failed', message: 'not found in the org' };
    if (rule.is(current)) return { ...it, state: 'already-active' };
    const saved = await this.#step(`activating ${activation.type} ${activation.fullName}`, () =>
      this.#connection.metadata.update(activation.type as never, { ...current, ...rule.set } as never),
    );
    const result = (Array.isArray(saved) ? saved[0] : saved) as { success?: boolean | string; errors?: unknown };
    return result?.success === true || result?.success === 'true'
      ? { ...it, state: 'activated' }
      : { ...it, state: 'failed', message: JSON.stringify(result?.errors ?? result) };
  }

  async deactivateFlow(apiName: string): Promise<void> {
    if (!API_NAME.test(apiName)) throw new Error(`${apiName}: not a flow API name`);
    const answer = await this.#step(`reading flow ${apiName}`, async () =>
      this.#connection.tooling.query<{ Id: string }>(
        `SELECT Id FROM FlowDefinition WHERE DeveloperName = '${apiName}'`,
      ),
    );
    for (const { Id } of answer.records)
      await this.#step(`deactivating flow ${apiName}`, () =>
        this.#connection.tooling.sobject('FlowDefinition').update({ Id, Metadata: { activeVersionNumber: 0 } }),
      );
  }
}
