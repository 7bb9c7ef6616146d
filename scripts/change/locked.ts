/**
 * Which components the model marks locked, at a revision. `locked` lives on the model's
 * definitions (families expose them through their `lockable` hook, which plan counts); every
 * definition carries a `kind`, which is enough to name the component it generates — so no
 * extra governance hook is needed in the families. A locked object locks what hangs off it
 * (its fields, rules, record types).
 *
 * The model of an older revision is read from that revision: `model/` and `scripts/` are
 * extracted from git into a scratch folder inside the project (so node_modules resolves), the
 * model is imported there, and the answer is cached by the two trees' hashes in out/change/, so
 * a revision's model is loaded once.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WORKING_TREE, type Repo } from './git.ts';

/** `Type:FullName` of every locked component. */
export type LockedSet = ReadonlySet<string>;

export const lockKey = (type: string, fullName: string): string => `${type}:${fullName}`;

interface Definition {
  readonly kind?: string;
  readonly locked?: boolean;
  readonly name?: string;
  readonly object?: string;
  readonly type?: string;
  readonly apiName?: string;
  readonly fields?: Record<string, { readonly locked?: boolean }>;
}

interface ModelView {
  readonly objects?: readonly Definition[];
  readonly validationRules?: readonly Definition[];
  readonly recordTypes?: readonly Definition[];
  readonly businessProcesses?: readonly Definition[];
}

/** The component each kind of definition generates. */
function componentsOf(d: Definition): string[] {
  switch (d.kind) {
    case 'object':
      return [lockKey('CustomObject', d.apiName!)];
    case 'validationRule':
      return [lockKey('ValidationRule', `${d.object}.${d.name}`)];
    case 'recordType':
      return [lockKey('RecordType', `${d.object}.${d.name}`)];
    case 'businessProcess':
      return [lockKey('BusinessProcess', `${d.object}.${d.name}`)];
    case 'globalValueSet':
      return [lockKey('GlobalValueSet', d.name!)];
    case 'flow':
      return [lockKey('Flow', d.name!)];
    case 'permissionSet':
      return [lockKey('PermissionSet', d.name!)];
    case 'customPermission':
      return [lockKey('CustomPermission', d.name!)];
    case 'customMetadataRecord':
      return [lockKey('CustomMetadata', `${d.type!.replace(/__mdt$/, '')}.${d.name}`)];
    case 'opportunityStages':
      return [lockKey('StandardValueSet', 'OpportunityStage')];
    case 'leadStatuses':
      return [lockKey('StandardValueSet', 'LeadStatus')];
    default:
      return [];
  }
}

/** Locked components of a loaded model, given its families (each family's `lockable` hook). */
export function lockedComponentsOf(
  model: ModelView,
  families: readonly { lockable?(model: never): readonly { readonly locked?: boolean }[] }[],
): Set<string> {
  const locked = new Set<string>();
  for (const family of families)
    for (const d of (family.lockable?.(model as never) ?? []) as Definition[])
      if (d.locked) for (const key of componentsOf(d)) locked.add(key);
  // Fields carry no name of their own: their object's key names them. A locked object locks its children.
  for (const object of model.objects ?? []) {
    for (const [name, field] of Object.entries(object.fields ?? {}))
      if (field.locked || object.locked) locked.add(lockKey('CustomField', `${object.apiName}.${name}`));
    if (!object.locked) continue;
    for (const child of [
      ...(model.validationRules ?? []),
      ...(model.recordTypes ?? []),
      ...(model.businessProcesses ?? []),
    ])
      if (child.object === object.apiName) for (const key of componentsOf(child)) locked.add(key);
  }
  return locked;
}

/**
 * Loads `model/index.ts` under `root` (a project or an extracted revision) and asks its
 * families' `lockable` hooks; a revision older than the family registry is read section by
 * section (every definition there carries `kind` and `locked` too).
 */
async function lockedAt(root: string): Promise<Set<string>> {
  const url = (path: string) => pathToFileURL(join(root, path)).href;
  const { default: model } = (await import(url('model/index.ts'))) as { default: ModelView };
  const registry = (await import(url('scripts/families/registry.ts')).catch(() => undefined)) as
    { FAMILIES: Parameters<typeof lockedComponentsOf>[1] } | undefined;
  const sections = Object.values(model as Record<string, unknown>).flatMap((s) => (Array.isArray(s) ? s : [s]));
  const everySection = [
    { lockable: () => sections.filter((d): d is Definition => Boolean(d && typeof d === 'object')) },
  ];
  return lockedComponentsOf(model, registry?.FAMILIES ?? everySection);
}

/** Bumped when what is cached changes meaning. */
const CACHE_VERSION = 1;

const exec = (cmd: string, args: string[], cwd: string) =>
  new Promise<string>((resolve, reject) =>
    execFile(cmd, args, { cwd, maxBuffer: 1 << 28 }, (e, out, err) =>
      e ? reject(new Error(err || e.message)) : resolve(out),
    ),
  );

export interface LockedLookup {
  readonly locked: LockedSet;
  /** Why the model could not be read at this revision (a revision without a model, or one that does not load). */
  readonly unknown?: string;
}

/** The locked components at a revision (WORKING_TREE: the project on disk). */
export async function lockedComponents(repo: Repo, rev: string): Promise<LockedLookup> {
  const key = rev === WORKING_TREE ? await workingTreeKey(repo.root) : await treeKey(repo, rev);
  if (!key) return { locked: new Set(), unknown: `no model/ at ${rev.slice(0, 12)}` };
  const cache = join(repo.root, 'out', 'change', 'locked', `v${CACHE_VERSION}-${key}.json`);
  const cached = await readFile(cache, 'utf8').catch(() => undefined);
  if (cached) {
    const stored = JSON.parse(cached) as { locked: string[]; unknown?: string };
    return { locked: new Set(stored.locked), ...(stored.unknown ? { unknown: stored.unknown } : {}) };
  }
  const result = rev === WORKING_TREE ? await loadWorkingTree(repo.root) : await loadRevision(repo, rev, key);
  await mkdir(join(repo.root, 'out', 'change', 'locked'), { recursive: true });
  await writeFile(cache, JSON.stringify(result));
  return { locked: new Set(result.locked), ...(result.unknown ? { unknown: result.unknown } : {}) };
}

async function loadWorkingTree(root: string): Promise<{ locked: string[]; unknown?: string }> {
  try {
    return { locked: [...(await lockedAt(root))].sort() };
  } catch (error) {
    return { locked: [], unknown: `the model does not load: ${(error as Error).message.split('\n')[0]}` };
  }
}

async function loadRevision(repo: Repo, rev: string, key: string): Promise<{ locked: string[]; unknown?: string }> {
  const scratch = join(repo.root, 'out', 'change', 'snapshots', key);
  try {
    await rm(scratch, { recursive: true, force: true });
    await mkdir(scratch, { recursive: true });
    await exec('sh', ['-c', `git archive --format=tar ${rev} model scripts | tar -x -C "${scratch}"`], repo.root);
    return { locked: [...(await lockedAt(scratch))].sort() };
  } catch (error) {
    const why = (error as Error).message.split('\n')[0];
    return { locked: [], unknown: `the model at ${rev.slice(0, 12)} does not load: ${why}` };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The git trees of model/ and scripts/ at a revision: what the locked set depends on. */
async function treeKey(repo: Repo, rev: string): Promise<string | undefined> {
  const trees = await repo.git(['rev-parse', `${rev}:model`, `${rev}:scripts`]).catch(() => undefined);
  return trees ? createHash('sha256').update(trees).digest('hex').slice(0, 40) : undefined;
}

/** A hash of every file under model/ and scripts/ on disk (reading ~300 small files costs less than loading the model). */
async function workingTreeKey(root: string): Promise<string | undefined> {
  const hash = createHash('sha256');
  let files = 0;
  for (const dir of ['model', 'scripts']) {
    const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .sort((a, b) => (join(a.parentPath, a.name) < join(b.parentPath, b.name) ? -1 : 1))) {
      const path = join(e.parentPath, e.name);
      hash
        .update(path.slice(root.length))
        .update('\0')
        .update(await readFile(path))
        .update('\0');
      files++;
    }
  }
  return files ? hash.digest('hex').slice(0, 40) : undefined;
}
