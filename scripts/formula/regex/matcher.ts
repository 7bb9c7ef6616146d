/**
 * REGEX as Salesforce evaluates it (the whole text against a Java pattern), with bounded work:
 * the translated pattern runs on the bounded matcher (vm.ts), which reports a pattern that needs
 * more than MAX_REGEX_STEPS on a text instead of hanging, as Apex reports "Regex too complicated".
 */
import { compileProgram, type Flags, type Program } from './program.ts';
import { shapeOf, simpleCost } from './simple.ts';
import { parsePattern } from './syntax.ts';
import { translateJavaRegex } from './translate.ts';
import { execute, type Run } from './vm.ts';

/** Steps one REGEX evaluation may take: far above what real patterns need on field-sized text (a few thousand). */
export const MAX_REGEX_STEPS = 2_000_000;

/** Work (see simple.ts) up to which JavaScript's own RegExp runs a simple pattern: well under a millisecond. */
const MAX_NATIVE_COST = 1_000_000;

/** Beyond this many (instruction, position) pairs the visited set is not kept (the step budget still holds). */
const MAX_MEMO_BITS = 1 << 25;

export interface WholeTextMatcher {
  /** Whether the whole text matches; throws StepBudgetExceeded when the pattern needs too many steps. */
  matches(text: string): boolean;
}

const cache = new Map<string, WholeTextMatcher>();

/**
 * A bounded whole-text matcher for a Java pattern (cached); throws what translation and `new RegExp`
 * throw. `native: false` always uses the bounded matcher (the tests compare the two).
 */
export function wholeTextMatcher(pattern: string, options: { readonly native?: boolean } = {}): WholeTextMatcher {
  const native = options.native !== false;
  const key = `${native ? 'n' : 'b'}${pattern}`;
  let m = cache.get(key);
  if (m === undefined) {
    m = build(pattern, native);
    if (cache.size > 1000) cache.clear();
    cache.set(key, m);
  }
  return m;
}

function build(pattern: string, allowNative: boolean): WholeTextMatcher {
  const { source, flags } = translateJavaRegex(pattern);
  new RegExp(source, flags); // JavaScript's verdict on the syntax, as javaRegex gives it
  const f: Flags = {
    ignoreCase: flags.includes('i'),
    dotAll: flags.includes('s'),
    multiline: flags.includes('m'),
    unicode: flags.includes('u'),
  };
  const parsed = parsePattern(source, f.unicode);
  const program = compileProgram(parsed, f);
  const shape = shapeOf(parsed.root);
  // Whole-text anchoring: with the multiline flag ^ and $ would also match at line ends.
  const native = f.multiline || !allowNative ? null : new RegExp(`^(?:${source})$`, flags);
  return {
    matches: (text) =>
      native !== null && simpleCost(shape, text.length) <= MAX_NATIVE_COST ? native.test(text) : run(program, f, text),
  };
}

function run(program: Program, flags: Flags, text: string): boolean {
  const bits = program.length * (text.length + 1);
  const memo = !program.hasBackrefs && bits <= MAX_MEMO_BITS ? new Uint32Array((bits >>> 5) + 1) : null;
  const r: Run = { text, flags, budget: { steps: 0, limit: MAX_REGEX_STEPS }, memo };
  return execute(r, program, 0, text.length, new Array<number>(program.slots).fill(-1)) >= 0;
}
