/**
 * The model's checks, in one place: every family's checks of the registry, run against the
 * schema the whole model describes. generate, verify and plan all call validateModel, so no
 * command can skip a check.
 */
import { createCheckContext, type ModelIssue } from '../core/checks.ts';
import type { AnyFamily } from '../core/family.ts';
import { FAMILIES, type RevOpsModel } from '../families/registry.ts';
import { buildSchema } from '../schema/build.ts';

export type { ModelIssue } from '../core/checks.ts';

export class ModelError extends Error {
  readonly issues: readonly ModelIssue[];
  constructor(issues: readonly ModelIssue[]) {
    super(
      `The model has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${issues.map(formatIssue).join('\n')}`,
    );
    this.issues = issues;
  }
}

export const formatIssue = (i: ModelIssue): string => `  ${i.origin ?? 'model'}: ${i.component}: ${i.message}`;

/** Checks the model against Salesforce's rules before anything is generated, family by family. */
export function validateModel(model: RevOpsModel, families: readonly AnyFamily[] = FAMILIES): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const context = createCheckContext(buildSchema(model, families), issues);
  for (const family of families) family.check?.(model, context);
  return issues;
}
