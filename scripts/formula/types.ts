import type { DescribeFieldType } from '../schema/types.ts';

/**
 * Formula data types, named as Salesforce names them. `Null` is the type of the NULL literal
 * (compatible with every type); Picklist and MultiPicklist only appear as the arguments of the few
 * functions Salesforce allows them in.
 */
export type FormulaType =
  | 'Checkbox'
  | 'Number'
  | 'Currency'
  | 'Percent'
  | 'Text'
  | 'Date'
  | 'DateTime'
  | 'Time'
  | 'Picklist'
  | 'MultiPicklist'
  | 'Null';

/** Where a formula runs; decides which functions are available and the default return type. */
export type FormulaContext =
  | 'validationRule'
  | 'formulaField'
  | 'flow'
  | 'workflow'
  | 'fieldUpdate'
  | 'assignmentRule'
  | 'approval'
  | 'defaultValue'
  | 'routing'
  | 'any';

/** The types a formula may be declared to return. */
type DeclarableType = Exclude<FormulaType, 'Picklist' | 'MultiPicklist' | 'Null'>;

/** The return types a caller may declare (lower-case, Salesforce names or describe names accepted). */
export type ReturnTypeName = DeclarableType | Lowercase<DeclarableType> | 'boolean' | 'double' | 'int' | 'string';

export const NUMERIC: ReadonlySet<FormulaType> = new Set(['Number', 'Currency', 'Percent']);
export const isNumeric = (t: FormulaType): boolean => NUMERIC.has(t);
export const isTextual = (t: FormulaType): boolean => t === 'Text';

const RETURN_TYPES: Record<string, FormulaType> = {
  checkbox: 'Checkbox',
  boolean: 'Checkbox',
  number: 'Number',
  double: 'Number',
  int: 'Number',
  integer: 'Number',
  currency: 'Currency',
  percent: 'Percent',
  text: 'Text',
  string: 'Text',
  date: 'Date',
  datetime: 'DateTime',
  time: 'Time',
};

export function normaliseReturnType(name: string): FormulaType | undefined {
  return RETURN_TYPES[name.toLowerCase().replace(/[^a-z]/g, '')];
}

/** The formula type of a describe field type, or undefined when formulas cannot use it. */
export function formulaTypeOf(t: DescribeFieldType): FormulaType | undefined {
  switch (t) {
    case 'id':
    case 'reference':
    case 'string':
    case 'textarea':
    case 'email':
    case 'phone':
    case 'url':
    case 'combobox':
    case 'encryptedstring':
      return 'Text';
    case 'picklist':
      return 'Picklist';
    case 'multipicklist':
      return 'MultiPicklist';
    case 'boolean':
      return 'Checkbox';
    case 'double':
    case 'int':
      return 'Number';
    case 'currency':
      return 'Currency';
    case 'percent':
      return 'Percent';
    case 'date':
      return 'Date';
    case 'datetime':
      return 'DateTime';
    case 'time':
      return 'Time';
    case 'address':
    case 'location':
      return undefined;
  }
}

/** How Salesforce spells a type in its error messages. */
export function typeLabel(t: FormulaType): string {
  switch (t) {
    case 'Checkbox':
      return 'Checkbox';
    case 'DateTime':
      return 'Date/Time';
    case 'MultiPicklist':
      return 'Multi-Select Picklist';
    case 'Null':
      return 'Null';
    default:
      return t;
  }
}
