/**
 * The function catalogue: arity and availability of every function the engine implements, and
 * the Salesforce functions it knows but does not implement (so that using one is a clear error,
 * never a wrong answer). Argument and return types are decided in checker.ts.
 */
export interface FunctionInfo {
  readonly min: number;
  readonly max: number;
  /** Only where a record is being saved (validation rules, field updates, workflow, flows' entry criteria). */
  readonly recordChange?: boolean;
  readonly category: 'logical' | 'text' | 'math' | 'date' | 'advanced';
}

const f = (category: FunctionInfo['category'], min: number, max = min, recordChange = false): FunctionInfo => ({
  category,
  min,
  max,
  recordChange,
});
const MANY = 1000;

export const FUNCTIONS: Readonly<Record<string, FunctionInfo>> = {
  // logical
  AND: f('logical', 1, MANY),
  OR: f('logical', 1, MANY),
  NOT: f('logical', 1),
  IF: f('logical', 3),
  CASE: f('logical', 4, MANY),
  ISBLANK: f('logical', 1),
  ISNULL: f('logical', 1),
  BLANKVALUE: f('logical', 2),
  NULLVALUE: f('logical', 2),
  ISNUMBER: f('logical', 1),
  ISCHANGED: f('advanced', 1, 1, true),
  PRIORVALUE: f('advanced', 1, 1, true),
  ISNEW: f('advanced', 0, 0, true),
  ISCLONE: f('advanced', 0, 0, true),
  ISPICKVAL: f('advanced', 2),
  INCLUDES: f('advanced', 2),
  PICKLISTCOUNT: f('advanced', 1),
  REGEX: f('advanced', 2),
  // text
  BEGINS: f('text', 2),
  CONTAINS: f('text', 2),
  FIND: f('text', 2, 3),
  LEFT: f('text', 2),
  RIGHT: f('text', 2),
  MID: f('text', 3),
  LEN: f('text', 1),
  LOWER: f('text', 1, 2),
  UPPER: f('text', 1, 2),
  LPAD: f('text', 2, 3),
  RPAD: f('text', 2, 3),
  SUBSTITUTE: f('text', 3),
  TRIM: f('text', 1),
  TEXT: f('text', 1),
  VALUE: f('text', 1),
  CASESAFEID: f('text', 1),
  HYPERLINK: f('text', 2, 3),
  IMAGE: f('text', 2, 4),
  BR: f('text', 0),
  ASCII: f('text', 1),
  CHR: f('text', 1),
  INITCAP: f('text', 1),
  REVERSE: f('text', 1),
  // math
  ABS: f('math', 1),
  CEILING: f('math', 1),
  FLOOR: f('math', 1),
  MCEILING: f('math', 1),
  MFLOOR: f('math', 1),
  ROUND: f('math', 2),
  TRUNC: f('math', 1, 2),
  MAX: f('math', 1, MANY),
  MIN: f('math', 1, MANY),
  MOD: f('math', 2),
  SQRT: f('math', 1),
  EXP: f('math', 1),
  LN: f('math', 1),
  LOG: f('math', 1),
  // date & time
  DATE: f('date', 3),
  DATEVALUE: f('date', 1),
  DATETIMEVALUE: f('date', 1),
  TIMEVALUE: f('date', 1),
  TODAY: f('date', 0),
  NOW: f('date', 0),
  TIMENOW: f('date', 0),
  YEAR: f('date', 1),
  MONTH: f('date', 1),
  DAY: f('date', 1),
  WEEKDAY: f('date', 1),
  DAYOFYEAR: f('date', 1),
  ISOWEEK: f('date', 1),
  ISOYEAR: f('date', 1),
  ADDMONTHS: f('date', 2),
  HOUR: f('date', 1),
  MINUTE: f('date', 1),
  SECOND: f('date', 1),
  MILLISECOND: f('date', 1),
  UNIXTIMESTAMP: f('date', 1),
  FROMUNIXTIME: f('date', 1),
};

/** Salesforce functions this engine recognises but does not implement. */
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

/** Functions that return the current date/time (need `now` in the evaluation context). */
export const CLOCK_FUNCTIONS: ReadonlySet<string> = new Set(['TODAY', 'NOW', 'TIMENOW']);
