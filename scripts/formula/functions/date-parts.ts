/** Functions that read one part of a date or a time: YEAR … ISOYEAR, HOUR … MILLISECOND. */
import { helpPage, param, type FunctionSpec, type RuntimeHelper } from './spec.ts';

/** The examples read the parts of 2024-06-30 (a Sunday) and of 17:30:45.125. */
const ON_DATE = 'DATE(2024, 6, 30)';
const ON_TIME = 'TIMEVALUE("17:30:45.125")';

function part(name: string, of: 'Date' | 'Time', helper: RuntimeHelper, summary: string, result: number): FunctionSpec {
  return {
    name,
    category: 'date',
    summary,
    params: [param(of === 'Date' ? 'date' : 'time', [of])],
    returns: 'Number',
    blanks: 'propagates',
    doc: helpPage(name),
    example: { formula: `${name}(${of === 'Date' ? ON_DATE : ON_TIME})`, result },
    compile: (c) => c.nullSafe((x) => `${c.helper(helper)}(${x})`),
  };
}

export const DATE_PART_FUNCTIONS: readonly FunctionSpec[] = [
  part('YEAR', 'Date', 'year', 'The four-digit year.', 2024),
  part('MONTH', 'Date', 'month', 'The month, 1 (January) to 12.', 6),
  part('DAY', 'Date', 'day', 'The day of the month, 1 to 31.', 30),
  part('WEEKDAY', 'Date', 'weekday', 'The day of the week, 1 (Sunday) to 7 (Saturday).', 1),
  part('DAYOFYEAR', 'Date', 'dayOfYear', 'The day of the year, 1 to 366.', 182),
  part('ISOWEEK', 'Date', 'isoWeek', 'The ISO 8601 week number, 1 to 53.', 26),
  part('ISOYEAR', 'Date', 'isoYear', 'The ISO 8601 week-numbering year.', 2024),
  part('HOUR', 'Time', 'hour', 'The hour, 0 to 23.', 17),
  part('MINUTE', 'Time', 'minute', 'The minute, 0 to 59.', 30),
  part('SECOND', 'Time', 'second', 'The second, 0 to 59.', 45),
  part('MILLISECOND', 'Time', 'millisecond', 'The millisecond, 0 to 999.', 125),
];
