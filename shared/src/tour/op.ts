/**
 * Orienteering Problem, single path (Tsiligirides / Chao format): parser, independent
 * route checker and a time-limited iterated local search.
 *
 * Rounding rule (strict): travel lengths are unrounded double Euclidean distances, and a
 * route is feasible when its length is at most Tmax (a 1e-9 slack absorbs summation order).
 *
 * Search: greedy insertion by score²/added-length, route shortening (2-opt and Or-opt with
 * fixed endpoints) to free budget, one-for-one replacement by a higher score, and ILS kicks
 * that remove a random run of consecutive visits (or a few scattered ones) before repairing.
 * Deterministic for a given seed and iteration cap (the time budget can cut it short).
 */
import { z } from 'zod';
import { type IlsRoute, iteratedLocalSearch } from './ils';
import { createRng, type Rng } from '../demo/prng';

export const OpInstance = z
  .object({
    tmax: z.number().finite().nonnegative(),
    x: z.array(z.number().finite()).min(2),
    y: z.array(z.number().finite()),
    score: z.array(z.number().finite().nonnegative()),
  })
  .refine((v) => v.y.length === v.x.length && v.score.length === v.x.length, {
    message: 'coordinate and score counts differ',
  });
/** Point 0 is the start, point 1 the end. */
export type OpInstance = z.infer<typeof OpInstance>;

export class OpError extends Error {
  constructor(message: string, line?: number) {
    super(line === undefined ? `OP: ${message}` : `OP line ${line}: ${message}`);
    this.name = 'OpError';
  }
}

export function parseOp(text: string): OpInstance {
  const lines = text.split(/\r?\n/);
  let tmax: number | undefined;
  const x: number[] = [];
  const y: number[] = [];
  const score: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    const parts = line.split(/\s+/);
    const nums = parts.map(Number);
    if (nums.some((v) => !Number.isFinite(v))) throw new OpError(`expected numbers, got "${line}"`, i + 1);
    if (tmax === undefined) {
      if (parts.length !== 2) throw new OpError(`expected "Tmax P", got "${line}"`, i + 1);
      const [t, p] = nums as [number, number];
      if (t < 0) throw new OpError(`bad Tmax "${parts[0]}"`, i + 1);
      if (p !== 1) throw new OpError(`only single-path instances (P = 1) are supported, got P = ${p}`, i + 1);
      tmax = t;
      continue;
    }
    if (parts.length !== 3) throw new OpError(`expected "x y score", got "${line}"`, i + 1);
    const [px, py, s] = nums as [number, number, number];
    if (s < 0) throw new OpError(`negative score "${parts[2]}"`, i + 1);
    x.push(px);
    y.push(py);
    score.push(s);
  }
  if (tmax === undefined) throw new OpError('empty file');
  if (x.length < 2) throw new OpError(`need a start and an end point, got ${x.length} point(s)`);
  const parsed = OpInstance.safeParse({ tmax, x, y, score });
  if (!parsed.success) throw new OpError(parsed.error.issues.map((e) => e.message).join('; '));
  return parsed.data;
}

/** Unrounded Euclidean distance matrix (row-major, n×n). */
export function euclideanMatrix(x: readonly number[], y: readonly number[]): Float64Array {
  const n = x.length;
  const m = new Float64Array(n * n);
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      const dx = (x[a] ?? 0) - (x[b] ?? 0);
      const dy = (y[a] ?? 0) - (y[b] ?? 0);
      const v = Math.sqrt(dx * dx + dy * dy);
      m[a * n + b] = v;
      m[b * n + a] = v;
    }
  return m;
}

export interface RouteCheck {
  feasible: boolean;
  score: number;
  length: number;
  error?: string;
}

/**
 * Independent feasibility check (no shared code with the solver): starts at 0, ends at
 * 1, no repeated or unknown point, length (Math.hypot) ≤ Tmax within 1e-6.
 */
export function checkOpRoute(inst: OpInstance, route: readonly number[]): RouteCheck {
  const n = inst.x.length;
  let length = 0;
  let score = 0;
  const fail = (error: string): RouteCheck => ({ feasible: false, score, length, error });
  if (route.length < 2 || route[0] !== 0 || route[route.length - 1] !== 1)
    return fail('route must start at point 0 and end at point 1');
  const seen = new Set<number>();
  for (let k = 0; k < route.length; k++) {
    const p = route[k] ?? -1;
    if (!Number.isInteger(p) || p < 0 || p >= n) return fail(`unknown point ${p}`);
    if (seen.has(p)) return fail(`point ${p} visited twice`);
    seen.add(p);
    score += inst.score[p] ?? 0;
    if (k > 0) {
      const q = route[k - 1] ?? 0;
      length += Math.hypot((inst.x[p] ?? 0) - (inst.x[q] ?? 0), (inst.y[p] ?? 0) - (inst.y[q] ?? 0));
    }
  }
  if (length > inst.tmax + 1e-6) return fail(`length ${length} exceeds Tmax ${inst.tmax}`);
  return { feasible: true, score, length };
}

export interface OpOptions {
  /** Wall-clock budget in ms (default 1000). */
  timeMs?: number;
  /** Maximum ILS iterations (default unbounded, limited by timeMs). */
  maxIterations?: number;
  seed?: number;
}

export interface OpResult {
  route: number[];
  score: number;
  length: number;
  iterations: number;
}

const EPS = 1e-9;

class OpSearch implements IlsRoute {
  route: number[] = [0, 1];
  readonly inRoute: Uint8Array;

  constructor(
    readonly n: number,
    readonly m: Float64Array,
    readonly score: readonly number[],
    readonly tmax: number,
  ) {
    this.inRoute = new Uint8Array(n);
    this.setRoute([0, 1]);
  }

  d(a: number, b: number): number {
    return this.m[a * this.n + b] ?? 0;
  }
  setRoute(r: readonly number[]): void {
    this.route = r.slice();
    this.inRoute.fill(0);
    for (const p of r) this.inRoute[p] = 1;
  }
  cost(): number {
    return this.length();
  }

  length(): number {
    let s = 0;
    for (let k = 1; k < this.route.length; k++) s += this.d(this.route[k - 1] ?? 0, this.route[k] ?? 0);
    return s;
  }
  total(): number {
    let s = 0;
    for (const p of this.route) s += this.score[p] ?? 0;
    return s;
  }

  /** 2-opt with fixed endpoints; first improvement. */
  private twoOpt(): boolean {
    const r = this.route;
    for (let i = 0; i < r.length - 3; i++) {
      const a = r[i] ?? 0;
      const b = r[i + 1] ?? 0;
      const dab = this.d(a, b);
      for (let j = i + 2; j < r.length - 1; j++) {
        const c = r[j] ?? 0;
        const e = r[j + 1] ?? 0;
        if (this.d(a, c) + this.d(b, e) - dab - this.d(c, e) < -EPS) {
          for (let lo = i + 1, hi = j; lo < hi; lo++, hi--) {
            const t = r[lo] ?? 0;
            r[lo] = r[hi] ?? 0;
            r[hi] = t;
          }
          return true;
        }
      }
    }
    return false;
  }

  /** Moves a run of 1–3 inner visits elsewhere (either orientation) if that shortens the path. */
  private orOpt(): boolean {
    const r = this.route;
    for (let len = 1; len <= 3; len++) {
      for (let i = 1; i + len < r.length; i++) {
        const s1 = r[i] ?? 0;
        const s2 = r[i + len - 1] ?? 0;
        const p = r[i - 1] ?? 0;
        const nx = r[i + len] ?? 0;
        const gain = this.d(p, s1) + this.d(s2, nx) - this.d(p, nx);
        if (gain <= EPS) continue;
        for (let k = 0; k + 1 < r.length; k++) {
          if (k >= i - 1 && k < i + len) continue;
          const u = r[k] ?? 0;
          const v = r[k + 1] ?? 0;
          const duv = this.d(u, v);
          const keep = this.d(u, s1) + this.d(s2, v) - duv;
          const flip = this.d(u, s2) + this.d(s1, v) - duv;
          if (Math.min(keep, flip) < gain - EPS) {
            const seg = r.splice(i, len);
            if (flip < keep) seg.reverse();
            r.splice(r.indexOf(u) + 1, 0, ...seg);
            return true;
          }
        }
      }
    }
    return false;
  }

  shorten(): void {
    while (this.twoOpt() || this.orOpt()) {}
  }

  /** Cheapest insertion position of j: index in route to insert at, and added length. */
  private cheapest(j: number): { pos: number; delta: number } {
    const r = this.route;
    let pos = -1;
    let delta = Number.POSITIVE_INFINITY;
    for (let k = 0; k + 1 < r.length; k++) {
      const u = r[k] ?? 0;
      const v = r[k + 1] ?? 0;
      const dl = this.d(u, j) + this.d(j, v) - this.d(u, v);
      if (dl < delta) {
        delta = dl;
        pos = k + 1;
      }
    }
    return { pos, delta };
  }

  /** Greedy insertion by score²/added length (noisy when noise > 0); returns whether any. */
  insertGreedy(rng: Rng, noise: number): boolean {
    let len = this.length();
    let any = false;
    for (;;) {
      let bj = -1;
      let bpos = -1;
      let bval = -1;
      let bdelta = 0;
      for (let j = 2; j < this.n; j++) {
        const s = this.score[j] ?? 0;
        if (this.inRoute[j] || s <= 0) continue;
        const c = this.cheapest(j);
        if (len + c.delta > this.tmax + EPS) continue;
        const val = ((s * s) / Math.max(c.delta, 1e-9)) * (noise > 0 ? 1 + noise * rng.next() : 1);
        if (val > bval) {
          bval = val;
          bj = j;
          bpos = c.pos;
          bdelta = c.delta;
        }
      }
      if (bj < 0) return any;
      this.route.splice(bpos, 0, bj);
      this.inRoute[bj] = 1;
      len += bdelta;
      any = true;
    }
  }

  /** Best swap of one visit for an unvisited point of higher score that still fits. */
  replace(): boolean {
    const r = this.route;
    const len = this.length();
    let best: { k: number; j: number; gain: number; extra: number } | undefined;
    for (let k = 1; k + 1 < r.length; k++) {
      const v = r[k] ?? 0;
      const a = r[k - 1] ?? 0;
      const b = r[k + 1] ?? 0;
      const removed = len + this.d(a, b) - this.d(a, v) - this.d(v, b);
      for (let j = 2; j < this.n; j++) {
        if (this.inRoute[j]) continue;
        const gain = (this.score[j] ?? 0) - (this.score[v] ?? 0);
        if (gain <= 0 || (best && gain < best.gain)) continue;
        const c = this.cheapestWithout(j, k);
        const total = removed + c;
        if (total > this.tmax + EPS) continue;
        if (!best || gain > best.gain || total < best.extra) best = { k, j, gain, extra: total };
      }
    }
    if (!best) return false;
    const v = r[best.k] ?? 0;
    r.splice(best.k, 1);
    this.inRoute[v] = 0;
    const c = this.cheapest(best.j);
    r.splice(c.pos, 0, best.j);
    this.inRoute[best.j] = 1;
    return true;
  }

  /** Cheapest insertion cost of j into the route with position k removed. */
  private cheapestWithout(j: number, k: number): number {
    const r = this.route;
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i + 1 < r.length; i++) {
      if (i === k) continue;
      const u = r[i] ?? 0;
      const v = r[i + 1 === k ? i + 2 : i + 1] ?? 0;
      const dl = this.d(u, j) + this.d(j, v) - this.d(u, v);
      if (dl < best) best = dl;
    }
    return best;
  }

  /** Shorten, refill and swap to a local optimum; `tabu` points stay out of the first refill. */
  localSearch(rng: Rng, noise: number, tabu: readonly number[] = []): void {
    for (const p of tabu) this.inRoute[p] = 1;
    this.shorten();
    this.insertGreedy(rng, noise);
    for (const p of tabu) this.inRoute[p] = 0;
    for (;;) {
      this.shorten();
      if (this.insertGreedy(rng, noise)) continue;
      if (!this.replace()) return;
    }
  }

  /** Removes a random run of consecutive visits, or a few scattered visits. */
  kick(rng: Rng, strength: number): number[] {
    const r = this.route;
    const inner = r.length - 2;
    const removed: number[] = [];
    if (inner <= 0) return removed;
    if (rng.chance(0.7)) {
      const len = rng.int(1, Math.max(1, Math.ceil(inner * strength)));
      const at = rng.int(1, inner - Math.min(len, inner) + 1);
      removed.push(...r.splice(at, Math.min(len, inner)));
    } else {
      const count = rng.int(1, Math.min(inner, 3));
      for (let c = 0; c < count; c++) removed.push(...r.splice(rng.int(1, r.length - 2), 1));
    }
    for (const p of removed) this.inRoute[p] = 0;
    return removed;
  }
}

export function solveOp(inst: OpInstance, options: OpOptions = {}): OpResult {
  const n = inst.x.length;
  const s = new OpSearch(n, euclideanMatrix(inst.x, inst.y), inst.score, inst.tmax);
  const rng = createRng(options.seed ?? 1);
  if (s.length() > inst.tmax + EPS) throw new OpError('the start and end are further apart than Tmax');
  s.localSearch(rng, 0);
  const r = iteratedLocalSearch(s, rng, options, n > 2);
  return { route: r.route, score: r.score, length: r.cost, iterations: r.iterations };
}
