/**
 * Lead-convert mappings as Salesforce accepts them (Help: "Guidelines for Mapping Custom Lead
 * Fields for Lead Conversion"): custom Lead fields onto custom fields of compatible type and
 * length, picklists only onto unrestricted picklists, one source per target.
 */
import type { CheckContext } from '../../core/checks.ts';
import { fieldPath, type FieldDef, type FieldRef } from '../../core/model-types.ts';
import type { ObjectsModel } from '../objects/objects.ts';
import type { LeadConvertModel } from './builders.ts';

type FieldType = FieldDef['type'];

/** Types that map only onto the same type. */
const SAME_TYPE_ONLY: ReadonlySet<FieldType> = new Set([
  'Checkbox',
  'Currency',
  'Date',
  'DateTime',
  'Email',
  'Number',
  'Percent',
  'Phone',
  'MultiselectPicklist',
  'LongTextArea',
  'Html',
  'Url',
]);
/** What a text or picklist source may map onto (a picklist target must be unrestricted). */
const TARGETS: Partial<Record<FieldType, readonly FieldType[]>> = {
  Text: ['Text', 'TextArea', 'LongTextArea', 'Picklist'],
  TextArea: ['Text', 'TextArea', 'LongTextArea', 'Picklist'],
  Picklist: ['Text', 'TextArea', 'Picklist'],
};

const lengthOf = (f: FieldDef): number | undefined =>
  f.type === 'Text' || f.type === 'LongTextArea' || f.type === 'Html'
    ? f.length
    : f.type === 'TextArea'
      ? 255
      : undefined;

function fieldDef(model: ObjectsModel, ref: FieldRef): FieldDef | undefined {
  const object = model.objects.find((o) => o.apiName.toLowerCase() === ref.object.toLowerCase());
  return object && Object.entries(object.fields).find(([n]) => n.toLowerCase() === ref.field.toLowerCase())?.[1];
}

/** Why `from` cannot map onto `to`, or undefined when it can. */
function incompatibility(from: FieldDef, to: FieldDef, mapping: { from: FieldRef; to: FieldRef }): string | undefined {
  const [f, t] = [fieldPath(mapping.from), fieldPath(mapping.to)];
  if (from.type === 'Formula' || to.type === 'Formula') return `${f} → ${t}: formula fields cannot be mapped`;
  if (SAME_TYPE_ONLY.has(from.type) && from.type !== to.type)
    return `${f} (${from.type}) maps only onto a ${from.type} field; ${t} is ${to.type}`;
  const allowed = TARGETS[from.type];
  if (allowed && !allowed.includes(to.type))
    return `${f} (${from.type}) cannot map onto ${t} (${to.type}); allowed: ${allowed.join(', ')}`;
  if (from.type === 'Lookup' && (to.type !== 'Lookup' || to.referenceTo !== from.referenceTo))
    return `${f} (lookup to ${from.referenceTo}) maps only onto a lookup to ${from.referenceTo}`;
  if (to.type === 'Picklist' && to.restricted)
    return `${t} is a restricted picklist: Salesforce maps onto unrestricted picklists only (restrict the values with a validation rule instead)`;
  const [fromLength, toLength] = [lengthOf(from), lengthOf(to)];
  if (fromLength !== undefined && toLength !== undefined && toLength < fromLength)
    return `${t} holds ${toLength} characters, shorter than ${f} (${fromLength})`;
  return undefined;
}

export function checkLeadConvert(model: LeadConvertModel & ObjectsModel, check: CheckContext): void {
  const convert = model.leadConvert;
  if (!convert) return;
  const c = 'LeadConvertSettings';
  const targets = new Set<string>();
  for (const m of convert.mappings) {
    check.fieldExists(convert, c, m.from, 'mapping source');
    check.fieldExists(convert, c, m.to, 'mapping target');
    if (m.from.object !== 'Lead') check.report(convert, c, `mapping source ${fieldPath(m.from)} is not a Lead field`);
    if (!['Account', 'Contact', 'Opportunity'].includes(m.to.object))
      check.report(convert, c, `mapping target ${fieldPath(m.to)} is not an Account, Contact or Opportunity field`);
    const key = fieldPath(m.to).toLowerCase();
    if (targets.has(key)) check.report(convert, c, `${fieldPath(m.to)} has more than one source field`);
    targets.add(key);
    const [from, to] = [fieldDef(model, m.from), fieldDef(model, m.to)];
    const described = [m.from, m.to].map((r) => check.schema.object(r.object)?.field(r.field));
    if (described.every(Boolean) && (!from || !to)) {
      check.report(convert, c, `${fieldPath(m.from)} → ${fieldPath(m.to)}: only custom fields can be mapped`);
      continue;
    }
    const problem = from && to ? incompatibility(from, to, m) : undefined;
    if (problem) check.report(convert, c, problem);
  }
}
