/**
 * `--out` folders: a command writes (and replaces files) only in a folder that is new, empty, or a
 * previous output of the same command — marked by a small file it leaves there — unless `--force`.
 * Without this, `plan --out ~/Documents` would replace whatever `package/` held there.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SfError } from '@salesforce/core/sfError';

export const OUTPUT_MARKER = '.revops-output.json';

export interface ClaimOptions {
  /** The command that writes there, as the marker records it (`plan`, `data generate`...). */
  readonly command: string;
  readonly force?: boolean;
  /** Also a previous output of this command, without the marker (a dataset's manifest.json). */
  readonly recognise?: (dir: string, entries: readonly string[]) => Promise<boolean>;
  /** The folder is the command's default (under out/): revops owns it, so it is not checked, only marked. */
  readonly isDefault?: boolean;
  /** Leave no marker (a dataset is a shipped folder; its manifest already says what it is). */
  readonly noMarker?: boolean;
}

/** Makes sure `dir` may be written by `command`, creating it if missing; throws an SfError otherwise. */
export async function claimOutputFolder(dir: string, options: ClaimOptions): Promise<void> {
  const info = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (info && !info.isDirectory())
    throw new SfError(`--out ${dir} is a file, not a folder`, 'OutputIsAFile', [
      'Pass a folder to --out; it is created if it does not exist.',
    ]);
  const entries = info ? await readdir(dir) : [];
  if (entries.length > 0 && !options.force && !options.isDefault) {
    const owner = await markerOwner(dir, entries);
    const ours = owner === options.command || (owner === undefined && (await options.recognise?.(dir, entries)));
    if (!ours)
      throw new SfError(
        owner
          ? `--out ${dir} holds the output of \`revops ${owner}\`, not of \`revops ${options.command}\``
          : `--out ${dir} is not empty and was not written by \`revops ${options.command}\``,
        'OutputFolderInUse',
        [
          'Pass a new or empty folder to --out,',
          `or add --force to write into it anyway (revops ${options.command} replaces the files it writes there).`,
        ],
      );
  }
  await mkdir(dir, { recursive: true });
  if (!options.noMarker)
    await writeFile(join(dir, OUTPUT_MARKER), `${JSON.stringify({ command: options.command }, null, 2)}\n`);
}

async function markerOwner(dir: string, entries: readonly string[]): Promise<string | undefined> {
  if (!entries.includes(OUTPUT_MARKER)) return undefined;
  try {
    const { command } = JSON.parse(await readFile(join(dir, OUTPUT_MARKER), 'utf8')) as { command?: unknown };
    return typeof command === 'string' ? command : undefined;
  } catch {
    return undefined; // an unreadable marker proves nothing
  }
}
