import {
  businessCalendar,
  checkbox,
  customMetadataType,
  lifecycleJob,
  longText,
  number,
  text,
} from '../../scripts/dsl/index.ts';

/**
 * Lifecycle automation (blueprint 000 §1-2, §4, §6-7; 001 Epics 3-7; 002 Phase 7): the jobs that
 * act on time — stale deals, renewals, hand-off SLAs, expiries, overdue commitments and stalled
 * POCs. Each job is a Schedulable + Batchable Apex run (LifecycleJob) reading its schedule and
 * thresholds from the custom metadata generated here; `revops lifecycle simulate` runs the same
 * jobs offline (scripts/lifecycle), and data/lifecycle-vectors holds the cases both must agree on.
 */

/** One record per job: which handler, its cron (in the scheduling user's time zone), its batch size. */
export const LifecycleJobType = customMetadataType('Lifecycle_Job__mdt', {
  label: 'Lifecycle Job',
  pluralLabel: 'Lifecycle Jobs',
  description: 'A scheduled lifecycle job: handler, schedule and batch size. Generated from the model.',
  locked: true,
  fields: {
    Handler__c: text({ label: 'Handler', length: 40 }),
    Cron__c: text({ label: 'Cron Expression', length: 80 }),
    Batch_Size__c: number({ label: 'Batch Size', precision: 4, scale: 0 }),
    Active__c: checkbox({ label: 'Active', defaultValue: true }),
    Calendar__c: text({ label: 'Calendar', length: 40 }),
    Description__c: text({ label: 'Description', length: 255 }),
  },
});

/** One record per threshold: `idleDays`, `windowDays.1`, `stageMaxDays.Value Demo`. */
export const LifecycleThresholdType = customMetadataType('Lifecycle_Threshold__mdt', {
  label: 'Lifecycle Threshold',
  pluralLabel: 'Lifecycle Thresholds',
  description: 'A number a lifecycle job decides with (days, hours, scores). Generated from the model.',
  locked: true,
  fields: {
    Job__c: text({ label: 'Job', length: 40 }),
    Key__c: text({ label: 'Key', length: 80 }),
    Value__c: number({ label: 'Value', precision: 6, scale: 0 }),
  },
});

/** Business hours the SLA clocks count (hand-off acceptance and kickoff, POC inactivity). */
export const LifecycleCalendarType = customMetadataType('Lifecycle_Calendar__mdt', {
  label: 'Lifecycle Calendar',
  pluralLabel: 'Lifecycle Calendars',
  description: 'Business hours in one time zone: working days, hours and holidays. Generated from the model.',
  locked: true,
  fields: {
    Time_Zone__c: text({ label: 'Time Zone', length: 40 }),
    Days__c: text({ label: 'Working Days', length: 20, help: 'ISO weekdays, 1 = Monday: 1,2,3,4,5.' }),
    Opens__c: text({ label: 'Opens', length: 5 }),
    Closes__c: text({ label: 'Closes', length: 5 }),
    Holidays__c: longText({ label: 'Holidays', help: 'Whole days off, YYYY-MM-DD, comma-separated.' }),
  },
});

export const lifecycleTypes = [LifecycleJobType, LifecycleThresholdType, LifecycleCalendarType];

/** The calendar of the sales and CS teams the SLAs are measured in. */
export const salesCalendar = businessCalendar('Sales_Hours', {
  label: 'Sales hours (New York)',
  timeZone: 'America/New_York',
  days: [1, 2, 3, 4, 5],
  opens: '09:00',
  closes: '17:00',
  holidays: ['2026-11-26', '2026-12-25', '2027-01-01', '2027-01-18', '2027-02-15', '2027-05-31', '2027-07-05'],
  locked: true,
});

/**
 * Idle deals: nudge at 7 days, escalate at 14 (001 Epic 3, 002: 14d+), time out at 45; stage aging
 * per stage. The risk score (forecasting's Risk_Score__c formula) rises with idleness on its own.
 */
export const staleDealsJob = lifecycleJob('Stale_Deals', {
  label: 'Stale deals',
  handler: 'StaleDeals',
  description: 'Nudges idle deals, escalates at 14 days, auto-closes as Timed Out, alerts on stage aging.',
  schedule: { every: 'day', at: '06:00' },
  batchSize: 200,
  thresholds: {
    idleDays: 7,
    escalateDays: 14,
    autoCloseDays: 45,
    stageMaxDays: { Discovery: 21, 'Value Demo': 21, Validation: 30, 'Business Case': 21, Commercials: 30 },
  },
  locked: true,
});

/** Renewal deals and tasks at 180/120/90 days before the contract ends (000 §4, §7). */
export const renewalsJob = lifecycleJob('Renewals', {
  label: 'Renewals',
  handler: 'Renewals',
  description: 'Creates the renewal deal once per contract and a task at each of the 180/120/90-day windows.',
  schedule: { every: 'day', at: '05:00' },
  batchSize: 100,
  thresholds: { windowDays: [180, 120, 90], taskDueDays: 7 },
  locked: true,
});

/** SDR→AE and AE→CS: accept within 4 business hours, meet or kick off within 48 (002, 003). */
export const handoffsJob = lifecycleJob('Handoffs', {
  label: 'Hand-offs',
  handler: 'Handoffs',
  description: 'Asks for the AE→CS packet on Closed Won, creates CS kickoff tasks, alerts on SLA breaches.',
  schedule: { every: 'hour', minute: 15 },
  batchSize: 200,
  thresholds: { acceptHours: 4, kickoffHours: 48, packetDueHours: 24, packetLookbackDays: 30, onboardingDueDays: 14 },
  locked: true,
});

/** Exceptions and concessions expire on their date, with notice two weeks ahead (000 §4, §9). */
export const expiriesJob = lifecycleJob('Expiries', {
  label: 'Expiries',
  handler: 'Expiries',
  description: 'Notifies owners 14 days before an exception or concession expires; sets it Expired on the day.',
  schedule: { every: 'day', at: '01:00' },
  batchSize: 200,
  thresholds: { noticeDays: 14 },
  locked: true,
});

/** Promises made while selling are tracked to their due date (000 §7). */
export const commitmentsJob = lifecycleJob('Commitments', {
  label: 'Overdue commitments',
  handler: 'Commitments',
  description: 'Flags open commitments past their due date and tells the owner.',
  schedule: { every: 'day', at: '07:00' },
  batchSize: 200,
  thresholds: { graceDays: 0 },
  locked: true,
});

/** POC stall alerts at 48 h inactivity and the closeout (001 Epic 5). */
export const pocsJob = lifecycleJob('POCs', {
  label: 'POC stalls and closeouts',
  handler: 'Pocs',
  description: 'Marks POCs stalled after 48 business hours without activity; asks for the closeout after the end date.',
  schedule: { every: 'hour', minute: 45 },
  batchSize: 200,
  thresholds: { stallHours: 48, closeoutGraceDays: 7 },
  locked: true,
});

export const lifecycleJobs = [staleDealsJob, renewalsJob, handoffsJob, expiriesJob, commitmentsJob, pocsJob];
