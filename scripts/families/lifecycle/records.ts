/** Lifecycle jobs, thresholds and calendar as custom metadata records (what the Apex jobs read). */
import type { CustomMetadataRecordDef } from '../custom-metadata/index.ts';
import {
  CALENDAR_TYPE,
  cronOf,
  flattenThresholds,
  JOB_TYPE,
  THRESHOLD_TYPE,
  type BusinessCalendarDef,
  type LifecycleJobDef,
  type LifecycleModel,
} from './builders.ts';

const MAX_LABEL = 40;
const label = (text: string) => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);

/** `stageMaxDays.Value Demo` → `stageMaxDays_Value_Demo`: a DeveloperName fragment. */
export const developerNameOf = (key: string): string =>
  key
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/_+/g, '_');

const record = (
  type: string,
  name: string,
  text: string,
  values: CustomMetadataRecordDef['values'],
  locked?: boolean,
): CustomMetadataRecordDef => ({ kind: 'customMetadataRecord', type, name, label: label(text), values, locked });

export function jobRecords(job: LifecycleJobDef, calendar: BusinessCalendarDef | undefined): CustomMetadataRecordDef[] {
  return [
    record(
      JOB_TYPE,
      job.name,
      job.label,
      {
        Handler__c: job.handler,
        Cron__c: cronOf(job.schedule),
        Batch_Size__c: job.batchSize,
        Active__c: job.active,
        Calendar__c: calendar?.name ?? null,
        Description__c: job.description,
      },
      job.locked,
    ),
    ...flattenThresholds(job.thresholds).map(([key, value]) =>
      record(
        THRESHOLD_TYPE,
        `${job.name}_${developerNameOf(key)}`,
        `${job.label}: ${key}`,
        { Job__c: job.name, Key__c: key, Value__c: value },
        job.locked,
      ),
    ),
  ];
}

export const calendarRecord = (calendar: BusinessCalendarDef): CustomMetadataRecordDef =>
  record(
    CALENDAR_TYPE,
    calendar.name,
    calendar.label,
    {
      Time_Zone__c: calendar.timeZone,
      Days__c: calendar.days.join(','),
      Opens__c: calendar.opens,
      Closes__c: calendar.closes,
      Holidays__c: calendar.holidays.join(','),
    },
    calendar.locked,
  );

/** Every record the lifecycle model deploys. */
export const lifecycleRecords = (model: LifecycleModel): CustomMetadataRecordDef[] => [
  ...model.lifecycleJobs.flatMap((job) => jobRecords(job, model.lifecycleCalendar)),
  ...(model.lifecycleCalendar ? [calendarRecord(model.lifecycleCalendar)] : []),
];
