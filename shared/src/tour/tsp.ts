/**
 * Symmetric TSP heuristic: nearest-neighbour start, then local search (2-opt and
 * Or-opt over k-nearest neighbour lists with don't-look bits), then iterated local
 * search with segment-local double-bridge kicks until a time budget or iteration cap.
 * Deterministic for a given seed and iteration cap (the time budget can cut it short).
 */
import { createRng, type Rng } from '../demo/prng';

export interface TspOptions {
  /** Wall-clock budget for the ILS phase, in ms (default 1000). */
  timeMs?: number;
  /** Maximum ILS kicks (default unbounded, limited by timeMs). */
  maxIterations?: number;
  /** Neighbour list size (default 10). */
  k?: number;
  seed?: number;
}

export interface TspResult {
  tour: number[];
  length: number;
  nearestNeighbourLength: number;
  iterations: number;
}

export type Distance = ((i: number, j: number) => number) | Float64Array;

/** Length of a closed tour. */
export function tourLength(tour: readonly number[], d: (i: number, j: number) => number): number {
  let s = 0;
  for (let i = 0; i < tour.length; i++) s += d(tour[i] ?? 0, tour[(i + 1) % tour.length] ?? 0);
  return s;
}

function toMatrix(n: number, dist: Distance): Float64Array {
  if (dist instanceof Float64Array) {
    if (dist.length !== n * n) throw new Error(`distance matrix must have ${n * n} entries`);
    return dist;
  }
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * n + j] = i === j ? 0 : dist(i, j);
  return m;
}

export function nearestNeighbourTour(n: number, m: Float64Array): number[] {
  const seen = new Uint8Array(n);
  const tour = [0];
  seen[0] = 1;
  let cur = 0;
  for (let step = 1; step < n; step++) {
    let best = -1;
    let bd = Number.POSITIVE_INFINITY;
    for (let j = 0; j < n; j++) {
      const v = m[cur * n + j] ?? 0;
      if (!seen[j] && v < bd) {
        bd = v;
        best = j;
      }
    }
    seen[best] = 1;
    tour.push(best);
    cur = best;
  }
  return tour;
}

class Search {
  readonly tour: Int32Array;
  readonly pos: Int32Array;
  private readonly queue: number[] = [];
  private readonly queued: Uint8Array;

  constructor(
    readonly n: number,
    readonly m: Float64Array,
    readonly neigh: Int32Array[],
    start: readonly number[],
  ) {
    this.tour = Int32Array.from(start);
    this.pos = new Int32Array(n);
    this.queued = new Uint8Array(n);
    this.reindex();
  }

  private reindex(): void {
    for (let i = 0; i < this.n; i++) this.pos[this.tour[i] ?? 0] = i;
  }
  d(a: number, b: number): number {
    return this.m[a * this.n + b] ?? 0;
  }
  succ(a: number): number {
    return this.tour[((this.pos[a] ?? 0) + 1) % this.n] ?? 0;
  }
  pred(a: number): number {
    return this.tour[((this.pos[a] ?? 0) + this.n - 1) % this.n] ?? 0;
  }
  push(a: number): void {
    if (!this.queued[a]) {
      this.queued[a] = 1;
      this.queue.push(a);
    }
  }
  length(): number {
    let s = 0;
    for (let i = 0; i < this.n; i++) s += this.d(this.tour[i] ?? 0, this.tour[(i + 1) % this.n] ?? 0);
    return s;
  }

  /** Reverses the cyclic tour path from city a to city b (following successors). */
  private reversePath(a: number, b: number): void {
    const n = this.n;
    let i = this.pos[a] ?? 0;
    let j = this.pos[b] ?? 0;
    let len = ((j - i + n) % n) + 1;
    if (len * 2 > n) {
      // Reverse the complement instead: same cycle, fewer swaps.
      const ni = (j + 1) % n;
      j = (i + n - 1) % n;
      i = ni;
      len = n - len;
    }
    for (let s = 0; s < len >> 1; s++) {
      const ci = this.tour[i] ?? 0;
      const cj = this.tour[j] ?? 0;
      this.tour[i] = cj;
      this.pos[cj] = i;
      this.tour[j] = ci;
      this.pos[ci] = j;
      i = (i + 1) % n;
      j = (j + n - 1) % n;
    }
  }

  private twoOpt(a: number): boolean {
    for (const forward of [true, false]) {
      const b = forward ? this.succ(a) : this.pred(a);
      const dab = this.d(a, b);
      for (const c of this.neigh[a] ?? []) {
        const dac = this.d(a, c);
        if (dac >= dab) break;
        const dd = forward ? this.succ(c) : this.pred(c);
        if (c === b || dd === a) continue;
        const delta = dac + this.d(b, dd) - dab - this.d(c, dd);
        if (delta < -1e-9) {
          if (forward) this.reversePath(b, c);
          else this.reversePath(c, b);
          for (const x of [a, b, c, dd]) this.push(x);
          return true;
        }
      }
    }
    return false;
  }

  private orOpt(a: number): boolean {
    const n = this.n;
    for (let len = 1; len <= 3 && n >= len + 3; len++) {
      const s1 = a;
      const s2 = this.tour[((this.pos[a] ?? 0) + len - 1) % n] ?? 0;
      const p = this.pred(s1);
      const nx = this.succ(s2);
      const gain = this.d(p, s1) + this.d(s2, nx) - this.d(p, nx);
      if (gain <= 1e-9) continue;
      const inSeg = (x: number) => ((this.pos[x] ?? 0) - (this.pos[s1] ?? 0) + n) % n < len;
      for (const end of [s1, s2]) {
        for (const c of this.neigh[end] ?? []) {
          if (this.d(end, c) >= gain) break;
          if (inSeg(c)) continue;
          for (const [u, v] of [
            [c, this.succ(c)],
            [this.pred(c), c],
          ] as const) {
            if (inSeg(u) || inSeg(v)) continue;
            const duv = this.d(u, v);
            const keep = this.d(u, s1) + this.d(s2, v) - duv;
            const flip = this.d(u, s2) + this.d(s1, v) - duv;
            if (Math.min(keep, flip) < gain - 1e-9) {
              this.moveSegment(s1, len, u, flip < keep);
              for (const x of [p, nx, s1, s2, u, v]) this.push(x);
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  /** Moves the len cities starting at s1 to just after u (reversed if asked). */
  private moveSegment(s1: number, len: number, u: number, reversed: boolean): void {
    const n = this.n;
    const start = this.pos[s1] ?? 0;
    const seg: number[] = [];
    for (let i = 0; i < len; i++) seg.push(this.tour[(start + i) % n] ?? 0);
    if (reversed) seg.reverse();
    const rest: number[] = [];
    for (let i = len; i < n; i++) rest.push(this.tour[(start + i) % n] ?? 0);
    const at = rest.indexOf(u) + 1;
    const out = [...rest.slice(0, at), ...seg, ...rest.slice(at)];
    this.tour.set(out);
    this.reindex();
  }

  localSearch(): void {
    while (this.queue.length > 0) {
      const a = this.queue.pop() ?? 0;
      this.queued[a] = 0;
      if (this.twoOpt(a) || this.orOpt(a)) this.push(a);
    }
  }

  /** Segment-local double bridge: A B C D -> A C B D on a short stretch. */
  kick(rng: Rng): void {
    const n = this.n;
    const span = Math.max(1, Math.min(30, Math.floor(n / 4)));
    const l1 = rng.int(1, span);
    const l2 = rng.int(1, span);
    const start = rng.int(0, n - 1);
    const first = (start + 1) % n;
    const b: number[] = [];
    const c: number[] = [];
    for (let i = 0; i < l1; i++) b.push(this.tour[(first + i) % n] ?? 0);
    for (let i = 0; i < l2; i++) c.push(this.tour[(first + l1 + i) % n] ?? 0);
    const moved = [...c, ...b];
    for (let i = 0; i < moved.length; i++) {
      const city = moved[i] ?? 0;
      const at = (first + i) % n;
      this.tour[at] = city;
      this.pos[city] = at;
    }
    for (const x of [this.tour[start] ?? 0, ...moved.slice(0, 2), ...moved.slice(-2)]) this.push(x);
    this.push(this.tour[(first + l1 + l2) % n] ?? 0);
    for (const x of [b[0], b[b.length - 1], c[0], c[c.length - 1]]) if (x !== undefined) this.push(x);
  }

  pushAll(): void {
    for (let i = 0; i < this.n; i++) this.push(this.tour[i] ?? 0);
  }
}

export function solveTsp(n: number, dist: Distance, options: TspOptions = {}): TspResult {
  const m = toMatrix(n, dist);
  const d = (i: number, j: number) => m[i * n + j] ?? 0;
  if (n <= 3) {
    const tour = Array.from({ length: n }, (_, i) => i);
    const length = tourLength(tour, d);
    return { tour, length, nearestNeighbourLength: length, iterations: 0 };
  }
  const k = Math.min(n - 1, options.k ?? 10);
  const neigh: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    const others = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i);
    others.sort((a, b) => d(i, a) - d(i, b) || a - b);
    neigh.push(Int32Array.from(others.slice(0, k)));
  }
  const nn = nearestNeighbourTour(n, m);
  const nearestNeighbourLength = tourLength(nn, d);
  const s = new Search(n, m, neigh, nn);
  s.pushAll();
  s.localSearch();
  let bestLen = s.length();
  let best = Int32Array.from(s.tour);
  const rng = createRng(options.seed ?? 1);
  const deadline = Date.now() + (options.timeMs ?? 1000);
  const cap = options.maxIterations ?? Number.POSITIVE_INFINITY;
  let iterations = 0;
  while (iterations < cap && Date.now() < deadline) {
    iterations++;
    s.kick(rng);
    s.localSearch();
    const len = s.length();
    if (len <= bestLen) {
      bestLen = len;
      best = Int32Array.from(s.tour);
    } else {
      s.tour.set(best);
      for (let i = 0; i < n; i++) s.pos[best[i] ?? 0] = i;
    }
  }
  const tour = Array.from(best);
  return { tour, length: tourLength(tour, d), nearestNeighbourLength, iterations };
}
