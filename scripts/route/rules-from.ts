/**
 * `--rules-from REF`: the routing half of impact analysis. The model as it was at a git
 * revision is extracted (git archive) beside the project, loaded with the project's
 * node_modules, and its routing configuration routes the same dataset with the same roster;
 * the leads whose decision changes are listed.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadModel, type Project } from '../project.ts';
import type { RoutingConfig } from '../routing/config.ts';
import {
  modelRoutingConfig,
  RouteSimulationError,
  simulateRouting,
  type SimulatedDecision,
  type SimulateOptions,
} from './simulate.ts';

const run = promisify(execFile);

export interface RoutingChange {
  readonly lead: string;
  readonly before: SimulatedDecision;
  readonly after: SimulatedDecision;
}

/** Where a decision lands: the owner or queue, the pool and the rule. */
const landing = (d: SimulatedDecision) => `${d.kind}|${d.owner ?? ''}|${d.queue ?? ''}|${d.pool ?? ''}|${d.rule ?? ''}`;

/** The routing configuration of the model at `ref` (any git revision the project's repository knows). */
export async function routingConfigAt(project: Project, ref: string) {
  const dir = await mkdtemp(join(tmpdir(), 'revops-rules-from-'));
  try {
    await run('sh', [
      '-c',
      `git -C "$1" archive --format=tar "$2" | tar -x -C "$3"`,
      'sh',
      project.root,
      ref,
      dir,
    ]).catch((error: Error & { stderr?: string }) => {
      throw new RouteSimulationError(
        `--rules-from ${ref}: cannot read that revision (${(error.stderr ?? error.message).trim().split('\n')[0]})`,
        'RevisionNotFound',
        ['Name a branch, tag or commit of this repository (git log --oneline)'],
      );
    });
    await symlink(join(project.root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const model = await loadModel({ ...project, root: dir });
    return modelRoutingConfig(model, `model at ${ref}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
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
