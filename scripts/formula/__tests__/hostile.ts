/**
 * Hostile formulas for the fuzzer: well-typed formulas (from Gen) with the inputs that once
 * crashed, hung or aborted the engine (issue 10) planted in them — huge pads, nested SUBSTITUTE,
 * catastrophic regular expressions, dates at and past the ends of the calendar, overflowing
 * numbers, split surrogate pairs — and records and contexts at the edges. Seeded like Gen.
 */
import { Gen, type GenType } from './generator.ts';

const SIZES = ['0', '-1', '2.5', '3', '131072', '131073', '100000000', '1000000000000000'];
const PADS = ['""', '" "', '"ab"', '"𠮟"', '"0"'];
const PATTERNS = [
  '(a+)+$',
  '(a|aa)+b',
  '(\\\\w+\\\\s?)+$',
  '(.*a){12}',
  '([a-z]+)*[0-9]',
  '\\\\d{5}(-\\\\d{4})?',
  '[A-Z][a-z ]+ - (New|Renewal)',
  '(?i)ACME.*',
  '(a+)+\\\\1$', // back-references: bounded by the step budget
  '(a|a)+\\\\1!',
  '[',
  '(?=a)\\\\w+',
];
const TEXT_LITERALS = ['""', '"𠮟"', '"a𠮟b"', '"$123"', '" 12"', '"1e3"', '"2024-02-30"', '"9999-12-31 23:59:59"'];
const YEARS = ['0', '1', '9999', '10000', '-5', '2024'];
const DAY_SHIFTS = ['1', '-1', '3000000', '-3000000', '100000000', '0.5'];
const SECONDS = ['0', '253402300799', '253402300800', '-62135596800', '-62135596801', '10000000000000'];

export class Hostile {
  private readonly r: () => number;
  private readonly gen: Gen;

  constructor(random: () => number, gen: Gen) {
    this.r = random;
    this.gen = gen;
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)] as T;
  }

  /** A formula of `type` with hostile pieces in it. */
  expr(type: GenType, depth = 2): string {
    const d = depth - 1;
    const inner = (t: GenType): string => (d > 0 && this.r() < 0.5 ? this.expr(t, d) : this.gen.expr(t, 1));
    switch (type) {
      case 'text':
        return this.text(inner);
      case 'number':
        return this.number(inner);
      case 'date':
        return this.date(inner);
      case 'checkbox':
        return this.checkbox(inner);
    }
  }

  private text(inner: (t: GenType) => string): string {
    const t = () => (this.r() < 0.3 ? this.pick(TEXT_LITERALS) : inner('text'));
    const options = [
      () => `${this.pick(['LPAD', 'RPAD'])}(${t()}, ${this.pick(SIZES)}, ${this.pick(PADS)})`,
      () => nest(t(), 1 + Math.floor(this.r() * 40)),
      () => `(${t()} & ${t()})`,
      () => `${this.pick(['LEFT', 'RIGHT'])}(${t()}, ${this.pick(SIZES)})`,
      () => `MID(${t()}, ${this.pick(SIZES)}, ${this.pick(SIZES)})`,
      () => `CHR(${this.pick(['-1', '0', '55362', '1114111', '1114112', '65.5'])})`,
      () => `TEXT(${inner('number')})`,
      () => `TEXT(${inner('date')})`,
      () => `SUBSTITUTE(${t()}, "", "x")`,
    ];
    return this.pick(options)();
  }

  private number(inner: (t: GenType) => string): string {
    const n = () => inner('number');
    const options = [
      () => `(10 ^ 300 * ${n()})`,
      () => `VALUE(${this.r() < 0.5 ? this.pick(TEXT_LITERALS) : inner('text')})`,
      () => `(${n()} / ${this.pick(['0', '3', n()])})`,
      () => `MOD(${n()}, ${this.pick(['0', '7'])})`,
      () => `${this.pick(['SQRT', 'LN', 'LOG', 'EXP'])}(${this.pick(['-1', '0', '1000', n()])})`,
      () => `ROUND(${n()}, ${this.pick(['1000', '-1000', '2'])})`,
      () => `LEN(${inner('text')})`,
      () => `FIND(${inner('text')}, ${inner('text')}, ${this.pick(SIZES)})`,
      () => `UNIXTIMESTAMP(${inner('date')})`,
    ];
    return this.pick(options)();
  }

  private date(inner: (t: GenType) => string): string {
    const options = [
      () =>
        `DATE(${this.pick(YEARS)}, ${this.pick(['0', '1', '2', '12', '13'])}, ${this.pick(['0', '1', '29', '31', '32'])})`,
      () => `(${inner('date')} + ${this.pick(DAY_SHIFTS)})`,
      () => `ADDMONTHS(${inner('date')}, ${this.pick(['1', '-1', '120000', '1000000000000000'])})`,
      () => `DATEVALUE(NOW() + ${this.pick(DAY_SHIFTS)})`,
      () => `DATEVALUE(FROMUNIXTIME(${this.pick(SECONDS)}))`,
      () => `DATEVALUE(${this.pick(TEXT_LITERALS)})`,
      () =>
        `DATEVALUE(DATETIMEVALUE(${this.pick(['"0001-01-01 00:00:00"', '"9999-12-31 23:00:00"', '"2024-01-01 12:00:00"'])}))`,
      () => 'TODAY()',
    ];
    return this.pick(options)();
  }

  private checkbox(inner: (t: GenType) => string): string {
    const options = [
      () => `REGEX(${this.r() < 0.7 ? 'T1__c' : inner('text')}, "${this.pick(PATTERNS)}")`,
      () => `NOT(REGEX(T1__c, "${this.pick(PATTERNS)}"))`,
      () => `ISNUMBER(${this.pick(TEXT_LITERALS)})`,
      () => `(${inner('date')} < ${inner('date')})`,
      () => `(${inner('number')} > ${inner('number')})`,
      () => `CONTAINS(${inner('text')}, "𠮟")`,
    ];
    return this.pick(options)();
  }

  /** A record of Diff__c (generator.ts FIELDS) with values at the edges. */
  record(): Record<string, unknown> {
    const base = this.gen.record();
    return {
      ...base,
      // A text at the length limit is rare: every REGEX over it costs a few hundred milliseconds.
      T1__c:
        this.r() < 0.03 ? 'a'.repeat(131072) : this.pick([base.T1__c, `${'a'.repeat(this.pick([40, 5000]))}!`, '𠮟𠮟']),
      N1__c: this.pick([base.N1__c, 1e300, -1e300, 0.1]),
      D1__c: this.pick([base.D1__c, '0001-01-01', '9999-12-31']),
    };
  }

  /** An evaluation context: the current time and time zone at the edges too. */
  context(): { now: string; timeZone: string } {
    return {
      now: this.pick(['2024-05-01T12:00:00Z', '9999-12-31T12:00:00Z', '0001-01-01T12:00:00Z']),
      timeZone: this.pick(['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kathmandu']),
    };
  }
}

/** `k` nested SUBSTITUTE(x, "a", "aa"): doubles the a's each time. */
function nest(text: string, k: number): string {
  let f = text;
  for (let i = 0; i < k; i++) f = `SUBSTITUTE(${f}, "a", "aa")`;
  return f;
}
