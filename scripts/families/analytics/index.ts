/** Reporting: report and dashboard folders (shared to roles and groups), report types, reports, dashboards. */
import { defineFamily } from '../../core/family.ts';
import { locate } from '../../core/origin.ts';
import * as builders from './builders.ts';
import { analyticsIndex, analyticsRelated, renderAnalyticsPage } from './catalogue.ts';
import { checkAnalytics } from './checks.ts';
import { emitAnalytics } from './emit.ts';
import type { AnalyticsModel } from './builders.ts';
import type { RolesModel } from '../roles/index.ts';

export type { AnalyticsModel } from './builders.ts';

export type * from './builders.ts';
export { reportColumn, reportTypeRef } from './emit.ts';
export { shareWith } from './builders.ts';

export const reportFolder = locate(builders.reportFolder);
export const dashboardFolder = locate(builders.dashboardFolder);
export const reportType = locate(builders.reportType);
export const report = locate(builders.report);
export const dashboard = locate(builders.dashboard);

export const analyticsFamily = defineFamily<AnalyticsModel, AnalyticsModel & RolesModel>({
  name: 'analytics',
  sections: { folders: 'list', reportTypes: 'list', reports: 'list', dashboards: 'list' },
  check: checkAnalytics,
  emit: emitAnalytics,
  catalogue: { pages: (cat) => [renderAnalyticsPage(cat)], index: analyticsIndex, related: analyticsRelated },
});
