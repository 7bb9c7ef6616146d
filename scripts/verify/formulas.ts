import type { RevOpsModel } from '../dsl/index.ts';
import type { Schema } from '../schema/types.ts';
import type { Finding } from './findings.ts';

/**
 * Parses and type-checks every formula of the model (validation rules, formula fields) with the
 * formula engine. Until the engine lands this reports nothing.
 */
export function checkFormulas(_model: RevOpsModel, _schema: Schema): { errors: Finding[]; warnings: Finding[] } {
  return { errors: [], warnings: [] };
}
