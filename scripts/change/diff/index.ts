/**
 * `revops diff`: the components that changed between two revisions (the same lists as
 * sfdx-git-delta's package.xml and destructiveChanges.xml) and, for each, how it changed at the
 * level a reviewer cares about, with the risks that follow (data loss, permission broadening,
 * destructive changes, locked definitions). A library function: the command prints it, `rfc
 * check` and `release` gate on it, the tests call it.
 */
import { WORKING_TREE, Repo } from '../git.ts';
import { ChangeError } from '../errors.ts';
import { lockedComponents, lockKey, type LockedSet } from '../locked.ts';
import { componentDiff, type ComponentChange, type Members } from './components.ts';
import { describerOf } from './families/index.ts';
import { typeRegistry } from './registry.ts';
import { RISK_ORDER, type ComponentReport, type Risk, type RiskLevel } from './types.ts';
import { parseXml, rootOf } from './xml.ts';

export { WORKING_TREE } from '../git.ts';
export type * from './types.ts';

/** Release tags: `revops/release/<release id>`, created by `revops release`. */
export const RELEASE_TAG_PATTERN = 'revops/release/*';

export interface DiffOptions {
  /** Base revision; default: the newest release tag reachable from HEAD. */
  readonly from?: string;
  /** A revision, or WORKING_TREE (the default): what is on disk, committed or not. */
  readonly to?: string;
  /** Look up locked definitions in the model at both revisions (default true). */
  readonly locks?: boolean;
}

export interface Revision {
  /** As given (`main`, `HEAD~3`, a tag) or `working tree`. */
  readonly ref: string;
  /** The commit, or undefined for the working tree. */
  readonly commit?: string;
}

export interface DiffReport {
  readonly from: Revision;
  readonly to: Revision;
  readonly apiVersion: string;
  readonly packageDirectories: readonly string[];
  /** `package.xml`: what deploys, by type. */
  readonly package: Readonly<Record<string, readonly string[]>>;
  /** `destructiveChanges.xml`: what is deleted, by type. */
  readonly destructive: Readonly<Record<string, readonly string[]>>;
  readonly components: readonly ComponentReport[];
  readonly summary: {
    readonly components: number;
    readonly added: number;
    readonly modified: number;
    readonly deleted: number;
    readonly locked: number;
    /** The highest risk of any change: the floor for an RFC's `risk`. */
    readonly riskFloor: RiskLevel;
    readonly risks: Readonly<Record<RiskLevel, number>>;
  };
  /** Definitions whose `locked` flag itself changed between the revisions (an RFC must cover these too). */
  readonly lockChanges: { readonly locked: readonly string[]; readonly unlocked: readonly string[] };
  /** Why locked definitions could not be read at a revision, if so. */
  readonly lockWarnings: readonly string[];
  readonly warnings: readonly string[];
  readonly durationMs: number;
}

interface ProjectFile {
  packageDirectories?: { path: string }[];
  sourceApiVersion?: string;
}

/** The package directories and API version of sfdx-project.json at a revision. */
async function projectAt(repo: Repo, rev: string): Promise<{ dirs: string[]; apiVersion: string }> {
  const text = await repo.readText(rev, 'sfdx-project.json');
  const where = rev === WORKING_TREE ? 'sfdx-project.json' : `sfdx-project.json at ${rev.slice(0, 12)}`;
  if (text === undefined)
    throw new ChangeError(`${where}: not found`, 'Run revops from the root of a Salesforce DX project.');
  let json: ProjectFile;
  try {
    json = JSON.parse(text) as ProjectFile;
  } catch (error) {
    throw new ChangeError(`${where}: not valid JSON (${(error as Error).message})`, 'Fix the file and run it again.');
  }
  return {
    dirs: (json.packageDirectories ?? []).map((d) => d.path.replace(/^\.\//, '').replace(/\/$/, '')),
    apiVersion: json.sourceApiVersion ?? '66.0',
  };
}

/** The newest release tag reachable from HEAD, or a one-line error saying to pass --from. */
export async function lastReleaseTag(repo: Repo): Promise<string> {
  const [tag] = await repo.tags(RELEASE_TAG_PATTERN);
  if (!tag)
    throw new ChangeError(
      'no release tag yet (revops/release/*): there is no last release to compare with',
      'Pass --from <ref> (for a pull request, its base branch: --from origin/main).',
    );
  return tag;
}

const record = (members: Members): Record<string, string[]> =>
  Object.fromEntries(
    [...members.entries()]
      .filter(([, m]) => m.size)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([type, m]) => [type, [...m].sort((a, b) => a.localeCompare(b))]),
  );

export async function diff(root: string, options: DiffOptions = {}): Promise<DiffReport> {
  const start = performance.now();
  const repo = new Repo(root);
  const fromRef = options.from ?? (await lastReleaseTag(repo));
  const toRef = options.to ?? WORKING_TREE;
  const [from, to] = await Promise.all([
    repo.commit(fromRef, '--from'),
    toRef === WORKING_TREE ? WORKING_TREE : repo.commit(toRef, '--to'),
  ]);
  // Both project files in one git process.
  await repo.prefetch([
    { rev: to, path: 'sfdx-project.json' },
    { rev: to, path: '.forceignore' },
  ]);
  const project = await projectAt(repo, to);
  const locking =
    options.locks === false ? undefined : Promise.all([lockedComponents(repo, from), lockedComponents(repo, to)]);
  const changes = await repo.changedPaths(from, to, project.dirs);
  const forceignore = await repo.readText(to, '.forceignore');
  const components = await componentDiff(repo, typeRegistry(), { from, to }, changes, {
    forceignore,
    sourceDirs: project.dirs,
  });
  const [before, after] = (await locking) ?? [{ locked: new Set<string>() }, { locked: new Set<string>() }];
  const locked: LockedSet = new Set([...before.locked, ...after.locked]);
  const reports = await describeAll(repo, { from, to }, components.components, locked);
  const risks: Record<RiskLevel, number> = { low: 0, medium: 0, high: 0 };
  for (const r of reports.flatMap((c) => c.risks)) risks[r.level]++;
  // A definition that exists on both sides and whose flag flipped (a new locked component is not a lock change).
  const addedKeys = new Set(reports.filter((c) => c.change === 'added').map((c) => lockKey(c.type, c.fullName)));
  const deletedKeys = new Set(reports.filter((c) => c.change === 'deleted').map((c) => lockKey(c.type, c.fullName)));
  const lockChanges = {
    locked: [...after.locked].filter((k) => !before.locked.has(k) && !addedKeys.has(k)).sort(),
    unlocked: [...before.locked].filter((k) => !after.locked.has(k) && !deletedKeys.has(k)).sort(),
  };
  // A locked flag that changed is itself a governance change, even when no metadata changed.
  const floor: RiskLevel = risks.high > 0 ? 'high' : risks.medium > 0 || lockChanges.unlocked.length ? 'medium' : 'low';
  return {
    from: { ref: fromRef, commit: from },
    to: to === WORKING_TREE ? { ref: 'working tree' } : { ref: toRef, commit: to },
    apiVersion: project.apiVersion,
    packageDirectories: project.dirs,
    package: record(components.package),
    destructive: record(components.destructive),
    components: reports,
    summary: {
      components: reports.length,
      added: reports.filter((c) => c.change === 'added').length,
      modified: reports.filter((c) => c.change === 'modified').length,
      deleted: reports.filter((c) => c.change === 'deleted').length,
      locked: reports.filter((c) => c.locked).length,
      riskFloor: floor,
      risks,
    },
    lockChanges,
    lockWarnings: [before.unknown, after.unknown].filter((w): w is string => Boolean(w)),
    warnings: [...components.warnings],
    durationMs: Math.round(performance.now() - start),
  };
}

/** The file a component's XML is read from: its own `-meta.xml`, or the shared file it lives in. */
function xmlPathOf(c: ComponentChange): string | undefined {
  if (c.inFile) return c.inFile.path;
  return c.paths.find(
    (p) => p.endsWith('-meta.xml') && !/\.(js|cls|trigger|page|component|resource|cmp)-meta\.xml$/.test(p),
  );
}

async function describeAll(
  repo: Repo,
  revs: { from: string; to: string },
  components: readonly ComponentChange[],
  locked: LockedSet,
): Promise<ComponentReport[]> {
  // Every file any handler reads, in one cat-file batch per revision.
  await repo.prefetch(
    components.flatMap((c) =>
      c.paths.flatMap((path) => [
        { rev: revs.from, path },
        { rev: revs.to, path },
      ]),
    ),
  );
  // Components inside one shared file (labels, matching rules) read it parsed once, not once each.
  const parsed = new Map<string, Promise<Record<string, unknown>>>();
  const parse = (rev: string, path: string) => {
    const key = `${rev}:${path}`;
    if (!parsed.has(key))
      parsed.set(
        key,
        repo.readText(rev, path).then((t) => rootOf(parseXml(t ?? ''))),
      );
    return parsed.get(key)!;
  };
  return Promise.all(
    components.map(async (c) => {
      const [before, after, beforeText, afterText] = await versionsOf(repo, revs, c, parse);
      const details = describerOf(c.type)({
        type: c.type,
        fullName: c.fullName,
        change: c.change,
        before,
        after,
        beforeText,
        afterText,
      });
      const isLocked = locked.has(lockKey(c.type, c.fullName));
      const own: Risk[] = [];
      if (c.change === 'deleted')
        own.push({ level: 'high', category: 'destructive', reason: `${c.type} ${c.fullName} is deleted from the org` });
      if (isLocked)
        own.push({
          level: 'medium',
          category: 'locked',
          reason: 'a locked definition: an approver with the governance role must sign the RFC',
        });
      const risks = [...details.flatMap((d) => (d.risk ? [d.risk] : [])), ...own].sort(
        (a, b) => RISK_ORDER[b.level] - RISK_ORDER[a.level],
      );
      return { type: c.type, fullName: c.fullName, change: c.change, paths: c.paths, locked: isLocked, details, risks };
    }),
  );
}

type Versions = [Record<string, unknown>, Record<string, unknown>, string | undefined, string | undefined];

async function versionsOf(
  repo: Repo,
  revs: { from: string; to: string },
  c: ComponentChange,
  parse: (rev: string, path: string) => Promise<Record<string, unknown>>,
): Promise<Versions> {
  const xmlPath = xmlPathOf(c);
  if (!xmlPath) {
    // Source that is not XML (Apex, LWC): compare the text of the files that changed.
    const read = (rev: string) => Promise.all(c.paths.map((p) => repo.readText(rev, p))).then((t) => t.join('\n'));
    const [a, b] = await Promise.all([read(revs.from), read(revs.to)]);
    return [{}, {}, a, b];
  }
  let [before, after] = await Promise.all([parse(revs.from, xmlPath), parse(revs.to, xmlPath)]);
  if (c.inFile) {
    const pick = (root: Record<string, unknown>) => {
      const list = root[c.inFile!.tag];
      const items = (Array.isArray(list) ? list : list ? [list] : []) as Record<string, unknown>[];
      return items.find((i) => i[c.inFile!.key] === c.inFile!.name) ?? {};
    };
    before = pick(before);
    after = pick(after);
  }
  return [before, after, undefined, undefined];
}
