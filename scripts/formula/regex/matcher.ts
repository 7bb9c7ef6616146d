/**
 * REGEX as Salesforce evaluates it (the whole text against a Java pattern), with bounded work:
 * the translated pattern runs on the bounded matcher (vm.ts), which reports a pattern that needs
 * more than MAX_REGEX_STEPS on a text instead of hanging, as Apex reports "Regex too complicated".
 */
import { MAX_TEXT_LENGTH } from '../limits.ts';
import { charTest, compileProgram, type Flags, type Program } from './program.ts';
import { shapeOf, simpleCost, type Excludes, type Shape } from './simple.ts';
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
  // Whole-text anchoring: with the multiline flag ^ and $ would also match at line ends.
  const native = f.multiline || !allowNative ? null : new RegExp(`^(?:${source})$`, flags);
  const nativeUpTo = native === null ? -1 : longestNativeText(shapeOf(parsed.root, excludesIn(f)));
  const bounded = new BoundedRun(program, f);
  return { matches: (text) => (text.length <= nativeUpTo ? (native as RegExp).test(text) : bounded.matches(text)) };
}

/** Whether an atom can never match a literal character (both cases of it with the i flag). */
function excludesIn(flags: Flags): Excludes {
  return (source, literal) => {
    const test = charTest(source, flags);
    const forms = flags.ignoreCase ? [literal.toLowerCase(), literal.toUpperCase()] : [literal];
    return forms.every((c) => !test(c.codePointAt(0) as number));
  };
}

/** The longest text JavaScript's RegExp may run the pattern on within MAX_NATIVE_COST (-1: none). */
function longestNativeText(shape: Shape): number {
  if (simpleCost(shape, 0) > MAX_NATIVE_COST) return -1;
  let lo = 0;
  let hi = MAX_TEXT_LENGTH;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (simpleCost(shape, mid) <= MAX_NATIVE_COST) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The bounded matcher for one pattern, reusing its visited-set buffer from one text to the next. */
class BoundedRun {
  private readonly program: Program;
  private readonly flags: Flags;
  private memo = new Uint32Array(0);

  constructor(program: Program, flags: Flags) {
    this.program = program;
    this.flags = flags;
  }

  matches(text: string): boolean {
    const p = this.program;
    const bits = p.length * (text.length + 1);
    let memo: Uint32Array | null = null;
    if (!p.hasBackrefs && bits <= MAX_MEMO_BITS) {
      const words = (bits >>> 5) + 1;
      if (this.memo.length < words) this.memo = new Uint32Array(Math.max(words, 2 * this.memo.length));
      memo = this.memo;
      memo.fill(0, 0, words);
    }
    const run: Run = { text, flags: this.flags, budget: { steps: 0, limit: MAX_REGEX_STEPS }, memo };
    return execute(run, p, 0, text.length, new Array<number>(p.slots).fill(-1)) >= 0;
  }
}
