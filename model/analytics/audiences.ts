/**
 * Who reads the reports and dashboards, and the role hierarchy forecasts roll up along
 * (blueprint 000 §9: role-based access). Analytics folders are shared to these roles and groups,
 * never to a user; private forecasting records (submissions, snapshots, quotas) reach a manager
 * through the hierarchy, so the roles mirror the manager hierarchy (User.ManagerId).
 */
import { publicGroup, role } from '../../scripts/dsl/index.ts';

export const ChiefRevenueOfficer = role('RevOps_CRO', {
  label: 'Chief Revenue Officer',
  description: 'Top of the sales hierarchy: sees every forecast roll-up.',
  mayForecastManagerShare: true,
});
export const SalesManager = role('RevOps_Sales_Manager', {
  label: 'Sales Manager',
  description: "Manages account executives and SDRs; sees the team's forecasts and deals.",
  parent: ChiefRevenueOfficer,
  mayForecastManagerShare: true,
});
export const AccountExecutiveRole = role('RevOps_Account_Executive', {
  label: 'Account Executive',
  parent: SalesManager,
});
export const SdrRole = role('RevOps_SDR', { label: 'Sales Development Rep', parent: SalesManager });
export const RevOpsRole = role('RevOps_Operations', {
  label: 'Revenue Operations',
  description: 'Sales ops and RevOps admins: run the forecast and the data quality reviews.',
  parent: ChiefRevenueOfficer,
});
export const FinanceRole = role('RevOps_Finance', {
  label: 'Finance and Legal',
  description: 'Deal desk and contracts: discounts, renewals, forecast accuracy for the board memo.',
  parent: ChiefRevenueOfficer,
});

/** Cross-team readers of the forecast and accuracy dashboards (000 §9: monthly RevOps memo). */
export const ForecastReviewers = publicGroup('RevOps_Forecast_Reviewers', { label: 'Forecast Reviewers' });

export const roles = [ChiefRevenueOfficer, SalesManager, AccountExecutiveRole, SdrRole, RevOpsRole, FinanceRole];
export const publicGroups = [ForecastReviewers];
