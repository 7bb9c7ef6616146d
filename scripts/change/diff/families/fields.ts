/**
 * Custom fields: type conversions with Salesforce's data-loss rules, length / precision / scale,
 * formulas, picklist values, required / unique, deletion.
 *
 * The conversion rules are Salesforce Help's "Considerations for Converting the Field Type of a
 * Custom Field" (data can be lost: to or from Date or Date/Time; to Number, Percent or Currency
 * from any other type; from Checkbox, from Multi-Select Picklist and to Multi-Select Picklist;
 * from Auto Number, and to Auto Number from anything but Text; Text to Picklist; Long Text Area
 * to anything but Email, Phone, Text, Text Area or URL). Shrinking a length, precision or scale
 * is this toolkit's own rule: values that no longer fit are truncated or rounded.
 */
import { describeFormulaChange, diffFormula } from '../formula-diff.ts';
import type { Describe, Detail, Risk } from '../types.ts';
import { textOf, type XmlNode } from '../xml.ts';
import { diffPicklist, picklistValues } from './picklists.ts';

const NUMERIC = new Set(['Number', 'Percent', 'Currency']);
const TEMPORAL = new Set(['Date', 'DateTime']);
const FROM_LONG_TEXT_KEEPS = new Set(['Email', 'Phone', 'Text', 'TextArea', 'Url']);
/** Conversions Salesforce refuses outright (the deploy fails): formulas, roll-ups, geolocation, encrypted. */
const FIXED = new Set(['Summary', 'Location', 'EncryptedText']);

/** Why converting `from` to `to` can lose data, per Salesforce Help; undefined when it keeps the data. */
export function conversionLoss(from: string, to: string): string | undefined {
  if (from === to) return undefined;
  if (TEMPORAL.has(from) || TEMPORAL.has(to)) return 'changing to or from Date or Date/Time can lose data';
  if (NUMERIC.has(to)) return `changing to ${to} from any other type can lose data`;
  if (from === 'Checkbox') return 'changing from Checkbox to any other type can lose data';
  if (from === 'MultiselectPicklist') return 'changing from Multi-Select Picklist to any other type can lose data';
  if (to === 'MultiselectPicklist')
    return 'changing to Multi-Select Picklist can lose data (values not in the picklist definition are deleted from records)';
  if (from === 'AutoNumber') return 'changing from Auto Number to any other type can lose data';
  if (to === 'AutoNumber' && from !== 'Text') return 'changing to Auto Number from any type except Text can lose data';
  if (from === 'Text' && to === 'Picklist') return 'changing from Text to Picklist can lose data';
  if (from === 'LongTextArea' && !FROM_LONG_TEXT_KEEPS.has(to))
    return 'changing from Long Text Area to any type except Email, Phone, Text, Text Area or URL can lose data';
  return undefined;
}

const num = (node: XmlNode, tag: string): number | undefined => {
  const text = textOf(node, tag);
  return text === undefined || text === '' ? undefined : Number(text);
};

const dataLoss = (reason: string): Risk => ({ level: 'high', category: 'data-loss', reason });

function typeChange(before: XmlNode, after: XmlNode): Detail[] {
  const from = textOf(before, 'type');
  const to = textOf(after, 'type');
  const wasFormula = textOf(before, 'formula') !== undefined;
  const isFormula = textOf(after, 'formula') !== undefined;
  const details: Detail[] = [];
  if (wasFormula !== isFormula)
    details.push({
      kind: 'field-type',
      text: wasFormula ? 'formula field becomes a stored field' : 'stored field becomes a formula field',
      data: { from, to, formula: isFormula },
      risk: isFormula
        ? dataLoss(
            'a stored field cannot be converted to a formula: the deploy fails, and replacing the field deletes its data',
          )
        : {
            level: 'medium',
            category: 'data-loss',
            reason: 'a formula field cannot be converted in place: the deploy fails',
          },
    });
  if (!from || !to || from === to) return details;
  const loss = conversionLoss(from, to);
  const refused = FIXED.has(from) || FIXED.has(to);
  details.push({
    kind: 'field-type',
    text: `type ${from} → ${to}`,
    data: { from, to, dataLoss: Boolean(loss) },
    risk: refused
      ? dataLoss(`Salesforce does not convert ${FIXED.has(from) ? from : to} fields: the deploy fails`)
      : loss
        ? dataLoss(loss)
        : undefined,
  });
  return details;
}

function sizeChanges(before: XmlNode, after: XmlNode): Detail[] {
  const details: Detail[] = [];
  const sized = (tag: string, noun: string, shrink: (from: number, to: number) => string) => {
    const from = num(before, tag);
    const to = num(after, tag);
    if (from === undefined || to === undefined || from === to) return;
    details.push({
      kind: 'field-size',
      text: `${noun} ${from} → ${to}`,
      data: { [tag]: { from, to } },
      risk: to < from ? dataLoss(shrink(from, to)) : undefined,
    });
  };
  sized('length', 'length', (_, to) => `values longer than ${to} characters are truncated`);
  sized('precision', 'precision', (_, to) => `values with more than ${to} digits no longer fit`);
  sized('scale', 'decimal places', (_, to) => `values are rounded to ${to} decimal place${to === 1 ? '' : 's'}`);
  return details;
}

function flagChanges(before: XmlNode, after: XmlNode): Detail[] {
  const details: Detail[] = [];
  const on = (node: XmlNode, tag: string) => textOf(node, tag) === 'true';
  if (!on(before, 'required') && on(after, 'required'))
    details.push({
      kind: 'field-rule',
      text: 'becomes required',
      risk: { level: 'medium', category: 'validation', reason: 'records with a blank value fail their next save' },
    });
  if (on(before, 'required') && !on(after, 'required'))
    details.push({ kind: 'field-rule', text: 'no longer required' });
  if (!on(before, 'unique') && on(after, 'unique'))
    details.push({
      kind: 'field-rule',
      text: 'becomes unique',
      risk: { level: 'medium', category: 'validation', reason: 'the deploy fails while duplicate values exist' },
    });
  if (on(before, 'unique') && !on(after, 'unique')) details.push({ kind: 'field-rule', text: 'no longer unique' });
  if (on(before, 'externalId') !== on(after, 'externalId'))
    details.push({
      kind: 'field-rule',
      text: on(after, 'externalId') ? 'becomes an external id' : 'no longer an external id',
    });
  if (on(before, 'trackHistory') !== on(after, 'trackHistory'))
    details.push({
      kind: 'field-rule',
      text: on(after, 'trackHistory') ? 'history tracked' : 'history no longer tracked',
    });
  const restricted = (n: XmlNode) => textOf(n.valueSet as XmlNode, 'restricted') === 'true';
  if (before.valueSet && after.valueSet && restricted(before) !== restricted(after))
    details.push({
      kind: 'picklist',
      text: restricted(after) ? 'picklist becomes restricted' : 'picklist no longer restricted',
      risk: restricted(after)
        ? {
            level: 'medium',
            category: 'validation',
            reason: 'records holding values outside the list fail their next save',
          }
        : undefined,
    });
  const ref = (n: XmlNode) => textOf(n, 'referenceTo');
  if (ref(before) && ref(after) && ref(before) !== ref(after))
    details.push({
      kind: 'field-type',
      text: `looks up ${ref(after)} instead of ${ref(before)}`,
      risk: dataLoss('a lookup cannot point at another object in place: the deploy fails'),
    });
  return details;
}

export const describeField: Describe = (c) => {
  if (c.change === 'deleted')
    return [
      {
        kind: 'field-deleted',
        text: `field deleted (type ${textOf(c.before, 'type') ?? 'unknown'})`,
        risk: dataLoss('the field and every value in it are deleted (recoverable from the org for 15 days, by hand)'),
      },
    ];
  if (c.change === 'added')
    return [{ kind: 'field-added', text: `new ${textOf(c.after, 'type') ?? ''} field`.replace('  ', ' ') }];
  const details = [
    ...typeChange(c.before, c.after),
    ...sizeChanges(c.before, c.after),
    ...flagChanges(c.before, c.after),
  ];
  const formulaBefore = textOf(c.before, 'formula');
  const formulaAfter = textOf(c.after, 'formula');
  if (formulaBefore !== undefined && formulaAfter !== undefined && formulaBefore !== formulaAfter) {
    const change = diffFormula(formulaBefore, formulaAfter);
    details.push({
      kind: 'formula',
      text: `formula: ${describeFormulaChange(change)}`,
      data: { ...change, before: formulaBefore, after: formulaAfter },
    });
  }
  details.push(...diffPicklist(picklistValues(c.before), picklistValues(c.after)));
  for (const tag of ['label', 'description', 'inlineHelpText', 'defaultValue'])
    if (textOf(c.before, tag) !== textOf(c.after, tag))
      details.push({
        kind: 'setting',
        text: `${tag}: "${textOf(c.before, tag) ?? ''}" → "${textOf(c.after, tag) ?? ''}"`,
      });
  return details;
};
