import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import type { Project } from '../project.ts';

/**
 * The project's components as source-deploy-retrieve resolves them, with the API version pinned
 * on the set: without it SDR asks an org for one (network, ~3 s) before falling back.
 */
export function resolveComponents(project: Project): ComponentSet {
  const set = ComponentSet.fromSource({ fsPaths: project.packageDirectories.map((d) => join(project.root, d)) });
  set.sourceApiVersion = project.apiVersion;
  set.apiVersion = project.apiVersion;
  return set;
}

export interface ComponentSummary {
  readonly type: string;
  readonly fullName: string;
}

/** Every member of the package manifest (children such as fields and validation rules included). */
export async function listComponents(set: ComponentSet): Promise<ComponentSummary[]> {
  const manifest = await set.getObject();
  return manifest.Package.types
    .flatMap((t) => t.members.map((fullName) => ({ type: t.name, fullName })))
    .sort((a, b) => a.type.localeCompare(b.type) || a.fullName.localeCompare(b.fullName));
}

export interface MetadataPackage {
  readonly packageXml: string;
  readonly directory: string;
  readonly zipFile: string;
  readonly zipBytes: number;
}

/** Converts to Metadata API format: a directory (with package.xml) and a zip, under `outDir`. */
export async function buildMetadataPackage(set: ComponentSet, outDir: string): Promise<MetadataPackage> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const converter = new MetadataConverter();
  const directory = join(outDir, 'metadata');
  await converter.convert(set, 'metadata', {
    type: 'directory',
    outputDirectory: directory,
    packageName: undefined,
    genUniqueDir: false,
  });
  const zip = await converter.convert(set, 'metadata', { type: 'zip' });
  const zipFile = join(outDir, 'package.zip');
  if (!zip.zipBuffer) throw new Error('SDR produced no zip buffer');
  await writeFile(zipFile, zip.zipBuffer);
  const packageXml = await set.getPackageXml();
  await writeFile(join(outDir, 'package.xml'), packageXml);
  return { packageXml, directory, zipFile, zipBytes: zip.zipBuffer.length };
}

export interface RoundTripDifference {
  readonly path: string;
  readonly problem: 'missing' | 'differs' | 'extra';
}

/**
 * Converts the Metadata API directory back to source format and compares it with the original
 * package directories, file by file: proof that SDR reads every generated file as we meant it.
 */
export async function roundTrip(
  project: Project,
  metadataDirectory: string,
  scratchDir: string,
): Promise<RoundTripDifference[]> {
  const back = ComponentSet.fromSource(metadataDirectory);
  back.sourceApiVersion = project.apiVersion;
  back.apiVersion = project.apiVersion;
  await rm(scratchDir, { recursive: true, force: true });
  const result = await new MetadataConverter().convert(back, 'source', {
    type: 'directory',
    outputDirectory: scratchDir,
    genUniqueDir: false,
  });
  // SDR writes source under the default package directory (main/default/...); compare from the type folder down.
  const normalise = (path: string) =>
    path
      .split('\\')
      .join('/')
      .replace(/^(?:[^/]+\/)?default\//, '');
  const converted = new Map<string, string>();
  for (const component of result.converted ?? []) {
    for (const file of [component.xml, ...component.walkContent()].filter((f): f is string => Boolean(f))) {
      converted.set(normalise(relative(scratchDir, file)), file);
    }
  }
  const originals = new Map<string, string>();
  for (const component of resolveComponents(project).getSourceComponents()) {
    for (const file of [component.xml, ...component.walkContent()].filter((f): f is string => Boolean(f))) {
      const dir = project.packageDirectories.find((d) => file.startsWith(join(project.root, d)));
      originals.set(normalise(relative(join(project.root, dir ?? ''), file)), file);
    }
  }
  const differences: RoundTripDifference[] = [];
  for (const [path, original] of originals) {
    const other = converted.get(path);
    if (!other) differences.push({ path, problem: 'missing' });
    else if ((await readFile(original, 'utf8')) !== (await readFile(other, 'utf8')))
      differences.push({ path, problem: 'differs' });
  }
  for (const path of converted.keys()) if (!originals.has(path)) differences.push({ path, problem: 'extra' });
  return differences.sort((a, b) => a.path.localeCompare(b.path));
}
