/**
 * `--rules-from REF`: the routing half of impact analysis. The model as it was at a git
 * revision (extracted and loaded by change control's model-at) routes the same dataset with the
 * same roster; the leads whose decision changes are listed.
 */
import { Repo } from '../change/git.ts';
import { modelAt } from '../change/model-at.ts';
import type { RevOpsModel } from '../dsl/index.ts';
import type { Project } from '../project.ts';
import type { RoutingConfig } from '../routing/config.ts';
import {
  modelRoutingConfig,
  RouteSimulationError,
  simulateRouting,
  type SimulatedDecision,
  type SimulateOptions,
} from './simulate.ts';

export interface RoutingChange {
  readonly lead: string;
  readonly before: SimulatedDecision;
  readonly after: SimulatedDecision;
}

/** Where a decision lands: the owner or queue, the pool and the rule. */
const landing = (d: SimulatedDecision) => `${d.kind}|${d.owner ?? ''}|${d.queue ?? ''}|${d.pool ?? ''}|${d.rule ?? ''}`;

/**
 * The routing configuration of the model at `ref` (any git revision the project's repository
 * knows), loaded the way change control loads a revision's model (scripts/change/model-at.ts).
 */
export async function routingConfigAt(project: Project, ref: string) {
  const repo = new Repo(project.root);
  const rev = await repo.commit(ref, '--rules-from').catch((error: Error) => {
    throw new RouteSimulationError(error.message, 'RevisionNotFound', [
      'Name a branch, tag or commit of this repository (git log --oneline)',
    ]);
  });
  const at = await modelAt(repo, rev);
  if ('unknown' in at)
    throw new RouteSimulationError(`--rules-from ${ref}: ${at.unknown}`, 'RevisionNotFound', [
      'Name a revision whose model/ loads (revops diff reads the same models)',
    ]);
  return modelRoutingConfig(at.loaded.model as unknown as RevOpsModel, `model at ${ref}`);
}

/** Routes the dataset under the current model and under `ref`'s rules; the leads that land elsewhere. */
export async function routingChanges(project: Project, ref: string, o: SimulateOptions): Promise<RoutingChange[]> {
  return compareRouting(o, await routingConfigAt(project, ref));
}

/** The leads that land elsewhere when `other` routes the dataset instead of the model's configuration. */
export async function compareRouting(o: SimulateOptions, other: RoutingConfig): Promise<RoutingChange[]> {
  const now = await simulateRouting(o);
  const then = await simulateRouting(o, other);
  const out: RoutingChange[] = [];
  now.decisions.forEach((after, i) => {
    const before = then.decisions[i]!;
    if (landing(before) !== landing(after)) out.push({ lead: after.lead, before, after });
  });
  return out;
}
