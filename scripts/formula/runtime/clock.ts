/** TODAY, NOW and TIMENOW: the evaluation context's `now`, in its time zone. */
import {
  DATE_RANGE,
  MS_PER_DAY,
  isDayInRange,
  isInstantInRange,
  isValidTimeZone,
  localDays,
  parseDateTimeText,
} from '../datetime.ts';
import { quote } from '../errors.ts';
import type { EvalContext, Fail } from './context.ts';

let lastNow: unknown;
let lastZone: string | undefined;
let lastNowMs = 0;
let lastToday = 0;

export function zoneOf(ctx: EvalContext): string {
  const tz = ctx.timeZone ?? (ctx.user?.TimeZoneSidKey as string | undefined) ?? 'UTC';
  return tz;
}

function refreshClock(ctx: EvalContext, fail: Fail): void {
  const now = ctx.now;
  const tz = zoneOf(ctx);
  if (now === lastNow && tz === lastZone && now !== undefined) return;
  if (now === undefined || now === null) {
    fail('TODAY(), NOW() and TIMENOW() need the current time: pass `now` in the evaluation context');
  }
  const ms = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : parseDateTimeText(String(now));
  if (ms === null || !Number.isFinite(ms) || !isInstantInRange(ms))
    fail(`Invalid 'now' value ${quote(now)}: expected an ISO 8601 date/time from ${DATE_RANGE}`);
  if (!isValidTimeZone(tz)) fail(`Unknown time zone ${quote(tz)}`);
  const today = localDays(ms, tz);
  if (!isDayInRange(today)) fail(`'now' ${quote(now)} falls outside ${DATE_RANGE} in time zone ${quote(tz)}`);
  lastNowMs = ms;
  lastToday = today;
  lastNow = now;
  lastZone = tz;
}

export function today(ctx: EvalContext, fail: Fail): number {
  refreshClock(ctx, fail);
  return lastToday;
}

export function now(ctx: EvalContext, fail: Fail): number {
  refreshClock(ctx, fail);
  return lastNowMs;
}

export function timeNow(ctx: EvalContext, fail: Fail): number {
  refreshClock(ctx, fail);
  return ((lastNowMs % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
}
