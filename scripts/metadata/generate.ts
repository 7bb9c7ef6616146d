/**
 * The generator: the model → the files it defines (every family's metadata and the catalogue),
 * validated first; and the files on disk brought in line with them, atomically per file.
 */
import { mkdir, readFile, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { DOCS_ROOT } from '../core/catalogue.ts';
import { GENERATED_ROOT, type AnyFamily, type EmitOptions, type GeneratedFile } from '../core/family.ts';
import { renderCatalogue } from '../docs/catalogue.ts';
import { FAMILIES, type RevOpsModel } from '../families/registry.ts';
import { ModelError, validateModel } from '../model/validate.ts';

export { GENERATED_ROOT, type GeneratedFile } from '../core/family.ts';

/** The API version of a project that does not say (the project's sourceApiVersion wins). */
export const DEFAULT_API_VERSION = '66.0';

/** Folders the generator owns entirely: what the model no longer produces there is removed. */
export const GENERATED_DIRS = [GENERATED_ROOT, DOCS_ROOT] as const;

/** Files outside GENERATED_DIRS that the generator also owns (the families say which). */
export const generatedFilesOutsideRoot = (families: readonly AnyFamily[] = FAMILIES): string[] =>
  families.flatMap((f) => f.owns ?? []);

/**
 * The files the model defines, in path order: every family's metadata, then the catalogue.
 * Validates first: a model with problems produces no files at all (ModelError lists every problem).
 */
export async function generateFiles(
  model: RevOpsModel,
  options: EmitOptions = { apiVersion: DEFAULT_API_VERSION },
  families: readonly AnyFamily[] = FAMILIES,
): Promise<GeneratedFile[]> {
  const issues = validateModel(model, families);
  if (issues.length) throw new ModelError(issues);
  const metadata = await Promise.all(families.map((family) => family.emit?.(model, options) ?? []));
  const files = [...metadata.flat(), ...renderCatalogue(model, families)];
  const byPath = new Map<string, GeneratedFile>();
  for (const file of files) {
    if (byPath.has(file.path.toLowerCase())) throw new Error(`Two definitions generate the same file ${file.path}`);
    byPath.set(file.path.toLowerCase(), file);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export interface Drift {
  readonly added: string[];
  readonly changed: string[];
  readonly removed: string[];
}
export const hasDrift = (d: Drift): boolean => d.added.length + d.changed.length + d.removed.length > 0;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

const readOrNull = (file: string) => readFile(file, 'utf8').catch(() => null);
const toPosix = (p: string) => p.split(sep).join('/');

/** How the files on disk differ from what the model generates. */
export async function detectDrift(
  projectRoot: string,
  files: readonly GeneratedFile[],
  families: readonly AnyFamily[] = FAMILIES,
): Promise<Drift> {
  const drift: Drift = { added: [], changed: [], removed: [] };
  const wanted = new Set(files.map((f) => f.path));
  for (const file of files) {
    const current = await readOrNull(join(projectRoot, file.path));
    if (current === null) drift.added.push(file.path);
    else if (current !== file.content) drift.changed.push(file.path);
  }
  for (const dir of GENERATED_DIRS) {
    for (const existing of await listFiles(join(projectRoot, dir))) {
      const path = toPosix(relative(projectRoot, existing));
      if (!wanted.has(path)) drift.removed.push(path);
    }
  }
  for (const path of generatedFilesOutsideRoot(families)) {
    if (!wanted.has(path) && (await readOrNull(join(projectRoot, path))) !== null) drift.removed.push(path);
  }
  return drift;
}

/**
 * Brings the files on disk in line with the model: writes what changed (each file through a
 * temporary file and a rename, so no file is ever half-written) and removes what the model no
 * longer defines. Only GENERATED_DIRS and the families' files outside them are touched.
 */
export async function writeGenerated(
  projectRoot: string,
  files: readonly GeneratedFile[],
  families: readonly AnyFamily[] = FAMILIES,
): Promise<Drift> {
  const drift = await detectDrift(projectRoot, files, families);
  const byPath = new Map(files.map((f) => [f.path, f]));
  for (const path of [...drift.added, ...drift.changed]) {
    const target = join(projectRoot, path);
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    await writeFile(temp, byPath.get(path)!.content, 'utf8');
    await rename(temp, target);
  }
  for (const path of drift.removed) {
    await rm(join(projectRoot, path), { force: true });
    const owner = GENERATED_DIRS.find((dir) => path.startsWith(`${dir}/`));
    if (owner) await pruneEmptyDirs(join(projectRoot, dirname(path)), join(projectRoot, owner));
  }
  return drift;
}

async function pruneEmptyDirs(dir: string, stopAt: string): Promise<void> {
  let current = dir;
  while (current.startsWith(stopAt) && current !== stopAt) {
    if ((await readdir(current).catch(() => ['?'])).length > 0) return;
    await rmdir(current);
    current = dirname(current);
  }
}
