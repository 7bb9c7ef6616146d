import { join, relative } from 'node:path';
import type { RevOpsModel } from '../dsl/index.ts';
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
import { checkFormulas, modelFormulas } from './formulas.ts';

export interface VerifyReport {
  readonly components: readonly ComponentSummary[];
  readonly errors: readonly Finding[];
  readonly warnings: readonly Finding[];
  /** What each check looked at and how long it took. */
  readonly checks: readonly { readonly name: string; readonly checked: number; readonly ms: number }[];
  readonly metadataPackage: MetadataPackage;
}

/**
 * `revops verify`: everything that can be proven without an org. Resolves every component with
 * source-deploy-retrieve, converts to Metadata API format (directory and zip) and back, checks
 * cross-references, formulas, Apex and LWC. Writes only under `outDir`.
 */
export async function verifyProject(project: Project, model: RevOpsModel, outDir: string): Promise<VerifyReport> {
  const checks: { name: string; checked: number; ms: number }[] = [];
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const display = (file: string) => relative(project.root, file).split('\\').join('/');
  const timed = async <T>(name: string, checked: () => number, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await work();
    checks.push({ name, checked: checked(), ms: Math.round(performance.now() - start) });
    return result;
  };

  const set = resolveComponents(project);
  const components = await listComponents(set);
  const sources = set.getSourceComponents().toArray();
  const filesOf = (type: string) =>
    sources.filter((c) => c.type.name === type).flatMap((c) => [...(c.content ? c.walkContent() : [])]);

  const metadataPackage = await timed(
    'sdr-convert',
    () => components.length,
    () => buildMetadataPackage(set, join(outDir, 'package')),
  );
  const differences = await timed(
    'sdr-round-trip',
    () => components.length,
    () => roundTrip(project, metadataPackage.directory, join(outDir, 'round-trip')),
  );
  for (const d of differences) {
    errors.push({
      check: 'sdr-round-trip',
      location: d.path,
      message: `source → metadata → source: file ${d.problem}`,
    });
  }

  const schema = buildSchema(model);
  const apexClasses = new Set(sources.filter((c) => c.type.name === 'ApexClass').map((c) => c.fullName));
  for (const set of model.permissionSets) {
    for (const cls of set.apexClasses) {
      if (!apexClasses.has(cls))
        errors.push({
          check: 'references',
          location: 'model',
          component: `PermissionSet ${set.name}`,
          message: `grants unknown Apex class ${cls}`,
        });
    }
  }
  const lwcJs = filesOf('LightningComponentBundle').filter((f) => f.endsWith('.js'));
  errors.push(
    ...(await timed(
      'lwc-references',
      () => lwcJs.length,
      () => checkLwcReferences(lwcJs, schema, apexClasses, display),
    )),
  );
  errors.push(
    ...(await timed(
      'lwc-eslint',
      () => lwcJs.length,
      () => lintLwc(project.root, lwcJs, display),
    )),
  );
  const apex = [...filesOf('ApexClass'), ...filesOf('ApexTrigger')].filter((f) => /\.(cls|trigger)$/.test(f));
  errors.push(
    ...(await timed(
      'apex',
      () => apex.length,
      () => checkApex(apex, display),
    )),
  );
  const formulas = await timed(
    'formulas',
    () => modelFormulas(model).length,
    async () => checkFormulas(model, schema),
  );
  errors.push(...formulas.errors);
  warnings.push(...formulas.warnings);

  return { components, errors, warnings, checks, metadataPackage };
}
