/**
 * What the org commands share: the model's permission sets and relationships, the date shift that
 * loads a dataset as of today, and how load progress and summaries are printed. Imported by the
 * commands inside run(), so that listing the commands never loads the org libraries.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadModel, type Project } from '../project.ts';
import { modelActivations } from '../metadata/activations.ts';
import { buildSchema } from '../schema/build.ts';
import {
  daysSinceAnchor,
  schemaRelationships,
  type Dataset,
  type LoadEvent,
  type LoadOptions,
  type LoadResult,
  type RelationshipResolver,
} from '../org/index.ts';

export const DEFAULT_ALIAS = 'revops';
export const DEFAULT_DATASET = join('data', 'seed');

/**
 * What the deploy activates once it has landed (duplicate rules after their matching rules): the
 * model's activations; none for a project without a model (plain SFDX source deploys as it is).
 */
export async function deployActivations(project: Project) {
  if (!existsSync(join(project.root, 'model', 'index.ts'))) return [];
  return modelActivations(await loadModel(project));
}

export async function modelPermissionSets(project: Project): Promise<string[]> {
  return (await loadModel(project)).permissionSets.map((p) => p.name);
}

export async function modelRelationships(project: Project): Promise<RelationshipResolver> {
  return schemaRelationships(buildSchema(await loadModel(project)));
}

/** Loads the dataset as of today: every model date field moves by (today − the dataset's anchor date). */
export async function datesToToday(project: Project, dataset: Dataset): Promise<LoadOptions['dateShift']> {
  const schema = buildSchema(await loadModel(project));
  const days = daysSinceAnchor(dataset.manifest, new Date());
  const fields = (sobject: string) =>
    new Set(
      (schema.object(sobject)?.fields() ?? [])
        .filter((f) => (f.type === 'date' || f.type === 'datetime') && !f.calculated)
        .map((f) => f.name),
    );
  return { days, fields };
}

/** One progress line on stderr per load event. */
export function loadEventLine(event: LoadEvent): string {
  if (event.type === 'start')
    return `data load: ${event.resumed ? 'resuming' : 'starting'} run ${event.runDir} (${event.steps.length} steps)`;
  if (event.type === 'skip') return `  ${event.step}: ${event.batches} batch(es) done in an earlier run, skipped`;
  if (event.type === 'retry')
    return `  retry ${event.retry.attempt}: ${event.retry.label}: ${event.retry.error} (waiting ${event.retry.delayMs} ms)`;
  return (
    `  ${event.step} batch ${event.batch + 1} (${event.api}): ${event.rows} rows, ${event.created} created, ` +
    `${event.updated} updated, ${event.failed} failed (${(event.ms / 1000).toFixed(1)} s)`
  );
}

export function loadSummaryLine(result: LoadResult): string {
  const { rows, created, updated, failed } = result.totals;
  return (
    `data load: ${rows} rows into ${result.targetOrg}: ${created} created, ${updated} updated, ${failed} failed` +
    (result.accounted ? ' (every row accounted for)' : ' — NOT every row accounted for')
  );
}

/** The per-object accounting, as rows for SfCommand.table. */
export function loadTable(result: LoadResult): {
  data: Record<string, string | number>[];
  columns: { key: string; name: string }[];
} {
  return {
    data: result.objects.map((o) => ({
      object: o.sobject,
      api: o.api,
      rows: o.rows,
      created: o.created,
      updated: o.updated,
      failed: o.failed,
      check: o.accounted ? 'ok' : `manifest says ${o.manifestCount}`,
    })),
    columns: [
      { key: 'object', name: 'Object' },
      { key: 'api', name: 'API' },
      { key: 'rows', name: 'Rows' },
      { key: 'created', name: 'Created' },
      { key: 'updated', name: 'Updated' },
      { key: 'failed', name: 'Failed' },
      { key: 'check', name: 'Check' },
    ],
  };
}

/** A path as the admin would type it: relative inside the project, absolute elsewhere. */
export function shown(root: string, path: string): string {
  const inside = relative(root, path);
  return inside.startsWith('..') ? path : inside;
}
