/**
 * The options of `data generate` and `data check` as the admin types them, validated: the CLI
 * calls these to turn flag text into values, and the library calls them again on whatever it is
 * given, so a bad value is refused the same way from either side.
 */
import { SCALES, type ScaleName } from './benchmarks.ts';
import { parseDay } from './calendar.ts';
import { DataOptionError } from './errors.ts';

export type Scale = ScaleName | number;

const MAX_SEED = 0xffffffff;

export function parseScale(text: string): Scale {
  if (text in SCALES) return text as ScaleName;
  const n = Number(text.replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(n) || n < 1)
    throw new DataOptionError(`--scale must be small, medium, large or a record count, got "${text}"`, 'InvalidScale', [
      'Pass --scale small (3,000 records), medium (30,000), large (300,000) or a whole number of records',
    ]);
  return n;
}

/**
 * A seed: a whole number from 0 to 4294967295 (the generator's seed is 32 bits), given as a
 * number or as its digits. Anything else is refused rather than hashed, so that `--seed 4O` (a
 * letter O) cannot quietly produce an unrelated dataset.
 */
export function parseSeed(input: string | number): number {
  const text = String(input).trim();
  const n = typeof input === 'number' ? input : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_SEED)
    throw new DataOptionError(`--seed must be a whole number from 0 to ${MAX_SEED}, got "${text}"`, 'InvalidSeed', [
      'Pass --seed as digits only, e.g. --seed 42 (the bundled dataset uses 42)',
    ]);
  return n;
}

/** An anchor date ("today" of a dataset): a real calendar date written YYYY-MM-DD. */
export function parseAnchorDate(text: string): string {
  if (parseDay(text) === undefined)
    throw new DataOptionError(`--anchor-date must be a date YYYY-MM-DD, got "${text}"`, 'InvalidAnchorDate', [
      "Pass --anchor-date as YYYY-MM-DD, e.g. --anchor-date 2026-12-01, or leave it out to use the dataset's own",
    ]);
  return text;
}
