/**
 * The bounded matcher: a backtracking interpreter of program.ts's instructions that gives up
 * after a step budget instead of running for minutes (catastrophic backtracking, as `(a+)+$` on
 * "aaa…!"). Without back-references it also remembers every (instruction, position) it has
 * explored, so no state is explored twice and the work is at most instructions × (length + 1).
 */
import {
  ASSERT,
  ASSERTIONS,
  BACKREF,
  CHAR,
  EMPTY_END,
  EMPTY_START,
  JMP,
  LOOK,
  MATCH,
  SAVE,
  SPLIT,
  type CharTest,
  type Flags,
  type Look,
  type Program,
} from './program.ts';

export class StepBudgetExceeded extends Error {}

/** One evaluation: the text, and the work it may still do (shared with its lookarounds). */
export interface Run {
  readonly text: string;
  readonly flags: Flags;
  readonly budget: { steps: number; readonly limit: number };
  /** Explored (instruction, position) pairs as a bit set; null when back-references make captures part of the state. */
  readonly memo: Uint32Array | null;
}

/**
 * Runs `p` from `start`: the end of the first match (in priority order) that ends at `end` (or
 * anywhere when `end` is -1), or -1. `slots` holds captures and loop registers.
 */
export function execute(run: Run, p: Program, start: number, end: number, slots: number[]): number {
  const { op, a, b, ascii, tests } = p;
  const { text, memo, budget } = run;
  const width = text.length + 1;
  const stack: number[] = []; // pairs: (pc, pos), or (-1 - slot, previous value) to restore a slot
  let pc = 0;
  let pos = start;
  for (;;) {
    if (++budget.steps > budget.limit) throw new StepBudgetExceeded();
    let next = -1; // the position after this instruction, or -1 when it fails
    if (memo === null || firstVisit(memo, pc * width + pos)) {
      const arg = a[pc] as number;
      switch (op[pc]) {
        case CHAR: {
          const ch =
            pos < text.length ? (run.flags.unicode ? (text.codePointAt(pos) as number) : text.charCodeAt(pos)) : -1;
          if (ch >= 0 && (ch < 128 ? ascii[arg * 128 + ch] === 1 : (tests[arg] as CharTest)(ch)))
            next = pos + (ch > 0xffff ? 2 : 1);
          break;
        }
        case SPLIT:
          stack.push(b[pc] as number, pos);
          pc = arg;
          continue;
        case JMP:
          pc = arg;
          continue;
        case MATCH:
          if (end < 0 || pos === end) return pos;
          break;
        default:
          next = otherInstruction(run, p, pc, pos, slots, stack);
      }
    }
    if (next >= 0) {
      pos = next;
      pc++;
    } else {
      // Back to the last choice, restoring the slots saved since.
      if (!unwind(stack, slots)) return -1;
      pos = stack.pop() as number;
      pc = stack.pop() as number;
    }
  }
}

/** Marks an (instruction, position) state explored; false when it already was. */
function firstVisit(memo: Uint32Array, state: number): boolean {
  const word = state >>> 5;
  const bit = 1 << (state & 31);
  if (((memo[word] as number) & bit) !== 0) return false;
  memo[word] = (memo[word] as number) | bit;
  return true;
}

/** Pops slot restorations until a choice is on top of the stack; false when none is left. */
function unwind(stack: number[], slots: number[]): boolean {
  for (;;) {
    if (stack.length === 0) return false;
    const target = stack[stack.length - 2] as number;
    if (target >= 0) return true;
    slots[-1 - target] = stack.pop() as number;
    stack.pop();
  }
}

/** Instructions that read or write slots, or look around: the position after, or -1. */
function otherInstruction(run: Run, p: Program, pc: number, pos: number, slots: number[], stack: number[]): number {
  const arg = p.a[pc] as number;
  switch (p.op[pc]) {
    case SAVE:
    case EMPTY_START:
      stack.push(-1 - arg, slots[arg] as number);
      slots[arg] = pos;
      return pos;
    case EMPTY_END:
      return slots[arg] !== pos ? pos : -1;
    case ASSERT:
      return assertion(run, ASSERTIONS[arg] as (typeof ASSERTIONS)[number], pos) ? pos : -1;
    case BACKREF:
      return backreference(run, slots, arg, pos);
    case LOOK: {
      const look = p.looks[arg] as Look;
      return lookaround(run, look, pos, slots) !== look.negate ? pos : -1;
    }
    default:
      throw new Error(`internal: unknown instruction ${p.op[pc]}`);
  }
}

const isWord = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isLineEnd = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

function assertion(run: Run, kind: (typeof ASSERTIONS)[number], pos: number): boolean {
  const t = run.text;
  switch (kind) {
    case '^':
      return pos === 0 || (run.flags.multiline && isLineEnd(t.charCodeAt(pos - 1)));
    case '$':
      return pos === t.length || (run.flags.multiline && isLineEnd(t.charCodeAt(pos)));
    default: {
      const boundary = (pos > 0 && isWord(t.charCodeAt(pos - 1))) !== (pos < t.length && isWord(t.charCodeAt(pos)));
      return kind === 'b' ? boundary : !boundary;
    }
  }
}

/** Matches the text captured by `group` at `pos`: the position after it, or -1. An unset group matches empty. */
function backreference(run: Run, slots: readonly number[], group: number, pos: number): number {
  const from = slots[2 * group] ?? -1;
  const to = slots[2 * group + 1] ?? -1;
  if (from < 0 || to < from) return pos;
  const captured = run.text.slice(from, to);
  const here = run.text.slice(pos, pos + captured.length);
  const same = run.flags.ignoreCase ? here.toLowerCase() === captured.toLowerCase() : here === captured;
  return here.length === captured.length && same ? pos + captured.length : -1;
}

/** A lookahead matches from `pos`; a lookbehind matches some text that ends at `pos`. */
function lookaround(run: Run, look: Look, pos: number, slots: readonly number[]): boolean {
  const sub: Run = { ...run, memo: null };
  if (!look.behind) return execute(sub, look.program, pos, -1, [...slots]) >= 0;
  for (let from = pos; from >= 0; from--) {
    if (execute(sub, look.program, from, pos, [...slots]) >= 0) return true;
  }
  return false;
}
