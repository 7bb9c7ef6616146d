/**
 * Seed data: a deterministic RevOps dataset generated from the model, and the checks that it
 * satisfies the model's schema, its validation rules and the dataset format (docs/dataset-format.md).
 *
 *   const result = await generateDataset({ model, out: 'data/seed', scale: 'small', seed: 42 });
 *   const dataset = await openDataset('data/seed');               // throws a DatasetError if it is not there
 *   const check = await checkDataset('data/seed', { model });     // check.ok, check.violations, check.problems
 *   const valid = await validateDataset('data/seed', { model });  // schema and format only
 *   const stats = await analyzeDataset('data/seed', model);       // funnel, win rate, renewals...
 */
export { generateDataset, createWorld, scaleTarget } from './generate.ts';
export type { GenerateOptions, GenerateResult } from './generate.ts';
export { parseAnchorDate, parseScale, parseSeed } from './options.ts';
export type { Scale } from './options.ts';
export { checkDataset } from './check.ts';
export type { CheckOptions, CheckResult, CheckProblem, RuleSummary, RuleViolation } from './check.ts';
export { CHECK_USER } from './check-records.ts';
export { analyzeDataset, benchmarkChecks, storyCycleDays } from './analyze.ts';
export type { BenchmarkCheck, DatasetStats, SegmentStats } from './analyze.ts';
export { validateDataset, requireValidDataset } from './validate.ts';
export type { DatasetValidation, ValidateOptions } from './validate.ts';
export { verifyDatasetFormat } from './conformance.ts';
export type { FormatIssue } from './conformance.ts';
export { DataOptionError, DatasetError, DatasetInvalidError, DatasetOutputError, describeProblem } from './errors.ts';
export type { RecordProblem } from './errors.ts';
export { openDataset, readManifest, targetRecords, writeManifest, DATASET_FORMAT, MANIFEST_FILE } from './manifest.ts';
export type { Dataset, GeneratedManifest, Manifest, ManifestObject } from './manifest.ts';
export { readRecords } from './reader.ts';
export type { DatasetRecord, ReadRecord } from './reader.ts';
export { buildCatalog, EXTERNAL_ID_FIELD } from './catalog.ts';
export { BENCHMARKS, SCALES, DEFAULT_ANCHOR_DATE, DEFAULT_SEED } from './benchmarks.ts';
