/** What `quote check` reports, and what its rule modules get. */
import type { RevOpsModel } from '../dsl/index.ts';
import type { Located, QuoteDataset } from './load.ts';

export interface QuoteFailure {
  readonly rule: string;
  readonly object: string;
  readonly externalId: string;
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export interface QuoteRule {
  readonly id: string;
  readonly description: string;
}

/** What a rule module gets: the model, the dataset, and a way to report. */
export interface QuoteContext {
  readonly model: RevOpsModel;
  readonly data: QuoteDataset;
  table(object: string): Iterable<[string, Located]>;
  get(object: string, externalId: string | null): Located | undefined;
  /** Counts one record checked by `rule`; reports it when `problem` is a message. */
  verdict(rule: string, object: string, externalId: string, at: Located, problem: string | undefined): void;
}

export type RuleModule = { readonly rules: readonly QuoteRule[]; run(ctx: QuoteContext): void };
