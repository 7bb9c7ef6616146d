import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RevOpsModel } from './dsl/index.ts';
import { modelDuplicateKeys } from './model/duplicate-keys.ts';
import { ModelError } from './model/validate.ts';

/** The project a command works on: its root, its pinned API version, its model. */
export interface Project {
  readonly root: string;
  readonly apiVersion: string;
  readonly packageDirectories: readonly string[];
}

export class ProjectError extends Error {}

export async function openProject(root = process.cwd()): Promise<Project> {
  const file = join(resolve(root), 'sfdx-project.json');
  const text = await readFile(file, 'utf8').catch(() => {
    throw new ProjectError(`${file}: not found; run revops from the project root`);
  });
  let json: { sourceApiVersion?: string; packageDirectories?: { path: string }[] };
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ProjectError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (!json.sourceApiVersion)
    throw new ProjectError(`${file}: sourceApiVersion must be pinned (SDR otherwise asks an org)`);
  return {
    root: resolve(root),
    apiVersion: json.sourceApiVersion,
    packageDirectories: (json.packageDirectories ?? []).map((d) => d.path),
  };
}

/** Loads model/index.ts (its default export). Errors thrown while defining it name the model file. */
export async function loadModel(project: Project, entry = 'model/index.ts'): Promise<RevOpsModel> {
  const url = pathToFileURL(join(project.root, entry)).href;
  let module: { default?: RevOpsModel };
  try {
    module = (await import(url)) as { default?: RevOpsModel };
  } catch (error) {
    // A model file that does not parse or throws while loading: name it, without a stack trace.
    if (!(error instanceof Error) || error instanceof ProjectError) throw error;
    const where = /file:\/\/[^\s)]+/.exec(error.stack ?? '')?.[0];
    const file = where
      ? relative(project.root, fileURLToPath(where.replace(/:\d+(:\d+)?$/, ''))) +
        (/:\d+/.exec(where.slice(7))?.[0] ?? '')
      : entry;
    throw new ProjectError(`${file}: cannot load the model: ${error.name}: ${error.message}`);
  }
  if (!module.default) throw new ProjectError(`${entry}: has no default export (export default defineModel(...))`);
  // A key written twice in an object literal leaves no trace at run time: read the source.
  const duplicates = await modelDuplicateKeys(project.root);
  if (duplicates.length)
    throw new ModelError(
      duplicates.map((d) => ({
        origin: d.origin,
        component: 'model source',
        message: `"${d.key}" is written twice in one object (first on line ${d.firstLine}); JavaScript keeps only the last, so the first is lost`,
      })),
    );
  return module.default;
}
