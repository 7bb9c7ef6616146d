import { join, relative, resolve } from 'node:path';
import { FAMILIES, type RevOpsModel } from '../families/registry.ts';
import { detectDrift, generateFiles, hasDrift, type Drift } from '../metadata/generate.ts';
import { loadModel, type Project } from '../project.ts';
import type { Finding } from '../verify/findings.ts';
import { verifyProject, type VerifyReport } from '../verify/index.ts';
import { checkDataset } from '../data/check.ts';
import { openDataset } from '../data/manifest.ts';
import { access } from 'node:fs/promises';
import type { ImpactReport } from '../change/impact/index.ts';

export interface PlanResult {
  readonly ok: boolean;
  /** Non-empty when force-app/ and model/ disagree; verify does not run then. */
  readonly drift: Drift;
  readonly componentsByType: Readonly<Record<string, number>>;
  readonly componentCount: number;
  /** What the package holds, by name, where counts by type mislead: folders count as Report/Dashboard. */
  readonly contents?: PlanContents;
  /** Definitions marked `locked` (changing them will need a governance RFC). */
  readonly lockedDefinitions: number;
  readonly errors: readonly Finding[];
  readonly warnings: readonly Finding[];
  readonly package?: {
    readonly packageXml: string;
    readonly directory: string;
    readonly zip: string;
    readonly zipBytes: number;
  };
  readonly checks: VerifyReport['checks'];
  /** Every validation rule run over the bundled dataset: what the rules would block today. */
  readonly datasetImpact?: DatasetImpact;
  /** With --dataset: the revenue report of that dataset (revops report), for the review to link to. */
  readonly report?: PlanReport;
  /** With a base revision (`from`): what the change since then does to the dataset (`revops impact`). */
  readonly changeImpact?: ImpactReport;
  readonly durationMs: number;
}

export interface PlanReport {
  /** `<out>/report/index.html`, relative to the project. */
  readonly index: string;
  readonly charts: number;
  readonly winRate: number | null;
  readonly bottleneck: string | null;
}

export interface PlanContents {
  /** Custom objects (`__c`), data and registries alike. */
  readonly customObjects: readonly string[];
  /** `Folder/Report`, without the folders themselves. */
  readonly reports: readonly string[];
  readonly reportFolders: number;
  readonly dashboards: readonly string[];
}

export interface DatasetImpact {
  readonly dataset: string;
  readonly records: number;
  readonly rules: number;
  /** Rules that would block records of the dataset, with how many. */
  readonly blocking: readonly { readonly object: string; readonly rule: string; readonly records: number }[];
  /** Records that do not fit the model's schema (types, lengths, values, references). */
  readonly problems: number;
}

export const DEFAULT_DATASET = 'data/seed';

export const DEFAULT_PLAN_DIR = 'out/plan';

/**
 * `revops plan`: what would deploy, with no org and no network. Drift check → verify (which
 * builds the Metadata API package) → summary.
 */
export async function plan(
  project: Project,
  options: { outDir?: string; model?: RevOpsModel; dataset?: string; from?: string } = {},
): Promise<PlanResult> {
  const start = performance.now();
  const model = options.model ?? (await loadModel(project));
  const outDir = resolve(project.root, options.outDir ?? DEFAULT_PLAN_DIR);
  const drift = await detectDrift(project.root, await generateFiles(model, { apiVersion: project.apiVersion }));
  const base = {
    componentsByType: {},
    componentCount: 0,
    lockedDefinitions: countLocked(model),
    warnings: [],
    checks: [],
  };
  if (hasDrift(drift))
    return { ...base, ok: false, drift, errors: driftErrors(drift), durationMs: Math.round(performance.now() - start) };
  const report = await verifyProject(project, model, outDir);
  const impact = await datasetImpact(project, model, options.dataset);
  const linked = options.dataset === undefined ? undefined : await planReport(project, model, options.dataset, outDir);
  // The change since a base revision, on the same dataset (loaded only when asked for).
  const changeImpact =
    options.from === undefined
      ? undefined
      : await import('../change/impact/index.ts').then(({ impact: of }) =>
          of(project.root, { from: options.from, dataset: options.dataset, toModel: model }),
        );
  const componentsByType: Record<string, number> = {};
  for (const c of report.components) componentsByType[c.type] = (componentsByType[c.type] ?? 0) + 1;
  const rel = (p: string) => relative(project.root, p).split('\\').join('/');
  return {
    ok: report.errors.length === 0,
    drift,
    componentsByType,
    componentCount: report.components.length,
    contents: planContents(report.components),
    lockedDefinitions: base.lockedDefinitions,
    errors: report.errors,
    warnings: [...report.warnings, ...datasetWarnings(impact), ...(linked?.warning ? [linked.warning] : [])],
    datasetImpact: impact,
    ...(linked?.report ? { report: linked.report } : {}),
    ...(changeImpact ? { changeImpact } : {}),
    package: {
      packageXml: rel(join(outDir, 'package', 'package.xml')),
      directory: rel(report.metadataPackage.directory),
      zip: rel(report.metadataPackage.zipFile),
      zipBytes: report.metadataPackage.zipBytes,
    },
    checks: report.checks,
    durationMs: Math.round(performance.now() - start),
  };
}

/** One error per file the model and force-app/ disagree on, saying what to run. */
function driftErrors(drift: Drift): PlanResult['errors'] {
  return [...drift.added, ...drift.changed, ...drift.removed].map((path) => ({
    check: 'drift',
    location: path,
    message: drift.added.includes(path)
      ? 'missing: run `revops generate`'
      : drift.changed.includes(path)
        ? 'differs from model/: run `revops generate` (never edit generated files)'
        : 'no longer in model/: run `revops generate`',
  }));
}

/** Records that do not fit the schema, and rules that would block records of the dataset. */
function datasetWarnings(impact: DatasetImpact | undefined): PlanResult['warnings'] {
  if (!impact) return [];
  const schema = impact.problems
    ? [
        {
          check: 'dataset-schema',
          location: impact.dataset,
          message: `${impact.problems} record problem${impact.problems === 1 ? '' : 's'} against the model's schema (revops data check --dataset ${impact.dataset} lists them)`,
        },
      ]
    : [];
  const blocking = impact.blocking.map((b) => ({
    check: 'dataset-impact',
    location: impact.dataset,
    component: `ValidationRule ${b.object}.${b.rule}`,
    message: `would block ${b.records} record${b.records === 1 ? '' : 's'} of the dataset (revops data check --dataset ${impact.dataset} lists them)`,
  }));
  return [...schema, ...blocking];
}

/** The custom objects, reports (not their folders) and dashboards the package holds, by name. */
function planContents(components: readonly { readonly type: string; readonly fullName: string }[]): PlanContents {
  const named = (type: string, keep: (name: string) => boolean) =>
    components.filter((c) => c.type === type && keep(c.fullName)).map((c) => c.fullName);
  // Folders are members of their type too (SDR writes them as `Folder/`).
  const inFolder = (n: string) => /\/[^/]+$/.test(n);
  return {
    customObjects: named('CustomObject', (n) => n.endsWith('__c')),
    reports: named('Report', inFolder),
    reportFolders: named('Report', (n) => !inFolder(n)).length,
    dashboards: named('Dashboard', inFolder),
  };
}

/**
 * Runs every rule over the dataset as a rep would save it (no bypass): a rule change that would
 * block existing data shows up in the plan, for the change-control board to decide on. The
 * default dataset may be absent (no impact section); a dataset the user names must open, or the
 * plan fails with what is wrong with it.
 */
async function datasetImpact(
  project: Project,
  model: RevOpsModel,
  dataset: string | undefined,
): Promise<DatasetImpact | undefined> {
  const dir = resolve(project.root, dataset ?? DEFAULT_DATASET);
  const exists = await access(join(dir, 'manifest.json')).then(
    () => true,
    () => false,
  );
  if (!exists && dataset === undefined) return undefined;
  await openDataset(dir);
  const result = await checkDataset(dir, { model, maxViolations: 0 });
  return {
    dataset: relative(project.root, dir).split('\\').join('/'),
    records: result.records,
    rules: result.rules.length,
    blocking: result.rules
      .filter((r) => r.violations > 0)
      .map((r) => ({ object: r.object, rule: r.rule, records: r.violations })),
    problems: result.problemCount,
  };
}

/**
 * The dataset's revenue report in `<out>/report` (what `revops report --dataset` writes), so the
 * review links to the numbers behind the change. A dataset the report cannot use (no
 * opportunities, say) is a warning: the plan is about the metadata.
 */
async function planReport(
  project: Project,
  model: RevOpsModel,
  dataset: string,
  outDir: string,
): Promise<{ report?: PlanReport; warning?: Finding }> {
  const { renderReport, ReportError } = await import('../analytics/index.ts');
  const dir = resolve(project.root, dataset);
  try {
    const written = await renderReport(dir, join(outDir, 'report'), { model });
    return {
      report: {
        index: relative(project.root, written.files['index.html']).split('\\').join('/'),
        charts: written.charts,
        winRate: written.metrics.winRate.overall,
        bottleneck: written.metrics.funnel.bottleneck?.label ?? null,
      },
    };
  } catch (error) {
    if (!(error instanceof ReportError)) throw error;
    return { warning: { check: 'report', location: dataset, message: `no revenue report: ${error.message}` } };
  }
}

/** Definitions marked locked, over every family that has lockable definitions. */
function countLocked(model: RevOpsModel): number {
  return FAMILIES.flatMap((family) => family.lockable?.(model) ?? []).filter((d) => d.locked).length;
}
