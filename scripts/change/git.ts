/**
 * The git plumbing `revops diff`, `rfc check` and `release` stand on: refs resolved to commits
 * (a bad ref is a one-line error naming it), the changed paths between two commits or a commit
 * and the working tree, file contents at a revision, read in one `git cat-file --batch` process
 * for all files rather than one process per file (the cost that dominates sfdx-git-delta).
 */
import { execFile, spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ChangeError } from './errors.ts';

/** `--to` when the change is what is on disk now, committed or not. */
export const WORKING_TREE = 'WORKING_TREE';

export type ChangeKind = 'A' | 'M' | 'D';

export interface ChangedPath {
  readonly kind: ChangeKind;
  /** Repository-relative POSIX path. */
  readonly path: string;
}

const MAX_BUFFER = 1 << 30;

export class Repo {
  readonly root: string;
  readonly #blobs = new Map<string, Promise<Buffer | undefined>>();
  readonly #trees = new Map<string, Promise<readonly string[]>>();

  constructor(root: string) {
    this.root = root;
  }

  /** Runs git in the repository; its stderr becomes the error's message. */
  git(args: readonly string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(
        'git',
        [...args],
        { cwd: this.root, maxBuffer: MAX_BUFFER, encoding: 'utf8' },
        (error, stdout, stderr) => {
          if (error) reject(new Error(`git ${args[0]}: ${(stderr || error.message).trim().split('\n')[0]}`));
          else resolve(stdout);
        },
      );
    });
  }

  /** Whether `root` is inside a git work tree. */
  async isRepository(): Promise<boolean> {
    return this.git(['rev-parse', '--is-inside-work-tree']).then(
      (out) => out.trim() === 'true',
      () => false,
    );
  }

  /** The commit a ref names, or a one-line error naming the flag and the ref. */
  async commit(ref: string, flag: string): Promise<string> {
    try {
      return (await this.git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
    } catch {
      // Only now is it worth a second git call to tell "no repository" from "no such ref".
      if (!(await this.isRepository()))
        throw new ChangeError(`${this.root} is not a git repository`, 'Run revops from a clone of the project.');
      throw new ChangeError(
        `${flag} ${ref}: not a commit in this repository`,
        'Pass a branch, tag or commit that exists here (`git log --oneline`, `git tag --list`); in a shallow CI clone, fetch more history (`git fetch --unshallow`).',
      );
    }
  }

  /**
   * Paths added, modified and deleted between `from` and `to` (a commit, or WORKING_TREE for
   * what is on disk, untracked files included), under `paths`. Renames are a delete plus an
   * add, as sfdx-git-delta reads them (`--no-renames`).
   */
  async changedPaths(from: string, to: string, paths: readonly string[]): Promise<ChangedPath[]> {
    const scope = ['--', ...(paths.length ? paths : ['.'])];
    const range = to === WORKING_TREE ? [from] : [from, to];
    const out = await this.git(['diff', '--name-status', '--no-renames', '-z', ...range, ...scope]);
    const fields = out.split('\0');
    const changes: ChangedPath[] = [];
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const kind = fields[i]!.charAt(0);
      if (kind === 'A' || kind === 'M' || kind === 'D') changes.push({ kind, path: fields[i + 1]! });
    }
    if (to === WORKING_TREE) {
      const untracked = await this.git(['ls-files', '--others', '--exclude-standard', '-z', ...scope]);
      for (const path of untracked.split('\0').filter(Boolean)) changes.push({ kind: 'A', path });
    }
    return changes;
  }

  /** A file's bytes at a revision (WORKING_TREE reads the disk); undefined when it does not exist there. */
  read(rev: string, path: string): Promise<Buffer | undefined> {
    const key = `${rev}:${path}`;
    let blob = this.#blobs.get(key);
    if (!blob) {
      blob = rev === WORKING_TREE ? readFile(join(this.root, path)).catch(() => undefined) : this.#batch(rev, path);
      this.#blobs.set(key, blob);
    }
    return blob;
  }

  async readText(rev: string, path: string): Promise<string | undefined> {
    return (await this.read(rev, path))?.toString('utf8');
  }

  /** Reads many files at once: one `git cat-file --batch` for every committed one. */
  async prefetch(requests: readonly { rev: string; path: string }[]): Promise<void> {
    const wanted = requests.filter((r) => r.rev !== WORKING_TREE && !this.#blobs.has(`${r.rev}:${r.path}`));
    if (!wanted.length) return;
    const result = this.#catFile(wanted.map((r) => `${r.rev}:${r.path}`));
    for (const [i, r] of wanted.entries())
      this.#blobs.set(
        `${r.rev}:${r.path}`,
        result.then((blobs) => blobs[i]),
      );
  }

  #pending: string[] = [];
  #flush: Promise<(Buffer | undefined)[]> | undefined;

  /** Single reads made in the same tick share one cat-file process. */
  #batch(rev: string, path: string): Promise<Buffer | undefined> {
    const index = this.#pending.push(`${rev}:${path}`) - 1;
    if (!this.#flush) {
      this.#flush = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        const specs = this.#pending;
        this.#pending = [];
        this.#flush = undefined;
        return this.#catFile(specs);
      });
    }
    return this.#flush.then((blobs) => blobs[index]);
  }

  #catFile(specs: readonly string[]): Promise<(Buffer | undefined)[]> {
    return new Promise((resolve, reject) => {
      const child = spawn('git', ['cat-file', '--batch'], { cwd: this.root, stdio: ['pipe', 'pipe', 'pipe'] });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.on('error', reject);
      child.on('close', () => resolve(parseBatch(Buffer.concat(chunks), specs.length)));
      child.stdin.end(specs.map((s) => `${s}\n`).join(''));
    });
  }

  /** Every file under `dir` at a revision (recursively), as repository-relative paths. */
  listFiles(rev: string, dir: string): Promise<readonly string[]> {
    const key = `${rev}:${dir}`;
    let files = this.#trees.get(key);
    if (!files) {
      files =
        rev === WORKING_TREE
          ? walk(this.root, dir)
          : this.git(['ls-tree', '-r', '--name-only', '-z', rev, '--', dir || '.']).then((out) =>
              out.split('\0').filter(Boolean),
            );
      this.#trees.set(key, files);
    }
    return files;
  }

  /** Whether a file or folder exists at a revision. */
  async exists(rev: string, path: string): Promise<boolean> {
    return (await this.listFiles(rev, path)).some((f) => f === path || f.startsWith(`${path}/`));
  }

  /** Tags matching a pattern, newest first by the date of the commit they tag. */
  async tags(pattern: string, mergedInto = 'HEAD'): Promise<string[]> {
    const out = await this.git(['tag', '--list', pattern, '--merged', mergedInto, '--sort=-creatordate']).catch(
      () => '',
    );
    return out.split('\n').filter(Boolean);
  }
}

/** Splits `git cat-file --batch` output: `<sha> <type> <size>\n<bytes>\n` or `<spec> missing\n`. */
function parseBatch(out: Buffer, count: number): (Buffer | undefined)[] {
  const blobs: (Buffer | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < count && at < out.length; i++) {
    const eol = out.indexOf(10, at);
    const header = out.subarray(at, eol).toString('utf8');
    at = eol + 1;
    const match = / (blob|tree|commit|tag) (\d+)$/.exec(header);
    if (!match) {
      blobs.push(undefined);
      continue;
    }
    const size = Number(match[2]);
    blobs.push(match[1] === 'blob' ? out.subarray(at, at + size) : undefined);
    at += size + 1;
  }
  return blobs;
}

async function walk(root: string, dir: string): Promise<string[]> {
  const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(root.length + 1)
        .split('\\')
        .join('/'),
    )
    .filter((p) => !p.split('/').includes('.git'));
}
