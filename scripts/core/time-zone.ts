/**
 * Time zones from the IANA database (Intl here, TimeZone.getOffset in Apex): the offset of a
 * zone at an instant, the one lookup both business calendars (routing's and lifecycle's) build on.
 */
const MINUTE_MS = 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offsets change on whole quarter hours, so an offset holds for its whole quarter hour. */
const QUARTER_MS = 15 * MINUTE_MS;
const offsetCache = new Map<string, Map<number, number>>();

/** The zone's offset from UTC at `instantMs`, in ms (what Apex's TimeZone.getOffset returns). */
export function zoneOffset(timeZone: string, instantMs: number): number {
  let cache = offsetCache.get(timeZone);
  if (!cache) offsetCache.set(timeZone, (cache = new Map()));
  const quarter = Math.floor(instantMs / QUARTER_MS);
  const hit = cache.get(quarter);
  if (hit !== undefined) return hit;
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(quarter * QUARTER_MS)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  const offset = wall - quarter * QUARTER_MS;
  if (cache.size > 200_000) cache.clear(); // bounded memory over very long simulations
  cache.set(quarter, offset);
  return offset;
}

/** Is `timeZone` a zone the IANA database knows? */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}
