/** How a field's type reads in the catalogue: type, size, values or value set, target. */
import type { Catalogue } from '../../core/catalogue.ts';
import { anchor, code, href, link, text } from '../../core/markdown.ts';
import type { FieldDef, PicklistField, PicklistValueDef } from '../../core/model-types.ts';
import { VALUE_SETS_PAGE } from '../value-sets/page.ts';

const TYPE_LABEL: Record<FieldDef['type'], string> = {
  Text: 'Text',
  TextArea: 'Text Area',
  LongTextArea: 'Long Text Area',
  Html: 'Rich Text Area',
  Email: 'Email',
  Phone: 'Phone',
  Url: 'URL',
  Number: 'Number',
  Currency: 'Currency',
  Percent: 'Percent',
  Checkbox: 'Checkbox',
  Date: 'Date',
  DateTime: 'Date/Time',
  Time: 'Time',
  Picklist: 'Picklist',
  MultiselectPicklist: 'Multi-select Picklist',
  Lookup: 'Lookup',
  MasterDetail: 'Master-Detail',
  Formula: 'Formula',
};

export const valueList = (values: readonly PicklistValueDef[]): string =>
  values.map((v) => code(v.name) + (v.label !== v.name ? ` (${text(v.label)})` : '')).join(' · ');

function picklistType(field: PicklistField, cat: Catalogue, from: string): string {
  const kind = `${TYPE_LABEL[field.type]}${field.restricted ? ', restricted' : ', unrestricted'}`;
  const lines = [kind];
  if (field.valueSet) {
    const set = field.valueSet;
    lines.push(
      `value set ${cat.schema.hasValueSet(set) ? link(code(set), href(from, VALUE_SETS_PAGE, anchor(set)), { raw: true }) : code(set)}`,
    );
  } else {
    lines.push(`values: ${valueList(field.values ?? [])}`);
  }
  if (field.defaultValue) lines.push(`default: ${code(field.defaultValue)}`);
  return lines.join('\n');
}

/** The type cell of a field table (Markdown; may span lines, which tables render as `<br>`). */
export function fieldType(apiName: string, field: FieldDef, cat: Catalogue, from: string): string {
  const name = TYPE_LABEL[field.type];
  switch (field.type) {
    case 'Text':
      return `${name}(${field.length})${field.caseSensitive ? ', case-sensitive' : ''}`;
    case 'LongTextArea':
    case 'Html':
      return `${name}(${field.length}), ${field.visibleLines} lines`;
    case 'Number':
    case 'Currency':
    case 'Percent':
      return `${name}(${field.precision}, ${field.scale})`;
    case 'Checkbox':
      return `${name}, default ${field.defaultValue ? 'checked' : 'unchecked'}`;
    case 'Picklist':
    case 'MultiselectPicklist':
      return picklistType(field, cat, from);
    case 'Lookup':
      return `${name} → ${cat.objectLink(from, field.referenceTo)}`;
    case 'MasterDetail':
      return `${name} → ${cat.objectLink(from, field.referenceTo)}`;
    case 'Formula': {
      const size = field.precision !== undefined ? `(${field.precision}, ${field.scale ?? 0})` : '';
      return `${name} → ${field.returns}${size}, blanks as ${field.blanks === 'zero' ? 'zero' : 'blank'}\n${link(
        'see formula',
        `#${anchor(apiName)}`,
      )}`;
    }
    default:
      return name;
  }
}

export const isUnique = (field: FieldDef): boolean => 'unique' in field && field.unique === true;
export const isExternalId = (field: FieldDef): boolean => 'externalId' in field && field.externalId === true;
