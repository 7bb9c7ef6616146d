/** Report and dashboard folders, report types, reports and dashboards. */
import {
  INDEX_PAGE,
  LOCK,
  lockBadge,
  sortBy,
  summaryRow,
  type Catalogue,
  type CataloguePage,
  type Ranked,
} from '../../core/catalogue.ts';
import { anchor, code, heading, href, link, page, table, text } from '../../core/markdown.ts';
import type { FieldRef, ObjectDef } from '../../core/model-types.ts';
import type { AnalyticsModel } from './builders.ts';
import { ANALYTICS_PAGE } from './page.ts';

type Cat = Catalogue<AnalyticsModel>;
const FROM = ANALYTICS_PAGE;

const local = (name: string) => link(code(name), `#${anchor(name)}`, { raw: true });

function fieldList(cat: Cat, fields: readonly FieldRef[]): string {
  return fields.map((f) => cat.fieldLink(FROM, f.object, f.field)).join(', ');
}

function foldersSection(cat: Cat): string[] {
  const folders = sortBy(cat.model.folders, (f) => `${f.folderType}.${f.name}`);
  return [
    heading(2, 'Folders'),
    folders.length
      ? table(
          ['Folder', 'Type', 'Label', 'Shared with', 'Locked'],
          folders.map((f) => [
            code(f.name),
            f.folderType,
            text(f.label),
            f.shares.map((s) => `${s.type} ${code(s.to)}: ${s.access}`).join('\n') || 'not shared',
            f.locked ? LOCK : '',
          ]),
        )
      : 'None.',
  ];
}

function reportTypesSection(cat: Cat): string[] {
  const types = sortBy(cat.model.reportTypes, (t) => t.name);
  const blocks: (string | undefined)[] = [heading(2, 'Report types')];
  if (types.length === 0) return [heading(2, 'Report types'), 'None.'];
  for (const t of types) {
    blocks.push(
      heading(3, t.name),
      t.locked ? lockBadge('report type') : undefined,
      `${text(t.label)}: ${text(t.description)} Base object ${cat.objectLink(FROM, t.baseObject)}, category ${code(t.category)}.`,
      table(
        ['Section', 'Fields'],
        t.sections.map((s) => [text(s.label), fieldList(cat, s.fields)]),
      ),
    );
  }
  return blocks.filter((b): b is string => b !== undefined);
}

function reportsSection(cat: Cat): string[] {
  const reports = sortBy(cat.model.reports, (r) => r.name);
  const blocks: (string | undefined)[] = [heading(2, 'Reports')];
  if (reports.length === 0) return [heading(2, 'Reports'), 'None.'];
  for (const r of reports) {
    blocks.push(
      heading(3, r.name),
      r.locked ? lockBadge('report') : undefined,
      `${text(r.label)}${r.description ? `: ${text(r.description)}` : ''}`,
      table(
        ['Property', 'Value'],
        [
          ['Folder', code(r.folder)],
          ['Report type', local(r.reportType)],
          ['Format', r.format],
          [
            'Columns',
            r.columns
              .map(
                (c) => `${cat.fieldLink(FROM, c.field.object, c.field.field)}${c.aggregate ? ` (${c.aggregate})` : ''}`,
              )
              .join(', '),
          ],
          ['Grouped by', fieldList(cat, r.groupBy) || 'nothing'],
          [
            'Filters',
            r.filters
              .map((f) => `${cat.fieldLink(FROM, f.field.object, f.field.field)} ${f.operator} ${code(f.value)}`)
              .join('\n') || 'none',
          ],
          [
            'Date filter',
            r.dateFilter
              ? `${cat.fieldLink(FROM, r.dateFilter.field.object, r.dateFilter.field.field)} ${code(r.dateFilter.range)}`
              : 'none',
          ],
        ],
      ),
    );
  }
  return blocks.filter((b): b is string => b !== undefined);
}

function dashboardsSection(cat: Cat): string[] {
  const dashboards = sortBy(cat.model.dashboards, (d) => d.name);
  const blocks: (string | undefined)[] = [heading(2, 'Dashboards')];
  if (dashboards.length === 0) return [heading(2, 'Dashboards'), 'None.'];
  for (const d of dashboards) {
    blocks.push(
      heading(3, d.name),
      d.locked ? lockBadge('dashboard') : undefined,
      `${text(d.title)}${d.description ? `: ${text(d.description)}` : ''} Folder ${code(d.folder)}; runs as the logged-in user.`,
      table(
        ['Component', 'Chart', 'Report', 'Grouped by', 'Value'],
        d.components.map((c) => [
          text(c.title),
          c.chart,
          local(c.report.name),
          c.groupBy ? cat.fieldLink(FROM, c.groupBy.object, c.groupBy.field) : '',
          c.sum ? `sum of ${cat.fieldLink(FROM, c.sum.object, c.sum.field)}` : 'record count',
        ]),
      ),
    );
  }
  return blocks.filter((b): b is string => b !== undefined);
}

export function renderAnalyticsPage(cat: Cat): CataloguePage {
  return {
    path: FROM,
    content: page([
      heading(1, 'Reports and dashboards'),
      `${link('Model catalogue', href(FROM, INDEX_PAGE))} › Reports and dashboards`,
      ...foldersSection(cat),
      ...reportTypesSection(cat),
      ...reportsSection(cat),
      ...dashboardsSection(cat),
    ]),
  };
}

export const analyticsIndex = (cat: Cat) => ({
  links: [`${link('Reports and dashboards', href(INDEX_PAGE, FROM))}`],
  summary: [
    summaryRow('Report and dashboard folders', cat.model.folders, FROM),
    summaryRow('Report types', cat.model.reportTypes, FROM),
    summaryRow('Reports', cat.model.reports, FROM),
    summaryRow('Dashboards', cat.model.dashboards, FROM),
  ],
});

/** An object's related definitions: the report types built on it. */
export const analyticsRelated = (cat: Cat, object: ObjectDef, from: string): Ranked<string>[] =>
  sortBy(
    cat.model.reportTypes.filter((t) => t.baseObject.toLowerCase() === object.apiName.toLowerCase()),
    (t) => t.name,
  ).map((t) => ({
    rank: 30,
    value: `Report type ${link(code(t.name), href(from, FROM, anchor(t.name)), { raw: true })}`,
  }));
