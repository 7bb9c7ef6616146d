/**
 * Revenue analytics (issue 16): the blueprints' metrics and benchmarks from a dataset or an org,
 * computed by DuckDB from portable SQL files, charted with ECharts as static SVG.
 *
 *   const report = await renderReport('data/seed', 'out/report');    // index.html, metrics.json, summary.md
 *   report.metrics.winRate.overall                                   // 0.2488...
 *   const built = await buildReport('data/seed', { asOf: '2026-12-01' }); // in memory, writes nothing
 *   await extractOrgDataset(connection, { outDir, asOf });            // --target-org: Bulk API 2.0 → a dataset
 */
export { buildReport, parseAsOf, renderFiles, renderReport, writeReport, REPORT_FILES } from './report.ts';
export type { Report, ReportOptions, WrittenReport } from './report.ts';
export type { Metrics } from './metrics-types.ts';
export { REPORT_FORMAT } from './metrics-types.ts';
export { ReportError } from './errors.ts';
export { extractOrgDataset, soqlFor } from './extract.ts';
export type { BulkQueryConnection, ExtractOptions, ExtractResult } from './extract.ts';
