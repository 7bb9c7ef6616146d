/**
 * Random, type-directed formula and record generation for the differential tests and the fuzzer.
 * Seeded (see rng in support.ts) so every run generates the same cases.
 */
import type { FieldInput } from '../test-schema.ts';

export type GenType = 'number' | 'text' | 'checkbox' | 'date';

/** Which constructs an oracle supports; the generator only emits those. */
export interface Dialect {
  readonly name: string;
  /** Fields may be blank. */
  readonly blanks: boolean;
  readonly textOfNumber: boolean;
  readonly findStart: boolean;
  readonly multiCharPad: boolean;
  readonly isNumber: boolean;
  readonly picklists: boolean;
  readonly percent: boolean;
  readonly blankValue: boolean;
  readonly dateFunctions: boolean;
  readonly addMonths: boolean;
  /** ISPICKVAL(field, "") on a blank picklist (sformula answers FALSE). */
  readonly pickvalBlank: boolean;
  /** LPAD/RPAD/RIGHT on a blank or short text (formulon pads blanks, and RIGHT(t, n > LEN(t)) drops characters). */
  readonly shortTextEdgeCases: boolean;
  /** TEXT() of a blank date or picklist used as text (sformula yields null there, not a blank text). */
  readonly textOfBlank: boolean;
  /** Literals whose decimal value a double cannot hold exactly at rounding points (1.005, 2.675): formulon rounds them in binary. */
  readonly halfwayLiterals: boolean;
}

export const FIELDS: readonly FieldInput[] = [
  { name: 'N1__c', type: 'double', precision: 18, scale: 2 },
  { name: 'N2__c', type: 'double', precision: 18, scale: 2 },
  { name: 'C1__c', type: 'currency', precision: 18, scale: 2 },
  { name: 'P1__c', type: 'percent', precision: 5, scale: 2 },
  { name: 'T1__c', type: 'string', length: 80 },
  { name: 'T2__c', type: 'string', length: 80 },
  { name: 'B1__c', type: 'boolean' },
  { name: 'D1__c', type: 'date' },
  { name: 'D2__c', type: 'date' },
  { name: 'PK__c', type: 'picklist', picklistValues: ['Red', 'Green', 'Blue'] },
];

const TEXTS = ['Acme', 'acme', 'Hello World', 'x-1', 'a', 'Globex Corp', 'abc', 'ABC', '42', '3.5'];
const NUMBERS = [
  0, 1, 2, 3, 7, 10, 12.5, 0.1, 0.2, 0.3, 1.005, 2.675, -1, -2.5, -0.75, 100, 1234.56, 99.99, 0.05, 5.5, 0.001,
  123456.78, 1000000, 33.33, -0.01,
];
/** Record values respect the fields' scale (2), as stored values in Salesforce do. */
const RECORD_NUMBERS = NUMBERS.filter(
  (n) => Number.isInteger(n * 100) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-9,
);

export class Gen {
  private readonly r: () => number;
  private readonly d: Dialect;
  constructor(random: () => number, dialect: Dialect) {
    this.r = random;
    this.d = dialect;
  }

  private int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)] as T;
  }
  private chance(p: number): boolean {
    return this.r() < p;
  }

  numLiteral(): string {
    const n = this.pick(NUMBERS.filter((x) => x >= 0 && (this.d.halfwayLiterals || (x !== 1.005 && x !== 2.675))));
    return String(n);
  }

  textLiteral(): string {
    return JSON.stringify(this.pick(TEXTS));
  }

  dateLiteral(): string {
    return `DATE(${this.int(2000, 2030)}, ${this.int(1, 12)}, ${this.int(1, 28)})`;
  }

  expr(type: GenType, depth: number): string {
    const leaf = depth <= 0 || this.chance(0.25);
    switch (type) {
      case 'number':
        return leaf ? this.numLeaf() : this.numNode(depth - 1);
      case 'text':
        return leaf ? this.textLeaf() : this.textNode(depth - 1);
      case 'checkbox':
        return leaf ? this.boolLeaf() : this.boolNode(depth - 1);
      case 'date':
        return leaf ? this.dateLeaf() : this.dateNode(depth - 1);
    }
  }

  private numLeaf(): string {
    const fields = ['N1__c', 'N2__c', 'C1__c', ...(this.d.percent ? ['P1__c'] : [])];
    return this.chance(0.6) ? this.pick(fields) : this.numLiteral();
  }

  private numNode(d: number): string {
    const n = () => this.expr('number', d);
    const options: Array<() => string> = [
      () => `(${n()} + ${n()})`,
      () => `(${n()} - ${n()})`,
      () => `(${n()} * ${n()})`,
      () => `(${n()} / ${this.pick(['2', '4', '5', '8', '10', '0.5', '3'])})`,
      () => `ROUND(${n()}, ${this.int(0, 3)})`,
      () => `ABS(${n()})`,
      () => `CEILING(${n()})`,
      () => `FLOOR(${n()})`,
      () => `MCEILING(${n()})`,
      () => `MFLOOR(${n()})`,
      () => `MAX(${n()}, ${n()})`,
      () => `MIN(${n()}, ${n()})`,
      () => `MOD(${n()}, ${this.pick(['3', '7', '2.5', '10'])})`,
      () => `IF(${this.expr('checkbox', d)}, ${n()}, ${n()})`,
      () => `LEN(${this.expr('text', d)})`,
      () => `-(${n()})`,
      () => `CASE(${n()}, 1, ${n()}, 2, ${n()}, ${n()})`,
    ];
    if (this.d.dateFunctions) {
      options.push(
        () => `(${this.expr('date', d)} - ${this.expr('date', d)})`,
        () => `YEAR(${this.expr('date', d)})`,
        () => `MONTH(${this.expr('date', d)})`,
        () => `DAY(${this.expr('date', d)})`,
        () => `WEEKDAY(${this.expr('date', d)})`,
      );
    }
    if (this.d.findStart) options.push(() => `FIND(${this.textLiteral()}, ${this.expr('text', d)}, ${this.int(1, 4)})`);
    else options.push(() => `FIND(${JSON.stringify(this.pick(['a', 'c', 'o', ' ', 'A']))}, ${this.expr('text', d)})`);
    return this.pick(options)();
  }

  private textLeaf(): string {
    return this.chance(0.6) ? this.pick(['T1__c', 'T2__c']) : this.textLiteral();
  }

  private textNode(d: number): string {
    const t = () => this.expr('text', d);
    const small = () => String(this.int(0, 6));
    const options: Array<() => string> = [
      () => `(${t()} & ${t()})`,
      () => `LEFT(${t()}, ${small()})`,
      () => (this.d.shortTextEdgeCases ? `RIGHT(${t()}, ${small()})` : `RIGHT(${t()} & "______", ${small()})`),
      () => `MID(${t()}, ${this.int(1, 4)}, ${small()})`,
      () => `UPPER(${t()})`,
      () => `LOWER(${t()})`,
      () => `TRIM(${t()})`,
      () =>
        `SUBSTITUTE(${t()}, ${JSON.stringify(this.pick(['a', 'c', 'o', 'Acme']))}, ${JSON.stringify(this.pick(['', 'X', 'yy']))})`,
      () => `IF(${this.expr('checkbox', d)}, ${t()}, ${t()})`,
      () =>
        `LPAD(${this.padText(d)}, ${this.int(1, 12)}, ${JSON.stringify(this.d.multiCharPad ? this.pick(['0', '*', 'ab']) : this.pick(['0', '*']))})`,
      () =>
        `RPAD(${this.padText(d)}, ${this.int(1, 12)}, ${JSON.stringify(this.d.multiCharPad ? this.pick(['0', '*', 'ab']) : this.pick(['0', '*']))})`,
    ];
    const text = (x: string): string => (this.d.textOfBlank ? `TEXT(${x})` : `BLANKVALUE(TEXT(${x}), "-")`);
    if (this.d.dateFunctions) options.push(() => text(this.expr('date', d)));
    // TEXT of a number: rounded to 10 places, because a quotient's digits beyond 15 significant
    // digits differ between engines (KNOWN_DIFFERENCES.md, "division precision").
    if (this.d.textOfNumber) options.push(() => `TEXT(ROUND(${this.expr('number', d)}, 10))`);
    if (this.d.picklists) options.push(() => text('PK__c'));
    if (this.d.blankValue) options.push(() => `BLANKVALUE(${t()}, ${this.textLiteral()})`);
    return this.pick(options)();
  }

  private padText(d: number): string {
    const t = this.expr('text', d);
    return this.d.shortTextEdgeCases ? t : `(${t} & "_")`;
  }

  private boolLeaf(): string {
    return this.pick(['B1__c', 'TRUE', 'FALSE', 'B1__c']);
  }

  private boolNode(d: number): string {
    const b = () => this.expr('checkbox', d);
    const n = () => this.expr('number', d);
    const t = () => this.expr('text', d);
    const cmp = () => this.pick(['<', '>', '<=', '>=', '=', '<>', '==', '!=']);
    const options: Array<() => string> = [
      () => `(${n()} ${cmp()} ${n()})`,
      () => `(${t()} ${this.pick(['=', '<>'])} ${t()})`,
      () => `AND(${b()}, ${b()})`,
      () => `OR(${b()}, ${b()})`,
      () => `NOT(${b()})`,
      () => `(${b()} && ${b()})`,
      () => `(${b()} || ${b()})`,
      () => `CONTAINS(${t()}, ${this.textLiteral()})`,
      () => `BEGINS(${t()}, ${this.textLiteral()})`,
      () => `ISBLANK(${this.pick(['T1__c', 'N1__c', 'C1__c', ...(this.d.dateFunctions ? ['D1__c'] : [])])})`,
      () => `IF(${b()}, ${b()}, ${b()})`,
    ];
    if (this.d.dateFunctions) options.push(() => `(${this.expr('date', d)} ${cmp()} ${this.expr('date', d)})`);
    if (this.d.picklists)
      options.push(
        () =>
          `ISPICKVAL(PK__c, ${JSON.stringify(this.pick(['Red', 'Green', 'Blue', ...(this.d.pickvalBlank ? [''] : [])]))})`,
      );
    if (this.d.isNumber)
      options.push(() => (this.d.textOfBlank ? `ISNUMBER(${t()})` : `ISNUMBER(BLANKVALUE(TRIM(${t()}), "x"))`));
    return this.pick(options)();
  }

  private dateLeaf(): string {
    return this.chance(0.6) ? this.pick(['D1__c', 'D2__c']) : this.dateLiteral();
  }

  private dateNode(d: number): string {
    const dt = () => this.expr('date', d);
    const options: Array<() => string> = [
      () => `(${dt()} + ${this.int(-40, 400)})`,
      () => `(${dt()} - ${this.int(0, 400)})`,
      () => `IF(${this.expr('checkbox', d)}, ${dt()}, ${dt()})`,
    ];
    if (this.d.addMonths) options.push(() => `ADDMONTHS(${dt()}, ${this.int(-30, 30)})`);
    return this.pick(options)();
  }

  /** A record with values for FIELDS (blank values only when the dialect allows them). */
  record(): Record<string, unknown> {
    const blank = (): boolean => this.d.blanks && this.chance(0.15);
    const num = (): number | null => (blank() ? null : this.pick(RECORD_NUMBERS));
    const month = this.int(1, 12);
    const monthEnd = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
    const date = (): string | null =>
      blank()
        ? null
        : `${this.int(2000, 2030)}-${String(month).padStart(2, '0')}-${String(this.chance(0.3) ? monthEnd : this.int(1, 28)).padStart(2, '0')}`;
    return {
      N1__c: num(),
      N2__c: num(),
      C1__c: num(),
      P1__c: num(),
      T1__c: blank() ? null : this.pick(TEXTS),
      T2__c: blank() ? null : this.pick(TEXTS),
      B1__c: this.chance(0.5),
      D1__c: date(),
      D2__c: date(),
      PK__c: blank() ? null : this.pick(['Red', 'Green', 'Blue']),
    };
  }
}
