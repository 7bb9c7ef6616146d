/**
 * A metadata family: one kind of definition in the model (validation rules, flows, reports...)
 * with everything the pipeline does with it — the model sections it owns, what it adds to the
 * describe-shaped schema, its checks, its formulas, the files it generates and its catalogue
 * pages. One folder under scripts/families/ holds one family; scripts/families/registry.ts
 * lists them, and generate, verify, plan and the catalogue walk that list (as
 * source-deploy-retrieve walks its metadata registry).
 */
import type { CheckOptions } from '../formula/index.ts';
import type { SchemaBuilder } from '../schema/builder.ts';
import type { Catalogue, CataloguePage, Ranked } from './catalogue.ts';
import type { CheckContext } from './checks.ts';
import type { Cell } from './markdown.ts';
import type { ObjectDef } from './model-types.ts';

/** Where generated metadata lives: its own package directory, so nobody edits it by mistake. */
export const GENERATED_ROOT = 'force-app/generated';

/** `at('flows', 'X.flow-meta.xml')`: a path under GENERATED_ROOT. */
export const at = (...segments: string[]): string => [GENERATED_ROOT, ...segments].join('/');

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

/**
 * How a section of the model combines when the model is assembled from parts (defineModel):
 * `list` sections concatenate, a `single` section may be given once.
 */
export type SectionKind = 'list' | 'single';

/** One formula of the model and how Salesforce will check it. */
export interface ModelFormula {
  readonly component: string;
  /** The definition it belongs to (its origin is the model line an error points at). */
  readonly definition: object;
  readonly source: string;
  readonly options: Omit<CheckOptions, 'schema'>;
}

/** A component of the project (hand-written Apex, an LWC...) that a definition needs; verify checks it exists. */
export interface ProjectReference {
  /** Metadata type as source-deploy-retrieve names it (`ApexClass`). */
  readonly type: string;
  readonly name: string;
  readonly component: string;
  readonly definition: object;
  /** What to say when it is missing. */
  readonly message: string;
}

/**
 * A component that deploys inactive and is activated once the deploy has landed, because
 * Salesforce activates what it depends on asynchronously (a duplicate rule waits for its
 * matching rules). The org toolkit runs these after every deploy (`deploy`, `org up`, `release`).
 */
export interface Activation {
  /** Metadata type and full name of the component to activate (`DuplicateRule`, `Account.Account_Domain_Duplicates`). */
  readonly type: string;
  readonly fullName: string;
  /** Components that must report active first (`MatchingRule`, `Account.Account_Domain_Match`). */
  readonly waitFor: readonly { readonly type: string; readonly fullName: string }[];
}

/** What a family adds to the catalogue (docs/model/). Each hook is optional. */
export interface CatalogueHooks<M> {
  /** Pages of its own. */
  pages?(cat: Catalogue<M>): CataloguePage[];
  /** The front page: bullets linking to its pages, rows of the summary table, sections below the summary. */
  index?(cat: Catalogue<M>): { links?: string[]; summary?: Cell[][]; sections?: string[] };
  /** Sections of an object's page, placed by rank among every family's sections. */
  objectSections?(cat: Catalogue<M>, object: ObjectDef, from: string): Ranked<string[]>[];
  /** Bullets under "Related definitions" on an object's page, placed by rank. */
  related?(cat: Catalogue<M>, object: ObjectDef, from: string): Ranked<string>[];
}

/**
 * A family over model `M`: `M` is the part of the model the family reads (its own sections,
 * and any lower family's it needs). `Own` is what it contributes to the model's type.
 */
export interface Family<Own = object, M extends Own = Own> {
  /** The folder name under scripts/families/. */
  readonly name: string;
  /** The model sections this family owns, by name. */
  readonly sections: { readonly [K in keyof Own]-?: SectionKind };
  /** Types only: carries `Own` so that the registry can derive the model's type. */
  readonly own?: Own;
  /** What an org's describe will show once the family's metadata deploys (objects, fields, values, permissions). */
  describe?(model: M, schema: SchemaBuilder): void;
  /** Salesforce's rules for this family, checked before anything is written. */
  check?(model: M, check: CheckContext): void;
  /** Every formula the family's definitions carry, for the formula checker. */
  formulas?(model: M): ModelFormula[];
  /** Project components its definitions need (checked by verify against the project's source). */
  references?(model: M): ProjectReference[];
  /** Components the deploy activates after it lands (see Activation). */
  activations?(model: M): Activation[];
  /** The metadata files; pure apart from awaiting the XML writer. */
  emit?(model: M, options: EmitOptions): Promise<GeneratedFile[]>;
  /** Files outside force-app/generated and docs/model that the family generates (and removes when the model drops them). */
  readonly owns?: readonly string[];
  /** Definitions that may be marked locked (plan counts them). */
  lockable?(model: M): readonly { readonly locked?: boolean }[];
  readonly catalogue?: CatalogueHooks<M>;
}

/** Declares a family; `Own` is inferred from `sections`, the model it reads from the hooks' parameter types. */
export const defineFamily = <Own, M extends Own = Own>(family: Family<Own, M>): Family<Own, M> => family;

/**
 * A family of any model: what the registry holds. The pipeline calls every hook with the whole
 * model, which has every family's sections, so the families' different model types all fit.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFamily = Family<any, any>;
