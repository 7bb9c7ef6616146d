/** Which lead fields carry over to the account, contact and opportunity on conversion. */
import { LOCK, PAGE, lockBadge, sortBy, type Catalogue } from '../context.ts';
import { code, heading, href, link, page, table, text, yesNo } from '../markdown.ts';

const FROM = PAGE.leadConvert;

export function renderLeadConvertPage(cat: Catalogue): { path: string; content: string } {
  const convert = cat.model.leadConvert;
  const blocks: (string | undefined)[] = [
    heading(1, 'Lead conversion'),
    `${link('Model catalogue', href(FROM, PAGE.index))} › Lead conversion`,
  ];
  if (!convert) blocks.push('The model defines no lead-convert mapping.');
  else {
    const mappings = sortBy(convert.mappings, (m) => `${m.to.object}.${m.to.field}.${m.from.field}`);
    blocks.push(
      convert.locked ? lockBadge('mapping') : undefined,
      table(
        ['Setting', 'Value'],
        [
          ['Owner may be changed while converting', yesNo(convert.allowOwnerChange)],
          ['Opportunity creation', code(convert.opportunityCreation)],
          ['Locked', convert.locked ? `${LOCK} yes` : 'no'],
        ],
      ),
      heading(2, 'Field mapping'),
      mappings.length
        ? table(
            ['Lead field', 'Label', 'Maps to', 'Label'],
            mappings.map((m) => [
              cat.fieldLink(FROM, m.from.object, m.from.field),
              text(cat.fieldLabel(m.from.object, m.from.field)),
              cat.fieldLink(FROM, m.to.object, m.to.field),
              text(cat.fieldLabel(m.to.object, m.to.field)),
            ]),
          )
        : 'No custom field mappings.',
    );
  }
  return { path: FROM, content: page(blocks) };
}
