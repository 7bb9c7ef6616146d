/**
 * Which components the model marks locked, at a revision. `locked` lives on the model's
 * definitions (families expose them through their `lockable` hook, which plan counts); every
 * definition carries a `kind`, which is enough to name the component it generates — so no
 * extra governance hook is needed in the families. A locked object locks what hangs off it
 * (its fields, rules, record types).
 *
 * The model of an older revision is read from that revision (model-at.ts), and the answer is
 * cached by the two trees' hashes in out/change/, so a revision's model is loaded once.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WORKING_TREE, type Repo } from './git.ts';
import { modelAt, modelTreeKey, workingTreeKey, type LoadedModel } from './model-at.ts';

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
  /** A territory design: its types and territories (a territory with a rule also generates `<name>_Rule`). */
  readonly types?: readonly { readonly name: string }[];
  readonly territories?: readonly { readonly name: string; readonly rule?: unknown }[];
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
    case 'territoryDesign':
      return [
        lockKey('Territory2Model', d.name!),
        ...(d.types ?? []).map((t) => lockKey('Territory2Type', t.name)),
        ...(d.territories ?? []).flatMap((t) => [
          lockKey('Territory2', `${d.name}.${t.name}`),
          ...(t.rule ? [lockKey('Territory2Rule', `${d.name}.${t.name}_Rule`)] : []),
        ]),
      ];
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
 * The locked set of a loaded model, through its own families' `lockable` hooks; a revision
 * older than the family registry is read section by section (every definition there carries
 * `kind` and `locked` too).
 */
function lockedOf({ model, families }: LoadedModel): Set<string> {
  const sections = Object.values(model).flatMap((s) => (Array.isArray(s) ? s : [s]));
  const everySection = [
    { lockable: () => sections.filter((d): d is Definition => Boolean(d && typeof d === 'object')) },
  ];
  return lockedComponentsOf(
    model as ModelView,
    (families as Parameters<typeof lockedComponentsOf>[1] | undefined) ?? everySection,
  );
}

/** Bumped when what is cached changes meaning. */
const CACHE_VERSION = 2;

export interface LockedLookup {
  readonly locked: LockedSet;
  /** Why the model could not be read at this revision (a revision without a model, or one that does not load). */
  readonly unknown?: string;
}

/** The locked components at a revision (WORKING_TREE: the project on disk). */
export async function lockedComponents(repo: Repo, rev: string): Promise<LockedLookup> {
  const key = rev === WORKING_TREE ? await workingTreeKey(repo.root) : await modelTreeKey(repo, rev);
  if (!key) return { locked: new Set(), unknown: `no model/ at ${rev.slice(0, 12)}` };
  const cache = join(repo.root, 'out', 'change', 'locked', `v${CACHE_VERSION}-${key}.json`);
  const cached = await readFile(cache, 'utf8').catch(() => undefined);
  if (cached) {
    const stored = JSON.parse(cached) as { locked: string[]; unknown?: string };
    return { locked: new Set(stored.locked), ...(stored.unknown ? { unknown: stored.unknown } : {}) };
  }
  const result = await loadLocked(repo, rev);
  await mkdir(join(repo.root, 'out', 'change', 'locked'), { recursive: true });
  await writeFile(cache, JSON.stringify(result));
  return { locked: new Set(result.locked), ...(result.unknown ? { unknown: result.unknown } : {}) };
}

async function loadLocked(repo: Repo, rev: string): Promise<{ locked: string[]; unknown?: string }> {
  const at = await modelAt(repo, rev);
  if ('unknown' in at) return { locked: [], unknown: at.unknown };
  try {
    return { locked: [...lockedOf(at.loaded)].sort() };
  } catch (error) {
    return {
      locked: [],
      unknown: `the locked definitions at ${rev === WORKING_TREE ? 'the working tree' : rev.slice(0, 12)} cannot be read: ${(error as Error).message.split('\n')[0]}`,
    };
  }
}
