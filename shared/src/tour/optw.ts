/**
 * Orienteering Problem with Time Windows, one route (Righini–Salani / Vansteenwegen
 * format): parser, independent route checker and a time-limited iterated local search.
 *
 * Rounding rule (strict): travel time = unrounded double Euclidean distance. Service at a
 * point must start within [O, C] (waiting when early), lasts d, and the route must be
 * back at point 0 by its C (the time budget). A 1e-9 slack absorbs summation order.
 *
 * Search (after Vansteenwegen et al. 2009): per-position arrival, wait and MaxShift make
 * each insertion test O(1); insertion by score²/shift; one-for-one replacement by a higher
 * score; relocation of visits to shorten the route; kicks that remove a run of
 * consecutive visits, kept out of the first refill.
 */
import { z } from 'zod';
import { type IlsRoute, iteratedLocalSearch } from './ils';
import { createRng, type Rng } from '../demo/prng';
import { euclideanMatrix, type RouteCheck } from './op';

export const OptwInstance = z
  .object({
    x: z.array(z.number().finite()).min(1),
    y: z.array(z.number().finite()),
    service: z.array(z.number().finite().nonnegative()),
    score: z.array(z.number().finite().nonnegative()),
    open: z.array(z.number().finite()),
    close: z.array(z.number().finite()),
  })
  .refine((v) => [v.y, v.service, v.score, v.open, v.close].every((a) => a.length === v.x.length), {
    message: 'per-point field counts differ',
  });
/** Point 0 is the start and end of the route; close[0] is the time budget. */
export type OptwInstance = z.infer<typeof OptwInstance>;

export class OptwError extends Error {
  constructor(message: string, line?: number) {
    super(line === undefined ? `OPTW: ${message}` : `OPTW line ${line}: ${message}`);
    this.name = 'OptwError';
  }
}

export function parseOptw(text: string): OptwInstance {
  const lines = text.split(/\r?\n/);
  const rows: { line: number; nums: number[]; text: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    if (t === '') continue;
    const nums = t.split(/\s+/).map(Number);
    if (nums.some((v) => !Number.isFinite(v))) throw new OptwError(`expected numbers, got "${t}"`, i + 1);
    rows.push({ line: i + 1, nums, text: t });
  }
  const head = rows[0];
  if (!head) throw new OptwError('empty file');
  if (head.nums.length < 3) throw new OptwError(`expected "k v N t", got "${head.text}"`, head.line);
  const count = head.nums[2] ?? 0;
  if (!Number.isInteger(count) || count < 0) throw new OptwError(`bad N "${count}"`, head.line);
  if (!rows[1]) throw new OptwError('missing second header line');
  const inst: OptwInstance = { x: [], y: [], service: [], score: [], open: [], close: [] };
  for (const row of rows.slice(2)) {
    const v = row.nums;
    const err = (msg: string) => new OptwError(msg, row.line);
    if (v.length < 9) throw err(`expected "i x y d S f a [list] O C", got "${row.text}"`);
    const a = v[6] ?? 0;
    if (!Number.isInteger(a) || a < 0 || v.length !== 9 + a)
      throw err(`expected ${9 + a} fields for a = ${a}, got ${v.length}`);
    const id = inst.x.length;
    if (v[0] !== id) throw err(`expected point ${id}, got ${v[0]}`);
    const [, px, py, d, s] = v as [number, number, number, number, number];
    const o = v[v.length - 2] ?? 0;
    const c = v[v.length - 1] ?? 0;
    if (d < 0) throw err(`negative service duration ${d}`);
    if (s < 0) throw err(`negative score ${s}`);
    if (o > c) throw err(`time window [${o}, ${c}] is empty`);
    inst.x.push(px);
    inst.y.push(py);
    inst.service.push(d);
    inst.score.push(s);
    inst.open.push(o);
    inst.close.push(c);
  }
  const n = inst.x.length;
  if (n === 0) throw new OptwError('no point lines');
  if (n !== count && n !== count + 1)
    throw new OptwError(`header says N = ${count}, got ${n} point lines`, head.line);
  const parsed = OptwInstance.safeParse(inst);
  if (!parsed.success) throw new OptwError(parsed.error.issues.map((e) => e.message).join('; '));
  return parsed.data;
}

export interface OptwCheck extends RouteCheck {
  /** Service start time at each route position (the last is the return to point 0). */
  starts: number[];
}

/**
 * Independent feasibility check (no shared code with the solver): route 0 … 0, no
 * repeats, every service starts within its window (waiting when early), back by close[0];
 * times use Math.hypot, tolerance 1e-6.
 */
export function checkOptwRoute(inst: OptwInstance, route: readonly number[]): OptwCheck {
  const n = inst.x.length;
  const starts: number[] = [];
  let score = 0;
  let t = inst.open[0] ?? 0;
  const fail = (error: string): OptwCheck => ({ feasible: false, score, length: t, starts, error });
  if (route.length < 2 || route[0] !== 0 || route[route.length - 1] !== 0)
    return fail('route must start and end at point 0');
  starts.push(t);
  const seen = new Set<number>();
  for (let k = 1; k < route.length; k++) {
    const p = route[k] ?? -1;
    const q = route[k - 1] ?? 0;
    if (!Number.isInteger(p) || p < 0 || p >= n) return fail(`unknown point ${p}`);
    if (p === 0 && k !== route.length - 1) return fail('point 0 inside the route');
    if (seen.has(p)) return fail(`point ${p} visited twice`);
    seen.add(p);
    t +=
      (inst.service[q] ?? 0) +
      Math.hypot((inst.x[p] ?? 0) - (inst.x[q] ?? 0), (inst.y[p] ?? 0) - (inst.y[q] ?? 0));
    if (p !== 0) t = Math.max(t, inst.open[p] ?? 0);
    if (t > (inst.close[p] ?? 0) + 1e-6) return fail(`point ${p} reached at ${t} after ${inst.close[p]}`);
    starts.push(t);
    score += inst.score[p] ?? 0;
  }
  return { feasible: true, score, length: t, starts };
}

export interface OptwOptions {
  /** Wall-clock budget in ms (default 1000). */
  timeMs?: number;
  /** Maximum ILS iterations (default unbounded, limited by timeMs). */
  maxIterations?: number;
  seed?: number;
}

export interface OptwResult {
  route: number[];
  score: number;
  /** Service start time per route position (the last is the return time to point 0). */
  starts: number[];
  /** Return time minus departure time. */
  duration: number;
  iterations: number;
}

const EPS = 1e-9;

class OptwSearch implements IlsRoute {
  route: number[] = [0, 0];
  readonly inRoute: Uint8Array;
  readonly start: Float64Array;
  readonly wait: Float64Array;
  readonly maxShift: Float64Array;

  constructor(
    readonly inst: OptwInstance,
    readonly m: Float64Array,
  ) {
    const n = inst.x.length;
    this.inRoute = new Uint8Array(n);
    this.start = new Float64Array(n + 2);
    this.wait = new Float64Array(n + 2);
    this.maxShift = new Float64Array(n + 2);
    this.setRoute([0, 0]);
  }

  t(a: number, b: number): number {
    return this.m[a * this.inst.x.length + b] ?? 0;
  }
  setRoute(r: readonly number[]): void {
    this.route = r.slice();
    this.inRoute.fill(0);
    for (const p of r) this.inRoute[p] = 1;
    this.update();
  }
  total(): number {
    let s = 0;
    for (let k = 1; k < this.route.length; k++) s += this.inst.score[this.route[k] ?? 0] ?? 0;
    return s;
  }
  cost(): number {
    return this.end();
  }

  end(): number {
    return this.start[this.route.length - 1] ?? 0;
  }

  /** Recomputes start, wait and MaxShift per position; returns whether the route is feasible. */
  update(): boolean {
    const { route: r, inst } = this;
    const L = r.length;
    this.start[0] = inst.open[0] ?? 0;
    this.wait[0] = 0;
    let ok = true;
    for (let k = 1; k < L; k++) {
      const p = r[k] ?? 0;
      const q = r[k - 1] ?? 0;
      const arrive = (this.start[k - 1] ?? 0) + (inst.service[q] ?? 0) + this.t(q, p);
      const st = k === L - 1 ? arrive : Math.max(arrive, inst.open[p] ?? 0);
      this.start[k] = st;
      this.wait[k] = st - arrive;
      if (st > (inst.close[p] ?? 0) + EPS) ok = false;
    }
    this.maxShift[L - 1] = (inst.close[0] ?? 0) - (this.start[L - 1] ?? 0);
    for (let k = L - 2; k >= 1; k--) {
      const own = (inst.close[r[k] ?? 0] ?? 0) - (this.start[k] ?? 0);
      this.maxShift[k] = Math.min(own, (this.wait[k + 1] ?? 0) + (this.maxShift[k + 1] ?? 0));
    }
    return ok;
  }

  /** Arrival shift caused at position p by inserting j just before it, or -1 if infeasible. */
  shiftAt(j: number, p: number): number {
    const { route: r, inst } = this;
    const prev = r[p - 1] ?? 0;
    const next = r[p] ?? 0;
    const leave = (this.start[p - 1] ?? 0) + (inst.service[prev] ?? 0);
    const st = Math.max(leave + this.t(prev, j), inst.open[j] ?? 0);
    if (st > (inst.close[j] ?? 0) + EPS) return -1;
    const shift = st + (inst.service[j] ?? 0) + this.t(j, next) - leave - this.t(prev, next);
    return shift <= (this.wait[p] ?? 0) + (this.maxShift[p] ?? 0) + EPS ? Math.max(shift, 0) : -1;
  }

  /** Best feasible position of j (smallest shift), or undefined. */
  bestPosition(j: number): { pos: number; shift: number } | undefined {
    let best: { pos: number; shift: number } | undefined;
    for (let p = 1; p < this.route.length; p++) {
      const s = this.shiftAt(j, p);
      if (s >= 0 && (!best || s < best.shift)) best = { pos: p, shift: s };
    }
    return best;
  }

  insertAt(j: number, pos: number): boolean {
    this.route.splice(pos, 0, j);
    this.inRoute[j] = 1;
    if (this.update()) return true;
    this.route.splice(pos, 1);
    this.inRoute[j] = 0;
    this.update();
    return false;
  }

  /** Greedy insertion by score²/shift (noisy when noise > 0); returns whether any. */
  insertGreedy(rng: Rng, noise: number): boolean {
    const n = this.inst.x.length;
    const blocked = new Uint8Array(n);
    let any = false;
    for (;;) {
      let bj = -1;
      let bpos = -1;
      let bval = -1;
      for (let j = 1; j < n; j++) {
        const s = this.inst.score[j] ?? 0;
        if (this.inRoute[j] || blocked[j] || s <= 0) continue;
        const b = this.bestPosition(j);
        if (!b) continue;
        const val = ((s * s) / Math.max(b.shift, 1e-6)) * (noise > 0 ? 1 + noise * rng.next() : 1);
        if (val > bval) {
          bval = val;
          bj = j;
          bpos = b.pos;
        }
      }
      if (bj < 0) return any;
      if (this.insertAt(bj, bpos)) any = true;
      else blocked[bj] = 1;
    }
  }

  /** Best swap of one visit for an unvisited point of higher score that still fits. */
  replace(): boolean {
    const n = this.inst.x.length;
    const orig = this.route.slice();
    let best: { v: number; j: number; pos: number; gain: number } | undefined;
    for (let k = 1; k + 1 < orig.length; k++) {
      const v = orig[k] ?? 0;
      this.route = orig.slice();
      this.route.splice(k, 1);
      this.update();
      for (let j = 1; j < n; j++) {
        if (this.inRoute[j]) continue;
        const gain = (this.inst.score[j] ?? 0) - (this.inst.score[v] ?? 0);
        if (gain <= 0 || (best && gain <= best.gain)) continue;
        const b = this.bestPosition(j);
        if (b) best = { v, j, pos: b.pos, gain };
      }
    }
    this.route = orig;
    this.update();
    if (!best) return false;
    const { v, j, pos } = best;
    const k = orig.indexOf(v);
    this.route.splice(k, 1);
    this.inRoute[v] = 0;
    this.update();
    if (this.insertAt(j, pos)) return true;
    this.setRoute(orig);
    return false;
  }

  /** Relocates single visits while that brings the return time forward. */
  shorten(): void {
    let improved = true;
    while (improved) {
      improved = false;
      const base = this.end();
      const r = this.route;
      for (let i = 1; i + 1 < r.length && !improved; i++) {
        const v = r[i] ?? 0;
        r.splice(i, 1);
        this.update();
        const b = this.bestPosition(v);
        if (b && b.pos !== i) {
          r.splice(b.pos, 0, v);
          if (this.update() && this.end() < base - 1e-7) {
            improved = true;
            break;
          }
          r.splice(b.pos, 1);
        }
        r.splice(i, 0, v);
        this.update();
      }
    }
  }

  localSearch(rng: Rng, noise: number, tabu: readonly number[] = []): void {
    for (const p of tabu) this.inRoute[p] = 1;
    this.insertGreedy(rng, noise);
    for (const p of tabu) this.inRoute[p] = 0;
    for (;;) {
      this.shorten();
      if (this.insertGreedy(rng, noise)) continue;
      if (!this.replace()) return;
    }
  }

  /** Removes a run of consecutive visits; returns the removed points. */
  kick(rng: Rng, strength: number): number[] {
    const inner = this.route.length - 2;
    if (inner <= 0) return [];
    const len = Math.min(inner, rng.int(1, Math.max(1, Math.ceil(inner * strength))));
    const removed = this.route.splice(rng.int(1, inner - len + 1), len);
    for (const p of removed) this.inRoute[p] = 0;
    this.update();
    return removed;
  }
}

export function solveOptw(inst: OptwInstance, options: OptwOptions = {}): OptwResult {
  const s = new OptwSearch(inst, euclideanMatrix(inst.x, inst.y));
  const rng = createRng(options.seed ?? 1);
  s.localSearch(rng, 0);
  const r = iteratedLocalSearch(s, rng, options, inst.x.length > 1);
  const starts = Array.from(s.start.subarray(0, r.route.length));
  return {
    route: r.route,
    score: r.score,
    starts,
    duration: s.end() - (starts[0] ?? 0),
    iterations: r.iterations,
  };
}
