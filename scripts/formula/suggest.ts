/** "Did you mean" suggestions: the closest names by case-insensitive edit distance. */
export function closestNames(target: string, candidates: Iterable<string>, max = 3): string[] {
  const t = target.toLowerCase();
  const limit = Math.max(2, Math.floor(t.length / 3));
  const scored: Array<{ name: string; d: number }> = [];
  for (const name of candidates) {
    const n = name.toLowerCase();
    let d = distance(t, n, limit);
    // A name that contains the target (or the reverse) is a good suggestion even when long.
    if (d > limit && (n.includes(t) || t.includes(n)) && Math.min(n.length, t.length) >= 3) d = limit;
    if (d <= limit) scored.push({ name, d });
  }
  scored.sort((a, b) => a.d - b.d || a.name.localeCompare(b.name));
  return [...new Set(scored.map((s) => s.name))].slice(0, max);
}

/** Levenshtein distance with an early exit above `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}
