/** Matching rules and the duplicate rules that use them. */
import { LOCK, PAGE, lockBadge, sortBy, type Catalogue } from '../context.ts';
import { anchor, code, heading, href, link, page, table, text, yesNo } from '../markdown.ts';

const FROM = PAGE.dataQuality;

function matchingSection(cat: Catalogue): string[] {
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

function duplicateSection(cat: Catalogue): string[] {
  const rules = sortBy(cat.model.duplicateRules, (r) => `${r.object}.${r.name}`);
  if (rules.length === 0) return [heading(2, 'Duplicate rules'), 'None.'];
  return [
    heading(2, 'Duplicate rules'),
    'Matching rules deploy before the duplicate rules that use them.',
    table(
      ['Duplicate rule', 'Object', 'Order', 'On create', 'On edit', 'Matching rules', 'Locked'],
      rules.map((r) => [
        link(code(r.name), `#${anchor(r.name)}`, { raw: true }),
        cat.objectLink(FROM, r.object),
        r.order,
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

export function renderDataQualityPage(cat: Catalogue): { path: string; content: string } {
  return {
    path: FROM,
    content: page([
      heading(1, 'Data quality'),
      `${link('Model catalogue', href(FROM, PAGE.index))} › Data quality`,
      ...matchingSection(cat),
      ...duplicateSection(cat),
    ]),
  };
}
