/**
 * What `revops release` records: one folder per release, `releases/<id>/`, with `release.json`
 * (what was released, under which RFC and package hash, the validation and deploy ids, the
 * activations, what cannot be rolled back), `package/` (the exact package) and `rollback/` (what
 * the org had before: retrieved source, and destructive changes for what the release added).
 * The release is also a git tag, `revops/release/<id>`, on the released commit: `diff` and
 * `impact` start from the newest one. A CI job keeps the folder as a build artifact.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ChangeError } from '../errors.ts';

export const RELEASES_DIR = 'releases';

export type ReleaseStatus = 'validating' | 'validated' | 'deploying' | 'released' | 'failed' | 'rolled-back';

export interface ActivationOutcome {
  readonly type: string;
  readonly fullName: string;
  readonly state: 'activated' | 'already-active' | 'failed';
  readonly message?: string;
}

export interface RollbackPlan {
  /** Components retrieved from the org before the release: deploying them restores the org's version. */
  readonly restore: Readonly<Record<string, readonly string[]>>;
  /** Components the release added (the org did not have them): deleting them undoes the release. */
  readonly remove: Readonly<Record<string, readonly string[]>>;
  /** Flows among `remove`: deactivated through their FlowDefinition before they can be deleted. */
  readonly deactivateFlows: readonly string[];
  /** What a rollback cannot give back, one line each (data of deleted fields, converted values). */
  readonly irreversible: readonly string[];
}

export interface ReleaseRecord {
  readonly id: string;
  readonly rfc: number;
  readonly rfcFile: string;
  /** The username the release went to. */
  readonly org: string;
  readonly from: { readonly ref: string; readonly commit: string };
  readonly to: { readonly ref: string; readonly commit: string };
  /** `sha256:…` of the package, as `rfc check` computes it and approvers signed. */
  readonly packageHash: string;
  readonly apiVersion: string;
  readonly testLevel: string;
  readonly tests: readonly string[];
  readonly package: Readonly<Record<string, readonly string[]>>;
  readonly destructive: Readonly<Record<string, readonly string[]>>;
  readonly status: ReleaseStatus;
  readonly validation?: { readonly id: string; readonly at: string; readonly packageHash: string };
  readonly deploy?: { readonly id: string; readonly at: string };
  readonly activations: readonly ActivationOutcome[];
  readonly rollback?: RollbackPlan;
  readonly rolledBack?: { readonly id: string; readonly at: string };
  readonly startedAt: string;
  readonly finishedAt?: string;
  /** Why it stopped, when it failed. */
  readonly error?: string;
}

/** `20261130-104512-rfc7`: sortable, and names the RFC. */
export const releaseId = (rfc: number, now = new Date()): string =>
  `${now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}-rfc${rfc}`;

export const releaseDir = (root: string, id: string) => join(root, RELEASES_DIR, id);

/** Written whole (a temporary file renamed over it), so a stopped release never leaves half a record. */
export async function writeRecord(root: string, record: ReleaseRecord): Promise<void> {
  const dir = releaseDir(root, record.id);
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'release.json');
  await writeFile(`${file}.tmp`, `${JSON.stringify(record, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
}

export async function readRecord(root: string, id: string): Promise<ReleaseRecord> {
  const file = join(RELEASES_DIR, id, 'release.json');
  const text = await readFile(join(root, file), 'utf8').catch(() => undefined);
  if (text === undefined)
    throw new ChangeError(
      `release ${id}: no ${file} here`,
      `List the releases with \`ls ${RELEASES_DIR}/\` (a CI release keeps the folder as the job's artifact).`,
    );
  try {
    return JSON.parse(text) as ReleaseRecord;
  } catch (error) {
    throw new ChangeError(`${file}: not valid JSON (${(error as Error).message})`, 'Restore it from the artifact.');
  }
}

/** Every release record, oldest first. */
export async function readRecords(root: string): Promise<ReleaseRecord[]> {
  const ids = (await readdir(join(root, RELEASES_DIR)).catch(() => [])).filter((n) => /^\d{8}-\d{6}-rfc\d+$/.test(n));
  const records = await Promise.all(ids.sort().map((id) => readRecord(root, id).catch(() => undefined)));
  return records.filter((r): r is ReleaseRecord => r !== undefined);
}

/** Salesforce keeps a validation quick-deployable for 10 days; a margin of one hour. */
const VALIDATION_LIFETIME_MS = 10 * 24 * 3600_000 - 3600_000;

/**
 * A validation of this exact package (same hash, same org, same tests) that can still be
 * quick-deployed: a release that was validated and not deployed (`release --validate-only`),
 * whose validation no later release has deployed.
 */
export function reusableValidation(
  records: readonly ReleaseRecord[],
  wanted: { rfc: number; org: string; packageHash: string; testLevel: string },
  now = Date.now(),
): ReleaseRecord | undefined {
  // A validation is deployed once: one a release already quick-deployed is spent.
  const spent = new Set(records.filter((r) => r.deploy).map((r) => r.validation?.id));
  return records
    .filter(
      (r) =>
        r.status === 'validated' &&
        !spent.has(r.validation?.id) &&
        r.rfc === wanted.rfc &&
        r.org === wanted.org &&
        r.testLevel === wanted.testLevel &&
        r.validation?.packageHash === wanted.packageHash &&
        now - Date.parse(r.validation.at) < VALIDATION_LIFETIME_MS,
    )
    .at(-1);
}
