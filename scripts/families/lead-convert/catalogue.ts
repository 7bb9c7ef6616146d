/** Which lead fields carry over to the account, contact and opportunity on conversion. */
import {
  INDEX_PAGE,
  LOCK,
  lockBadge,
  sortBy,
  summarySingle,
  type Catalogue,
  type CataloguePage,
  type Ranked,
} from '../../core/catalogue.ts';
import { code, heading, href, link, page, table, text, yesNo } from '../../core/markdown.ts';
import type { ObjectDef } from '../../core/model-types.ts';
import type { LeadConvertModel } from './builders.ts';
import { LEAD_CONVERT_PAGE } from './page.ts';

type Cat = Catalogue<LeadConvertModel>;
const FROM = LEAD_CONVERT_PAGE;

export function renderLeadConvertPage(cat: Cat): CataloguePage {
  const convert = cat.model.leadConvert;
  const blocks: (string | undefined)[] = [
    heading(1, 'Lead conversion'),
    `${link('Model catalogue', href(FROM, INDEX_PAGE))} › Lead conversion`,
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

export const leadConvertIndex = (cat: Cat) => {
  const convert = cat.model.leadConvert;
  return {
    links: [`${link('Lead conversion', href(INDEX_PAGE, FROM))}: field mapping`],
    summary: [
      summarySingle(
        'Lead-convert field mappings',
        convert && { locked: convert.locked, length: convert.mappings.length },
        FROM,
      ),
    ],
  };
};

/** An object's related definitions: the lead-convert mapping, when it maps from or to the object. */
export function leadConvertRelated(cat: Cat, object: ObjectDef, from: string): Ranked<string>[] {
  const is = (name: string) => name.toLowerCase() === object.apiName.toLowerCase();
  return cat.model.leadConvert?.mappings.some((x) => is(x.from.object) || is(x.to.object))
    ? [{ rank: 60, value: `Lead conversion ${link('field mapping', href(from, FROM))}` }]
    : [];
}
