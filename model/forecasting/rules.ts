/**
 * Forecasting's validation rules: submissions are insert-only and form one linear chain of
 * versions per person and period; closed periods are frozen; snapshots keep the numbers they
 * were taken with. Every rule yields to the governance bypass (integrations, data repairs).
 */
import { validationRule } from '../../scripts/dsl/index.ts';
import { notBypassed } from '../governance/permissions.ts';
import {
  ForecastPeriod,
  ForecastQuota,
  ForecastSnapshot,
  ForecastSubmission,
  SNAPSHOT_HORIZON_WEEKS,
} from './objects.ts';
import { ForecastAdmin, ForecastManager } from './permissions.ts';

const Sub = ForecastSubmission;

// ------------------------------------------------------------------ periods

export const periodDatesOrdered = validationRule(ForecastPeriod, 'Period_Dates_Ordered', {
  formula: `AND(\n    ${notBypassed},\n    End_Date__c <= Start_Date__c\n)`,
  message: 'A period ends after it starts: check the end date.',
  errorField: ForecastPeriod.field('End_Date__c'),
});

export const periodFrozen = validationRule(ForecastPeriod, 'Period_Frozen_At_Close', {
  formula: `AND(\n    ${notBypassed},\n    NOT(ISNEW()),\n    ISPICKVAL(PRIORVALUE(Status__c), "Closed")\n)`,
  message: 'This period is closed and its results are frozen. A correction needs the RevOps admin.',
  errorField: ForecastPeriod.field('Status__c'),
});

export const periodClosedByAdmin = validationRule(ForecastPeriod, 'Period_Closed_By_Forecast_Admin', {
  formula: `AND(
    ${notBypassed},
    OR(ISNEW(), ISCHANGED(Status__c)),
    ISPICKVAL(Status__c, "Closed"),
    OR(
        NOT($Permission.${ForecastAdmin.name}),
        End_Date__c >= TODAY(),
        ISBLANK(Closed_On__c),
        ISBLANK(Closed_Won_ARR__c)
    )
)`,
  message:
    'Only the forecast admin closes a period, after its last day, with the close date and the closed-won ARR recorded.',
  errorField: ForecastPeriod.field('Status__c'),
});

// ------------------------------------------------------------------ quotas

export const quotaFrozen = validationRule(ForecastQuota, 'Quota_Frozen_With_Period', {
  formula: `AND(\n    ${notBypassed},\n    ISPICKVAL(Forecast_Period__r.Status__c, "Closed")\n)`,
  message: 'The period is closed: its quotas are frozen.',
  errorField: ForecastQuota.field('Quota_ARR__c'),
});

// ------------------------------------------------------------------ submissions

export const submissionNeverEdited = validationRule(Sub, 'Submission_Never_Edited', {
  formula: `AND(\n    ${notBypassed},\n    NOT(ISNEW())\n)`,
  message: 'A forecast submission is never edited: submit a new version, which supersedes this one.',
  description: 'Insert-only, also by permission: no permission set grants Edit on submissions.',
  errorField: Sub.field('Commit__c'),
});

export const submissionPeriodOpen = validationRule(Sub, 'Submission_Period_Open', {
  formula: `AND(\n    ${notBypassed},\n    ISNEW(),\n    NOT(ISPICKVAL(Forecast_Period__r.Status__c, "Open"))\n)`,
  message: 'The period is closed: its forecast is frozen.',
  errorField: Sub.field('Forecast_Period__c'),
});

export const submissionOwnCall = validationRule(Sub, 'Submission_Own_Call', {
  formula: `AND(\n    ${notBypassed},\n    ISNEW(),\n    OwnerId <> $User.Id\n)`,
  message: 'Submit your own forecast: a submission belongs to the person whose call it is.',
  errorField: Sub.field('Commit__c'),
});

export const submissionVersionChain = validationRule(Sub, 'Submission_Version_Chain', {
  formula: `AND(
    ${notBypassed},
    ISNEW(),
    OR(
        Version__c < 1,
        AND(Version__c = 1, NOT(ISBLANK(Supersedes__c))),
        AND(
            Version__c > 1,
            OR(
                ISBLANK(Supersedes__c),
                Supersedes__r.Version__c <> Version__c - 1,
                Supersedes__r.OwnerId <> OwnerId,
                Supersedes__r.Forecast_Period__c <> Forecast_Period__c
            )
        )
    )
)`,
  message: 'Version 1 supersedes nothing; every later version supersedes your previous version for the same period.',
  errorField: Sub.field('Supersedes__c'),
});

export const submissionVersionKey = validationRule(Sub, 'Submission_Version_Key', {
  formula: `AND(
    ${notBypassed},
    ISNEW(),
    Version_Key__c <> OwnerId & "/" & Forecast_Period__c & "/" & TEXT(Version__c)
)`,
  message: 'The version key is owner/period/version: it makes each version of a call unique.',
  errorField: Sub.field('Version_Key__c'),
  description: 'With the unique Version_Key__c, two submissions can never both be version N of one chain.',
});

export const submissionManagerLevel = validationRule(Sub, 'Submission_Manager_Level', {
  formula: `AND(
    ${notBypassed},
    ISNEW(),
    ISPICKVAL(Level__c, "Manager"),
    NOT($Permission.${ForecastManager.name})
)`,
  message: 'Only managers submit a manager-level call. Submit at rep level.',
  errorField: Sub.field('Level__c'),
});

export const submissionJudgementExplained = validationRule(Sub, 'Submission_Judgement_Explained', {
  formula: `AND(
    ${notBypassed},
    ISNEW(),
    ISPICKVAL(Level__c, "Manager"),
    Commit__c <> BLANKVALUE(Team_Commit__c, 0),
    ISBLANK(Judgement_Notes__c)
)`,
  message: 'Your call differs from the team roll-up: say why in Judgement Notes.',
  errorField: Sub.field('Judgement_Notes__c'),
});

export const submissionAmountsValid = validationRule(Sub, 'Submission_Amounts_Not_Negative', {
  formula: `AND(\n    ${notBypassed},\n    OR(Commit__c < 0, Best_Case__c < 0, Pipeline__c < 0)\n)`,
  message: 'Commit, best case and pipeline are amounts of ARR: none is negative.',
  errorField: Sub.field('Commit__c'),
});

export const submissionManagerStamped = validationRule(Sub, 'Submission_Manager_Stamped', {
  formula: `AND(\n    ${notBypassed},\n    ISNEW(),\n    BLANKVALUE(Manager__c, "") <> BLANKVALUE($User.ManagerId, "")\n)`,
  message: 'Manager is the manager of the person submitting: it places the call in the right roll-up.',
  errorField: Sub.field('Manager__c'),
});

// ------------------------------------------------------------------ snapshots

export const snapshotHorizon = validationRule(ForecastSnapshot, 'Snapshot_Fixed_Horizon', {
  formula: `AND(
    ${notBypassed},
    ${SNAPSHOT_HORIZON_WEEKS.map((w) => `Horizon_Weeks__c <> ${w}`).join(',\n    ')}
)`,
  message: `Snapshots are taken ${SNAPSHOT_HORIZON_WEEKS.join(', ')} weeks before the period ends: choose one of those horizons.`,
  errorField: ForecastSnapshot.field('Horizon_Weeks__c'),
});

const snapshotInputs = [
  'Call__c',
  'Stage_Weighted__c',
  'Win_Rate_Model__c',
  'Category_Model__c',
  'Closed_Won_To_Date__c',
  'Open_Pipeline__c',
  'Quota__c',
  'Horizon_Weeks__c',
  'Snapshot_Date__c',
  'Submission__c',
  'Forecast_Period__c',
];

export const snapshotValuesFixed = validationRule(ForecastSnapshot, 'Snapshot_Values_Fixed', {
  formula: `AND(
    ${notBypassed},
    NOT(ISNEW()),
    OR(
        ${snapshotInputs.map((f) => `ISCHANGED(${f})`).join(',\n        ')}
    )
)`,
  message: 'A snapshot keeps the forecast as it stood: only its actual is filled in later.',
  errorField: ForecastSnapshot.field('Call__c'),
});

export const snapshotFrozen = validationRule(ForecastSnapshot, 'Snapshot_Frozen_With_Period', {
  formula: `AND(\n    ${notBypassed},\n    NOT(ISNEW()),\n    ISPICKVAL(Forecast_Period__r.Status__c, "Closed")\n)`,
  message: 'The period is closed: its snapshots are frozen.',
  errorField: ForecastSnapshot.field('Actual__c'),
});

export const forecastingRules = [
  periodDatesOrdered,
  periodFrozen,
  periodClosedByAdmin,
  quotaFrozen,
  submissionNeverEdited,
  submissionPeriodOpen,
  submissionOwnCall,
  submissionVersionChain,
  submissionVersionKey,
  submissionManagerLevel,
  submissionJudgementExplained,
  submissionAmountsValid,
  submissionManagerStamped,
  snapshotHorizon,
  snapshotValuesFixed,
  snapshotFrozen,
];
