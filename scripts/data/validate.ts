/**
 * The whole dataset checked before anything uses it: `revops data load` calls this before the
 * first row is sent, so a dataset with a truncated line, a duplicate external id or a value the
 * model cannot hold loads nothing at all. One streaming pass; see record-check.ts for the checks.
 */
import { join } from 'node:path';
import type { RevOpsModel } from '../dsl/index.ts';
import { buildSchema } from '../schema/build.ts';
import type { Schema } from '../schema/types.ts';
import { buildCatalog } from './catalog.ts';
import { DatasetInvalidError, type RecordProblem } from './errors.ts';
import { openDataset, type Dataset, type Manifest } from './manifest.ts';
import { readRecords } from './reader.ts';
import { RecordChecker } from './record-check.ts';

export interface ValidateOptions {
  /** The model: every value is checked against its schema, required fields against its catalog. */
  readonly model?: RevOpsModel;
  /** The model's schema, when the caller has built it already. */
  readonly schema?: Schema;
  /** Without a model: which keys are lookups, and to what (the loader's relationship resolver). */
  readonly resolveRelationship?: (sobject: string, key: string) => string | undefined;
  /** Problems kept in the result (default 1,000); all are counted. */
  readonly maxProblems?: number;
}

export interface DatasetValidation {
  readonly dataset: Dataset;
  /** Records read. */
  readonly records: number;
  readonly problems: readonly RecordProblem[];
  readonly problemCount: number;
  readonly ok: boolean;
}

/** A checker for `manifest`'s records, with the model's schema and catalog when there is a model. */
export function recordChecker(
  manifest: Manifest,
  options: ValidateOptions & { readonly report: (problem: RecordProblem) => void },
): RecordChecker {
  const schema = options.schema ?? (options.model ? buildSchema(options.model) : undefined);
  const catalog = options.model && schema ? buildCatalog(options.model, schema) : undefined;
  return new RecordChecker(manifest, {
    schema,
    catalog,
    resolveRelationship: options.resolveRelationship,
    report: options.report,
  });
}

/**
 * Reads every record of the dataset and reports each problem with its file, line, record and
 * field. Throws a DatasetError when the dataset cannot be read at all (no directory or manifest,
 * a line that is not a JSON object, a count that disagrees with the manifest).
 */
export async function validateDataset(dir: string, options: ValidateOptions = {}): Promise<DatasetValidation> {
  const dataset = await openDataset(dir);
  const keep = options.maxProblems ?? 1000;
  const problems: RecordProblem[] = [];
  let problemCount = 0;
  const checker = recordChecker(dataset.manifest, {
    ...options,
    report: (problem) => {
      problemCount++;
      if (problems.length < keep) problems.push(problem);
    },
  });
  let records = 0;
  for (const entry of dataset.manifest.objects) {
    const check = checker.object(entry, join(dir, entry.file));
    for await (const { line, record } of readRecords(dir, entry)) {
      records++;
      check.visit(line, record);
    }
    check.end();
  }
  checker.finish();
  return { dataset, records, problems, problemCount, ok: problemCount === 0 };
}

/** `validateDataset`, throwing a DatasetInvalidError (with the first problems) unless the dataset is sound. */
export async function requireValidDataset(dir: string, options: ValidateOptions = {}): Promise<Dataset> {
  const validation = await validateDataset(dir, { maxProblems: 20, ...options });
  if (!validation.ok) throw new DatasetInvalidError(dir, validation.problems, validation.problemCount);
  return validation.dataset;
}
