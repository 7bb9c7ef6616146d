/**
 * Field builders. Each returns plain data; the object that holds a field gives it its API name
 * (the key it is declared under), so a field is written once.
 */
import type {
  CheckboxField,
  ContactPointField,
  FieldDef,
  FormulaField,
  FormulaReturnType,
  LongTextAreaField,
  LookupField,
  MasterDetailField,
  NumericField,
  PicklistField,
  PicklistValueDef,
  TemporalField,
  TextAreaField,
  TextField,
  FieldCommon,
} from '../../core/model-types.ts';

type Options<F extends FieldDef, K extends keyof F = never> = Omit<F, 'type' | K> & Partial<Pick<F, K>>;

export const text = (o: Options<TextField, 'length'>): TextField => ({ length: 255, ...o, type: 'Text' });
export const textArea = (o: Options<TextAreaField>): TextAreaField => ({ ...o, type: 'TextArea' });
export const longText = (o: Options<LongTextAreaField, 'length' | 'visibleLines'>): LongTextAreaField => ({
  length: 32768,
  visibleLines: 3,
  ...o,
  type: 'LongTextArea',
});
export const richText = (o: Options<LongTextAreaField, 'length' | 'visibleLines'>): LongTextAreaField => ({
  length: 32768,
  visibleLines: 10,
  ...o,
  type: 'Html',
});
export const email = (o: Options<ContactPointField>): ContactPointField => ({ ...o, type: 'Email' });
export const phone = (o: Options<ContactPointField>): ContactPointField => ({ ...o, type: 'Phone' });
export const url = (o: Options<ContactPointField>): ContactPointField => ({ ...o, type: 'Url' });
export const number = (o: Options<NumericField, 'precision' | 'scale'>): NumericField => ({
  precision: 18,
  scale: 0,
  ...o,
  type: 'Number',
});
export const currency = (o: Options<NumericField, 'precision' | 'scale'>): NumericField => ({
  precision: 18,
  scale: 2,
  ...o,
  type: 'Currency',
});
export const percent = (o: Options<NumericField, 'precision' | 'scale'>): NumericField => ({
  precision: 5,
  scale: 2,
  ...o,
  type: 'Percent',
});
export const checkbox = (o: Options<CheckboxField, 'defaultValue'>): CheckboxField => ({
  defaultValue: false,
  ...o,
  type: 'Checkbox',
});
export const date = (o: Options<TemporalField>): TemporalField => ({ ...o, type: 'Date' });
export const dateTime = (o: Options<TemporalField>): TemporalField => ({ ...o, type: 'DateTime' });

/** A picklist value: `'MQL'` or `value('SAL', 'Sales Accepted')`. */
export type PicklistValueInput = string | PicklistValueDef;
export const value = (name: string, label = name, extra: Partial<PicklistValueDef> = {}): PicklistValueDef => ({
  name,
  label,
  ...extra,
});
export const toPicklistValue = (v: PicklistValueInput): PicklistValueDef => (typeof v === 'string' ? value(v) : v);

interface PicklistOptions extends FieldCommon {
  /** Local values (strings or `value(...)`), or `fromValueSet('Loss_Reason')`. */
  readonly values: readonly PicklistValueInput[] | { readonly valueSet: string };
  /** Restricted picklists reject values not in the list (true unless said otherwise). */
  readonly restricted?: boolean;
  /** Name of the default value. */
  readonly default?: string;
}
function picklistOf(
  type: 'Picklist' | 'MultiselectPicklist',
  o: PicklistOptions,
  visibleLines?: number,
): PicklistField {
  const { values, default: defaultValue, restricted = true, ...common } = o;
  const shape = { ...common, type, defaultValue, ...(visibleLines === undefined ? {} : { visibleLines }) };
  if ('valueSet' in values) return { ...shape, valueSet: values.valueSet, restricted: true };
  return { ...shape, values: values.map(toPicklistValue), restricted };
}
export const picklist = (o: PicklistOptions): PicklistField => picklistOf('Picklist', o);
export const multiPicklist = (o: PicklistOptions & { visibleLines?: number }): PicklistField =>
  picklistOf('MultiselectPicklist', o, o.visibleLines ?? 4);
export const fromValueSet = (valueSet: string) => ({ valueSet });

export const lookup = (
  referenceTo: string,
  o: Options<LookupField, 'referenceTo' | 'deleteConstraint' | 'relationshipLabel'>,
): LookupField => ({
  deleteConstraint: 'SetNull',
  relationshipLabel: o.label,
  ...o,
  referenceTo,
  type: 'Lookup',
});
export const masterDetail = (
  referenceTo: string,
  o: Options<MasterDetailField, 'referenceTo' | 'relationshipLabel'>,
): MasterDetailField => ({ relationshipLabel: o.label, ...o, referenceTo, type: 'MasterDetail' });

export const formula = (
  returns: FormulaReturnType,
  expression: string,
  o: Omit<FormulaField, 'type' | 'returns' | 'formula' | 'blanks'> & { blanks?: 'zero' | 'blank' },
): FormulaField => ({
  blanks: 'zero',
  ...(returns === 'Number' || returns === 'Currency' || returns === 'Percent' ? { precision: 18, scale: 2 } : {}),
  ...o,
  returns,
  formula: expression,
  type: 'Formula',
});
