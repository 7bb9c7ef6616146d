import {
  detectDrift,
  generateFiles,
  hasDrift,
  writeGenerated,
  type Drift,
  type GeneratedFile,
} from '../metadata/generate.ts';
import { loadModel, type Project } from '../project.ts';

export interface GenerateResult {
  readonly files: readonly GeneratedFile[];
  readonly drift: Drift;
  /** In check mode: whether disk and model disagree (nothing is written). */
  readonly inSync: boolean;
}

/** `revops generate [--check]`: writes force-app/generated from the model, or reports drift. */
export async function generate(project: Project, options: { check?: boolean } = {}): Promise<GenerateResult> {
  const model = await loadModel(project);
  const files = await generateFiles(model, { apiVersion: project.apiVersion });
  const drift = options.check ? await detectDrift(project.root, files) : await writeGenerated(project.root, files);
  return { files, drift, inSync: !hasDrift(drift) };
}
