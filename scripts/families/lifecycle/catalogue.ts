/** The lifecycle page: every job with its schedule, batch size and thresholds; the calendar; the vectors. */
import { INDEX_PAGE, LOCK, summaryRow, type Catalogue, type CataloguePage } from '../../core/catalogue.ts';
import { code, heading, href, link, page, table, text } from '../../core/markdown.ts';
import { cronOf, flattenThresholds, type LifecycleJobDef, type LifecycleModel } from './builders.ts';
import { LIFECYCLE_PAGE } from './page.ts';

type Cat = Catalogue<LifecycleModel>;
const FROM = LIFECYCLE_PAGE;

const scheduleText = (job: LifecycleJobDef): string =>
  job.schedule.every === 'day'
    ? `daily at ${job.schedule.at}`
    : `hourly at :${String(job.schedule.minute).padStart(2, '0')}`;

function jobsTable(cat: Cat): string {
  return table(
    ['Job', 'Handler', 'Runs', 'Cron', 'Batch', 'Thresholds', 'What it does', 'Locked'],
    cat.model.lifecycleJobs.map((j) => [
      code(j.name),
      code(j.handler),
      `${scheduleText(j)}${j.active ? '' : ' (inactive)'}`,
      code(cronOf(j.schedule)),
      j.batchSize,
      flattenThresholds(j.thresholds)
        .map(([k, v]) => `${code(k)} ${v}`)
        .join(', '),
      text(j.description),
      j.locked ? LOCK : '',
    ]),
  );
}

function calendarBlock(cat: Cat): string {
  const cal = cat.model.lifecycleCalendar;
  if (!cal) return 'No calendar: the jobs cannot count business hours.';
  return table(
    ['Calendar', 'Time zone', 'Working days (ISO)', 'Hours', 'Holidays'],
    [[code(cal.name), code(cal.timeZone), cal.days.join(', '), `${cal.opens}-${cal.closes}`, cal.holidays.join(', ')]],
  );
}

export function renderLifecyclePage(cat: Cat): CataloguePage {
  const vectors = cat.model.lifecycleVectors;
  const blocks = [
    heading(1, 'Lifecycle automation'),
    `${link('Model catalogue', href(FROM, INDEX_PAGE))} › Lifecycle automation`,
    'Scheduled Apex (`LifecycleJob`: Schedulable and Batchable, `with sharing`, queries in user mode) runs each job ' +
      'from its `Lifecycle_Job__mdt` record; the handlers (`LifecycleJobs`) read their thresholds from ' +
      '`Lifecycle_Threshold__mdt` and count business hours with `Lifecycle_Calendar__mdt`. Every action is written ' +
      'once per key to `Lifecycle_Action__c`, so a rerun acts on nothing twice. `revops lifecycle simulate` runs the ' +
      'same jobs offline. Schedule them all with `LifecycleJob.scheduleAll()` as an integration user holding ' +
      "`RevOps_Lifecycle_Automation` and `RevOps_Admin`; cron times are in that user's time zone, which should be the calendar's.",
    heading(2, 'Jobs'),
    jobsTable(cat),
    heading(2, 'Business hours'),
    calendarBlock(cat),
    heading(2, 'Conformance vectors'),
    vectors.length
      ? table(
          ['File', 'Vectors'],
          vectors.map((f) => [code(`data/lifecycle-vectors/${f.file}`), f.vectors.length]),
        )
      : 'No vectors.',
  ];
  return { path: FROM, content: page(blocks) };
}

export const lifecycleCatalogue = {
  pages: (cat: Cat) => (cat.model.lifecycleJobs.length ? [renderLifecyclePage(cat)] : []),
  index: (cat: Cat) => ({
    links: cat.model.lifecycleJobs.length
      ? [`${link('Lifecycle automation', href(INDEX_PAGE, FROM))}: scheduled jobs, thresholds, business hours`]
      : [],
    summary: [summaryRow('Lifecycle jobs', cat.model.lifecycleJobs, cat.model.lifecycleJobs.length ? FROM : undefined)],
  }),
};
