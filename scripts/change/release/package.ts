/**
 * The exact package a release deploys, built from the released commit rather than the disk: the
 * package directories at that commit (git archive), `package.xml` and `destructiveChanges.xml`
 * from the diff — the lists `rfc check` hashed — and SDR component sets over them. The set
 * resolves only the manifest's members from the source, so nothing the RFC did not approve goes.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ComponentSet } from '@salesforce/source-deploy-retrieve';
import type { DiffReport } from '../diff/index.ts';
import { manifestXml } from '../diff/markdown.ts';
import { ChangeError } from '../errors.ts';
import { Repo } from '../git.ts';

const PROJECT_FILES = ['sfdx-project.json', '.forceignore'];

type Members = Readonly<Record<string, readonly string[]>>;

export interface ReleasePackage {
  readonly dir: string;
  readonly packageXml: string;
  /** Absent when nothing is deleted. */
  readonly destructiveXml?: string;
  /** Where the package directories were extracted. */
  readonly sourceDirs: readonly string[];
}

const extract = (root: string, commit: string, paths: readonly string[], into: string) =>
  new Promise<void>((resolve, reject) =>
    execFile(
      'sh',
      [
        '-c',
        'c="$1"; d="$2"; shift 2; git archive --format=tar "$c" -- "$@" | tar -x -C "$d"',
        'sh',
        commit,
        into,
        ...paths,
      ],
      { cwd: root, maxBuffer: 1 << 26 },
      (error, _out, stderr) =>
        error
          ? reject(new ChangeError(`git archive ${commit.slice(0, 12)}: ${(stderr || error.message).trim()}`))
          : resolve(),
    ),
  );

const count = (members: Members) => Object.values(members).reduce((n, m) => n + m.length, 0);

/** Writes `dir/package.xml`, `dir/destructiveChanges.xml` and the sources at the diff's target commit. */
export async function writeReleasePackage(root: string, report: DiffReport, dir: string): Promise<ReleasePackage> {
  const commit = report.to.commit;
  if (!commit)
    throw new ChangeError('a release deploys a commit, not the working tree', 'Commit the change and release that.');
  await rm(dir, { recursive: true, force: true });
  const source = join(dir, 'source');
  await mkdir(source, { recursive: true });
  // The project files come along: SDR finds .forceignore beside sfdx-project.json, and without it
  // a bundle's __tests__ and TypeScript sources would deploy.
  const project = await new Repo(root).git(['ls-tree', '--name-only', commit, '--', ...PROJECT_FILES]);
  await extract(root, commit, [...report.packageDirectories, ...project.split('\n').filter(Boolean)], source);
  const packageXml = join(dir, 'package.xml');
  await writeFile(packageXml, manifestXml(report.package, report.apiVersion));
  let destructiveXml: string | undefined;
  if (count(report.destructive)) {
    destructiveXml = join(dir, 'destructiveChanges.xml');
    await writeFile(destructiveXml, manifestXml(report.destructive, report.apiVersion));
  }
  return {
    dir,
    packageXml,
    ...(destructiveXml ? { destructiveXml } : {}),
    sourceDirs: report.packageDirectories.map((d) => join(source, d)),
  };
}

/** The SDR component set of a package (and its destructive changes, deleted after the rest deploys). */
export async function componentSetOf(pkg: ReleasePackage, apiVersion: string): Promise<ComponentSet> {
  const set = await ComponentSet.fromManifest({
    manifestPath: pkg.packageXml,
    resolveSourcePaths: [...pkg.sourceDirs],
    ...(pkg.destructiveXml ? { destructivePost: pkg.destructiveXml } : {}),
  });
  // Pinned: otherwise SDR asks the org for a version before the deploy.
  set.apiVersion = apiVersion;
  set.sourceApiVersion = apiVersion;
  return set;
}

/** `{ type, fullName }` of every member. */
export const membersOf = (members: Members) =>
  Object.entries(members).flatMap(([type, names]) => names.map((fullName) => ({ type, fullName })));

/** Members by type, sorted: the shape of package.xml. */
export function byType(list: readonly { type: string; fullName: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { type, fullName } of list) (out[type] ??= []).push(fullName);
  for (const names of Object.values(out)) names.sort();
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}
