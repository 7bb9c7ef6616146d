/** Record sharing in the catalogue: org-wide defaults, public groups, sharing rules. */
import {
  INDEX_PAGE,
  LOCK,
  sortBy,
  summaryRow,
  type Catalogue,
  type CataloguePage,
  type Ranked,
} from '../../core/catalogue.ts';
import { code, heading, href, link, page, table, text } from '../../core/markdown.ts';
import type { ObjectDef } from '../../core/model-types.ts';
import type { SharingCriterion, SharingRuleDef } from './builders.ts';
import type { SharingCheckModel } from './checks.ts';
import { SHARING_PAGE } from './page.ts';

type Cat = Catalogue<SharingCheckModel>;
const FROM = SHARING_PAGE;

const criterionText = (c: SharingCriterion): string =>
  `${code(c.field.field)} ${c.operation} ${c.values.map((v) => code(v)).join(' or ')}`;

const whichRecords = (rule: SharingRuleDef): string =>
  rule.ownedBy ? `owned by members of ${code(rule.ownedBy)}` : (rule.criteria ?? []).map(criterionText).join(' and ');

export function renderSharingPage(cat: Cat): CataloguePage {
  const { model } = cat;
  const objects = sortBy(
    model.objects.filter((o) => !(!o.standard && o.customMetadata)),
    (o) => o.apiName,
  );
  const groups = sortBy(model.publicGroups, (g) => g.name);
  const rules = sortBy(model.sharingRules, (r) => `${r.object}.${r.name}`);
  const blocks = [
    heading(1, 'Sharing'),
    `${link('Model catalogue', href(FROM, INDEX_PAGE))} › Sharing`,
    'Which records a user reaches: the org-wide default of each object, then the sharing rules that open records to public groups. Object and field permissions (what a user may do with a record they reach) are on the permissions page.',
    heading(2, 'Org-wide defaults'),
    table(
      ['Object', 'Internal access', 'External access'],
      objects.map((o) => [
        cat.objectLink(FROM, o.apiName),
        o.sharingModel ? code(o.sharingModel) : "the org's (not set by the model)",
        o.sharingModel ? code(o.sharingModel === 'ControlledByParent' ? 'ControlledByParent' : 'Private') : '',
      ]),
    ),
    heading(2, 'Public groups'),
    'Members are users, added in the org.',
    groups.length
      ? table(
          ['Group', 'Label', 'Managers included', 'Locked'],
          groups.map((g) => [code(g.name), text(g.label), g.includeBosses ? 'yes' : 'no', g.locked ? LOCK : '']),
        )
      : 'None.',
    heading(2, 'Sharing rules'),
    rules.length
      ? table(
          ['Object', 'Rule', 'Records', 'Shared with', 'Access', 'Why'],
          rules.map((r) => [
            cat.objectLink(FROM, r.object),
            `${code(r.name)}${r.locked ? ` ${LOCK}` : ''}`,
            whichRecords(r),
            code(r.sharedTo),
            r.access === 'Edit' ? 'Read/Write' : 'Read',
            text(r.description ?? r.label),
          ]),
        )
      : 'None.',
  ];
  return { path: FROM, content: page(blocks) };
}

export const sharingIndex = (cat: Cat) => ({
  links: [`${link('Sharing', href(INDEX_PAGE, FROM))}: org-wide defaults, public groups, sharing rules`],
  summary: [summaryRow('Sharing rules', cat.model.sharingRules, FROM)],
});

/** An object's related definitions: the sharing rules that open its records. */
export const sharingRelated = (cat: Cat, object: ObjectDef, from: string): Ranked<string>[] =>
  sortBy(
    cat.model.sharingRules.filter((r) => r.object === object.apiName),
    (r) => r.name,
  ).map((r) => ({
    rank: 7,
    value: `Sharing rule ${link(code(r.name), href(from, FROM), { raw: true })}: ${r.access === 'Edit' ? 'Read/Write' : 'Read'} for ${code(r.sharedTo)} on records ${whichRecords(r)}`,
  }));
