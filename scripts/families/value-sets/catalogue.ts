/** Global value sets: restricted lists shared by several picklists, and the fields that use them. */
import {
  INDEX_PAGE,
  LOCK,
  lockBadge,
  sortBy,
  summaryRow,
  type Catalogue,
  type CataloguePage,
} from '../../core/catalogue.ts';
import { anchor, bullets, code, heading, href, link, page, table, text, yesNo } from '../../core/markdown.ts';
import type { ValueSetsModel } from './builders.ts';
import { VALUE_SETS_PAGE } from './page.ts';

const FROM = VALUE_SETS_PAGE;

function usedBy(cat: Catalogue<ValueSetsModel>, name: string): string[] {
  return cat.objects.flatMap((o) =>
    sortBy(Object.entries(o.fields), ([f]) => f)
      .filter(([, f]) => (f.type === 'Picklist' || f.type === 'MultiselectPicklist') && f.valueSet === name)
      .map(([f]) => cat.fieldLink(FROM, o.apiName, f)),
  );
}

export function renderValueSetsPage(cat: Catalogue<ValueSetsModel>): CataloguePage {
  const sets = sortBy(cat.model.globalValueSets, (s) => s.name);
  const blocks: (string | undefined)[] = [
    heading(1, 'Global value sets'),
    `${link('Model catalogue', href(FROM, INDEX_PAGE))} › Global value sets`,
  ];
  if (sets.length === 0) blocks.push('The model defines no global value sets.');
  else
    blocks.push(
      table(
        ['Value set', 'Label', 'Values', 'Used by', 'Locked'],
        sets.map((s) => [
          link(code(s.name), `#${anchor(s.name)}`, { raw: true }),
          text(s.label),
          s.values.length,
          usedBy(cat, s.name).length,
          s.locked ? LOCK : '',
        ]),
      ),
    );
  for (const s of sets) {
    const users = usedBy(cat, s.name);
    blocks.push(
      heading(2, s.name),
      s.locked ? lockBadge('value set') : undefined,
      s.description ? text(s.description) : undefined,
      `Label: ${text(s.label)}. Sorted alphabetically: ${yesNo(s.sorted)}.`,
      table(
        ['#', 'Value', 'Label', 'Description'],
        s.values.map((v, i) => [i + 1, code(v.name), text(v.label), text(v.description)]),
      ),
      users.length ? `Used by:\n\n${bullets(users)}` : 'Not used by any field of the model.',
    );
  }
  return { path: FROM, content: page(blocks) };
}

export const valueSetsIndex = (cat: Catalogue<ValueSetsModel>) => ({
  links: [`${link('Global value sets', href(INDEX_PAGE, FROM))}: reason codes and the fields that use them`],
  summary: [summaryRow('Global value sets', cat.model.globalValueSets, FROM)],
});
