/**
 * Flow formulas as the formula engine can check and evaluate them. A flow formula may name other
 * resources of its flow — `{!OtherFormula}`, `{!$Flow.CurrentDate}` — which the engine, built for
 * fields and validation rules, does not know. Salesforce evaluates a referenced formula afresh
 * wherever it is referenced, so inlining its expression (in parentheses) is the same formula;
 * `$Flow.CurrentDate` and `$Flow.CurrentDateTime` are the interview's clock, which is TODAY()
 * and NOW() of the evaluation. verify checks, and the simulator evaluates, the resolved text.
 */
import type { FlowDef, FlowFormulaDef } from './builders.ts';

/** Flow formula data types as the formula checker names return types. */
export const FORMULA_RETURN_TYPES = {
  Boolean: 'checkbox',
  Currency: 'currency',
  Date: 'date',
  DateTime: 'datetime',
  Number: 'number',
  String: 'text',
} as const satisfies Record<FlowFormulaDef['dataType'], string>;

const FLOW_CLOCK: Readonly<Record<string, string>> = {
  '$flow.currentdate': 'TODAY()',
  '$flow.currentdatetime': 'NOW()',
};

/** `{!Name}` or `{!$Flow.CurrentDate}` (a merge field without a record path). */
const RESOURCE = /\{!\s*(\$?[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)\s*\}/g;

/**
 * The flow formula `name` with the flow's own resources replaced by what they stand for.
 * Throws on a formula that references itself (directly or through others): Salesforce rejects it.
 */
export function resolvedFormula(flow: FlowDef, name: string, seen: readonly string[] = []): string {
  const formula = flow.formulas[name];
  if (!formula) throw new Error(`Flow ${flow.name} has no formula ${name}`);
  if (seen.includes(name)) throw new Error(`Flow ${flow.name}: formula ${[...seen, name].join(' → ')} is circular`);
  return formula.expression.replace(RESOURCE, (whole, reference: string) => {
    const clock = FLOW_CLOCK[reference.toLowerCase()];
    if (clock) return clock;
    if (flow.formulas[reference]) return `(${resolvedFormula(flow, reference, [...seen, name])})`;
    return whole;
  });
}
