/** The catalogue's front page: what is in the model, with counts, and where to read each part. */
import type { CustomObjectDef } from '../../dsl/index.ts';
import { LOCK, PAGE, objectPage, type Catalogue } from '../context.ts';
import { bullets, code, heading, href, link, page, table, text } from '../markdown.ts';

const FROM = PAGE.index;

type Countable = readonly { readonly locked?: boolean }[];

function summary(cat: Catalogue): string {
  const m = cat.model;
  const fields = m.objects.flatMap((o) => Object.values(o.fields));
  const row = (what: string, items: Countable, target?: string) => {
    const locked = items.filter((i) => i.locked).length;
    return [target ? link(what, href(FROM, target)) : text(what), items.length, locked ? `${LOCK} ${locked}` : ''];
  };
  const single = (what: string, item: { locked?: boolean; length: number } | undefined, target: string) => [
    link(what, href(FROM, target)),
    item?.length ?? 0,
    item?.locked ? `${LOCK} all` : '',
  ];
  return table(
    ['Definitions', 'Count', 'Locked'],
    [
      row('Objects', m.objects),
      row('Custom fields', fields),
      row('Validation rules', m.validationRules, PAGE.rules),
      single(
        'Opportunity stages',
        m.opportunityStages && { locked: m.opportunityStages.locked, length: m.opportunityStages.stages.length },
        PAGE.stages,
      ),
      single(
        'Lead statuses',
        m.leadStatuses && { locked: m.leadStatuses.locked, length: m.leadStatuses.statuses.length },
        PAGE.leadStatuses,
      ),
      row('Sales and lead processes', m.businessProcesses, PAGE.stages),
      row('Paths', m.paths, PAGE.stages),
      row('Global value sets', m.globalValueSets, PAGE.valueSets),
      row('Permission sets', m.permissionSets, PAGE.permissions),
      row('Permission set groups', m.permissionSetGroups, PAGE.permissions),
      row('Custom permissions', m.customPermissions, PAGE.permissions),
      row('Custom metadata records', m.customMetadataRecords),
      row('Flows', m.flows, PAGE.flows),
      row('Report and dashboard folders', m.folders, PAGE.analytics),
      row('Report types', m.reportTypes, PAGE.analytics),
      row('Reports', m.reports, PAGE.analytics),
      row('Dashboards', m.dashboards, PAGE.analytics),
      row('Matching rules', m.matchingRules, PAGE.dataQuality),
      row('Duplicate rules', m.duplicateRules, PAGE.dataQuality),
      single(
        'Lead-convert field mappings',
        m.leadConvert && { locked: m.leadConvert.locked, length: m.leadConvert.mappings.length },
        PAGE.leadConvert,
      ),
    ],
  );
}

function objects(cat: Catalogue): string {
  return table(
    ['Object', 'Label', 'Kind', 'Custom fields', 'Validation rules', 'Locked', 'Description'],
    cat.objects.map((o) => [
      link(code(o.apiName), href(FROM, objectPage(o.apiName)), { raw: true }),
      text(o.standard ? (cat.schema.object(o.apiName)?.label ?? o.apiName) : (o as CustomObjectDef).label),
      o.standard ? 'standard object' : o.customMetadata ? 'custom metadata type' : 'custom object',
      Object.keys(o.fields).length,
      cat.rulesOf(o.apiName).length,
      o.locked ? LOCK : '',
      text(o.description),
    ]),
  );
}

export function renderIndexPage(cat: Catalogue): { path: string; content: string } {
  const pages = [
    `${link('Validation rules', href(FROM, PAGE.rules))}: every rule, its message and the permissions that bypass it`,
    `${link('Stages, processes and Path', href(FROM, PAGE.stages))}: probabilities, forecast categories, exit criteria and the rules they generate`,
    `${link('Lead statuses', href(FROM, PAGE.leadStatuses))}`,
    `${link('Global value sets', href(FROM, PAGE.valueSets))}: reason codes and the fields that use them`,
    `${link('Permissions', href(FROM, PAGE.permissions))}: the permission matrix, governed fields, permission sets and groups, custom permissions`,
    `${link('Flows', href(FROM, PAGE.flows))}: triggers, entry conditions and steps`,
    `${link('Reports and dashboards', href(FROM, PAGE.analytics))}`,
    `${link('Data quality', href(FROM, PAGE.dataQuality))}: matching and duplicate rules`,
    `${link('Lead conversion', href(FROM, PAGE.leadConvert))}: field mapping`,
  ];
  return {
    path: FROM,
    content: page([
      heading(1, 'RevOps model catalogue'),
      `Every definition of the RevOps model, as the change-control board reviews it. Generated from ${code('model/')} by ${code('revops generate')}: do not edit these pages (the drift check fails on any hand edit). ${LOCK} marks a locked definition: changing it needs an approved governance RFC.`,
      heading(2, 'Pages'),
      bullets(pages),
      heading(2, 'Summary'),
      summary(cat),
      heading(2, 'Objects'),
      objects(cat),
    ]),
  };
}
