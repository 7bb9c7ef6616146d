/**
 * Deterministic pseudo-random numbers. Every entity of the dataset draws from its own generator,
 * seeded by (dataset seed, stream, index), so any record can be regenerated from its index alone:
 * the generator never has to remember a record to reference it later, and the same seed gives
 * the same bytes on every machine (sfc32 uses 32-bit integer arithmetic only).
 */

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a, finalised: a stable 32-bit hash of a string (stream names, seeds given as text). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix(h >>> 0);
}

/** A named stream of draws (`stream('opportunity')`), so that adding a stream never shifts another. */
export const stream = (name: string): number => hashString(name);

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, streamId: number, index = 0) {
    this.a = mix(seed ^ 0x9e3779b9);
    this.b = mix(this.a ^ streamId);
    this.c = mix(this.b ^ index);
    this.d = mix(this.c ^ 0x85ebca6b);
    for (let i = 0; i < 6; i++) this.next();
  }

  /** sfc32: a float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  float(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  bool(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** The index of one of `weights`, in proportion to its weight. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] as number;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    return (choices[this.weightedIndex(choices.map((c) => c[1]))] as readonly [T, number])[0];
  }

  /** A standard normal draw (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal around `median`, clamped to [min, max]: deal sizes, cycle lengths, response times. */
  logNormal(median: number, sigma: number, min = 0, max = Infinity): number {
    return Math.min(max, Math.max(min, median * Math.exp(sigma * this.normal())));
  }

  triangular(lo: number, mode: number, hi: number): number {
    const u = this.next();
    const f = (mode - lo) / (hi - lo);
    return u < f ? lo + Math.sqrt(u * (hi - lo) * (mode - lo)) : hi - Math.sqrt((1 - u) * (hi - lo) * (hi - mode));
  }
}
