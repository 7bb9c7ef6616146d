/** Text functions that search, cut, pad and change text. */
import { NUMERIC, TEXT, helpPage, param, type CallCompile, type Example, type FunctionSpec } from './spec.ts';

type Returns = 'Text' | 'Number' | 'Checkbox';

/** A text function; `compile` gets the call and produces its code. */
function textFunction(
  name: string,
  summary: string,
  params: FunctionSpec['params'],
  returns: Returns,
  example: Example,
  compile: (c: CallCompile) => string,
): FunctionSpec {
  return { name, category: 'text', summary, params, returns, blanks: 'never', doc: helpPage(name), example, compile };
}

const optional = (c: CallCompile, i: number, absent: string): string => (c.call.args.length > i ? c.arg(i) : absent);
const text = [param('text', TEXT)];
const compared = [param('text', TEXT), param('compare_text', TEXT)];
const withLocale = [param('text', TEXT), param('locale', TEXT, { optional: true })];
const cut = [param('text', TEXT), param('num_chars', NUMERIC)];
const padded = [param('text', TEXT), param('padded_length', NUMERIC), param('pad_string', TEXT, { optional: true })];

export const TEXT_FUNCTIONS: readonly FunctionSpec[] = [
  textFunction(
    'BEGINS',
    'TRUE when the text begins with the given characters (case-sensitive).',
    compared,
    'Checkbox',
    { formula: 'BEGINS(Name, "Acme")', result: true },
    (c) => `${c.arg(0)}.startsWith(${c.arg(1)})`,
  ),
  textFunction(
    'CONTAINS',
    'TRUE when the text contains the given characters (case-sensitive).',
    compared,
    'Checkbox',
    { formula: 'CONTAINS(Name, "New")', result: true },
    (c) => `${c.arg(0)}.includes(${c.arg(1)})`,
  ),
  textFunction(
    'FIND',
    'The position of search_text in text (1-based), or 0 when it is absent.',
    [param('search_text', TEXT), param('text', TEXT), param('start_num', NUMERIC, { optional: true })],
    'Number',
    { formula: 'FIND(" ", "Acme Corp")', result: 5 },
    (c) => `${c.helper('find')}(${c.arg(0)}, ${c.arg(1)}, ${optional(c, 2, 'null')})`,
  ),
  textFunction(
    'LEFT',
    'The first num_chars characters of the text.',
    cut,
    'Text',
    { formula: 'LEFT("Salesforce", 5)', result: 'Sales' },
    (c) => `${c.helper('left')}(${c.arg(0)}, ${c.arg(1)})`,
  ),
  textFunction(
    'RIGHT',
    'The last num_chars characters of the text.',
    cut,
    'Text',
    { formula: 'RIGHT("Salesforce", 5)', result: 'force' },
    (c) => `${c.helper('right')}(${c.arg(0)}, ${c.arg(1)})`,
  ),
  textFunction(
    'MID',
    'num_chars characters of the text from start_num (1-based).',
    [param('text', TEXT), param('start_num', NUMERIC), param('num_chars', NUMERIC)],
    'Text',
    { formula: 'MID("Salesforce", 2, 3)', result: 'ale' },
    (c) => `${c.helper('mid')}(${c.arg(0)}, ${c.arg(1)}, ${c.arg(2)})`,
  ),
  textFunction(
    'LEN',
    'The number of characters in the text (UTF-16 code units, as Salesforce counts them).',
    text,
    'Number',
    { formula: 'LEN("Salesforce")', result: 10 },
    (c) => `${c.arg(0)}.length`,
  ),
  // The locale argument is accepted and, as for the default locale, does not change the result.
  textFunction(
    'LOWER',
    'The text in lower case.',
    withLocale,
    'Text',
    { formula: 'LOWER("MYCOMPANY.COM")', result: 'mycompany.com' },
    (c) => `${c.arg(0)}.toLowerCase()`,
  ),
  textFunction(
    'UPPER',
    'The text in upper case.',
    withLocale,
    'Text',
    { formula: 'UPPER("mycompany.com")', result: 'MYCOMPANY.COM' },
    (c) => `${c.arg(0)}.toUpperCase()`,
  ),
  textFunction(
    'TRIM',
    'The text without leading and trailing spaces.',
    text,
    'Text',
    { formula: 'TRIM("  Acme Corp ")', result: 'Acme Corp' },
    (c) => `${c.helper('trim')}(${c.arg(0)})`,
  ),
  textFunction(
    'INITCAP',
    'The text with each word capitalised and the rest in lower case.',
    text,
    'Text',
    { formula: 'INITCAP("hello WORLD")', result: 'Hello World' },
    (c) => `${c.helper('initcap')}(${c.arg(0)})`,
  ),
  textFunction(
    'REVERSE',
    'The characters of the text in reverse order.',
    text,
    'Text',
    { formula: 'REVERSE("abc")', result: 'cba' },
    (c) => `${c.helper('reverse')}(${c.arg(0)})`,
  ),
  textFunction(
    'LPAD',
    'The text padded on the left with pad_string (blank spaces are omitted) to padded_length characters, or cut to that length.',
    padded,
    'Text',
    { formula: 'LPAD("7", 3, "0")', result: '007' },
    (c) => `${c.helper('pad')}(${c.arg(0)}, ${c.arg(1)}, ${optional(c, 2, '" "')}, true, ${c.fail()})`,
  ),
  textFunction(
    'RPAD',
    'The text padded on the right with pad_string (blank spaces are omitted) to padded_length characters, or cut to that length.',
    padded,
    'Text',
    { formula: 'RPAD("my_company.com", 20, "z")', result: 'my_company.comzzzzzz' },
    (c) => `${c.helper('pad')}(${c.arg(0)}, ${c.arg(1)}, ${optional(c, 2, '" "')}, false, ${c.fail()})`,
  ),
  textFunction(
    'SUBSTITUTE',
    'The text with every occurrence of old_text replaced by new_text.',
    [param('text', TEXT), param('old_text', TEXT), param('new_text', TEXT)],
    'Text',
    { formula: 'SUBSTITUTE("Coupon 10% Coupon", "Coupon", "Discount")', result: 'Discount 10% Discount' },
    (c) => `${c.helper('substitute')}(${c.arg(0)}, ${c.arg(1)}, ${c.arg(2)}, ${c.fail()})`,
  ),
];
