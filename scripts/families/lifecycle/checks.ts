/** What a lifecycle model must hold for the Apex jobs and the TypeScript mirror to run it. */
import type { CheckContext } from '../../core/checks.ts';
import {
  CALENDAR_TYPE,
  JOB_TYPE,
  LIFECYCLE_HANDLERS,
  THRESHOLD_TYPE,
  flattenThresholds,
  type BusinessCalendarDef,
  type LifecycleHandler,
  type LifecycleJobDef,
  type LifecycleModel,
} from './builders.ts';
import { jobRecords, lifecycleRecords } from './records.ts';

/** The thresholds each handler reads (the Apex handlers read the same keys). */
export const REQUIRED_THRESHOLDS: Readonly<Record<LifecycleHandler, readonly string[]>> = {
  StaleDeals: ['idleDays', 'escalateDays', 'autoCloseDays'],
  Renewals: ['windowDays.1', 'taskDueDays'],
  Handoffs: ['acceptHours', 'kickoffHours', 'packetDueHours', 'packetLookbackDays', 'onboardingDueDays'],
  Expiries: ['noticeDays'],
  Commitments: ['graceDays'],
  Pocs: ['stallHours', 'closeoutGraceDays'],
};

/** Database.executeBatch takes 1 to 2,000 records a scope. */
const MAX_BATCH = 2000;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function checkLifecycle(model: LifecycleModel, check: CheckContext): void {
  check.unique(
    model.lifecycleJobs,
    (j) => j.name,
    (j) => `LifecycleJob ${j.name}`,
    'lifecycle job',
  );
  for (const job of model.lifecycleJobs) checkJob(job, model, check);
  if (model.lifecycleCalendar) checkCalendar(model.lifecycleCalendar, check);
  else if (model.lifecycleJobs.length)
    check.report(model.lifecycleJobs[0]!, 'LifecycleJob', 'lifecycle jobs need a lifecycleCalendar (business hours)');
  for (const type of [JOB_TYPE, THRESHOLD_TYPE, CALENDAR_TYPE])
    if (model.lifecycleJobs.length && !check.schema.object(type))
      check.report(model.lifecycleJobs[0]!, 'LifecycleJob', `the model defines no custom metadata type ${type}`);
  for (const r of lifecycleRecords(model)) {
    const type = check.schema.object(r.type);
    for (const field of Object.keys(r.values))
      if (type && !type.field(field)) check.report(r, `CustomMetadata ${r.type}.${r.name}`, `unknown field ${field}`);
  }
  checkVectors(model, check);
}

function checkJob(job: LifecycleJobDef, model: LifecycleModel, check: CheckContext): void {
  const c = `LifecycleJob ${job.name}`;
  check.apiName(job, c, job.name);
  if (!LIFECYCLE_HANDLERS.includes(job.handler)) check.report(job, c, `unknown handler ${job.handler}`);
  const flat = new Map(flattenThresholds(job.thresholds));
  for (const key of REQUIRED_THRESHOLDS[job.handler] ?? [])
    if (!flat.has(key)) check.report(job, c, `threshold ${key} is missing (the ${job.handler} handler reads it)`);
  for (const [key, value] of flat)
    if (!Number.isInteger(value) || value < 0) check.report(job, c, `threshold ${key} must be a whole number ≥ 0`);
  for (const r of jobRecords(job, model.lifecycleCalendar)) check.apiName(job, `${c} (${r.type})`, r.name);
  if (!Number.isInteger(job.batchSize) || job.batchSize < 1 || job.batchSize > MAX_BATCH)
    check.report(job, c, `batch size ${job.batchSize}: Database.executeBatch takes 1 to ${MAX_BATCH}`);
  const s = job.schedule;
  if (s.every === 'day' && !HHMM.test(s.at)) check.report(job, c, `schedule time "${s.at}" is not HH:MM`);
  if (s.every === 'hour' && !(Number.isInteger(s.minute) && s.minute >= 0 && s.minute < 60))
    check.report(job, c, `schedule minute ${s.minute} is not 0-59`);
  if (job.handler === 'StaleDeals') checkStaleDeals(job, flat, check);
}

function checkStaleDeals(job: LifecycleJobDef, flat: Map<string, number>, check: CheckContext): void {
  const c = `LifecycleJob ${job.name}`;
  const [idle, escalate, close] = ['idleDays', 'escalateDays', 'autoCloseDays'].map((k) => flat.get(k) ?? 0);
  if (!(idle! < escalate! && escalate! < close!))
    check.report(job, c, 'idleDays < escalateDays < autoCloseDays: each step comes after the one before');
  const stages = check.schema.object('Opportunity')?.field('StageName')?.picklistValues ?? [];
  for (const key of flat.keys())
    if (key.startsWith('stageMaxDays.') && !stages.includes(key.slice('stageMaxDays.'.length)))
      check.report(job, c, `${key} names no Opportunity stage`);
}

function checkCalendar(cal: BusinessCalendarDef, check: CheckContext): void {
  const c = `BusinessCalendar ${cal.name}`;
  check.apiName(cal, c, cal.name);
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: cal.timeZone });
  } catch {
    check.report(cal, c, `unknown time zone ${cal.timeZone}`);
  }
  if (!cal.days.length || cal.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
    check.report(cal, c, 'working days are ISO weekdays 1 (Monday) to 7, at least one');
  if (!HHMM.test(cal.opens) || !HHMM.test(cal.closes) || cal.opens >= cal.closes)
    check.report(cal, c, `hours ${cal.opens}-${cal.closes}: HH:MM, opening before closing`);
  for (const day of cal.holidays)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day)))
      check.report(cal, c, `holiday ${day} is not a date`);
}

function checkVectors(model: LifecycleModel, check: CheckContext): void {
  const jobs = new Set(model.lifecycleJobs.map((j) => j.name));
  for (const file of model.lifecycleVectors)
    for (const v of file.vectors as { name?: string; job?: string; now?: string; expect?: unknown }[]) {
      const c = `LifecycleVectors ${file.file} "${v.name ?? '?'}"`;
      if (!v.name || !Array.isArray(v.expect) || !v.now || Number.isNaN(Date.parse(v.now)))
        check.report(file, c, 'a vector has a name, a job, an ISO now, records, a ledger and expected actions');
      if (!jobs.has(v.job ?? '')) check.report(file, c, `names no lifecycle job ${v.job}`);
    }
}
