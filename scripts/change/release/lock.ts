/**
 * One release at a time per org, on this machine: a lock file per org in releases/.locks/,
 * created exclusively (the second release finds it and is refused, naming the first). The org
 * side is checked separately (deploys queued or running there); CI adds a concurrency group.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ChangeError } from '../errors.ts';
import { RELEASES_DIR } from './record.ts';

/** Takes the org's lock for `what`; resolves to the function that releases it. */
export async function lockOrg(root: string, username: string, what: string): Promise<() => Promise<void>> {
  const dir = join(root, RELEASES_DIR, '.locks');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${createHash('sha256').update(username).digest('hex').slice(0, 16)}.lock`);
  const holder = JSON.stringify({ org: username, what, pid: process.pid, since: new Date().toISOString() });
  try {
    await writeFile(file, holder, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const other = await readFile(file, 'utf8').catch(() => '');
    const info = (() => {
      try {
        return JSON.parse(other) as { what?: string; pid?: number; since?: string };
      } catch {
        return {};
      }
    })();
    throw new ChangeError(
      `release refused: ${info.what ?? 'another release'} to ${username} is under way (process ${info.pid ?? '?'} since ${info.since ?? '?'}); one release at a time per org`,
      `Wait for it to finish; if no release is running (a killed process), delete ${join(RELEASES_DIR, '.locks')} and try again.`,
    );
  }
  return () => rm(file, { force: true });
}
