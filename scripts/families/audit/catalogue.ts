/** The audit page: every audited event and where the org records it; field history use per object. */
import { INDEX_PAGE, LOCK, objectPage, summaryRow, type Catalogue, type CataloguePage } from '../../core/catalogue.ts';
import { code, heading, href, link, page, table, text } from '../../core/markdown.ts';
import type { ObjectDef } from '../../core/model-types.ts';
import type { ObjectsModel } from '../objects/index.ts';
import type { AuditModel, AuditTrailDef } from './builders.ts';
import { MAX_HISTORY_FIELDS } from './checks.ts';
import { AUDIT_PAGE } from './page.ts';

type Cat = Catalogue<AuditModel & ObjectsModel>;
const FROM = AUDIT_PAGE;

const mechanismText = (cat: Cat, t: AuditTrailDef): [string, string] => {
  const m = t.mechanism;
  if (m.via === 'history')
    return [
      'Field history',
      m.fields.map((f) => cat.fieldLink(FROM, f.object, f.field, { qualified: true })).join(', '),
    ];
  if (m.via === 'auditObject')
    return ['Audit object', `${cat.objectLink(FROM, m.object)} written by ${code(m.writtenBy)}`];
  return ['Event Monitoring', m.eventTypes.map((e) => code(e)).join(', ')];
};

const trackedCount = (o: ObjectDef): number =>
  Object.values(o.fields).filter((f) => f.trackHistory).length +
  (o.standard ? Object.values(o.standardFields).filter((s) => s.trackHistory).length : 0);

function historyTable(cat: Cat): string {
  const rows = cat.objects
    .map((o) => [o, trackedCount(o)] as const)
    .filter(([, n]) => n > 0)
    .map(([o, n]) => [
      link(o.apiName, href(FROM, objectPage(o.apiName))),
      `${n} of ${MAX_HISTORY_FIELDS}`,
      MAX_HISTORY_FIELDS - n,
    ]);
  return table(['Object', 'Fields tracking history', 'Headroom'], rows);
}

export function renderAuditPage(cat: Cat): CataloguePage {
  return {
    path: FROM,
    content: page([
      heading(1, 'Audit trails'),
      `${link('Model catalogue', href(FROM, INDEX_PAGE))} › Audit trails`,
      'Where the org records each audited event (model/compliance/audit.ts; docs/audit.md explains the choices). ' +
        'A field history trail fails validateModel when one of its fields stops tracking history.',
      table(
        ['Event', 'Recorded by', 'Where', 'What it shows', 'Locked'],
        cat.model.auditTrails.map((t) => [
          t.event,
          ...mechanismText(cat, t),
          text(t.description),
          t.locked ? LOCK : '',
        ]),
      ),
      heading(2, 'Field history per object'),
      `Salesforce tracks at most ${MAX_HISTORY_FIELDS} fields per object (validateModel fails beyond), and keeps ` +
        'field history 18 months (24 through the API) unless Field Audit Trail (Shield) retains it longer.',
      historyTable(cat),
    ]),
  };
}

export const auditCatalogue = {
  pages: (cat: Cat) => (cat.model.auditTrails.length ? [renderAuditPage(cat)] : []),
  index: (cat: Cat) => ({
    links: cat.model.auditTrails.length
      ? [`${link('Audit trails', href(INDEX_PAGE, FROM))}: pricing overrides, term deviations, bypass use, exports`]
      : [],
    summary: [summaryRow('Audit trails', cat.model.auditTrails, cat.model.auditTrails.length ? FROM : undefined)],
  }),
};
