/** Reporting: report and dashboard folders, custom report types, reports and dashboards. */
import type { FieldRef } from '../../core/model-types.ts';

/** Who sees a report or dashboard folder: roles or public groups of the model, never a named user. */
export interface FolderShareDef {
  readonly to: string;
  readonly type: 'Group' | 'Role' | 'RoleAndSubordinates';
  readonly access: 'View' | 'EditAllContents' | 'Manage';
}
type ShareAccess = FolderShareDef['access'];
/** `shareWith(SalesManager)`: the role and everyone below it; `shareWith(RevOpsTeam)`: a public group. */
export const shareWith = (
  to: { readonly kind: 'role' | 'publicGroup'; readonly name: string },
  access: ShareAccess = 'View',
  o: { subordinates?: boolean } = {},
): FolderShareDef => ({
  to: to.name,
  type: to.kind === 'publicGroup' ? 'Group' : (o.subordinates ?? true) ? 'RoleAndSubordinates' : 'Role',
  access,
});
export interface FolderDef {
  readonly kind: 'folder';
  readonly folderType: 'Report' | 'Dashboard';
  readonly name: string;
  readonly label: string;
  readonly shares: readonly FolderShareDef[];
  readonly locked?: boolean;
}
export const reportFolder = (
  name: string,
  o: { label: string; shares?: readonly FolderShareDef[]; locked?: boolean },
): FolderDef => ({
  kind: 'folder',
  folderType: 'Report',
  name,
  label: o.label,
  shares: o.shares ?? [],
  locked: o.locked,
});
export const dashboardFolder = (
  name: string,
  o: { label: string; shares?: readonly FolderShareDef[]; locked?: boolean },
): FolderDef => ({
  kind: 'folder',
  folderType: 'Dashboard',
  name,
  label: o.label,
  shares: o.shares ?? [],
  locked: o.locked,
});

export interface ReportTypeSectionDef {
  readonly label: string;
  readonly fields: readonly FieldRef[];
}
/** A custom report type over one object; reports name its columns as `Object$Field`. */
export interface ReportTypeDef {
  readonly kind: 'reportType';
  readonly name: string;
  readonly label: string;
  readonly description: string;
  readonly baseObject: string;
  readonly category: 'opportunities' | 'leads' | 'accounts' | 'other';
  readonly sections: readonly ReportTypeSectionDef[];
  readonly locked?: boolean;
}
export const reportType = (name: string, o: Omit<ReportTypeDef, 'kind' | 'name'>): ReportTypeDef => ({
  kind: 'reportType',
  name,
  ...o,
});

export type ReportFilterOperator =
  'equals' | 'notEqual' | 'lessThan' | 'greaterThan' | 'lessOrEqual' | 'greaterOrEqual' | 'contains';
export interface ReportFilterDef {
  readonly field: FieldRef;
  readonly operator: ReportFilterOperator;
  readonly value: string;
}
export type Aggregate = 'Sum' | 'Average' | 'Maximum' | 'Minimum';
/**
 * A custom summary formula of a report (WAPE, bias, coverage...): `formula` reads summaries as
 * `Object.Field:SUM`, the way the report builder writes them.
 */
export interface ReportSummaryFormulaDef {
  readonly name: string;
  readonly label: string;
  readonly formula: string;
  readonly type: 'number' | 'percent' | 'currency';
  readonly scale: number;
  readonly description?: string;
}
export interface ReportDef {
  readonly kind: 'report';
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  readonly folder: string;
  readonly reportType: string;
  readonly format: 'Tabular' | 'Summary';
  readonly columns: readonly { readonly field: FieldRef; readonly aggregate?: Aggregate }[];
  readonly groupBy: readonly FieldRef[];
  readonly filters: readonly ReportFilterDef[];
  readonly dateFilter?: {
    readonly field: FieldRef;
    readonly range: ReportDateRange;
  };
  readonly summaryFormulas: readonly ReportSummaryFormulaDef[];
  readonly locked?: boolean;
}
/** Relative date ranges of a report's standard date filter (Metadata API UserDateInterval). */
export type ReportDateRange =
  | 'INTERVAL_CURFY'
  | 'INTERVAL_CURRENT'
  | 'INTERVAL_CURRENTQ'
  | 'INTERVAL_CURNEXTQ'
  | 'INTERVAL_PREVQ'
  | 'INTERVAL_NEXT1'
  | 'INTERVAL_NEXT90'
  | 'INTERVAL_NEXT120'
  | 'INTERVAL_LAST90'
  | 'INTERVAL_CUSTOM';
export const report = (
  name: string,
  o: {
    label: string;
    description?: string;
    folder: FolderDef;
    reportType: ReportTypeDef;
    columns: readonly (FieldRef | { field: FieldRef; aggregate?: Aggregate })[];
    groupBy?: readonly FieldRef[];
    filters?: readonly ReportFilterDef[];
    dateFilter?: ReportDef['dateFilter'];
    summaryFormulas?: readonly ReportSummaryFormulaDef[];
    locked?: boolean;
  },
): ReportDef => ({
  kind: 'report',
  name,
  label: o.label,
  description: o.description,
  folder: o.folder.name,
  reportType: o.reportType.name,
  format: o.groupBy?.length ? 'Summary' : 'Tabular',
  columns: o.columns.map((c) =>
    typeof c.field === 'string' ? { field: c as FieldRef } : (c as { field: FieldRef; aggregate?: Aggregate }),
  ),
  groupBy: o.groupBy ?? [],
  filters: o.filters ?? [],
  dateFilter: o.dateFilter,
  summaryFormulas: o.summaryFormulas ?? [],
  locked: o.locked,
});

export interface DashboardComponentDef {
  readonly chart: 'Bar' | 'Column' | 'Donut' | 'Line' | 'Metric' | 'Gauge' | 'Table';
  readonly title: string;
  readonly report: ReportDef;
  /** Grouping field for charts (must be a grouping of the report). */
  readonly groupBy?: FieldRef;
  /** Summed field (a Sum column of the report), or the record count when absent. */
  readonly sum?: FieldRef;
  /** A summary formula of the report to show instead of a sum (gauges and metrics of ratios). */
  readonly formula?: string;
  /** Gauge and metric bands: below `low` is red, above `high` green (or the reverse with `lowIsGood`). */
  readonly bands?: {
    readonly min: number;
    readonly low: number;
    readonly high: number;
    readonly max: number;
    readonly lowIsGood?: boolean;
  };
}
export interface DashboardDef {
  readonly kind: 'dashboard';
  readonly name: string;
  readonly title: string;
  readonly description?: string;
  readonly folder: string;
  readonly components: readonly DashboardComponentDef[];
  readonly locked?: boolean;
}
/** Dashboards run as the logged-in user, so everyone sees only the data they may see. */
export const dashboard = (
  name: string,
  o: {
    title: string;
    description?: string;
    folder: FolderDef;
    components: readonly DashboardComponentDef[];
    locked?: boolean;
  },
): DashboardDef => ({
  kind: 'dashboard',
  name,
  title: o.title,
  description: o.description,
  folder: o.folder.name,
  components: o.components,
  locked: o.locked,
});

/** What this family adds to the model. */
export interface AnalyticsModel {
  readonly folders: readonly FolderDef[];
  readonly reportTypes: readonly ReportTypeDef[];
  readonly reports: readonly ReportDef[];
  readonly dashboards: readonly DashboardDef[];
}
