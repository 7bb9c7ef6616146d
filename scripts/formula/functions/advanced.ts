/** REGEX: Java regular expressions matched against the whole text. */
import { RegexTranslationError, wholeTextMatcher } from '../regex.ts';
import { TEXT, helpPage, param, type CallCheck, type FunctionSpec } from './spec.ts';

/** A literal pattern is translated when the formula is checked, so a bad one is reported where it is written. */
function checkPattern(call: CallCheck, pattern: string): void {
  try {
    wholeTextMatcher(pattern);
  } catch (e) {
    const at = call.args[1] as { start: number; end: number };
    const offset = e instanceof RegexTranslationError ? Math.min(at.end - 1, at.start + 1 + e.index) : at.start;
    throw call.error('type', `Invalid regular expression in REGEX(): ${(e as Error).message}`, {
      start: offset,
      end: offset + 1,
    });
  }
}

export const ADVANCED_FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'REGEX',
    category: 'advanced',
    summary: 'TRUE when the whole text matches the regular expression (Java syntax; write \\\\ for a backslash).',
    params: [param('text', TEXT), param('regex_text', TEXT)],
    returns: 'Checkbox',
    blanks: 'never',
    blankNote: 'A blank text is matched as empty text.',
    doc: helpPage('REGEX'),
    example: { formula: 'REGEX(Name, "[A-Z][A-Za-z ]+ - (New|Renewal) - \\\\d{4}")', result: true },
    check: (call) => {
      const text = call.arg(0, TEXT);
      const pattern = call.arg(1, TEXT);
      if (pattern.k === 'literal' && typeof pattern.value === 'string') checkPattern(call, pattern.value);
      return call.result('Checkbox', [text, pattern], false);
    },
    compile: (c) => {
      const pattern = c.node(1);
      if (pattern.k === 'literal' && typeof pattern.value === 'string') {
        return `${c.helper('regexMatches')}(${c.constant(wholeTextMatcher(pattern.value))}, ${c.arg(0)}, ${c.fail()})`;
      }
      return `${c.helper('regex')}(${c.arg(0)}, ${c.arg(1)}, ${c.fail()})`;
    },
  },
];
