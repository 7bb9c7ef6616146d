/**
 * Shared by the change-control tests: sfdx-git-delta as the oracle (its Node API, manifest
 * only), the same lists from `revops diff`'s component engine, and scratch git repositories.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sgd from 'sfdx-git-delta';
import { componentDiff, type Members } from '../../scripts/change/diff/components.ts';
import { typeRegistry } from '../../scripts/change/diff/registry.ts';
import { Repo } from '../../scripts/change/git.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/**
 * sfdx-git-delta keeps the first ignore file it is given for the rest of the process, so every
 * call passes the same one: this project's .forceignore.
 */
export const FORCEIGNORE = join(ROOT, '.forceignore');

/** `Type: a, b` lines, sorted, package then destructive: what both tools must agree on. */
export function lists(pkg: Members, destructive: Members): string {
  const fmt = (m: Members) =>
    [...m]
      .filter(([, v]) => v.size)
      .map(([k, v]) => `${k}: ${[...v].sort().join(', ')}`)
      .sort()
      .join('\n');
  return `package:\n${fmt(pkg)}\ndestructive:\n${fmt(destructive)}`;
}

export async function oracleLists(repo: string, from: string, to: string, source: string[]): Promise<string> {
  const output = await mkdtemp(join(tmpdir(), 'revops-sgd-'));
  try {
    const work = await sgd({
      from,
      to,
      output,
      repo,
      source,
      generateDelta: false,
      apiVersion: 66,
      ignore: FORCEIGNORE,
    } as Parameters<typeof sgd>[0]);
    return lists(work.diffs.package, work.diffs.destructiveChanges);
  } finally {
    await rm(output, { recursive: true, force: true });
  }
}

export async function ourLists(
  root: string,
  from: string,
  to: string,
  source: string[],
  forceignore: string,
): Promise<string> {
  const repo = new Repo(root);
  const changes = await repo.changedPaths(from, to, source);
  const result = await componentDiff(repo, typeRegistry(), { from, to }, changes, { forceignore, sourceDirs: source });
  return lists(result.package, result.destructive);
}

export const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=RevOps Test', '-c', 'user.email=test@revops-os.invalid', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();

/** Writes files (path → text; undefined deletes) and commits them; returns the commit. */
export async function commitFiles(
  root: string,
  files: Record<string, string | undefined>,
  message: string,
): Promise<string> {
  for (const [path, text] of Object.entries(files)) {
    if (text === undefined) await rm(join(root, path), { recursive: true, force: true });
    else {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
  }
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '--allow-empty', '-m', message);
  return git(root, 'rev-parse', 'HEAD');
}

export const xml = (root: string, body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}\n</${root}>\n`;
