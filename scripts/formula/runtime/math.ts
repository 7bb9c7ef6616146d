/** Math helpers: decimal arithmetic (decimal.ts) and the functions that can fail (#Error! in Salesforce). */
import * as dec from '../decimal.ts';
import type { Fail } from './context.ts';

export function divide(a: number, b: number, fail: Fail): number {
  if (b === 0) return fail('Division by zero');
  return dec.div(a, b);
}

export function modulo(a: number, b: number, fail: Fail): number {
  if (b === 0) return fail('MOD(): division by zero');
  return dec.mod(a, b);
}

export function power(a: number, b: number, fail: Fail): number {
  const r = dec.pow(a, b);
  if (!Number.isFinite(r)) fail(`${a} ^ ${b} is out of range`);
  return r;
}

export function sqrt(n: number, fail: Fail): number {
  if (n < 0) return fail('SQRT() of a negative number');
  return dec.fix(Math.sqrt(n));
}

export function ln(n: number, fail: Fail): number {
  if (n <= 0) return fail('LN() of a number that is not positive');
  return dec.fix(Math.log(n));
}

export function log10(n: number, fail: Fail): number {
  if (n <= 0) return fail('LOG() of a number that is not positive');
  return dec.fix(Math.log10(n));
}

export function exp(n: number, fail: Fail): number {
  const r = Math.exp(n);
  if (!Number.isFinite(r)) fail(`EXP(${n}) is out of range`);
  return dec.fix(r);
}

export const fix = dec.fix;
export const add = dec.add;
export const sub = dec.sub;
export const mul = dec.mul;
export const round = dec.round;
export const trunc = dec.trunc;
export const ceilingAway = dec.ceilingAway;
export const floorToward = dec.floorToward;
export const mceiling = dec.mceiling;
export const mfloor = dec.mfloor;
