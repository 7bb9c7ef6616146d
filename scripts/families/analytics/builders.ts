/** Reporting: report and dashboard folders, custom report types, reports and dashboards. */
import type { FieldRef } from '../../core/model-types.ts';

/** Who sees a report or dashboard folder: roles or groups, never a named user. */
export interface FolderShareDef {
  readonly to: string;
  readonly type: 'Group' | 'Role' | 'RoleAndSubordinates' | 'Organization';
  readonly access: 'View' | 'EditAllContents' | 'Manage';
}
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
    readonly range: 'INTERVAL_CURFY' | 'INTERVAL_CURRENT' | 'INTERVAL_NEXT1' | 'INTERVAL_CUSTOM';
  };
  readonly locked?: boolean;
}
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
  locked: o.locked,
});

export interface DashboardComponentDef {
  readonly chart: 'Bar' | 'Column' | 'Donut' | 'Metric' | 'Table';
  readonly title: string;
  readonly report: ReportDef;
  /** Grouping field for charts (must be a grouping of the report). */
  readonly groupBy?: FieldRef;
  /** Summed field, or the record count when absent. */
  readonly sum?: FieldRef;
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
