/** Global value sets: restricted lists shared by several picklists, and the fields that use them. */
import { LOCK, PAGE, lockBadge, sortBy, type Catalogue } from '../context.ts';
import { anchor, bullets, code, heading, href, link, page, table, text, yesNo } from '../markdown.ts';

const FROM = PAGE.valueSets;

function usedBy(cat: Catalogue, name: string): string[] {
  return cat.objects.flatMap((o) =>
    sortBy(Object.entries(o.fields), ([f]) => f)
      .filter(([, f]) => (f.type === 'Picklist' || f.type === 'MultiselectPicklist') && f.valueSet === name)
      .map(([f]) => cat.fieldLink(FROM, o.apiName, f)),
  );
}

export function renderValueSetsPage(cat: Catalogue): { path: string; content: string } {
  const sets = sortBy(cat.model.globalValueSets, (s) => s.name);
  const blocks: (string | undefined)[] = [
    heading(1, 'Global value sets'),
    `${link('Model catalogue', href(FROM, PAGE.index))} › Global value sets`,
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
