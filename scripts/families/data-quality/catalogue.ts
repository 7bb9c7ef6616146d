/** Matching rules and the duplicate rules that use them. */
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
import { anchor, code, heading, href, link, page, table, text, yesNo } from '../../core/markdown.ts';
import type { ObjectDef } from '../../core/model-types.ts';
import type { DataQualityModel } from './builders.ts';
import { sortOrderOf } from './sort-order.ts';
import { DATA_QUALITY_PAGE } from './page.ts';

type Cat = Catalogue<DataQualityModel>;
const FROM = DATA_QUALITY_PAGE;

function matchingSection(cat: Cat): string[] {
  const rules = sortBy(cat.model.matchingRules, (r) => `${r.object}.${r.name}`);
  if (rules.length === 0) return [heading(2, 'Matching rules'), 'None.'];
  return [
    heading(2, 'Matching rules'),
    ...rules.flatMap((r) =>
      [
        heading(3, r.name),
        r.locked ? lockBadge('matching rule') : undefined,
        `${text(r.label)} on ${cat.objectLink(FROM, r.object)}${r.description ? `: ${text(r.description)}` : ''}`,
        table(
          ['#', 'Field', 'Method', 'Blank matches blank'],
          r.items.map((item, i) => [
            i + 1,
            cat.fieldLink(FROM, item.field.object, item.field.field),
            item.method,
            yesNo(item.blankMatches),
          ]),
        ),
        `Matches when: ${r.booleanFilter ? code(r.booleanFilter) : 'every item matches'}.`,
      ].filter((b): b is string => b !== undefined),
    ),
  ];
}

function duplicateSection(cat: Cat): string[] {
  const rules = sortBy(cat.model.duplicateRules, (r) => `${r.object}.${r.name}`);
  if (rules.length === 0) return [heading(2, 'Duplicate rules'), 'None.'];
  return [
    heading(2, 'Duplicate rules'),
    'Duplicate rules deploy inactive, after the matching rules they use; the deploy then activates each rule marked active once its matching rules are active (Salesforce activates matching rules asynchronously and rejects an active duplicate rule whose matching rules are not). Sort order: after the rules the org already holds on the object.',
    table(
      ['Duplicate rule', 'Object', 'Sort order', 'Activated', 'On create', 'On edit', 'Matching rules', 'Locked'],
      rules.map((r) => [
        link(code(r.name), `#${anchor(r.name)}`, { raw: true }),
        cat.objectLink(FROM, r.object),
        sortOrderOf(cat.model, r),
        r.active,
        r.onCreate,
        r.onEdit,
        r.matchingRules.map((m) => link(code(m.rule), `#${anchor(m.rule)}`, { raw: true })).join(', '),
        r.locked ? LOCK : '',
      ]),
    ),
    ...rules.flatMap((r) =>
      [
        heading(3, r.name),
        r.locked ? lockBadge('duplicate rule') : undefined,
        `${text(r.label)}${r.description ? `: ${text(r.description)}` : ''}`,
        `Alert shown to the user: ${text(r.alertText)}`,
      ].filter((b): b is string => b !== undefined),
    ),
  ];
}

export function renderDataQualityPage(cat: Cat): CataloguePage {
  return {
    path: FROM,
    content: page([
      heading(1, 'Data quality'),
      `${link('Model catalogue', href(FROM, INDEX_PAGE))} › Data quality`,
      ...matchingSection(cat),
      ...duplicateSection(cat),
    ]),
  };
}

export const dataQualityIndex = (cat: Cat) => ({
  links: [`${link('Data quality', href(INDEX_PAGE, FROM))}: matching and duplicate rules`],
  summary: [
    summaryRow('Matching rules', cat.model.matchingRules, FROM),
    summaryRow('Duplicate rules', cat.model.duplicateRules, FROM),
  ],
});

/** An object's related definitions: its matching rules, then its duplicate rules. */
export function dataQualityRelated(cat: Cat, object: ObjectDef, from: string): Ranked<string>[] {
  const on = <R extends { object: string; name: string }>(rules: readonly R[]) =>
    sortBy(
      rules.filter((r) => r.object.toLowerCase() === object.apiName.toLowerCase()),
      (r) => r.name,
    );
  const ruleLink = (r: { name: string }) => link(code(r.name), href(from, FROM, anchor(r.name)), { raw: true });
  return [
    ...on(cat.model.matchingRules).map((r) => ({ rank: 40, value: `Matching rule ${ruleLink(r)}` })),
    ...on(cat.model.duplicateRules).map((r) => ({ rank: 50, value: `Duplicate rule ${ruleLink(r)}` })),
  ];
}
