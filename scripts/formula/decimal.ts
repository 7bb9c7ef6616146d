/**
 * Decimal semantics on JavaScript doubles. Salesforce computes formulas in decimal arithmetic
 * (0.1 + 0.2 = 0.3). Doing every operation in a decimal library is slow, so the engine keeps
 * numbers as doubles and, after each inexact operation, snaps the result to the nearest double of
 * the decimal rounded to 15 significant digits — the precision a double carries exactly. For the
 * values business formulas use (≤ 15 significant digits) this gives the decimal answer; integers
 * take a fast path and are never touched.
 */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/** Snap to 15 significant decimal digits (identity for integers, NaN, ±Infinity, |x| ≥ 1e15). */
export function fix(x: number): number {
  if (Number.isInteger(x)) return x;
  const a = x < 0 ? -x : x;
  if (!(a < 1e15) || a < 1e-7) return a < 1e-7 ? snapTiny(x) : x;
  const k = 14 - Math.floor(Math.log10(a));
  const p = POW10[k] as number;
  const r = Math.round(a * p) / p;
  return x < 0 ? -r : r;
}

function snapTiny(x: number): number {
  if (x !== x || x === 0) return x;
  return Number(x.toPrecision(15));
}

/**
 * Snap a sum or difference. The rounding error of a + b is relative to the larger operand, not to
 * the result (1 − 1.005 cancels to −0.00499999999999989), so the 15 significant digits are
 * counted from the larger operand.
 */
function snapSum(r: number, a: number, b: number): number {
  const m = Math.max(a < 0 ? -a : a, b < 0 ? -b : b);
  if (!(m < 1e15) || m < 1e-7 || !Number.isFinite(r)) return r;
  const k = 14 - Math.floor(Math.log10(m));
  const p = POW10[k] as number;
  const y = Math.round((r < 0 ? -r : r) * p) / p;
  return r < 0 ? -y : y;
}

export const add = (a: number, b: number): number =>
  Number.isInteger(a) && Number.isInteger(b) ? a + b : snapSum(a + b, a, b);
export const sub = (a: number, b: number): number =>
  Number.isInteger(a) && Number.isInteger(b) ? a - b : snapSum(a - b, a, b);
export const mul = (a: number, b: number): number => fix(a * b);
export const div = (a: number, b: number): number => fix(a / b);

export function pow(a: number, b: number): number {
  const r = Math.pow(a, b);
  return Number.isFinite(r) ? fix(r) : r;
}

const noNegZero = (x: number): number => (x === 0 ? 0 : x);

/** ROUND: half away from zero, to `digits` decimal places (negative digits round left of the point). */
export function round(x: number, digits: number): number {
  const d = Math.trunc(digits);
  const a = x < 0 ? -x : x;
  let r: number;
  if (d >= 0) {
    if (d > 15) return x;
    const p = POW10[d] as number;
    r = Math.floor(fix(a * p) + 0.5) / p;
  } else {
    if (d < -22) return 0;
    const p = POW10[-d] as number;
    r = Math.floor(fix(a / p) + 0.5) * p;
  }
  return noNegZero(x < 0 ? -r : r);
}

/** TRUNC: toward zero, to `digits` decimal places. */
export function trunc(x: number, digits: number): number {
  const d = Math.trunc(digits);
  const a = x < 0 ? -x : x;
  let r: number;
  if (d >= 0) {
    if (d > 15) return x;
    const p = POW10[d] as number;
    r = Math.floor(fix(a * p)) / p;
  } else {
    if (d < -22) return 0;
    const p = POW10[-d] as number;
    r = Math.floor(fix(a / p)) * p;
  }
  return noNegZero(x < 0 ? -r : r);
}

/** Half-up rounding to a field's scale (formula results with declared decimal places). */
export const roundToScale = round;

/** CEILING: up to the next integer, away from zero for negatives (CEILING(-2.5) = -3). */
export const ceilingAway = (x: number): number => noNegZero(x < 0 ? -Math.ceil(-x) : Math.ceil(x));
/** FLOOR: down to the next integer, toward zero for negatives (FLOOR(-2.5) = -2). */
export const floorToward = (x: number): number => noNegZero(Math.trunc(x));
/** MCEILING: mathematical ceiling (MCEILING(-2.5) = -2). */
export const mceiling = (x: number): number => noNegZero(Math.ceil(x));
/** MFLOOR: mathematical floor (MFLOOR(-2.5) = -3). */
export const mfloor = (x: number): number => noNegZero(Math.floor(x));

/** Decimal places (≤ 15) of a snapped double. */
function decimals(x: number): number {
  let k = 0;
  let v = x < 0 ? -x : x;
  while (k < 15 && !Number.isInteger(v)) {
    k++;
    v = fix(v * 10);
  }
  return k;
}

/** MOD: remainder with the sign of the dividend, computed on scaled integers so it is decimal-exact. */
export function mod(a: number, b: number): number {
  if (Number.isInteger(a) && Number.isInteger(b)) return noNegZero(a % b);
  const k = Math.max(decimals(a), decimals(b));
  const p = POW10[k] as number;
  return noNegZero(fix((Math.round(a * p) % Math.round(b * p)) / p));
}

/** Plain decimal text of a number (no exponent), shortest round-trip digits. */
export function plainNumber(x: number): string {
  const s = String(x);
  if (!s.includes('e')) return s;
  const neg = x < 0;
  const [mant = '', expPart = '0'] = (neg ? s.slice(1) : s).split('e');
  const exp = Number(expPart);
  const [int = '', frac = ''] = mant.split('.');
  const digits = int + frac;
  const point = int.length + exp;
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return neg ? `-${out}` : out;
}

/** TEXT(number) as Salesforce renders it: plain digits, no trailing zeros, no leading zero before the point (".5"). */
export function textOfNumber(x: number): string {
  if (x === 0) return '0';
  const s = plainNumber(x);
  return s.startsWith('-0.') ? `-${s.slice(2)}` : s.startsWith('0.') ? s.slice(1) : s;
}

/** Salesforce VALUE()/ISNUMBER() number syntax (Java BigDecimal): optional sign, digits, fraction, exponent. */
const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseNumberText(s: string): number | null {
  const t = s.trim();
  if (!NUMBER_TEXT.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
