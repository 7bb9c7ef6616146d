/**
 * `revops release` and `revops rollback`: an approved RFC's exact package to an org, and back.
 *
 * release: the RFC gate (`rfc check` for that RFC: approved, scope, risk, governance, approval
 * bound to the package's sha256) → one release per org (a lock in releases/, and no deploy
 * running in the org) → the package built from the commit → the rollback artifact retrieved
 * from the org → a validation with the RFC's tests (or one still valid for this exact package
 * and org) → a quick deploy of that validation (re-validated once if the org refuses the id;
 * never a deploy without tests) → the families' activations (a duplicate rule after its
 * matching rules are active) → the record (releases/<id>/release.json) and the git tag.
 * rollback: the recorded plan — flows the release added deactivated, what the org had
 * redeployed, what the release added deleted — and what cannot be undone, said.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatDeployFailures, type DeployOutcome, type TestLevel } from '../../org/index.ts';
import type { Activation } from '../../core/family.ts';
import { manifestXml } from '../diff/markdown.ts';
import type { DiffReport } from '../diff/index.ts';
import { ChangeError } from '../errors.ts';
import { Repo } from '../git.ts';
import { modelAt } from '../model-at.ts';
import { findRfc, rfcCheck, RFC_DIR } from '../rfc/index.ts';
import { lockOrg } from './lock.ts';
import type { ReleaseOrg } from './org.ts';
import { componentSetOf, writeReleasePackage, type ReleasePackage } from './package.ts';
import {
  readRecord,
  readRecords,
  releaseDir,
  releaseId,
  reusableValidation,
  writeRecord,
  type ReleaseRecord,
} from './record.ts';
import { rollbackPlan, rollbackRetrieveList } from './rollback-plan.ts';

export { ConnectionReleaseOrg, type ReleaseOrg } from './org.ts';
export { RELEASES_DIR, type ReleaseRecord } from './record.ts';

export const RELEASE_TAG_PREFIX = 'revops/release/';

export interface ReleaseOptions {
  readonly rfc: number;
  /** Base revision; default: the newest release tag. */
  readonly from?: string;
  /** The commit to release; default HEAD. */
  readonly to?: string;
  readonly org: ReleaseOrg;
  /** Stop after the validation: a later `release` quick-deploys it while the package is unchanged. */
  readonly validateOnly?: boolean;
  /** Tag the released commit (default true). */
  readonly tag?: boolean;
  readonly onProgress?: (line: string) => void;
  readonly now?: () => Date;
}

const stamp = (options: { now?: () => Date }) => (options.now?.() ?? new Date()).toISOString();

/** The gate: the RFC approves exactly this change, and rfcs/ on disk is what is committed. */
async function gate(root: string, options: ReleaseOptions) {
  const repo = new Repo(root);
  if (!(await repo.isRepository()))
    throw new ChangeError(`${root} is not a git repository`, 'Release from a clone of the project.');
  const dirty = (await repo.git(['status', '--porcelain', '--', RFC_DIR])).trim();
  if (dirty)
    throw new ChangeError(
      `release refused: ${RFC_DIR}/ has uncommitted changes (${dirty.split('\n')[0]!.trim()}); the RFC released is the committed one`,
      'Commit or discard the RFC changes, then release again.',
    );
  const check = await rfcCheck(root, { rfc: options.rfc, from: options.from, to: options.to ?? 'HEAD' });
  if (!check.ok)
    throw new ChangeError(
      `release refused: RFC ${options.rfc} does not approve this change: ${check.failures.join('; ')}`,
      `Run \`revops rfc check --rfc ${options.rfc}${options.from ? ` --from ${options.from}` : ''} --to HEAD\`, fix what it says, and have the approvers sign ${check.packageHash}.`,
    );
  if (!check.diff.components.length)
    throw new ChangeError(`release refused: nothing changed between ${check.diff.from.ref} and ${check.diff.to.ref}`);
  return { check, rfc: await findRfc(root, options.rfc) };
}

/** The activations of the released commit's families for the components this package deploys. */
async function activationsOf(root: string, report: DiffReport): Promise<Activation[]> {
  const at = await modelAt(new Repo(root), report.to.commit!);
  if ('unknown' in at) return [];
  const deployed = new Set(Object.entries(report.package).flatMap(([t, names]) => names.map((n) => `${t}:${n}`)));
  type WithActivations = { activations?: (model: unknown) => Activation[] };
  return ((at.loaded.families ?? []) as WithActivations[])
    .flatMap((f) => f.activations?.(at.loaded.model) ?? [])
    .filter((a) => deployed.has(`${a.type}:${a.fullName}`));
}

/** Retrieves what the org has of the package's components and writes the rollback package beside the release. */
async function prepareRollback(record: ReleaseRecord, report: DiffReport, org: ReleaseOrg, dir: string) {
  const out = join(dir, 'rollback');
  await rm(out, { recursive: true, force: true });
  await mkdir(join(out, 'source'), { recursive: true });
  const had = await org.retrieve(rollbackRetrieveList(report), join(out, 'source'));
  const plan = rollbackPlan(report, had);
  await writeFile(join(out, 'package.xml'), manifestXml(plan.restore, report.apiVersion));
  await writeFile(join(out, 'destructiveChanges.xml'), manifestXml(plan.remove, report.apiVersion));
  return { ...record, rollback: plan };
}

class DeployFailed extends ChangeError {}

function failed(what: string, outcome: DeployOutcome): DeployFailed {
  return new DeployFailed(
    `${what} failed (${outcome.id}): ${outcome.status}; nothing was changed in the org\n${formatDeployFailures(outcome)}`,
    'Fix the failures, commit, have the RFC approved for the new package, and release again.',
  );
}

/** Validates, unless a validation of this exact package is still usable; returns the record with it. */
async function validation(
  root: string,
  record: ReleaseRecord,
  set: Parameters<ReleaseOrg['validate']>[0],
  org: ReleaseOrg,
  options: ReleaseOptions,
  force = false,
) {
  const reuse = force ? undefined : reusableValidation(await readRecords(root), { ...record, org: org.username });
  if (reuse?.validation) {
    options.onProgress?.(
      `release: reusing validation ${reuse.validation.id} of release ${reuse.id} (same package, same tests)`,
    );
    return { ...record, validation: reuse.validation };
  }
  options.onProgress?.(`release: validating with ${record.testLevel}`);
  const outcome = await org.validate(set, record.testLevel as TestLevel, record.tests);
  if (!outcome.success) throw failed('validation', outcome);
  return { ...record, validation: { id: outcome.id, at: stamp(options), packageHash: record.packageHash } };
}

/** Quick-deploys the validation; when the org refuses the id (expired, org changed), validates once more. */
async function deployValidated(
  root: string,
  record: ReleaseRecord,
  set: Parameters<ReleaseOrg['validate']>[0],
  org: ReleaseOrg,
  options: ReleaseOptions,
) {
  let current = record;
  for (let attempt = 0; ; attempt++) {
    try {
      options.onProgress?.(`release: quick-deploying validation ${current.validation!.id}`);
      const outcome = await org.quickDeploy(current.validation!.id, set);
      if (!outcome.success) throw failed('quick deploy', outcome);
      return { ...current, deploy: { id: outcome.id, at: stamp(options) } };
    } catch (error) {
      const refused = (error as { name?: string }).name === 'QuickDeployRefused';
      if (!refused || attempt > 0) throw error;
      options.onProgress?.(`release: the org refused the validation (${(error as Error).message}); validating again`);
      current = await validation(root, current, set, org, options, true);
    }
  }
}

async function tagRelease(root: string, record: ReleaseRecord): Promise<void> {
  const message = `Release ${record.id}: RFC ${record.rfc} to ${record.org}\n\n${JSON.stringify({ package: record.package, destructive: record.destructive, packageHash: record.packageHash, deploy: record.deploy }, null, 2)}`;
  await new Repo(root).git(['tag', '-a', `${RELEASE_TAG_PREFIX}${record.id}`, record.to.commit, '-m', message]);
}

function initialRecord(
  id: string,
  check: Awaited<ReturnType<typeof gate>>,
  org: ReleaseOrg,
  options: ReleaseOptions,
): ReleaseRecord {
  const { diff: report, packageHash } = check.check;
  return {
    id,
    rfc: check.rfc.id,
    rfcFile: check.rfc.file,
    org: org.username,
    from: { ref: report.from.ref, commit: report.from.commit! },
    to: { ref: report.to.ref, commit: report.to.commit! },
    packageHash,
    apiVersion: report.apiVersion,
    testLevel: check.rfc.testLevel,
    tests: check.rfc.tests,
    package: report.package,
    destructive: report.destructive,
    status: 'validating',
    activations: [],
    startedAt: stamp(options),
  };
}

/** `revops release`: see the module comment. Every step is recorded as it completes; a failure is recorded too. */
export async function release(root: string, options: ReleaseOptions): Promise<ReleaseRecord> {
  const checked = await gate(root, options);
  const report = checked.check.diff;
  const id = releaseId(checked.rfc.id, options.now?.());
  const dir = releaseDir(root, id);
  const unlock = await lockOrg(root, options.org.username, id);
  let record = initialRecord(id, checked, options.org, options);
  try {
    const running = await options.org.runningDeploys();
    if (running.length)
      throw new ChangeError(
        `release refused: ${options.org.username} has deploys queued or running (${running.join(', ')}); one release at a time`,
        'Wait for them to finish (Setup → Deployment Status), then release again.',
      );
    await writeRecord(root, record);
    const pkg: ReleasePackage = await writeReleasePackage(root, report, join(dir, 'package'));
    const set = await componentSetOf(pkg, report.apiVersion);
    options.onProgress?.(`release ${id}: retrieving the rollback artifact`);
    record = await prepareRollback(record, report, options.org, dir);
    record = { ...(await validation(root, record, set, options.org, options)), status: 'validated' };
    await writeRecord(root, record);
    if (options.validateOnly) return record;
    record = { ...(await deployValidated(root, { ...record, status: 'deploying' }, set, options.org, options)) };
    await writeRecord(root, record);
    const activations = [];
    for (const a of await activationsOf(root, report)) activations.push(await options.org.activate(a));
    record = { ...record, activations, status: 'released', finishedAt: stamp(options) };
    await writeRecord(root, record);
    // The org has the release and the record says so: a tag that cannot be written (no git identity) is a warning.
    if (options.tag !== false)
      await tagRelease(root, record).catch((error: Error) =>
        options.onProgress?.(`release ${id}: released and recorded, but the git tag was not created: ${error.message}`),
      );
    return record;
  } catch (error) {
    // After the deploy the org has the release: it is recorded as released, with what failed after it.
    const stopped = {
      ...record,
      status: record.deploy ? ('released' as const) : ('failed' as const),
      error: (error as Error).message.split('\n')[0],
      finishedAt: stamp(options),
    };
    await writeRecord(root, stopped).catch(() => undefined);
    throw error;
  } finally {
    await unlock();
  }
}

export interface RollbackOptions {
  readonly release: string;
  readonly org: ReleaseOrg;
  readonly onProgress?: (line: string) => void;
  readonly now?: () => Date;
}

/** `revops rollback`: the recorded plan, as one deploy with the release's tests. */
export async function rollback(root: string, options: RollbackOptions): Promise<ReleaseRecord> {
  const record = await readRecord(root, options.release);
  const plan = record.rollback;
  if (!plan || !record.deploy)
    throw new ChangeError(
      `release ${record.id}: nothing to roll back (status ${record.status}: it never deployed)`,
      'Only a release that deployed has a rollback.',
    );
  if (record.rolledBack) throw new ChangeError(`release ${record.id}: already rolled back (${record.rolledBack.id})`);
  if (record.org !== options.org.username)
    throw new ChangeError(
      `release ${record.id} went to ${record.org}, not ${options.org.username}`,
      `Pass --target-org ${record.org}.`,
    );
  const unlock = await lockOrg(root, options.org.username, `rollback-${record.id}`);
  try {
    for (const flow of plan.deactivateFlows) {
      options.onProgress?.(`rollback: deactivating flow ${flow}`);
      await options.org.deactivateFlow(flow);
    }
    const dir = join(releaseDir(root, record.id), 'rollback');
    const set = await componentSetOf(
      {
        dir,
        packageXml: join(dir, 'package.xml'),
        destructiveXml: join(dir, 'destructiveChanges.xml'),
        sourceDirs: [join(dir, 'source')],
      },
      record.apiVersion,
    );
    options.onProgress?.(`rollback: deploying the rollback of ${record.id} with ${record.testLevel}`);
    const outcome = await options.org.deploy(set, record.testLevel as TestLevel, record.tests);
    if (!outcome.success) throw failed('rollback deploy', outcome);
    const done: ReleaseRecord = {
      ...record,
      status: 'rolled-back',
      rolledBack: { id: outcome.id, at: stamp(options) },
    };
    await writeRecord(root, done);
    return done;
  } finally {
    await unlock();
  }
}
