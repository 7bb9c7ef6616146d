/**
 * REGEX support: Salesforce matches Java regular expressions against the whole text. The Java
 * syntax is translated into an equivalent JavaScript RegExp where one exists (regex/translate.ts),
 * with a clear error (and the index into the pattern) where JavaScript cannot express it. REGEX()
 * itself runs on a matcher with bounded work (regex/matcher.ts).
 */
import { translateJavaRegex } from './regex/translate.ts';

export { RegexTranslationError } from './regex/error.ts';
export { translateJavaRegex, type TranslatedRegex } from './regex/translate.ts';
export { wholeTextMatcher, MAX_REGEX_STEPS, type WholeTextMatcher } from './regex/matcher.ts';
export { StepBudgetExceeded } from './regex/vm.ts';
export { PatternTooLargeError } from './regex/program.ts';

const cache = new Map<string, RegExp>();

/** A whole-string-matching RegExp for a Java pattern (cached); throws RegexTranslationError or SyntaxError. */
export function javaRegex(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (re === undefined) {
    const { source, flags } = translateJavaRegex(pattern);
    // Java's matches() is whole-text even in multiline mode, where ^ and $ would match at line ends.
    re = flags.includes('m') ? new RegExp(`(?<![^])(?:${source})(?![^])`, flags) : new RegExp(`^(?:${source})$`, flags);
    if (cache.size > 1000) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}
