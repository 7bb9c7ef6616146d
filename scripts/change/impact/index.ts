/**
 * `revops impact`: what a change does to data. The model at two revisions (the base loaded from
 * git as `diff` loads it, the other the working tree or a commit) runs over the same dataset
 * (data/seed by default), and each probe reports the subjects whose effect differs: today the
 * validation rules (records newly blocked, newly unblocked, with examples). Routing plugs in as
 * another probe ("leads that would route differently") by joining IMPACT_PROBES. `plan` includes
 * this report when it is given a base revision. A second probe lists, for every field changed or
 * deleted, the definitions that read it (rules, formula fields, flows, reports, permission sets).
 */
import { resolve, relative } from 'node:path';
import { openDataset } from '../../data/manifest.ts';
import { defineModelOf, FAMILIES, type RevOpsModel } from '../../families/registry.ts';
import { lastReleaseTag, WORKING_TREE, type Revision } from '../diff/index.ts';
import { ChangeError } from '../errors.ts';
import { Repo } from '../git.ts';
import { modelAt } from '../model-at.ts';
import type { ImpactProbe, ImpactSection } from './types.ts';
import { validationRulesProbe } from './validation-rules.ts';
import { dependentsProbe } from './dependents.ts';

export type * from './types.ts';
export { NEWLY_BLOCKED, NEWLY_UNBLOCKED } from './validation-rules.ts';
export { READ_BY } from './dependents.ts';

/** Every probe `impact` runs, in report order. Routing adds its own here. */
export const IMPACT_PROBES: readonly ImpactProbe[] = [validationRulesProbe, dependentsProbe];

export const DEFAULT_IMPACT_DATASET = 'data/seed';
export const DEFAULT_EXAMPLES = 5;

export interface ImpactOptions {
  /** Base revision; default: the newest release tag reachable from HEAD. */
  readonly from?: string;
  /** A revision, or WORKING_TREE (the default). */
  readonly to?: string;
  /** The dataset folder, relative to the project or absolute (default data/seed). */
  readonly dataset?: string;
  /** Example external ids kept per effect (default 5). */
  readonly examples?: number;
  readonly probes?: readonly ImpactProbe[];
  /** The model at `to`, when the caller has loaded it already (plan does). */
  readonly toModel?: RevOpsModel;
}

export interface ImpactReport {
  readonly from: Revision;
  readonly to: Revision;
  /** The dataset, relative to the project. */
  readonly dataset: string;
  readonly records: number;
  readonly sections: readonly ImpactSection[];
  /** Effect kind → records, over every section. */
  readonly totals: Readonly<Record<string, number>>;
  readonly warnings: readonly string[];
  readonly durationMs: number;
}

/**
 * A model loaded from another revision, in today's shape: the sections today's families know
 * (lists a revision did not have are empty); sections they do not know are dropped, with a warning.
 */
function normalise(model: Record<string, unknown>, name: string, warnings: string[]): RevOpsModel {
  const known = new Set(FAMILIES.flatMap((f) => Object.keys(f.sections)));
  const dropped = Object.keys(model).filter((k) => !known.has(k));
  if (dropped.length)
    warnings.push(`${name}: model sections today's families do not read were left out: ${dropped.join(', ')}`);
  const parts = Object.fromEntries(Object.entries(model).filter(([k]) => known.has(k)));
  return defineModelOf<RevOpsModel>(FAMILIES, parts as Parameters<typeof defineModelOf<RevOpsModel>>[1]);
}

async function modelOf(repo: Repo, rev: string, name: string, warnings: string[]): Promise<RevOpsModel> {
  const at = await modelAt(repo, rev);
  if ('unknown' in at)
    throw new ChangeError(
      `${name}: ${at.unknown}; impact needs the model at both revisions`,
      'Pass a --from revision that has a model/ folder which loads (`git log --oneline -- model`).',
    );
  return normalise(at.loaded.model, name, warnings);
}

const nameOf = (ref: string, commit: string | undefined) =>
  commit ? `${ref} (${commit.slice(0, 10)})` : 'the working tree';

export async function impact(root: string, options: ImpactOptions = {}): Promise<ImpactReport> {
  const start = performance.now();
  const repo = new Repo(root);
  const fromRef = options.from ?? (await lastReleaseTag(repo));
  const toRef = options.to ?? WORKING_TREE;
  const [from, to] = await Promise.all([
    repo.commit(fromRef, '--from'),
    toRef === WORKING_TREE ? undefined : repo.commit(toRef, '--to'),
  ]);
  const dir = resolve(root, options.dataset ?? DEFAULT_IMPACT_DATASET);
  const { manifest } = await openDataset(dir);
  const warnings: string[] = [];
  const [beforeName, afterName] = [nameOf(fromRef, from), nameOf(toRef, to)];
  const before = await modelOf(repo, from, beforeName, warnings);
  const after = options.toModel ?? (await modelOf(repo, to ?? WORKING_TREE, afterName, warnings));
  const sections: ImpactSection[] = [];
  for (const probe of options.probes ?? IMPACT_PROBES)
    sections.push(
      await probe.run({
        dataset: dir,
        before,
        after,
        examples: options.examples ?? DEFAULT_EXAMPLES,
        beforeName,
        afterName,
      }),
    );
  const totals: Record<string, number> = {};
  for (const s of sections) for (const [kind, n] of Object.entries(s.totals)) totals[kind] = (totals[kind] ?? 0) + n;
  return {
    from: { ref: fromRef, commit: from },
    to: to ? { ref: toRef, commit: to } : { ref: 'working tree' },
    dataset: relative(root, dir).split('\\').join('/') || '.',
    records: manifest.objects.reduce((n, o) => n + o.count, 0),
    sections,
    totals,
    warnings: [...warnings, ...sections.flatMap((s) => s.warnings.map((w) => `${s.title}: ${w}`))],
    durationMs: Math.round(performance.now() - start),
  };
}
