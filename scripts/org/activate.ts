/**
 * The second phase of a deploy: components that Salesforce rejects when they arrive active next
 * to what they depend on (a duplicate rule next to brand-new matching rules, which activate
 * asynchronously) are deployed inactive by the generator, and activated here once what they
 * wait for reports active. The families say which components (`Family.activations`); this module
 * knows, per metadata type, how to read "active" and how to write the active form.
 */
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Connection } from '@salesforce/core';
import { ComponentSet } from '@salesforce/source-deploy-retrieve';
import type { Activation } from '../core/family.ts';
import type { Project } from '../project.ts';
import { resolveComponents } from '../verify/sdr.ts';
import { OrgToolkitError } from './errors.ts';
import { orgStep, type NetworkOptions, type OrgStep } from './network.ts';

/** Where a component stands: ready, still on its way, or failed (with why). */
type Readiness =
  | { readonly state: 'active' }
  | { readonly state: 'pending'; readonly status: string }
  | { readonly state: 'failed'; readonly status: string };

/** How to tell that a component of each type that others wait for is active, from Metadata API `read`. */
export const READINESS: Readonly<Record<string, (info: Readonly<Record<string, unknown>>) => Readiness>> = {
  // MatchingRule.ruleStatus: Active, Activating, Inactive, Deactivating, ActivationFailed, DeactivationFailed.
  MatchingRule: (info) => {
    const status = String(info['ruleStatus'] ?? 'missing');
    if (status === 'Active') return { state: 'active' };
    // Just after a deploy a new rule can still read Inactive before it starts Activating.
    if (status === 'Activating' || status === 'Inactive') return { state: 'pending', status };
    return { state: 'failed', status };
  },
};

/** How to turn a component's deployed-inactive source into its active form, per type. */
export const ACTIVE_FORM: Readonly<Record<string, (xml: string) => string>> = {
  DuplicateRule: (xml) => replaceOnce(xml, '<isActive>false</isActive>', '<isActive>true</isActive>'),
};

function replaceOnce(xml: string, from: string, to: string): string {
  const at = xml.indexOf(from);
  if (at < 0 || xml.indexOf(from, at + 1) >= 0)
    throw new Error(`expected exactly one ${from} in the deployed-inactive source`);
  return xml.slice(0, at) + to + xml.slice(at + from.length);
}

export interface ActivationOptions extends NetworkOptions {
  readonly project: Project;
  readonly connection: Connection;
  readonly activations: readonly Activation[];
  /** Deploys the set of activated components (deployProject's deploy, so the same rollback and errors). */
  readonly deploy: (set: ComponentSet) => Promise<{ readonly success: boolean; readonly summary: string }>;
  /** How often to read the status of what is waited for (default 5 s). */
  readonly pollMs?: number;
  /** How long to wait for it in all (default 15 min: matching rules over large tables take minutes). */
  readonly waitMinutes?: number;
  /** Tests pass a clock that does not sleep. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly onWaiting?: (line: string) => void;
}

export interface ActivationResult {
  /** `DuplicateRule Account.Account_Domain_Duplicates`, in the order given. */
  readonly activated: readonly string[];
}

const label = (c: { type: string; fullName: string }) => `${c.type} ${c.fullName}`;
const sleeping = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Waits until everything the activations wait for is active, then deploys the activated
 * components in one deploy. Throws (OrgToolkitError) naming the component when one failed to
 * activate or did not within the wait; the first phase's deploy stays (it succeeded).
 */
export async function activateDeployed(options: ActivationOptions): Promise<ActivationResult> {
  if (options.activations.length === 0) return { activated: [] };
  for (const a of options.activations)
    if (!ACTIVE_FORM[a.type])
      throw new OrgToolkitError(`${label(a)}: no activation step for type ${a.type}`, {
        name: 'ActivationUnsupported',
      });
  await waitUntilActive(options);
  const dir = await mkdtemp(join(tmpdir(), 'revops-activate-'));
  try {
    const set = await activatedComponents(options, dir);
    const outcome = await options.deploy(set);
    if (!outcome.success)
      throw new OrgToolkitError(`activating ${options.activations.map(label).join(', ')}: ${outcome.summary}`, {
        name: 'ActivationFailed',
        actions: [
          'The components stay deployed inactive; fix the failure and run the deploy again (it activates them then).',
        ],
      });
    return { activated: options.activations.map(label) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function waitUntilActive(options: ActivationOptions): Promise<void> {
  const byType = new Map<string, Set<string>>();
  for (const w of options.activations.flatMap((a) => a.waitFor)) {
    if (!READINESS[w.type])
      throw new OrgToolkitError(`${label(w)}: cannot tell when a ${w.type} is active`, {
        name: 'ActivationUnsupported',
      });
    byType.set(w.type, (byType.get(w.type) ?? new Set()).add(w.fullName));
  }
  const deadline = Date.now() + (options.waitMinutes ?? 15) * 60_000;
  const sleep = options.sleep ?? sleeping;
  for (;;) {
    const pending = await pendingComponents(options, byType);
    if (pending.length === 0) return;
    if (Date.now() >= deadline)
      throw new OrgToolkitError(`still not active after ${options.waitMinutes ?? 15} min: ${pending.join(', ')}`, {
        name: 'ActivationTimeout',
        actions: [
          'Matching rules over large tables take longer: run the deploy again later; it activates what is ready.',
        ],
      });
    options.onWaiting?.(`waiting for ${pending.join(', ')}`);
    await sleep(options.pollMs ?? 5000);
  }
}

/** The waited-for components not yet active (`MatchingRule X (Activating)`); throws on a failed one. */
async function pendingComponents(options: ActivationOptions, byType: Map<string, Set<string>>): Promise<string[]> {
  const pending: string[] = [];
  const target = options.connection.getUsername() ?? options.connection.instanceUrl;
  for (const [type, names] of byType) {
    const step: OrgStep = {
      org: target,
      url: options.connection.instanceUrl,
      login: target,
      doing: `reading ${type} status`,
    };
    const answer = await orgStep(
      step,
      () => options.connection.metadata.read(type as 'MatchingRule' /* a type READINESS knows */, [...names]),
      options,
    );
    const infos = (Array.isArray(answer) ? answer : [answer]) as unknown as Record<string, unknown>[];
    for (const fullName of names) {
      const info = infos.find((i) => i['fullName'] === fullName);
      const readiness = info ? READINESS[type]!(info) : ({ state: 'failed', status: 'not in the org' } as const);
      if (readiness.state === 'failed')
        throw new OrgToolkitError(`${type} ${fullName} is ${readiness.status}: what waits for it cannot be activated`, {
          name: 'ActivationFailed',
          actions: [`Look at ${type} ${fullName} in Setup; the components waiting for it stay deployed inactive.`],
        });
      if (readiness.state === 'pending') pending.push(`${type} ${fullName} (${readiness.status})`);
    }
  }
  return pending;
}

/** The activated components' sources, written under `dir` in their metadata folders, as a set. */
async function activatedComponents(options: ActivationOptions, dir: string): Promise<ComponentSet> {
  const sources = resolveComponents(options.project).getSourceComponents().toArray();
  const paths: string[] = [];
  for (const a of options.activations) {
    const component = sources.find((c) => c.type.name === a.type && c.fullName === a.fullName);
    if (!component?.xml)
      throw new OrgToolkitError(`${label(a)}: not in the project's source (run revops generate)`, {
        name: 'ActivationUnsupported',
      });
    const path = join(dir, basename(dirname(component.xml)), basename(component.xml));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, ACTIVE_FORM[a.type]!(await readFile(component.xml, 'utf8')));
    paths.push(path);
  }
  const set = ComponentSet.fromSource({ fsPaths: paths });
  set.sourceApiVersion = options.project.apiVersion;
  set.apiVersion = options.project.apiVersion;
  return set;
}
