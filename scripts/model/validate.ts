/**
 * The model's checks, in one place: every family's checks of the registry and every formula,
 * against the schema the whole model describes. generate, verify and plan all call them, so no
 * command can skip a check.
 */
import { createCheckContext, type ModelIssue } from '../core/checks.ts';
import type { AnyFamily } from '../core/family.ts';
import { FAMILIES, type RevOpsModel } from '../families/registry.ts';
import { buildSchema } from '../schema/build.ts';
import type { Schema } from '../schema/types.ts';
import { formulaIssues } from './formulas.ts';

export type { ModelIssue } from '../core/checks.ts';

export class ModelError extends Error {
  readonly issues: readonly ModelIssue[];
  constructor(issues: readonly ModelIssue[]) {
    super(
      `The model has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${issues.map(formatIssue).join('\n')}`,
    );
    this.name = 'ModelError';
    this.issues = issues;
  }
}

export const formatIssue = (i: ModelIssue): string => `  ${i.origin ?? 'model'}: ${i.component}: ${i.message}`;

/** Salesforce's rules for each family's definitions (API names, references, limits...). */
export function definitionIssues(
  model: RevOpsModel,
  schema: Schema,
  families: readonly AnyFamily[] = FAMILIES,
): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const context = createCheckContext(schema, issues);
  for (const family of families) family.check?.(model, context);
  return issues;
}

/** Checks the model before anything is generated: every family's rules, then every formula. */
export function validateModel(model: RevOpsModel, families: readonly AnyFamily[] = FAMILIES): ModelIssue[] {
  const schema = buildSchema(model, families);
  return [...definitionIssues(model, schema, families), ...formulaIssues(model, schema, families)];
}
