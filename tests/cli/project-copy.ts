import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A throwaway copy of the project (model, toolkit, metadata) that a test may change or break. */
export async function projectCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'revops-project-'));
  for (const entry of [
    'sfdx-project.json',
    'model',
    'scripts',
    'bin',
    'force-app',
    'vendor',
    'config',
    'messages',
    'docs',
    // The routing conformance vectors are read into the model (model/routing/vectors.ts).
    'data/routing-vectors',
    // The lifecycle vectors are read into the model (model/automation/lifecycle-vectors.ts).
    'data/lifecycle-vectors',
    'package.json',
    'eslint.config.js',
    '.prettierrc',
    '.forceignore',
  ]) {
    await cp(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** Runs the CLI in `cwd` with the Node running the tests (the project's Node 22). */
export function revops(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [join(cwd, 'bin/revops.js'), ...args], { cwd, encoding: 'utf8' });
}
