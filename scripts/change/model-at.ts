/**
 * The model as it was at a git revision, for the change-control commands that compare two
 * revisions' definitions (locked definitions in `diff`, validation rules in `impact`).
 *
 * A revision's `model/` imports that revision's `scripts/` (its vocabulary), so both are
 * extracted from git into a scratch folder inside the project (so node_modules resolves), the
 * model is imported from there, and the folder is removed again. The working tree is imported
 * where it is. A revision that has no model, or whose model does not load, is a reason, not a
 * crash: callers report it and go on.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WORKING_TREE, type Repo } from './git.ts';

/** A model as loaded from a revision: its default export, and its families when it had a registry. */
export interface LoadedModel {
  readonly model: Record<string, unknown>;
  /** The revision's own family registry (`scripts/families/registry.ts`), when it has one. */
  readonly families?: readonly unknown[];
}

export type ModelAt = { readonly loaded: LoadedModel } | { readonly unknown: string };

/** Where revisions are extracted (under out/, which git ignores). */
export const SNAPSHOT_DIR = join('out', 'change', 'snapshots');

const exec = (cmd: string, args: string[], cwd: string) =>
  new Promise<string>((resolve, reject) =>
    execFile(cmd, args, { cwd, maxBuffer: 1 << 28 }, (e, out, err) =>
      e ? reject(new Error((err || e.message).trim())) : resolve(out),
    ),
  );

/**
 * What a model loads at a revision: model/, its vocabulary scripts/, and the conformance vectors
 * the model reads in (data/*-vectors: routing, lifecycle), those the revision has.
 */
async function modelInputsAt(repo: Repo, rev: string): Promise<string[]> {
  const data = await repo.git(['ls-tree', '--name-only', `${rev}:data`]).catch(() => '');
  const vectors = data
    .split('\n')
    .filter((name) => name.endsWith('-vectors'))
    .map((name) => `data/${name}`);
  return ['model', 'scripts', ...vectors];
}

/** The same on disk. */
async function modelInputsOnDisk(root: string): Promise<string[]> {
  const data = await readdir(join(root, 'data'), { withFileTypes: true }).catch(() => []);
  const vectors = data.filter((e) => e.isDirectory() && e.name.endsWith('-vectors')).map((e) => `data/${e.name}`);
  return ['model', 'scripts', ...vectors.sort()];
}

/** The git trees of what a loaded model depends on at a revision (model/, scripts/, the vectors). */
export async function modelTreeKey(repo: Repo, rev: string): Promise<string | undefined> {
  const inputs = await modelInputsAt(repo, rev);
  const trees = await repo.git(['rev-parse', ...inputs.map((p) => `${rev}:${p}`)]).catch(() => undefined);
  return trees ? createHash('sha256').update(trees).digest('hex').slice(0, 40) : undefined;
}

async function importModel(root: string): Promise<LoadedModel> {
  const url = (path: string) => pathToFileURL(join(root, path)).href;
  const { default: model } = (await import(url('model/index.ts'))) as { default?: Record<string, unknown> };
  if (!model || typeof model !== 'object') throw new Error('model/index.ts has no default export');
  const registry = (await import(url('scripts/families/registry.ts')).catch(() => undefined)) as
    { FAMILIES?: readonly unknown[] } | undefined;
  return { model, ...(registry?.FAMILIES ? { families: registry.FAMILIES } : {}) };
}

/**
 * The model at `rev` (WORKING_TREE: the project on disk), or why it cannot be read. `rev` is a
 * commit the caller resolved (Repo.commit), never a string from the command line.
 */
export function modelAt(repo: Repo, rev: string): Promise<ModelAt> {
  if (rev === WORKING_TREE) return load(repo, rev);
  const memo = `${repo.root}\0${rev}`;
  let pending = loads.get(memo);
  if (!pending) loads.set(memo, (pending = load(repo, rev)));
  return pending;
}

/** One load per commit and process: the two sides of a diff may share a model (and one scratch folder). */
const loads = new Map<string, Promise<ModelAt>>();

/**
 * The working tree is copied too, under a hash of its files: Node caches a module by URL for the
 * life of the process, so importing model/ in place would return the first version it saw after
 * the files changed (a test, a long-lived process). Same files, same URL, one import.
 */
async function load(repo: Repo, rev: string): Promise<ModelAt> {
  const tree = rev === WORKING_TREE;
  const key = tree ? await workingTreeKey(repo.root) : await modelTreeKey(repo, rev);
  const name = tree ? 'the working tree' : rev.slice(0, 12);
  if (!key) return { unknown: `no model/ at ${name}` };
  const scratch = join(repo.root, SNAPSHOT_DIR, `${tree ? 'wt-' : ''}${key}`);
  try {
    await rm(scratch, { recursive: true, force: true });
    await mkdir(scratch, { recursive: true });
    if (tree) {
      const inputs = await modelInputsOnDisk(repo.root);
      await Promise.all(inputs.map((d) => cp(join(repo.root, d), join(scratch, d), { recursive: true })));
    } else {
      const inputs = await modelInputsAt(repo, rev);
      await exec(
        'sh',
        [
          '-c',
          'rev=$1; out=$2; shift 2; git archive --format=tar "$rev" "$@" | tar -x -C "$out"',
          'sh',
          rev,
          scratch,
          ...inputs,
        ],
        repo.root,
      );
    }
    return { loaded: await importModel(scratch) };
  } catch (error) {
    return { unknown: `the model at ${name} does not load: ${firstLine(error)}` };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** A hash of every .ts (and vector .json) file a model loads, on disk (reading ~300 small files costs less than loading the model). */
export async function workingTreeKey(root: string): Promise<string | undefined> {
  const hash = createHash('sha256');
  let files = 0;
  for (const dir of await modelInputsOnDisk(root)) {
    const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries
      .filter((e) => e.isFile() && (e.name.endsWith('.ts') || e.name.endsWith('.json')))
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

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
