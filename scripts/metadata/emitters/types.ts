import type { RevOpsModel } from '../../dsl/index.ts';

/** Where generated metadata lives: its own package directory, so nobody edits it by mistake. */
export const GENERATED_ROOT = 'force-app/generated';

/** One file the generator owns, by project-relative POSIX path. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** What the project, not the model, decides about the generated files. */
export interface EmitOptions {
  /** sourceApiVersion of sfdx-project.json; written where a file carries its own (flows). */
  readonly apiVersion: string;
}

/** An emitter turns one family of definitions into files; pure apart from awaiting the XML writer. */
export type Emitter = (model: RevOpsModel, options: EmitOptions) => Promise<GeneratedFile[]>;

export const at = (...segments: string[]): string => [GENERATED_ROOT, ...segments].join('/');
