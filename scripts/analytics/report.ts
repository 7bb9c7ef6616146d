/**
 * A report from a dataset: stage it in DuckDB, run the metric SQL, render the charts, the page
 * and the summary — all in memory — and only then write the three files, each through a
 * temporary name, so a failure leaves nothing half-written.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { attributionMetrics } from '../attribution/report-section.ts';
import type { RevOpsModel } from '../dsl/index.ts';
import { renderCharts, type RenderedChart } from './charts.ts';
import { AnalyticsEngine } from './engine.ts';
import { ReportError } from './errors.ts';
import { computeMetrics } from './metrics.ts';
import type { Metrics } from './metrics-types.ts';
import { renderPage } from './page.ts';
import { dayNumber } from './report-tables.ts';
import { openReportDataset, stageDataset } from './staging.ts';
import { renderSummary } from './summary.ts';
import { reportTerms } from './terms.ts';

export const REPORT_FILES = ['index.html', 'metrics.json', 'summary.md'] as const;

export interface ReportOptions {
  /** The measuring date, YYYY-MM-DD; default: the dataset's anchorDate. */
  readonly asOf?: string;
  /** The model the data follows (stages, lead statuses); default: the project's model/. */
  readonly model?: RevOpsModel;
  /** How the page names the source; default: the dataset folder. */
  readonly source?: { readonly kind: 'dataset' | 'org'; readonly name: string };
}

export interface Report {
  readonly metrics: Metrics;
  readonly charts: readonly RenderedChart[];
  readonly files: Readonly<Record<(typeof REPORT_FILES)[number], string>>;
}

export interface WrittenReport {
  readonly outDir: string;
  readonly files: Readonly<Record<(typeof REPORT_FILES)[number], string>>;
  readonly metrics: Metrics;
  readonly charts: number;
  readonly placeholders: readonly string[];
}

/** `YYYY-MM-DD` (or an ISO datetime: its UTC date), checked; a ReportError otherwise. */
export function parseAsOf(text: string): string {
  const date = /^\d{4}-\d{2}-\d{2}/.test(text) ? new Date(text.length === 10 ? `${text}T00:00:00Z` : text) : undefined;
  if (!date || Number.isNaN(date.getTime()) || (text.length === 10 && !date.toISOString().startsWith(text)))
    throw new ReportError(
      `--as-of: expected a date as YYYY-MM-DD (or an ISO 8601 datetime), got "${text}"`,
      'For example --as-of 2026-12-01.',
    );
  return date.toISOString().slice(0, 10);
}

async function defaultModel(): Promise<RevOpsModel> {
  const { loadModel, openProject } = await import('../project.ts');
  return loadModel(await openProject());
}

/** Computes everything in memory; writes nothing. */
export async function buildReport(dataset: string, options: ReportOptions = {}): Promise<Report> {
  const manifest = await openReportDataset(dataset);
  const asOf = parseAsOf(options.asOf ?? manifest.anchorDate ?? new Date().toISOString().slice(0, 10));
  const model = options.model ?? (await defaultModel());
  const terms = reportTerms(model);
  const engine = await AnalyticsEngine.open();
  try {
    await stageDataset(engine, dataset, manifest, terms, { asOfDay: dayNumber(asOf) });
    const metrics = await computeMetrics(engine.query, {
      asOf,
      source: {
        ...(options.source ?? { kind: 'dataset', name: basename(resolve(dataset)) }),
        records: Object.fromEntries(manifest.objects.map((o) => [o.sobject, o.count])),
      },
    });
    const withAttribution = { ...metrics, attribution: await attributionMetrics(dataset, model) };
    return { metrics: withAttribution, ...renderFiles(withAttribution) };
  } finally {
    engine.close();
  }
}

/** The page, the summary and metrics.json from metrics alone (the page's figures come from nowhere else). */
export function renderFiles(metrics: Metrics): Pick<Report, 'charts' | 'files'> {
  const charts = renderCharts(metrics);
  return {
    charts,
    files: {
      'index.html': renderPage(metrics, charts),
      'metrics.json': `${JSON.stringify(metrics, null, 2)}\n`,
      'summary.md': renderSummary(metrics),
    },
  };
}

/** Writes the report's files into `outDir` (created if missing), each through a temporary name. */
export async function writeReport(report: Report, outDir: string): Promise<WrittenReport> {
  await mkdir(outDir, { recursive: true });
  const temps: string[] = [];
  try {
    for (const name of REPORT_FILES) {
      const temp = join(outDir, `.${name}.${process.pid}.tmp`);
      temps.push(temp);
      await writeFile(temp, report.files[name]);
    }
    for (const [i, name] of REPORT_FILES.entries()) await rename(temps[i]!, join(outDir, name));
  } finally {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
  }
  return {
    outDir,
    files: Object.fromEntries(REPORT_FILES.map((n) => [n, join(outDir, n)])) as WrittenReport['files'],
    metrics: report.metrics,
    charts: report.charts.length,
    placeholders: report.charts.filter((c) => c.placeholder).map((c) => c.id),
  };
}

/**
 * The report of `dataset` in `outDir`: what `revops plan --dataset DIR` links to. Writes
 * index.html, metrics.json and summary.md; throws a ReportError (writing nothing) when the
 * dataset cannot be read.
 */
export async function renderReport(
  dataset: string,
  outDir: string,
  options: ReportOptions = {},
): Promise<WrittenReport> {
  return writeReport(await buildReport(dataset, options), outDir);
}
