/**
 * Who may do what in forecasting. Submissions are insert-only by permission as well as by rule:
 * nobody, the admin included, is granted Edit or Delete on them; a resubmission is a new record.
 * Snapshots and period results are written by the forecast admin (the user the weekly snapshot
 * job runs as), read by everyone the role hierarchy lets see them.
 */
import { access, customPermission, fieldsOf, permissionSet } from '../../scripts/dsl/index.ts';
import { ForecastPeriod, ForecastQuota, ForecastSnapshot, ForecastSubmission } from './objects.ts';

export const ForecastManager = customPermission('RevOps_Forecast_Manager', {
  label: 'Submit manager forecasts',
  description: "May submit a manager-level call: the team roll-up plus the manager's judgement.",
});

export const ForecastAdmin = customPermission('RevOps_Forecast_Admin', {
  label: 'Administer forecast periods',
  description: 'May close forecast periods (which freezes them), set quotas and take accuracy snapshots.',
});

/** Classes the forecasting screens call (LDS does the rest). */
const forecastApex = ['ForecastSubmissionController'];
const snapshotApex = [...forecastApex, 'ForecastSnapshotService', 'ForecastSnapshotJob'];

/** What every forecaster needs: own submissions (create + read), periods, quotas, snapshots. */
const forecasterObjects = {
  Forecast_Period__c: access('R'),
  Forecast_Quota__c: access('R'),
  Forecast_Submission__c: access('CR'),
  Forecast_Snapshot__c: access('R'),
};
const forecasterFields = [
  fieldsOf(ForecastPeriod, { edit: false }),
  fieldsOf(ForecastQuota, { edit: false }),
  // Create-only: field edit access is what lets the fields be set on insert; the object grants no Edit.
  fieldsOf(ForecastSubmission),
  fieldsOf(ForecastSnapshot, { edit: false }),
];

export const ForecastRep = permissionSet('RevOps_Forecast_Rep', {
  label: 'RevOps: Forecast (Rep)',
  description: 'Submits the weekly rep call for own deals; reads periods, quotas and own snapshots.',
  objects: forecasterObjects,
  fields: forecasterFields,
  apexClasses: forecastApex,
});

export const ForecastManagerSet = permissionSet('RevOps_Forecast_Manager', {
  label: 'RevOps: Forecast (Manager)',
  description: "Submits the manager call on top of the team's roll-up; sees the team through the role hierarchy.",
  objects: forecasterObjects,
  fields: forecasterFields,
  customPermissions: [ForecastManager.name],
  apexClasses: forecastApex,
});

export const ForecastAdminSet = permissionSet('RevOps_Forecast_Admin', {
  label: 'RevOps: Forecast Admin',
  description:
    'Opens and closes periods, sets quotas, takes the accuracy snapshots. Still cannot edit or delete a submission. Held with the RevOps admin set, whose View All lets the snapshot job see every deal and call.',
  objects: {
    Forecast_Period__c: access('CRE'),
    Forecast_Quota__c: access('CRE'),
    Forecast_Submission__c: access('CR'),
    Forecast_Snapshot__c: access('CRE'),
  },
  fields: [fieldsOf(ForecastPeriod), fieldsOf(ForecastQuota), fieldsOf(ForecastSubmission), fieldsOf(ForecastSnapshot)],
  customPermissions: [ForecastAdmin.name, ForecastManager.name],
  apexClasses: snapshotApex,
});

export const forecastPermissionSets = [ForecastRep, ForecastManagerSet, ForecastAdminSet];

/**
 * What the RevOps admin set (model/security/permission-sets.ts) holds on forecasting: View All, so
 * the snapshot job and period close see every call and deal, but on submissions no Edit, Delete or
 * Modify All: insert-only holds for the admin too (a repair goes through the governance bypass
 * on a new version, or a data load).
 */
export const forecastAdminObjectAccess = {
  Forecast_Period__c: access('CRE', { viewAll: true }),
  Forecast_Quota__c: access('CRE', { viewAll: true }),
  Forecast_Submission__c: access('CR', { viewAll: true }),
  Forecast_Snapshot__c: access('CRE', { viewAll: true }),
};
export const forecastAdminFields = [ForecastPeriod, ForecastQuota, ForecastSubmission, ForecastSnapshot].map((o) =>
  fieldsOf(o),
);
