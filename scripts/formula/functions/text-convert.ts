/** Functions that convert to and from text: TEXT, VALUE, CASESAFEID, ASCII, CHR. */
import { isNumeric, typeLabel } from '../types.ts';
import { NUMERIC, TEXT, helpPage, param, type FunctionSpec } from './spec.ts';

const TEXTABLE = 'Number, Currency, Percent, Date, Date/Time, Time, Picklist';

export const TEXT_CONVERSION_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'TEXT',
    category: 'text',
    summary:
      'A number, date, date/time, time or picklist value as text (numbers plain, dates YYYY-MM-DD, date/times in GMT).',
    params: [param('value', 'any', { picklist: true })],
    returns: 'Text',
    blanks: 'never',
    blankNote: 'A blank value gives blank text.',
    doc: helpPage('TEXT'),
    example: { formula: 'TEXT(CloseDate)', result: '2024-06-30' },
    check: (call) => {
      const x = call.node(0, { picklist: true });
      if (x.type === 'Null') return call.result('Text', [call.expectType(x, TEXT, x)], false);
      const t = x.type;
      if (!(isNumeric(t) || t === 'Date' || t === 'DateTime' || t === 'Time' || t === 'Picklist' || t === 'Text')) {
        throw call.error(
          'type',
          `Incorrect parameter type for ${call.where}. Expected ${TEXTABLE}, received ${typeLabel(t)}`,
          call.args[0],
        );
      }
      return call.result('Text', [x], false);
    },
    compile: (c) => {
      const t = c.node(0).type;
      if (t === 'Text' || t === 'Picklist') return c.arg(0);
      if (isNumeric(t)) return `${c.helper('textOfNumber')}(${c.arg(0)})`;
      if (t === 'Date') return `${c.helper('textOfDate')}(${c.arg(0)})`;
      if (t === 'DateTime') return `${c.helper('textOfDateTimeValue')}(${c.arg(0)})`;
      if (t === 'Time') return `${c.helper('textOfTime')}(${c.arg(0)})`;
      return `''`;
    },
  },
  {
    name: 'VALUE',
    category: 'text',
    summary: 'The number a text holds.',
    params: [param('text', TEXT)],
    returns: 'Number',
    blanks: 'always',
    blankNote: 'Blank for a blank text and for a text that is not a number, e.g. "$123" (VALUE help page).',
    doc: helpPage('VALUE'),
    example: { formula: 'VALUE("123.45")', result: 123.45 },
    compile: (c) => `${c.helper('value')}(${c.arg(0)})`,
  },
  {
    name: 'CASESAFEID',
    category: 'text',
    summary: 'The 18-character, case-insensitive form of a 15-character record ID.',
    params: [param('id', TEXT)],
    returns: 'Text',
    blanks: 'never',
    doc: helpPage('CASESAFEID'),
    example: { formula: 'CASESAFEID("a0B5g00000ABCDe")', result: 'a0B5g00000ABCDeEAP' },
    compile: (c) => `${c.helper('caseSafeId')}(${c.arg(0)})`,
  },
  {
    name: 'ASCII',
    category: 'text',
    summary: 'The code point of the first character of the text.',
    params: [param('character', TEXT)],
    returns: 'Number',
    blanks: 'always',
    doc: helpPage('ASCII'),
    example: { formula: 'ASCII("A")', result: 65 },
    compile: (c) => `${c.helper('ascii')}(${c.arg(0)})`,
  },
  {
    name: 'CHR',
    category: 'text',
    summary: 'The character with the given code point.',
    params: [param('ascii_code', NUMERIC)],
    returns: 'Text',
    blanks: 'never',
    blankNote: 'A blank code gives blank text.',
    doc: helpPage('CHR'),
    example: { formula: 'CHR(66)', result: 'B' },
    compile: (c) => `${c.helper('chr')}(${c.arg(0)}, ${c.fail()})`,
  },
];
