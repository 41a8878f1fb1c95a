/**
 * Seeded pseudo-random numbers for the demo generator: sfc32 (Small Fast Counting,
 * 32-bit, from PractRand) seeded through splitmix32. Integer-only arithmetic, so the
 * same seed gives the same sequence on every engine and platform.
 */

/** splitmix32: turns one 32-bit seed into a stream of well-mixed 32-bit words. */
export function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}

/** sfc32 over four 32-bit words of state; returns unsigned 32-bit integers. */
export function sfc32(a0: number, b0: number, c0: number, d0: number): () => number {
  let a = a0 >>> 0;
  let b = b0 >>> 0;
  let c = c0 >>> 0;
  let d = d0 >>> 0;
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
}

/** FNV-1a over a label, used to derive independent sub-streams. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export interface Rng {
  readonly seed: number;
  /** Unsigned 32-bit integer. */
  uint32(): number;
  /** Float in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Float in [min, max). */
  float(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Pick with relative weights (same length as items, at least one positive). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** Fisher–Yates shuffle of a copy. */
  shuffle<T>(items: readonly T[]): T[];
  bytes(n: number): Uint8Array;
  /** An independent, deterministic stream named by a label. */
  fork(label: string): Rng;
}

export function createRng(seed: number): Rng {
  const s = seed >>> 0;
  const mix = splitmix32(s);
  const gen = sfc32(mix(), mix(), mix(), mix());
  // Discard the first outputs, as recommended for sfc32.
  for (let i = 0; i < 12; i++) gen();

  const next = () => gen() / 4294967296;
  const int = (min: number, max: number) => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`invalid integer range [${min}, ${max}]`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[Math.floor(next() * items.length)] as T;
  };

  return {
    seed: s,
    uint32: gen,
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick,
    weighted<T>(items: readonly T[], weights: readonly number[]): T {
      if (items.length === 0 || items.length !== weights.length) {
        throw new RangeError('weighted pick needs as many weights as items');
      }
      let total = 0;
      for (const w of weights) total += Math.max(w, 0);
      if (total <= 0) throw new RangeError('weighted pick needs a positive weight');
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        const w = weights[i] ?? 0;
        if (w <= 0) continue;
        if (r < w) return items[i] as T;
        r -= w;
      }
      for (let i = items.length - 1; i >= 0; i--) if ((weights[i] ?? 0) > 0) return items[i] as T;
      return items[0] as T;
    },
    shuffle<T>(items: readonly T[]): T[] {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = out[i] as T;
        out[i] = out[j] as T;
        out[j] = tmp;
      }
      return out;
    },
    bytes(n: number): Uint8Array {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i += 4) {
        const w = gen();
        out[i] = w & 0xff;
        if (i + 1 < n) out[i + 1] = (w >>> 8) & 0xff;
        if (i + 2 < n) out[i + 2] = (w >>> 16) & 0xff;
        if (i + 3 < n) out[i + 3] = (w >>> 24) & 0xff;
      }
      return out;
    },
    fork: (label) => createRng((Math.imul(s ^ 0x5bd1e995, 0x01000193) ^ hashLabel(label)) >>> 0),
  };
}

/** A precomputed weighted picker (binary search over cumulative weights) for hot loops. */
export function weightedPicker<T>(items: readonly T[], weights: readonly number[]): (rng: Rng) => T {
  if (items.length === 0 || items.length !== weights.length) {
    throw new RangeError('weighted picker needs as many weights as items');
  }
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) {
    total += Math.max(w, 0);
    cumulative.push(total);
  }
  if (total <= 0) throw new RangeError('weighted picker needs a positive weight');
  return (rng) => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    return items[lo] as T;
  };
}
