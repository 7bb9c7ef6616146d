/**
 * The function table: one entry per Salesforce function the engine implements (see spec.ts for
 * what an entry holds). The checker, the compiler and the function reference read it; adding a
 * function is adding an entry to one of the group modules.
 */
import { ADVANCED_FUNCTIONS } from './advanced.ts';
import { DATE_PART_FUNCTIONS } from './date-parts.ts';
import { DATE_FUNCTIONS } from './date.ts';
import { HTML_FUNCTIONS } from './html.ts';
import { LOGICAL_FUNCTIONS } from './logical.ts';
import { MATH_FUNCTIONS } from './math.ts';
import { PICKLIST_FUNCTIONS } from './picklist.ts';
import { PRIOR_VALUE_FUNCTIONS } from './prior-value.ts';
import { arity } from './signature.ts';
import type { FunctionCategory, FunctionSpec } from './spec.ts';
import { TEXT_CONVERSION_FUNCTIONS } from './text-convert.ts';
import { TEXT_FUNCTIONS } from './text.ts';

export type { FunctionSpec } from './spec.ts';

/** Every entry, in the order the reference lists them. */
export const FUNCTION_SPECS: readonly FunctionSpec[] = [
  ...LOGICAL_FUNCTIONS,
  ...TEXT_FUNCTIONS,
  ...TEXT_CONVERSION_FUNCTIONS,
  ...HTML_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...DATE_FUNCTIONS,
  ...DATE_PART_FUNCTIONS,
  ...PICKLIST_FUNCTIONS,
  ...PRIOR_VALUE_FUNCTIONS,
  ...ADVANCED_FUNCTIONS,
];

/** The table by (upper-case) function name. */
export const FUNCTION_TABLE: ReadonlyMap<string, FunctionSpec> = new Map(FUNCTION_SPECS.map((f) => [f.name, f]));

/** Arity and availability of a function: the table's summary for callers that only need these. */
export interface FunctionInfo {
  readonly min: number;
  readonly max: number;
  /** Only where a record is being saved (validation rules, field updates, workflow, flows' entry criteria). */
  readonly recordChange?: boolean;
  readonly category: FunctionCategory;
}

export const FUNCTIONS: Readonly<Record<string, FunctionInfo>> = Object.fromEntries(
  FUNCTION_SPECS.map((f) => [f.name, { ...arity(f), recordChange: f.recordChange === true, category: f.category }]),
);

/** Salesforce functions this engine recognises but does not implement (using one is an error, never a wrong answer). */
export const UNSUPPORTED_FUNCTIONS: ReadonlySet<string> = new Set([
  'VLOOKUP',
  'GETRECORDIDS',
  'GETSESSIONID',
  'INCLUDE',
  'LINKTO',
  'URLFOR',
  'REQUIRESCRIPT',
  'IMAGEPROXYURL',
  'CURRENCYRATE',
  'DISTANCE',
  'GEOLOCATION',
  'PARENTGROUPVAL',
  'PREVGROUPVAL',
  'PREDICT',
  'HTMLENCODE',
  'JSENCODE',
  'JSINHTMLENCODE',
  'URLENCODE',
  'FORMATDURATION',
]);
