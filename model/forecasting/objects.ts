/**
 * Forecasting (blueprint 000 §5, 001 Epic 9, 002 Phases 4-5, 003 forecasting models): periods,
 * quotas, weekly forecast submissions and accuracy snapshots.
 *
 * Submissions and snapshots are owned by the person whose call they record and are Private:
 * the owner and, through the role hierarchy, their managers see them, which is the roll-up by
 * manager hierarchy. Submissions are insert-only (rules.ts and permissions.ts): a resubmission is
 * a new version that supersedes the last one, never an edit.
 */
import {
  currency,
  customObject,
  date,
  formula,
  longText,
  lookup,
  number,
  picklist,
  text,
} from '../../scripts/dsl/index.ts';
import { externalId, SEGMENTS } from '../objects/shared.ts';

/** Accuracy is measured at fixed horizons before the period ends (issue 14: 10, 6 and 2 weeks). */
export const SNAPSHOT_HORIZON_WEEKS = [10, 6, 2] as const;

export const FORECAST_LEVELS = ['Rep', 'Manager'];

/** A forecast period (a fiscal quarter): open while it runs, closed and frozen once it ends. */
export const ForecastPeriod = customObject('Forecast_Period__c', {
  label: 'Forecast Period',
  pluralLabel: 'Forecast Periods',
  nameField: { label: 'Period', type: 'Text' },
  description: 'A fiscal quarter of forecasting: submissions, quotas and snapshots hang off it; frozen at close.',
  sharingModel: 'Read',
  fields: {
    Start_Date__c: date({ label: 'Start Date', required: true }),
    End_Date__c: date({ label: 'End Date', required: true }),
    Status__c: picklist({
      label: 'Status',
      values: ['Open', 'Closed'],
      default: 'Open',
      required: true,
      trackHistory: true,
      help: 'Closed periods are frozen: no new submissions, quotas or snapshot changes.',
    }),
    Closed_On__c: date({ label: 'Closed On', trackHistory: true }),
    Closed_Won_ARR__c: currency({
      label: 'Closed Won ARR',
      trackHistory: true,
      help: 'The period result, recorded at close: the actual every accuracy figure is measured against.',
    }),
    External_Id__c: externalId(),
  },
});

/** A rep's (or manager's) quota for a period: the target pipeline coverage is measured against. */
export const ForecastQuota = customObject('Forecast_Quota__c', {
  label: 'Forecast Quota',
  pluralLabel: 'Forecast Quotas',
  nameField: { label: 'Quota Number', type: 'AutoNumber', displayFormat: 'FQ-{00000}' },
  description: "The owner's ARR target for a period, by segment.",
  sharingModel: 'Private',
  fields: {
    Forecast_Period__c: lookup('Forecast_Period__c', {
      label: 'Forecast Period',
      relationshipName: 'Forecast_Quotas',
      required: true,
      deleteConstraint: 'Restrict',
    }),
    Segment__c: picklist({ label: 'Segment', values: SEGMENTS, required: true }),
    Quota_ARR__c: currency({ label: 'Quota ARR', required: true, trackHistory: true }),
    External_Id__c: externalId(),
  },
});

/** The weekly call: what the owner commits to for the period, as of one week. */
export const ForecastSubmission = customObject('Forecast_Submission__c', {
  label: 'Forecast Submission',
  pluralLabel: 'Forecast Submissions',
  nameField: { label: 'Submission Number', type: 'AutoNumber', displayFormat: 'FS-{000000}' },
  description:
    'One weekly forecast call of a rep or manager for a period. Insert-only: a resubmission is a new version.',
  sharingModel: 'Private',
  fields: {
    Forecast_Period__c: lookup('Forecast_Period__c', {
      label: 'Forecast Period',
      relationshipName: 'Forecast_Submissions',
      required: true,
      deleteConstraint: 'Restrict',
    }),
    Level__c: picklist({
      label: 'Level',
      values: FORECAST_LEVELS,
      default: 'Rep',
      required: true,
      help: 'Rep: the own deals. Manager: the team roll-up plus the manager judgement on top.',
    }),
    Week_Of__c: date({ label: 'Week Of', required: true, help: 'Monday of the forecast week.' }),
    Commit__c: currency({ label: 'Commit', required: true, help: 'ARR the submitter commits to close this period.' }),
    Best_Case__c: currency({
      label: 'Best Case',
      required: true,
      help: 'ARR of best-case deals on top of the commit.',
    }),
    Pipeline__c: currency({
      label: 'Pipeline',
      required: true,
      help: 'ARR of the remaining qualified pipeline closing this period.',
    }),
    Team_Commit__c: currency({ label: 'Team Commit', help: "Roll-up of the direct reports' current commits." }),
    Team_Best_Case__c: currency({ label: 'Team Best Case' }),
    Team_Pipeline__c: currency({ label: 'Team Pipeline' }),
    Judgement__c: formula('Currency', 'IF(ISPICKVAL(Level__c, "Manager"), Commit__c - Team_Commit__c, NULL)', {
      label: 'Manager Judgement',
      description: "The manager's call minus the team roll-up: the judgement on top.",
      blanks: 'blank',
    }),
    Judgement_Notes__c: longText({
      label: 'Judgement Notes',
      help: 'Why the call differs from the roll-up (which deals, which risks).',
    }),
    Bottoms_Up__c: formula('Currency', 'Commit__c + Best_Case__c * 0.5 + Pipeline__c * 0.15', {
      label: 'Bottoms-Up Forecast',
      description: 'Blueprint 003: Commit + 50 % of Best Case + 15 % of Pipeline.',
    }),
    Manager__c: lookup('User', {
      label: 'Manager',
      relationshipName: 'Team_Forecast_Submissions',
      help: "The submitter's manager when the call was made: the roll-up it belongs to.",
    }),
    Version__c: number({ label: 'Version', precision: 4, scale: 0, required: true }),
    Supersedes__c: lookup('Forecast_Submission__c', {
      label: 'Supersedes',
      relationshipName: 'Superseding_Submissions',
      deleteConstraint: 'Restrict',
      help: 'The previous version of this call; blank for version 1.',
    }),
    Version_Key__c: text({
      label: 'Version Key',
      length: 60,
      unique: true,
      caseSensitive: true,
      help: 'Owner/period/version: unique, so two submissions can never claim the same version.',
    }),
    // No External_Id__c: a submission is a person's own call (owner, manager, version key) and is
    // never seeded or upserted; the dataset has no users to own one (scripts/data/forecasts.ts).
  },
});

const modelError = (label: string, forecast: string) =>
  formula('Percent', `IF(OR(ISBLANK(Actual__c), Actual__c = 0), NULL, ABS(${forecast} - Actual__c) / Actual__c)`, {
    label,
    description: `Absolute percentage error of ${forecast} against the actual (one term of MAPE).`,
    blanks: 'blank',
  });

/** The forecast as it stood a fixed number of weeks before the period ended, scored at close. */
export const ForecastSnapshot = customObject('Forecast_Snapshot__c', {
  label: 'Forecast Snapshot',
  pluralLabel: 'Forecast Snapshots',
  nameField: { label: 'Snapshot Number', type: 'AutoNumber', displayFormat: 'FSN-{000000}' },
  description: `The call and the alternative models at ${SNAPSHOT_HORIZON_WEEKS.join('/')} weeks before period end, with the actual at close.`,
  sharingModel: 'Private',
  fields: {
    Forecast_Period__c: lookup('Forecast_Period__c', {
      label: 'Forecast Period',
      relationshipName: 'Forecast_Snapshots',
      required: true,
      deleteConstraint: 'Restrict',
    }),
    Level__c: picklist({ label: 'Level', values: FORECAST_LEVELS, default: 'Rep', required: true }),
    Forecaster__c: lookup('User', {
      label: 'Forecaster',
      relationshipName: 'Forecast_Snapshots',
      help: 'Whose call this is (the owner), as a field reports can group by.',
    }),
    Manager__c: lookup('User', { label: 'Manager', relationshipName: 'Team_Forecast_Snapshots' }),
    Segment__c: picklist({ label: 'Segment', values: SEGMENTS }),
    Horizon_Weeks__c: number({ label: 'Horizon (Weeks)', precision: 2, scale: 0, required: true }),
    Snapshot_Date__c: date({ label: 'Snapshot Date', required: true }),
    Submission__c: lookup('Forecast_Submission__c', {
      label: 'Submission',
      relationshipName: 'Forecast_Snapshots',
      help: 'The submission version in force when the snapshot was taken.',
    }),
    Call__c: currency({ label: 'Call', help: 'The submitted commit in force at the horizon.' }),
    Stage_Weighted__c: currency({ label: 'Stage-Weighted Model' }),
    Win_Rate_Model__c: currency({ label: 'Win-Rate Model' }),
    Category_Model__c: currency({ label: 'Category Model' }),
    Closed_Won_To_Date__c: currency({ label: 'Closed Won to Date' }),
    Open_Pipeline__c: currency({ label: 'Open Pipeline' }),
    Quota__c: currency({ label: 'Quota' }),
    Coverage__c: formula(
      'Number',
      'IF(Quota__c - Closed_Won_To_Date__c <= 0, NULL, Open_Pipeline__c / (Quota__c - Closed_Won_To_Date__c))',
      {
        label: 'Coverage',
        description: 'Open pipeline over the quota still to close (target 3-4x, blueprint 002).',
        blanks: 'zero',
        precision: 8,
        scale: 2,
      },
    ),
    Actual__c: currency({
      label: 'Actual',
      trackHistory: true,
      help: 'Closed-won ARR of the period, filled in at close.',
    }),
    Error__c: formula('Currency', 'IF(ISBLANK(Actual__c), NULL, Call__c - Actual__c)', {
      label: 'Error',
      description: 'Call minus actual: positive is over-forecast. Summed over actuals it is the bias.',
      blanks: 'blank',
    }),
    Abs_Error__c: formula('Currency', 'IF(ISBLANK(Actual__c), NULL, ABS(Call__c - Actual__c))', {
      label: 'Absolute Error',
      description: 'Summed over actuals it is the WAPE of a roll-up.',
      blanks: 'blank',
    }),
    APE__c: modelError('Call APE', 'Call__c'),
    Stage_Weighted_APE__c: modelError('Stage-Weighted APE', 'Stage_Weighted__c'),
    Win_Rate_APE__c: modelError('Win-Rate APE', 'Win_Rate_Model__c'),
    Category_APE__c: modelError('Category APE', 'Category_Model__c'),
    Snapshot_Key__c: text({
      label: 'Snapshot Key',
      length: 60,
      unique: true,
      caseSensitive: true,
      help: 'Owner/period/horizon: one snapshot per person, period and horizon.',
    }),
    External_Id__c: externalId(),
  },
});

export const forecastingObjects = [ForecastPeriod, ForecastQuota, ForecastSubmission, ForecastSnapshot];
