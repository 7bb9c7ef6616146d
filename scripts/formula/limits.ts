/**
 * Salesforce's own limits that the engine enforces, so that no formula can hang the process or
 * exhaust its memory (`LPAD("a", 100000000)`, 32 nested `SUBSTITUTE(x, "a", "aa")`). Each is a
 * positioned FormulaError, never a hang. The REGEX step budget is in regex/matcher.ts; the date
 * range in datetime.ts.
 */

/**
 * "Formula fields can contain up to 3,900 characters, including spaces, return characters, and
 * comments" (Formula Field Limits and Restrictions); validation rules and flow formulas share it.
 */
export const MAX_FORMULA_LENGTH = 3900;

/**
 * No Salesforce text value is longer than the longest text field, Text Area (Long), 131,072
 * characters; a formula that would build a longer text is an error where it builds it.
 */
export const MAX_TEXT_LENGTH = 131_072;

export const formatCount = (n: number): string => Math.round(n).toLocaleString('en-US');
