/**
 * Seed data: a deterministic RevOps dataset generated from the model, and the checks that it
 * satisfies the model's validation rules and the dataset format (docs/dataset-format.md).
 *
 *   const result = await generateDataset({ model, out: 'data/seed', scale: 'small', seed: 42 });
 *   const check = await checkDataset('data/seed', { model });   // check.ok, check.violations
 *   const stats = await analyzeDataset('data/seed', model);     // funnel, win rate, renewals...
 */
export { generateDataset, createWorld, parseScale, scaleTarget } from './generate.ts';
export type { GenerateOptions, GenerateResult, Scale } from './generate.ts';
export { checkDataset } from './check.ts';
export { CHECK_USER } from './check-records.ts';
export type { CheckOptions, CheckResult, CheckProblem, RuleSummary, RuleViolation } from './check.ts';
export { analyzeDataset, benchmarkChecks, storyCycleDays } from './analyze.ts';
export type { BenchmarkCheck, DatasetStats, SegmentStats } from './analyze.ts';
export { verifyDatasetFormat } from './conformance.ts';
export type { FormatIssue } from './conformance.ts';
export { readManifest, writeManifest, DatasetError, DATASET_FORMAT, MANIFEST_FILE } from './manifest.ts';
export type { Manifest, ManifestObject } from './manifest.ts';
export { readRecords } from './reader.ts';
export type { DatasetRecord, ReadRecord } from './reader.ts';
export { buildCatalog, EXTERNAL_ID_FIELD } from './catalog.ts';
export { BENCHMARKS, SCALES, DEFAULT_ANCHOR_DATE, DEFAULT_SEED } from './benchmarks.ts';
