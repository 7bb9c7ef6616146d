/**
 * Which components changed between two revisions: the package.xml-style lists (`package` and
 * `destructiveChanges`) that sfdx-git-delta would write for the same pair, computed the way it
 * computes them — one handler per kind of layout (a file per component, a child in its object's
 * folder, a bundle folder, a component inside a shared file, a folder type...) picked by the
 * path's metadata type — so that the two lists are equal (tests/change/oracle.test.ts holds
 * this against sfdx-git-delta itself). Each entry also keeps the paths it came from and, for a
 * component inside a shared file, where in the file it lives, for the family handlers that say
 * how it changed.
 */
import { createRequire } from 'node:module';
import { posix } from 'node:path';
import type { Ignore } from 'ignore';
import type { ChangedPath, ChangeKind, Repo } from '../git.ts';
import { type TypeDef, type TypeRegistry } from './registry.ts';
import { childrenOf, parseXml, rootOf, sameXml, type XmlNode } from './xml.ts';

export type Change = 'added' | 'modified' | 'deleted';

export interface ComponentChange {
  readonly type: string;
  readonly fullName: string;
  readonly change: Change;
  /** Repository paths whose change put the component on the list. */
  readonly paths: readonly string[];
  /** For a component inside a shared file: the element holding it (`matchingRules`) and its key. */
  readonly inFile?: { readonly path: string; readonly tag: string; readonly key: string; readonly name: string };
}

export type Members = Map<string, Set<string>>;

export interface ComponentDiff {
  /** What deploys: added and modified components, by type. */
  readonly package: Members;
  /** What is deleted: `destructiveChanges.xml`. */
  readonly destructive: Members;
  readonly components: readonly ComponentChange[];
  readonly warnings: readonly string[];
}

interface Context {
  readonly repo: Repo;
  readonly registry: TypeRegistry;
  readonly from: string;
  readonly to: string;
}

/** One changed path, as every handler reads it. */
interface Line {
  readonly kind: ChangeKind;
  /** The path as git gave it. */
  readonly path: string;
  readonly type: TypeDef;
  readonly parts: readonly string[];
  /** Extension after removing `-meta.xml` (`cls`, `field`, `reportFolder`). */
  readonly ext: string;
  readonly parentFolder: string;
}

interface Entry {
  readonly store: 'package' | 'destructive';
  readonly type: string;
  readonly member: string;
  readonly change: Change;
  readonly path: string;
  readonly inFile?: ComponentChange['inFile'];
}

type Handle = (line: Line, ctx: Context) => Promise<Entry[]> | Entry[];

const META = /-meta\.xml$/;

// `ignore` is CommonJS whose typings declare an ES default export: require it to get the factory.
const ignore = createRequire(import.meta.url)('ignore') as () => Ignore;

function lineOf(change: ChangedPath, type: TypeDef): Line {
  const parts = change.path.split('/');
  // A content file's meta file names the same component (`A.cls-meta.xml` is `A.cls`).
  const path = type.metaFile ? change.path.replace('-meta.xml', '') : change.path;
  const parsed = posix.parse(path);
  return {
    kind: change.kind,
    path: change.path,
    type,
    parts,
    ext: parsed.base.replace('-meta.xml', '').split('.').pop() ?? '',
    parentFolder: parsed.dir.split('/').slice(-1)[0] ?? '',
  };
}

const changeOf = (kind: ChangeKind): Change => (kind === 'A' ? 'added' : kind === 'D' ? 'deleted' : 'modified');

const entry = (line: Line, type: string, member: string, store?: Entry['store']): Entry => ({
  store: store ?? (line.kind === 'D' ? 'destructive' : 'package'),
  type,
  member,
  change: changeOf(line.kind),
  path: line.path,
});

/** `classes/A.cls-meta.xml` → `A`: the file name without `-meta.xml` and its last extension. */
function standardName(line: Line): string {
  const at = line.parts.findIndex((p) => p.includes('-meta.xml'));
  return posix.parse(
    line.parts
      .slice(at - 1)
      .join('/')
      .replace(META, ''),
  ).name;
}

/** A child in its parent's folder (`objects/Account/fields/X__c.field-meta.xml` → `Account.X__c`). */
function childName(line: Line): string {
  const parent = line.parts[line.parts.indexOf(line.type.directoryName ?? '') - 1];
  return `${parent}.${standardName(line)}`;
}

/** Below a folder type (`reports/Pipeline/Open.report-meta.xml` → `Pipeline/Open`). */
function inFolderName(line: Line): string {
  return line.parts
    .slice(line.parts.indexOf(line.type.directoryName ?? '') + 1)
    .join('/')
    .replace(META, '')
    .replace(/Folder$/, '')
    .replace(/\.[^/.]+$/, '');
}

/** A bundle or resource folder (`lwc/checklist/checklist.js` → `checklist`). */
function resourceName(line: Line): string {
  const base =
    !line.type.excluded && line.ext === line.type.suffix
      ? line.parts[line.parts.length - 1]!
      : line.parts[line.parts.lastIndexOf(line.type.directoryName ?? '') + 1]!;
  return posix.parse(base.replace(META, '')).name;
}

const standard =
  (name: (line: Line) => string, processable = (line: Line) => line.type.suffix === line.ext): Handle =>
  (line) =>
    processable(line) ? [entry(line, line.type.xmlName, name(line))] : [];

const inFolderProcessable = (line: Line) =>
  line.type.suffix === line.ext || line.parentFolder !== line.type.directoryName || line.ext.endsWith('Folder');

/** Reports and dashboards: the folder's own file is a ReportFolder / DashboardFolder. */
const reportingFolder: Handle = (line, ctx) => {
  if (!inFolderProcessable(line)) return [];
  const type = ctx.registry.sharedContent.get(line.ext);
  return type ? [entry(line, type, inFolderName(line))] : [];
};

/** Wave, bots, discovery, moderation: one folder, the extension says the type. */
const sharedFolder: Handle = (line, ctx) => {
  const type = ctx.registry.sharedContent.get(line.ext);
  if (line.type.suffix !== line.ext && !type) return [];
  return [entry(line, type ?? line.type.xmlName, standardName(line))];
};

/**
 * A folder that is one component (static resources, experiences, LWC and Aura bundles): a file
 * deleted from it changes the component unless the whole folder is gone.
 */
const resource =
  (processable: (line: Line) => boolean = () => true, name: (line: Line) => string = resourceName): Handle =>
  async (line, ctx) => {
    if (!processable(line)) return [];
    if (line.kind === 'D') {
      const dir = line.parts.lastIndexOf(line.type.directoryName ?? '');
      const folder = line.parts.slice(0, dir + 2).join('/');
      if (await ctx.repo.exists(ctx.to, folder))
        return [{ ...entry(line, line.type.xmlName, name(line), 'package'), change: 'modified' }];
    }
    return [entry(line, line.type.xmlName, name(line))];
  };

const bundle: Handle = resource(
  (line) => line.parentFolder !== line.type.directoryName,
  (line) => resourceName(line),
);

/** `digitalExperiences/site/home/...` → `site/home`. */
const inBundle: Handle = resource(undefined, (line) =>
  line.parts
    .slice(line.parts.indexOf(line.type.directoryName ?? '') + 1)
    .slice(0, 2)
    .join('/')
    .replace(META, '')
    .replace(new RegExp(`\\.${line.type.suffix}$`), ''),
);

/** Permission sets, monolithic or decomposed into a folder. */
const containedDecomposed: Handle = async (line, ctx) => {
  const parsed = posix.parse(line.path);
  const decomposed = !parsed.base.includes(`.${line.type.suffix}`) || parsed.dir.split('/').pop() === parsed.name;
  const holder = decomposed
    ? posix.parse(line.parts.slice(0, line.parts.at(-2) === 'objectSettings' ? -2 : -1).join('/'))
    : posix.parse(line.path.replace('-meta.xml', '').replace(`.${line.type.suffix}`, ''));
  const name = holder.base;
  if (line.kind === 'D' && decomposed && (await ctx.repo.exists(ctx.to, posix.join(holder.dir, holder.base))))
    return [{ ...entry(line, line.type.xmlName, name, 'package'), change: 'modified' }];
  return [entry(line, line.type.xmlName, name)];
};

/**
 * A file of components (workflows, sharing rules, matching rules, labels, profiles): the
 * components inside it that were added or changed deploy, those gone are destructive, and the
 * file's own type deploys whenever anything in it changed.
 */
function inFile(options: { qualified: boolean; container: boolean }): Handle {
  return async (line, ctx) => {
    if (line.type.suffix !== line.ext) return [];
    if (line.kind === 'D' && line.type.pruneOnly) return [entry(line, line.type.xmlName, standardName(line))];
    // A file missing on one side reads as empty: everything in it was added, or deleted.
    const [before, after] = await Promise.all([
      ctx.repo.readText(ctx.from, line.path).then((t) => parseXml(t ?? '')),
      ctx.repo.readText(ctx.to, line.path).then((t) => parseXml(t ?? '')),
    ]);
    const root = posix.basename(line.type.metaFile ? line.path.replace('-meta.xml', '') : line.path).split('.')[0];
    const qualify = (key: string) => (options.qualified ? `${root}.${key}` : key);
    const entries: Entry[] = [];
    const from = rootOf(before);
    const to = rootOf(after);
    for (const [tag, child] of ctx.registry.inFile) {
      if (child.excluded) continue;
      const old = childrenOf(from, tag);
      const now = childrenOf(to, tag);
      const keyOf = (n: XmlNode) => (n as Record<string, unknown>)[child.key!] as string;
      for (const n of now) {
        const match = old.find((o) => keyOf(o) === keyOf(n));
        if (!match || !sameXml(match, n))
          entries.push({
            store: 'package',
            type: child.xmlName,
            member: qualify(keyOf(n)),
            change: match ? 'modified' : 'added',
            path: line.path,
            inFile: { path: line.path, tag, key: child.key!, name: keyOf(n) },
          });
      }
      for (const o of old)
        if (!now.some((n) => keyOf(n) === keyOf(o)))
          entries.push({
            store: 'destructive',
            type: child.xmlName,
            member: qualify(keyOf(o)),
            change: 'deleted',
            path: line.path,
            inFile: { path: line.path, tag, key: child.key!, name: keyOf(o) },
          });
    }
    if (options.container && !unchangedAfterPruning(from, to, ctx.registry))
      entries.push({ ...entry(line, line.type.xmlName, standardName(line), 'package'), change: changeOf(line.kind) });
    return entries;
  };
}

/**
 * Whether the new file holds nothing new or changed — sfdx-git-delta's "pruned file is empty":
 * sections keyed by a name count an entry only when it is new or different (so a removal alone
 * does not count), other sections count when they differ at all.
 */
function unchangedAfterPruning(from: XmlNode, to: XmlNode, registry: TypeRegistry): boolean {
  for (const key of Object.keys(to)) {
    if (key.startsWith('@_')) continue;
    const now = childrenOf(to, key);
    if (!now.length) continue;
    const old = childrenOf(from, key);
    if (!old.length) return false;
    const keyField = registry.inFile.get(key)?.key;
    if (keyField === undefined || keyField === '<array>') {
      if (!sameXml(old, now)) return false;
    } else if (keyField === '<object>') {
      const seen = new Set(old.map((o) => JSON.stringify(o)));
      if (now.some((n) => !seen.has(JSON.stringify(n)))) return false;
    } else {
      const byKey = new Map(old.map((o) => [(o as Record<string, unknown>)[keyField], o]));
      if (
        now.some(
          (n) =>
            !byKey.has((n as Record<string, unknown>)[keyField]) ||
            !sameXml(byKey.get((n as Record<string, unknown>)[keyField])!, n),
        )
      )
        return false;
    }
  }
  return true;
}

/** Labels: `CustomLabels.labels-meta.xml` holds them all (in-file), `X.label-meta.xml` is one each. */
const customLabel: Handle = (line, ctx) =>
  line.ext === 'label'
    ? [entry(line, line.type.xmlName, standardName(line))]
    : inFile({ qualified: false, container: false })({ ...line, type: { ...line.type, suffix: line.ext } }, ctx);

/** A translation folder is one component, named after the folder. */
const objectTranslation: Handle = resource(undefined, (line) => {
  const base =
    line.ext === 'objectTranslation'
      ? line.parts[line.parts.length - 1]!
      : line.parts[line.parts.lastIndexOf(line.type.directoryName ?? '') + 1]!;
  return posix.parse(base.replace(META, '')).name;
});

const IN_FILE = inFile({ qualified: true, container: true });
const CHILD = standard(childName);

/** The handler of each type whose layout is not one file per component (sfdx-git-delta's table). */
const HANDLERS: Record<string, Handle> = {
  AssignmentRules: IN_FILE,
  AuraDefinitionBundle: bundle,
  AutoResponseRules: IN_FILE,
  BusinessProcess: CHILD,
  CompactLayout: CHILD,
  CustomField: CHILD,
  CustomLabel: customLabel,
  CustomObjectTranslation: objectTranslation,
  Dashboard: reportingFolder,
  DigitalExperienceBundle: inBundle,
  Document: standard(inFolderName, inFolderProcessable),
  EmailTemplate: standard(inFolderName, inFolderProcessable),
  EscalationRules: IN_FILE,
  ExperienceBundle: resource(),
  FieldSet: CHILD,
  GenAiFunction: bundle,
  GenAiPlannerBundle: resource(),
  GlobalValueSetTranslation: IN_FILE,
  Index: CHILD,
  LightningComponentBundle: bundle,
  LightningTypeBundle: resource(),
  ListView: CHILD,
  MarketingAppExtension: IN_FILE,
  MatchingRules: IN_FILE,
  PermissionSet: containedDecomposed,
  Profile: IN_FILE,
  RecordType: CHILD,
  Report: reportingFolder,
  SharingCriteriaRule: CHILD,
  SharingGuestRule: CHILD,
  SharingOwnerRule: CHILD,
  SharingReason: CHILD,
  SharingRules: IN_FILE,
  StandardValueSetTranslation: IN_FILE,
  StaticResource: resource(),
  Territory2: CHILD,
  Territory2Rule: CHILD,
  Translations: IN_FILE,
  ValidationRule: CHILD,
  WaveTemplateBundle: resource(),
  WebLink: CHILD,
  Workflow: IN_FILE,
  WorkflowAlert: CHILD,
  WorkflowFieldUpdate: CHILD,
  WorkflowFlowAction: CHILD,
  WorkflowKnowledgePublish: CHILD,
  WorkflowOutboundMessage: CHILD,
  WorkflowRule: CHILD,
  WorkflowSend: CHILD,
  WorkflowTask: CHILD,
};

const handlerOf = (type: TypeDef): Handle =>
  HANDLERS[type.xmlName] ?? (type.content ? sharedFolder : standard(standardName));

/** Record types cannot be deleted through the Metadata API, so they never go on the destructive list. */
const BASE_DESTRUCTIVE_IGNORE = ['recordTypes/'];

export interface ComponentDiffOptions {
  /** `.forceignore` text (gitignore syntax): ignored paths are not components. */
  readonly forceignore?: string;
  /** The package directories (where translations are looked for). */
  readonly sourceDirs?: readonly string[];
}

/** The components that changed, from the changed paths between `from` and `to`. */
export async function componentDiff(
  repo: Repo,
  registry: TypeRegistry,
  revs: { from: string; to: string },
  changes: readonly ChangedPath[],
  options: ComponentDiffOptions = {},
): Promise<ComponentDiff> {
  const ignoreAll: Ignore = ignore().add(options.forceignore ?? '');
  const ignoreDeleted: Ignore = ignore()
    .add(options.forceignore ?? '')
    .add(BASE_DESTRUCTIVE_IGNORE);
  // A delete and an add of the same name is a rename (or a change of case): the add alone stands.
  const added = new Set(changes.filter((c) => c.kind === 'A').map((c) => registry.comparisonName(c.path)));
  const lines: Line[] = [];
  for (const change of changes) {
    if (change.kind === 'D' && added.has(registry.comparisonName(change.path))) continue;
    const type = registry.typeOf(change.path);
    if (!type) continue;
    if ((change.kind === 'D' ? ignoreDeleted : ignoreAll).ignores(change.path)) continue;
    lines.push(lineOf(change, type));
  }
  const ctx: Context = { repo, registry, ...revs };
  // Every file an in-file handler compares, read in one batch per revision.
  await repo.prefetch(
    lines
      .filter((l) => handlerOf(l.type) === IN_FILE || l.type.xmlName === 'CustomLabel')
      .flatMap((l) => [
        { rev: revs.from, path: l.path },
        { rev: revs.to, path: l.path },
      ]),
  );
  const entries = (await Promise.all(lines.map((line) => handlerOf(line.type)(line, ctx)))).flat();
  const warnings = lines
    .filter((l) => l.kind === 'D' && l.type.xmlName === 'Flow' && l.ext === 'flow')
    .map(
      (l) => `Flow ${standardName(l)} is deleted: deactivate it first (a deploy cannot delete an active flow version)`,
    );
  const diff = collect(entries);
  await addFlowTranslations(repo, revs.to, options.sourceDirs ?? [''], diff, ignoreAll);
  return { ...diff, warnings };
}

function collect(entries: readonly Entry[]): Omit<ComponentDiff, 'warnings'> {
  const pkg: Members = new Map();
  const destructive: Members = new Map();
  const byKey = new Map<string, ComponentChange & { paths: string[] }>();
  for (const e of entries) {
    const store = e.store === 'package' ? pkg : destructive;
    if (!store.has(e.type)) store.set(e.type, new Set());
    store.get(e.type)!.add(e.member);
    const key = `${e.store}\0${e.type}\0${e.member}`;
    const seen = byKey.get(key);
    if (!seen)
      byKey.set(key, { type: e.type, fullName: e.member, change: e.change, paths: [e.path], inFile: e.inFile });
    else {
      if (!seen.paths.includes(e.path)) seen.paths.push(e.path);
      // Any path that was there before makes the component a modification, not an addition.
      if (seen.change !== e.change) byKey.set(key, { ...seen, change: 'modified' });
    }
  }
  // A component both deployed and deleted (a file moved within it) deploys.
  for (const [type, members] of pkg) {
    const gone = destructive.get(type);
    if (!gone) continue;
    for (const m of members) gone.delete(m);
    if (!gone.size) destructive.delete(type);
  }
  const components = [...byKey.entries()]
    .filter(([key, c]) => !key.startsWith('destructive') || destructive.get(c.type)?.has(c.fullName))
    .map(([, c]) => c)
    .sort((a, b) => a.type.localeCompare(b.type) || a.fullName.localeCompare(b.fullName));
  return { package: pkg, destructive, components };
}

/** A flow that deploys takes the translations that mention it along (as sfdx-git-delta does). */
async function addFlowTranslations(
  repo: Repo,
  to: string,
  dirs: readonly string[],
  diff: Omit<ComponentDiff, 'warnings'>,
  ignored: Ignore,
) {
  const flows = diff.package.get('Flow');
  if (!flows?.size) return;
  const files = (await Promise.all(dirs.map((d) => repo.listFiles(to, d))))
    .flat()
    .filter((f) => f.replace(META, '').endsWith('.translation') && !ignored.ignores(f));
  for (const file of files) {
    const xml = rootOf(parseXml((await repo.readText(to, file)) ?? ''));
    const mentions = childrenOf(xml, 'flowDefinitions').some((d) =>
      flows.has((d as Record<string, unknown>).fullName as string),
    );
    if (!mentions) continue;
    if (!diff.package.has('Translations')) diff.package.set('Translations', new Set());
    diff.package.get('Translations')!.add(posix.parse(file.replace(META, '')).name);
  }
}
