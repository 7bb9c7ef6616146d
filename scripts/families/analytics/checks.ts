/**
 * Reports and dashboards name folders, report types, columns and reports that the model has, and
 * use them the way Salesforce accepts: every column, grouping, filter and summary formula is a
 * field of the report's type, filters suit the field's type (picklist values exist, ranges are on
 * numbers and dates), charts group by a grouping of their report, and folders are shared to roles
 * or public groups of the model, never to a user.
 */
import type { CheckContext } from '../../core/checks.ts';
import { fieldPath, type FieldRef } from '../../core/model-types.ts';
import type { RolesModel } from '../roles/index.ts';
import type { AnalyticsModel, DashboardDef, FolderDef, ReportDef, ReportFilterDef } from './builders.ts';
import { reportColumn } from './emit.ts';

const NUMERIC = new Set(['currency', 'double', 'int', 'percent', 'long']);
const TEMPORAL = new Set(['date', 'datetime', 'time']);
const TEXTUAL = new Set([
  'string',
  'textarea',
  'email',
  'phone',
  'url',
  'picklist',
  'multipicklist',
  'combobox',
  'id',
  'reference',
]);
/** Relative date literals a filter value may use instead of a date (`NEXT_N_DAYS:180`). */
const RELATIVE_DATE =
  /^(TODAY|YESTERDAY|TOMORROW|(THIS|LAST|NEXT)_(WEEK|MONTH|QUARTER|YEAR|FISCAL_QUARTER|FISCAL_YEAR)|(LAST|NEXT)_N_(DAYS|WEEKS|MONTHS|QUARTERS|YEARS):\d+)$/;

export function checkAnalytics(model: AnalyticsModel & Partial<RolesModel>, check: CheckContext): void {
  const folderNames = new Set(model.folders.map((f) => `${f.folderType}:${f.name}`));
  check.unique(
    model.folders,
    (f) => `${f.folderType}:${f.name}`,
    (f) => `${f.folderType}Folder ${f.name}`,
    'folder',
  );
  for (const f of model.folders) checkFolder(model, f, check);
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
    for (const s of rt.sections) {
      for (const f of s.fields) {
        check.fieldExists(rt, c, f, `section "${s.label}"`);
        if (f.object !== rt.baseObject)
          check.report(rt, c, `${fieldPath(f)} is not a field of the base object ${rt.baseObject}`);
      }
    }
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

function checkFolder(model: AnalyticsModel & Partial<RolesModel>, f: FolderDef, check: CheckContext): void {
  const c = `${f.folderType}Folder ${f.name}`;
  check.apiName(f, c, f.name);
  if (!f.shares.length) check.report(f, c, 'shared with nobody: share it with the roles or groups that use it');
  const roles = new Set((model.roles ?? []).map((r) => r.name));
  const groups = new Set((model.publicGroups ?? []).map((g) => g.name));
  for (const s of f.shares) {
    const known = s.type === 'Group' ? groups.has(s.to) : roles.has(s.to);
    if (!known)
      check.report(
        f,
        c,
        `shared to ${s.type} ${s.to}, which is not a ${s.type === 'Group' ? 'public group' : 'role'} of the model`,
      );
  }
}

function checkReport(model: AnalyticsModel, r: ReportDef, folders: Set<string>, check: CheckContext): void {
  const c = `Report ${r.folder}/${r.name}`;
  check.apiName(r, c, r.name);
  if (!folders.has(`Report:${r.folder}`))
    check.report(r, c, `folder "${r.folder}" is not a report folder of the model`);
  const rt = model.reportTypes.find((t) => t.name === r.reportType);
  if (!rt) check.report(r, c, `report type ${r.reportType} is not in the model`);
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
  const typeOf = (f: FieldRef) => check.schema.object(f.object)?.field(f.field)?.type;
  for (const col of r.columns) {
    const type = typeOf(col.field);
    if (col.aggregate && type && !NUMERIC.has(type))
      check.report(r, c, `column ${fieldPath(col.field)} is ${type}: only numbers can be summed or averaged`);
  }
  for (const f of r.filters) checkFilter(r, c, f, check);
  if (r.dateFilter) {
    const type = typeOf(r.dateFilter.field);
    if (type && !TEMPORAL.has(type))
      check.report(r, c, `date filter on ${fieldPath(r.dateFilter.field)}, which is ${type}, not a date`);
  }
  check.unique(
    r.summaryFormulas,
    (f) => f.name,
    () => c,
    'summary formula',
    r,
  );
  for (const f of r.summaryFormulas) {
    check.apiName(r, `${c} (summary formula ${f.name})`, f.name);
    for (const m of f.formula.matchAll(/([A-Za-z0-9_]+)\.([A-Za-z0-9_]+):(SUM|AVG|MAX|MIN)/g)) {
      const ref = { object: m[1]!, field: m[2]! };
      if (!available.has(reportColumn(ref)))
        check.report(
          r,
          c,
          `summary formula ${f.name} reads ${fieldPath(ref)}, which is not in report type ${r.reportType}`,
        );
      else if (!r.columns.some((col) => reportColumn(col.field) === reportColumn(ref) && col.aggregate))
        check.report(r, c, `summary formula ${f.name} reads ${fieldPath(ref)}: add it as a summed column`);
    }
  }
}

/** A filter's operator suits its field, and a picklist filter names values the picklist has. */
function checkFilter(r: ReportDef, c: string, f: ReportFilterDef, check: CheckContext): void {
  const field = check.schema.object(f.field.object)?.field(f.field.field);
  if (!field) return; // reported above as a column missing from the report type
  const where = `filter on ${fieldPath(f.field)}`;
  const ordered = ['lessThan', 'greaterThan', 'lessOrEqual', 'greaterOrEqual'].includes(f.operator);
  if (ordered && !NUMERIC.has(field.type) && !TEMPORAL.has(field.type))
    check.report(r, c, `${where}: ${f.operator} compares numbers and dates, not ${field.type}`);
  if (f.operator === 'contains' && !TEXTUAL.has(field.type))
    check.report(r, c, `${where}: contains works on text, not ${field.type}`);
  if (NUMERIC.has(field.type) && !f.value.split(',').every((v) => v.trim() !== '' && Number.isFinite(Number(v))))
    check.report(r, c, `${where}: "${f.value}" is not a number`);
  if (TEMPORAL.has(field.type) && !RELATIVE_DATE.test(f.value) && !/^\d{4}-\d{2}-\d{2}/.test(f.value))
    check.report(r, c, `${where}: "${f.value}" is neither a date nor a relative date such as NEXT_N_DAYS:90`);
  if ((field.type === 'picklist' || field.type === 'multipicklist') && field.picklistValues) {
    const values = new Set(field.picklistValues);
    for (const v of f.value.split(',').map((s) => s.trim()))
      if (v && !values.has(v)) check.report(r, c, `${where}: "${v}" is not a value of the picklist`);
  }
}

function checkDashboard(model: AnalyticsModel, d: DashboardDef, folders: Set<string>, check: CheckContext): void {
  const c = `Dashboard ${d.folder}/${d.name}`;
  check.apiName(d, c, d.name);
  if (!folders.has(`Dashboard:${d.folder}`))
    check.report(d, c, `folder "${d.folder}" is not a dashboard folder of the model`);
  for (const comp of d.components) {
    const what = `component "${comp.title}"`;
    if (!model.reports.includes(comp.report)) check.report(d, c, `${what} uses a report that is not in the model`);
    if (comp.groupBy && !comp.report.groupBy.some((g) => fieldPath(g) === fieldPath(comp.groupBy!))) {
      check.report(d, c, `${what} groups by ${fieldPath(comp.groupBy)}, which the report does not group by`);
    }
    const charted = ['Bar', 'Column', 'Donut', 'Line'].includes(comp.chart);
    if (charted && !comp.groupBy) check.report(d, c, `${what} is a ${comp.chart} chart: it needs a grouping`);
    if (
      comp.sum &&
      !comp.report.columns.some((col) => reportColumn(col.field) === reportColumn(comp.sum!) && col.aggregate === 'Sum')
    )
      check.report(d, c, `${what} sums ${fieldPath(comp.sum)}, which the report does not sum`);
    if (comp.formula && !comp.report.summaryFormulas.some((f) => f.name === comp.formula))
      check.report(d, c, `${what} shows summary formula ${comp.formula}, which the report does not define`);
    if (comp.chart === 'Gauge' && !comp.bands) check.report(d, c, `${what} is a gauge: give it bands`);
    if (
      comp.bands &&
      !(comp.bands.min <= comp.bands.low && comp.bands.low <= comp.bands.high && comp.bands.high <= comp.bands.max)
    )
      check.report(d, c, `${what}: bands must run min ≤ low ≤ high ≤ max`);
  }
}
