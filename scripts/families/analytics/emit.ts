import { at, type GeneratedFile } from '../../core/family.ts';
import type { FieldRef } from '../../core/model-types.ts';
import { metadataXml } from '../../core/xml.ts';
import type { DashboardComponentDef, FolderDef, ReportDef } from './builders.ts';
import type { AnalyticsModel } from './builders.ts';

/** How a report on a custom report type names a column: `Opportunity$StageName`. */
export const reportColumn = (ref: FieldRef): string => `${ref.object}$${ref.field}`;
/** Reports name custom report types with a `__c` suffix. */
export const reportTypeRef = (name: string): string => `${name}__c`;

/** Folders, custom report types, reports and dashboards. */
export async function emitAnalytics(model: AnalyticsModel): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const folder of model.folders) files.push(await folderFile(folder));
  for (const rt of model.reportTypes) {
    files.push({
      path: at('reportTypes', `${rt.name}.reportType-meta.xml`),
      content: await metadataXml('ReportType', {
        baseObject: rt.baseObject,
        category: rt.category,
        deployed: true,
        description: rt.description,
        label: rt.label,
        sections: rt.sections.map((s) => ({
          columns: s.fields.map((f) => ({ checkedByDefault: false, field: f.field, table: rt.baseObject })),
          masterLabel: s.label,
        })),
      }),
    });
  }
  for (const r of model.reports) {
    files.push({
      path: at('reports', r.folder, `${r.name}.report-meta.xml`),
      content: await metadataXml('Report', reportXml(r)),
    });
  }
  for (const d of model.dashboards) {
    files.push({
      path: at('dashboards', d.folder, `${d.name}.dashboard-meta.xml`),
      content: await metadataXml('Dashboard', {
        backgroundEndColor: '#FFFFFF',
        backgroundFadeDirection: 'Diagonal',
        backgroundStartColor: '#FFFFFF',
        chartTheme: 'light',
        colorPalette: 'unity',
        dashboardChartTheme: 'light',
        dashboardColorPalette: 'unity',
        dashboardGridLayout: {
          dashboardGridComponents: d.components.map((c, i) => ({
            colSpan: 6,
            columnIndex: (i % 2) * 6,
            dashboardComponent: componentXml(c),
            rowIndex: Math.floor(i / 2) * 8,
            rowSpan: 8,
          })),
          numberOfColumns: 12,
          rowHeight: 36,
        },
        dashboardType: 'LoggedInUser',
        description: d.description,
        isGridLayout: true,
        textColor: '#000000',
        title: d.title,
        titleColor: '#000000',
        titleSize: 12,
      }),
    });
  }
  return files;
}

async function folderFile(folder: FolderDef): Promise<GeneratedFile> {
  const type = folder.folderType === 'Report' ? 'ReportFolder' : 'DashboardFolder';
  const dir = folder.folderType === 'Report' ? 'reports' : 'dashboards';
  const shares = folder.shares;
  return {
    path: at(dir, `${folder.name}.${folder.folderType === 'Report' ? 'reportFolder' : 'dashboardFolder'}-meta.xml`),
    content: await metadataXml(type, {
      folderShares: shares.map((s) => ({ accessLevel: s.access, sharedTo: s.to, sharedToType: s.type })),
      name: folder.label,
    }),
  };
}

function reportXml(r: ReportDef): Record<string, unknown> {
  const grouped = new Set(r.groupBy.map(reportColumn));
  return {
    aggregates: r.summaryFormulas.map((f) => ({
      calculatedFormula: f.formula,
      datatype: f.type,
      description: f.description,
      developerName: f.name,
      isActive: true,
      isCrossBlock: false,
      masterLabel: f.label,
      scale: f.scale,
    })),
    columns: r.columns
      .filter((c) => !grouped.has(reportColumn(c.field)))
      .map((c) => ({ aggregateTypes: c.aggregate, field: reportColumn(c.field) })),
    description: r.description,
    filter: r.filters.length
      ? {
          criteriaItems: r.filters.map((f) => ({
            column: reportColumn(f.field),
            columnToColumn: false,
            isUnlocked: true,
            operator: f.operator,
            value: f.value,
          })),
          language: 'en_US',
        }
      : undefined,
    format: r.format,
    groupingsDown: r.groupBy.map((g) => ({ dateGranularity: 'Day', field: reportColumn(g), sortOrder: 'Asc' })),
    name: r.label,
    reportType: reportTypeRef(r.reportType),
    scope: 'organization',
    showDetails: r.format === 'Tabular',
    showGrandTotal: true,
    showSubTotals: true,
    timeFrameFilter: r.dateFilter
      ? { dateColumn: reportColumn(r.dateFilter.field), interval: r.dateFilter.range }
      : undefined,
  };
}

function componentXml(c: DashboardComponentDef): Record<string, unknown> {
  const summary = c.formula
    ? { axisBinding: 'y', column: c.formula }
    : c.sum
      ? { aggregate: 'Sum', axisBinding: 'y', column: reportColumn(c.sum) }
      : { axisBinding: 'y', column: 'RowCount' };
  const single = c.chart === 'Metric' || c.chart === 'Gauge';
  // Red below the low band, green above the high one (reversed when low is good, e.g. error rates).
  const [lowColor, highColor] = c.bands?.lowIsGood ? ['#54C254', '#C25454'] : ['#C25454', '#54C254'];
  return {
    autoselectColumnsFromReport: false,
    chartAxisRange: single ? undefined : 'Auto',
    chartSummary: summary,
    componentType: c.chart,
    gaugeMax: c.chart === 'Gauge' ? c.bands?.max : undefined,
    gaugeMin: c.chart === 'Gauge' ? c.bands?.min : undefined,
    groupingColumn: c.groupBy ? reportColumn(c.groupBy) : undefined,
    indicatorBreakpoint1: c.bands?.low,
    indicatorBreakpoint2: c.bands?.high,
    indicatorHighColor: c.bands ? highColor : undefined,
    indicatorLowColor: c.bands ? lowColor : undefined,
    indicatorMiddleColor: c.bands ? '#C2C254' : undefined,
    legendPosition: single ? undefined : 'Bottom',
    report: `${c.report.folder}/${c.report.name}`,
    showPercentage: false,
    showValues: true,
    sortBy: c.groupBy ? 'RowLabelAscending' : undefined,
    title: c.title,
    useReportChart: false,
  };
}
