/**
 * `revops quote check`: the quote-to-cash checks of blueprint 001 Epic 4 over a dataset — the SKU
 * catalogue, the approval matrix, give/get and billing (proration, anchor date, tax, schedule).
 * Each failure names the record (External_Id__c, file:line) and the rule.
 */
import type { RevOpsModel } from '../dsl/index.ts';
import { loadQuoteDataset, type Located, type QuoteDataset } from './load.ts';
import { catalogueRules } from './rules-catalogue.ts';
import { billingRules } from './rules-billing.ts';
import { approvalRules, giveGetRules } from './rules-approval.ts';

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

export interface QuoteCheckResult {
  readonly dir: string;
  readonly ok: boolean;
  readonly rules: readonly (QuoteRule & { readonly checked: number; readonly failures: number })[];
  readonly failures: readonly QuoteFailure[];
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

export const RULE_MODULES: readonly RuleModule[] = [catalogueRules, approvalRules, giveGetRules, billingRules];

export async function checkQuotes(dir: string, model: RevOpsModel): Promise<QuoteCheckResult> {
  const data = await loadQuoteDataset(dir);
  const failures: QuoteFailure[] = [];
  const counts = new Map<string, { checked: number; failures: number }>();
  for (const m of RULE_MODULES) for (const r of m.rules) counts.set(r.id, { checked: 0, failures: 0 });
  const ctx: QuoteContext = {
    model,
    data,
    table: (object) => data.tables.get(object)?.entries() ?? [],
    get: (object, id) => (id === null ? undefined : data.tables.get(object)?.get(id)),
    verdict(rule, object, externalId, at, problem) {
      const c = counts.get(rule);
      if (!c) throw new Error(`internal: quote rule ${rule} is not declared`);
      c.checked++;
      if (problem === undefined) return;
      c.failures++;
      failures.push({ rule, object, externalId, file: at.file, line: at.line, message: problem });
    },
  };
  for (const m of RULE_MODULES) m.run(ctx);
  const rules = RULE_MODULES.flatMap((m) => m.rules).map((r) => ({ ...r, ...counts.get(r.id)! }));
  return { dir, ok: failures.length === 0, rules, failures };
}
