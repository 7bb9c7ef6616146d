/**
 * The Dev Hub of the real-org suites: an alias the sf CLI is logged in to (SF_DEVHUB_ALIAS), or
 * an SFDX auth URL (DEVHUB_SFDX_AUTH_URL) the sf CLI logs in with.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HUB_ALIAS = 'revops-it-devhub';

export function sfCli(): string | undefined {
  const local = join(ROOT, 'node_modules', '.bin', 'sf');
  if (existsSync(local)) return local;
  return spawnSync('sf', ['--version'], { encoding: 'utf8' }).status === 0 ? 'sf' : undefined;
}

/** Logs the sf CLI in to the Dev Hub from the auth URL (through a private temp file, never a command line). */
export async function devHub(): Promise<string> {
  if (process.env.SF_DEVHUB_ALIAS) return process.env.SF_DEVHUB_ALIAS;
  const dir = await mkdtemp(join(tmpdir(), 'revops-it-'));
  const file = join(dir, 'devhub.url');
  try {
    await writeFile(file, process.env.DEVHUB_SFDX_AUTH_URL!, { mode: 0o600 });
    const login = spawnSync(sfCli()!, ['org', 'login', 'sfdx-url', '--sfdx-url-file', file, '--alias', HUB_ALIAS], {
      encoding: 'utf8',
    });
    assert.equal(login.status, 0, `sf org login sfdx-url failed: ${login.stderr}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return HUB_ALIAS;
}
