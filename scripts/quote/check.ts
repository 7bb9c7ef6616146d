/**
 * `revops quote check`: the quote-to-cash checks of blueprint 001 Epic 4 over a dataset — the SKU
 * catalogue, the approval matrix, give/get and billing (proration, anchor date, tax, schedule).
 * Each failure names the record (External_Id__c, file:line) and the rule.
 */
import type { RevOpsModel } from '../dsl/index.ts';
import { loadQuoteDataset } from './load.ts';
import type { QuoteContext, QuoteFailure, QuoteRule, RuleModule } from './types.ts';

export type { QuoteContext, QuoteFailure, QuoteRule, RuleModule } from './types.ts';
import { catalogueRules } from './rules-catalogue.ts';
import { billingRules } from './rules-billing.ts';
import { approvalRules, giveGetRules } from './rules-approval.ts';
import { quoteRules } from './rules-quotes.ts';

export interface QuoteCheckResult {
  readonly dir: string;
  readonly ok: boolean;
  readonly rules: readonly (QuoteRule & { readonly checked: number; readonly failures: number })[];
  readonly failures: readonly QuoteFailure[];
}

export const RULE_MODULES: readonly RuleModule[] = [
  catalogueRules,
  approvalRules,
  giveGetRules,
  billingRules,
  quoteRules,
];

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
