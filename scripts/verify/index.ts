import { join, relative } from 'node:path';
import type { SourceComponent } from '@salesforce/source-deploy-retrieve';
import { originOf } from '../core/origin.ts';
import { FAMILIES, type RevOpsModel } from '../families/registry.ts';
import { formulaIssues, modelFormulas } from '../model/formulas.ts';
import { definitionIssues } from '../model/validate.ts';
import type { ModelIssue } from '../core/checks.ts';
import { buildSchema } from '../schema/build.ts';
import type { Project } from '../project.ts';
import { checkApex } from './apex.ts';
import type { Finding } from './findings.ts';
import { checkLwcReferences, lintLwc } from './lwc.ts';
import {
  buildMetadataPackage,
  listComponents,
  resolveComponents,
  roundTrip,
  type ComponentSummary,
  type MetadataPackage,
} from './sdr.ts';
import { checkProjectMetadata, metadataFiles } from './wsdl/index.ts';

export interface VerifyReport {
  readonly components: readonly ComponentSummary[];
  readonly errors: readonly Finding[];
  readonly warnings: readonly Finding[];
  /** What each check looked at and how long it took. */
  readonly checks: readonly { readonly name: string; readonly checked: number; readonly ms: number }[];
  readonly metadataPackage: MetadataPackage;
}

/** Findings and timings, collected step by step. */
class Verification {
  readonly checks: { name: string; checked: number; ms: number }[] = [];
  readonly errors: Finding[] = [];
  readonly warnings: Finding[] = [];
  async timed<T>(name: string, checked: () => number, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    const result = await work();
    this.checks.push({ name, checked: checked(), ms: Math.round(performance.now() - start) });
    return result;
  }
}

/** The model's own checks, the same ones generate runs: a broken model is reported, never passed. */
async function checkModel(v: Verification, model: RevOpsModel): Promise<void> {
  const schema = buildSchema(model);
  const report = (check: string, issues: readonly ModelIssue[]) => {
    for (const issue of issues)
      v.errors.push({ check, location: issue.origin ?? 'model', component: issue.component, message: issue.message });
  };
  report(
    'model',
    await v.timed(
      'model',
      () => FAMILIES.length,
      async () => definitionIssues(model, schema),
    ),
  );
  report(
    'formulas',
    await v.timed(
      'formulas',
      () => modelFormulas(model).length,
      async () => formulaIssues(model, schema),
    ),
  );
}

/** Metadata API format (directory and zip) and back to source, byte for byte. */
async function convert(v: Verification, project: Project, sdr: ResolvedProject, outDir: string) {
  const metadataPackage = await v.timed(
    'sdr-convert',
    () => sdr.components.length,
    () => buildMetadataPackage(sdr.set, join(outDir, 'package')),
  );
  const differences = await v.timed(
    'sdr-round-trip',
    () => sdr.components.length,
    () => roundTrip(project, metadataPackage.directory, join(outDir, 'round-trip')),
  );
  for (const d of differences)
    v.errors.push({
      check: 'sdr-round-trip',
      location: d.path,
      message: `source → metadata → source: file ${d.problem}`,
    });
  return metadataPackage;
}

/** Components the model names that must exist in the project (an Apex class a permission set grants...). */
function checkReferences(v: Verification, model: RevOpsModel, sdr: ResolvedProject): void {
  const present = new Set(sdr.sources.map((c) => `${c.type.name}:${c.fullName}`));
  for (const ref of FAMILIES.flatMap((f) => f.references?.(model) ?? [])) {
    if (!present.has(`${ref.type}:${ref.name}`))
      v.errors.push({
        check: 'references',
        location: originOf(ref.definition) ?? 'model',
        component: ref.component,
        message: ref.message,
      });
  }
}

/** LWC imports resolve against the schema and Apex, and pass the LWC ESLint rules; Apex parses and is formatted. */
async function checkCode(v: Verification, project: Project, model: RevOpsModel, sdr: ResolvedProject) {
  const display = (file: string) => relative(project.root, file).split('\\').join('/');
  const schema = buildSchema(model);
  const apexClasses = new Set(sdr.sources.filter((c) => c.type.name === 'ApexClass').map((c) => c.fullName));
  const lwcJs = sdr.filesOf('LightningComponentBundle').filter((f) => f.endsWith('.js'));
  const apex = [...sdr.filesOf('ApexClass'), ...sdr.filesOf('ApexTrigger')].filter((f) => /\.(cls|trigger)$/.test(f));
  const found = [
    await v.timed(
      'lwc-references',
      () => lwcJs.length,
      () => checkLwcReferences(lwcJs, schema, apexClasses, display),
    ),
    await v.timed(
      'lwc-eslint',
      () => lwcJs.length,
      () => lintLwc(project.root, lwcJs, display),
    ),
    await v.timed(
      'apex',
      () => apex.length,
      () => checkApex(apex, display),
    ),
  ];
  v.errors.push(...found.flat());
}

/** Every metadata file against the Metadata API WSDL, and no API version newer than it. */
async function checkMetadataSchema(v: Verification, project: Project, sdr: ResolvedProject): Promise<void> {
  const files = metadataFiles(project, sdr.sources);
  const report = await v.timed(
    'metadata-schema',
    () => files.length,
    () => checkProjectMetadata(project, files),
  );
  v.errors.push(...report.findings);
}

interface ResolvedProject {
  readonly set: ReturnType<typeof resolveComponents>;
  readonly components: readonly ComponentSummary[];
  readonly sources: readonly SourceComponent[];
  filesOf(type: string): string[];
}

async function resolveProject(project: Project): Promise<ResolvedProject> {
  const set = resolveComponents(project);
  const sources = set.getSourceComponents().toArray();
  return {
    set,
    components: await listComponents(set),
    sources,
    filesOf: (type) =>
      sources.filter((c) => c.type.name === type).flatMap((c) => [...(c.content ? c.walkContent() : [])]),
  };
}

/**
 * `revops verify`: everything that can be proven without an org. Checks the model, resolves
 * every component with source-deploy-retrieve, converts to Metadata API format (directory and
 * zip) and back, validates every metadata file against the Metadata API WSDL, checks references,
 * formulas, Apex and LWC. Writes only under `outDir`.
 */
export async function verifyProject(project: Project, model: RevOpsModel, outDir: string): Promise<VerifyReport> {
  const v = new Verification();
  await checkModel(v, model);
  const sdr = await resolveProject(project);
  const metadataPackage = await convert(v, project, sdr, outDir);
  await checkMetadataSchema(v, project, sdr);
  checkReferences(v, model, sdr);
  await checkCode(v, project, model, sdr);
  const { errors, warnings, checks } = v;
  return { components: sdr.components, errors, warnings, checks, metadataPackage };
}
