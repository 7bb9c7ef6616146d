/** Reports and dashboards name folders, report types, columns and reports that the model has. */
import type { CheckContext } from '../../core/checks.ts';
import { fieldPath } from '../../core/model-types.ts';
import type { DashboardDef, ReportDef } from './builders.ts';
import { reportColumn } from './emit.ts';
import type { AnalyticsModel } from './builders.ts';

export function checkAnalytics(model: AnalyticsModel, check: CheckContext): void {
  const folderNames = new Set(model.folders.map((f) => `${f.folderType}:${f.name}`));
  check.unique(
    model.folders,
    (f) => `${f.folderType}:${f.name}`,
    (f) => `${f.folderType}Folder ${f.name}`,
    'folder',
  );
  for (const f of model.folders) check.apiName(f, `${f.folderType}Folder ${f.name}`, f.name);
  check.unique(
    model.reportTypes,
    (r) => r.name,
    (r) => `ReportType ${r.name}`,
    'report type',
  );
  check.unique(
    model.dashboards,
    (d) => `${d.folder}/${d.name}`,
    (d) => `Dashboard ${d.folder}/${d.name}`,
    'dashboard',
  );
  for (const rt of model.reportTypes) {
    const c = `ReportType ${rt.name}`;
    check.apiName(rt, c, rt.name);
    if (!check.schema.object(rt.baseObject)) check.report(rt, c, `unknown base object ${rt.baseObject}`);
    for (const s of rt.sections) for (const f of s.fields) check.fieldExists(rt, c, f, `section "${s.label}"`);
  }
  check.unique(
    model.reports,
    (r) => `${r.folder}/${r.name}`,
    (r) => `Report ${r.folder}/${r.name}`,
    'report',
  );
  for (const r of model.reports) checkReport(model, r, folderNames, check);
  for (const d of model.dashboards) checkDashboard(model, d, folderNames, check);
}

function checkReport(model: AnalyticsModel, r: ReportDef, folders: Set<string>, check: CheckContext): void {
  const c = `Report ${r.folder}/${r.name}`;
  check.apiName(r, c, r.name);
  if (!folders.has(`Report:${r.folder}`))
    check.report(r, c, `folder "${r.folder}" is not a report folder of the model`);
  const rt = model.reportTypes.find((t) => t.name === r.reportType);
  const available = new Set(rt?.sections.flatMap((s) => s.fields.map(reportColumn)) ?? []);
  const used = [
    ...r.columns.map((col) => col.field),
    ...r.groupBy,
    ...r.filters.map((f) => f.field),
    ...(r.dateFilter ? [r.dateFilter.field] : []),
  ];
  for (const f of used)
    if (!available.has(reportColumn(f)))
      check.report(r, c, `column ${fieldPath(f)} is not in report type ${r.reportType}`);
}

function checkDashboard(model: AnalyticsModel, d: DashboardDef, folders: Set<string>, check: CheckContext): void {
  const c = `Dashboard ${d.folder}/${d.name}`;
  check.apiName(d, c, d.name);
  if (!folders.has(`Dashboard:${d.folder}`))
    check.report(d, c, `folder "${d.folder}" is not a dashboard folder of the model`);
  for (const comp of d.components) {
    if (!model.reports.includes(comp.report))
      check.report(d, c, `component "${comp.title}" uses a report that is not in the model`);
    if (comp.groupBy && !comp.report.groupBy.some((g) => fieldPath(g) === fieldPath(comp.groupBy!))) {
      check.report(
        d,
        c,
        `component "${comp.title}" groups by ${fieldPath(comp.groupBy)}, which the report does not group by`,
      );
    }
  }
}
