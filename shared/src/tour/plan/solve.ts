/**
 * The tour solver: fixed and date-pinned shows first, then best-gain insertion of
 * candidates, local search (move a stop to another of its dates, replace a stop by a
 * better one), then iterated local search that removes a few stops or a stretch of days
 * and refills it with noisy insertion, keeping the best tour found. Pure and synchronous;
 * the desktop runs it in a worker, with progress reports and a stop check.
 */
import { createRng, type Rng } from '../../demo/prng';
import { type Compiled, compile } from './compile';
import type { DistanceMatrix } from './distance';
import { buildItinerary } from './evaluate';
import { explainExclusions } from './explain';
import { addDays, TourProblem, type TourProblemInput, type TourResult } from './model';
import { PlanState } from './state';

export interface SolveOptions {
  /** Time budget in ms (default 1000). */
  timeMs?: number;
  /** ILS iterations cap (default unbounded). */
  maxIterations?: number;
  seed?: number;
  /**
   * Called about every 50 ms with the elapsed fraction of the budget, the best objective
   * and the best tour so far (what a cancelled run keeps).
   */
  onProgress?: (fraction: number, bestObjective: number, best: () => PlannedVisit[]) => void;
  /** Polled between iterations: true stops the search (the best tour so far is returned). */
  shouldStop?: () => boolean;
  now?: () => number;
}

/** Pinned-without-date candidates come before anything optional. */
const MUST_BONUS = 1e12;
const EPS = 1e-6;
/** Kicks without a new best before the search restarts from a fresh construction. */
const RESTART_AFTER = 400;

class Search {
  /** The optional stops allowed on each day. */
  private readonly byDay: number[][];
  /** Every optional (stop, day) pair, flattened, with the pairs of each day and a gain cache. */
  private readonly pairStop: Int32Array;
  private readonly pairDay: Int32Array;
  private readonly pairsOfDay: number[][];
  private readonly gains: Float64Array;

  constructor(
    readonly cp: Compiled,
    readonly rng: Rng,
  ) {
    this.byDay = Array.from({ length: cp.W }, () => []);
    this.pairsOfDay = Array.from({ length: cp.W }, () => []);
    const stops: number[] = [];
    const days: number[] = [];
    for (const s of cp.stops) {
      if (s.fixed || s.dropped) continue;
      for (const t of s.days) {
        this.byDay[t]?.push(s.index);
        this.pairsOfDay[t]?.push(stops.length);
        stops.push(s.index);
        days.push(t);
      }
    }
    this.pairStop = Int32Array.from(stops);
    this.pairDay = Int32Array.from(days);
    this.gains = new Float64Array(stops.length);
  }

  gain(st: PlanState, stop: number, day: number): number {
    const s = this.cp.stops[stop];
    return st.delta(stop, day) + (s?.mustInclude ? MUST_BONUS : 0);
  }

  private cacheGain(st: PlanState, i: number): void {
    const stop = this.pairStop[i] as number;
    const day = this.pairDay[i] as number;
    this.gains[i] =
      st.dayOf[stop] !== -1 || st.onDay[day] !== -1 ? Number.NEGATIVE_INFINITY : this.gain(st, stop, day);
  }

  /**
   * Insert the best-gain feasible (stop, day) until nothing gains; `noise` randomises the
   * choice. A gain depends only on the stops either side of its day, so after an insertion
   * only the pairs between those neighbours are recomputed.
   */
  fill(st: PlanState, noise = 0): void {
    const P = this.pairStop.length;
    for (let i = 0; i < P; i++) this.cacheGain(st, i);
    for (;;) {
      let best = -1;
      let bestDay = -1;
      let bestScore = EPS;
      for (let i = 0; i < P; i++) {
        const g = this.gains[i] as number;
        if (g <= EPS) continue;
        const stop = this.pairStop[i] as number;
        const t = this.pairDay[i] as number;
        if (st.dayOf[stop] !== -1 || st.onDay[t] !== -1) continue;
        const score = noise > 0 ? g * (1 + noise * this.rng.next()) : g;
        if (score > bestScore && st.check(stop, t) === null) {
          bestScore = score;
          best = stop;
          bestDay = t;
        }
      }
      if (best < 0) return;
      const lo = st.prevDay(bestDay);
      const hi = st.nextDay(bestDay);
      st.place(best, bestDay);
      for (let t = lo + 1; t < hi; t++) for (const i of this.pairsOfDay[t] ?? []) this.cacheGain(st, i);
    }
  }

  /** Moves a chosen stop to a better date, or swaps it for a better unchosen one; repeats while it helps. */
  improve(st: PlanState, deadline: () => boolean): void {
    for (let pass = 0; pass < 20 && !deadline(); pass++) {
      let improved = false;
      for (const u of st.chosen()) {
        const su = this.cp.stops[u];
        if (!su || su.fixed || su.fixedDay >= 0) continue;
        const day = st.dayOf[u] as number;
        st.remove(u);
        const here = this.gain(st, u, day);
        let best = day;
        let bestGain = here;
        for (const t of su.days) {
          if (t === day || st.onDay[t] !== -1) continue;
          const g = this.gain(st, u, t);
          if (g > bestGain + EPS && st.check(u, t) === null) {
            bestGain = g;
            best = t;
          }
        }
        // Replace u by an unchosen stop on the same day when that gains more.
        let swap = -1;
        for (const k of this.byDay[day] ?? []) {
          if (k === u || st.dayOf[k] !== -1) continue;
          const g = this.gain(st, k, day);
          if (g > bestGain + EPS && st.check(k, day) === null) {
            bestGain = g;
            swap = k;
            best = day;
          }
        }
        st.place(swap >= 0 ? swap : u, best);
        if (best !== day || swap >= 0) improved = true;
      }
      this.fill(st);
      if (!improved) return;
    }
  }

  /**
   * Put one or two left-out candidates in, even at a loss (in place of the stop on that
   * day): a stop that pays only together with another one is found this way.
   */
  force(st: PlanState): void {
    const out = this.cp.stops.filter(
      (s) => !s.fixed && !s.dropped && s.days.length > 0 && st.dayOf[s.index] === -1,
    );
    for (let k = this.rng.int(1, 2); k > 0 && out.length > 0; k--) {
      const s = out.splice(this.rng.int(0, out.length - 1), 1)[0];
      if (!s) return;
      const t = this.rng.pick(s.days);
      const occupant = st.onDay[t] as number;
      const o = this.cp.stops[occupant];
      if (o && (o.fixed || o.fixedDay >= 0)) continue;
      if (o) st.remove(occupant);
      // Make room: take out the optional stops that block it (the refill may put them elsewhere).
      for (let tries = 0; tries < 3; tries++) {
        const b = st.check(s.index, t);
        if (b === null) {
          st.place(s.index, t);
          break;
        }
        const blocker = this.cp.stops.find((x) => x.id === b.otherId);
        if (!blocker || blocker.fixed || blocker.fixedDay >= 0 || st.dayOf[blocker.index] === -1) break;
        st.remove(blocker.index);
      }
    }
  }

  /** Every optional stop out, then a noisy construction and local search. */
  restart(st: PlanState): void {
    for (const u of st.chosen()) {
      const s = this.cp.stops[u];
      if (s && !s.fixed && s.fixedDay < 0) st.remove(u);
    }
    this.fill(st, 1);
    this.improve(st, () => false);
  }

  /** Remove a few optional stops: random ones, or every optional stop in a stretch of days. */
  kick(st: PlanState): void {
    const optional = st.chosen().filter((u) => {
      const s = this.cp.stops[u];
      return s && !s.fixed && s.fixedDay < 0;
    });
    const roll = this.rng.next();
    if (roll < 0.25 || optional.length === 0) {
      this.force(st);
      return;
    }
    if (roll < 0.4) {
      // Rebuild: every optional stop out, refilled by the noisy insertion (new date orders).
      for (const u of optional) st.remove(u);
      this.fill(st, 1);
      return;
    }
    if (roll < 0.7) {
      const k = this.rng.int(1, Math.max(1, Math.min(4, Math.ceil(optional.length / 4))));
      for (const u of this.rng.shuffle(optional).slice(0, k)) st.remove(u);
    } else {
      const span = this.rng.int(2, Math.max(2, Math.min(10, Math.ceil(this.cp.W / 4))));
      const from = this.rng.int(0, Math.max(0, this.cp.W - span));
      for (const u of optional) {
        const t = st.dayOf[u] as number;
        if (t >= from && t < from + span) st.remove(u);
      }
    }
  }
}

export function solveTour(
  input: TourProblemInput | TourProblem,
  matrix: DistanceMatrix,
  options: SolveOptions = {},
): TourResult {
  const problem = TourProblem.parse(input);
  const cp = compile(problem, matrix);
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  const budget = options.timeMs ?? 1000;
  const maxIt = options.maxIterations ?? Number.POSITIVE_INFINITY;
  let stoppedEarly = false;
  let cancelled = false;
  const outOfTime = () => now() - t0 >= budget;
  const search = new Search(cp, createRng(options.seed ?? 1));

  const st = new PlanState(cp);
  for (const s of cp.stops) if (s.fixed || s.fixedDay >= 0) st.place(s.index, s.fixedDay);
  search.fill(st);
  search.improve(st, outOfTime);
  const best = st.clone();
  let bestObj = best.objective() + mustCount(cp, best) * MUST_BONUS;
  let curObj = bestObj;
  const current = st.clone();
  let iterations = 0;
  let lastReport = t0;
  let sinceBest = 0;
  let lastGain = 0;
  // Nothing better after this many kicks: the search has converged (small problems end early).
  const stagnation = Math.max(1000, 50 * cp.stops.length);
  while (iterations < maxIt) {
    cancelled = options.shouldStop?.() ?? false;
    if (cancelled || outOfTime()) {
      stoppedEarly = true;
      break;
    }
    iterations++;
    st.copyFrom(current);
    search.kick(st);
    search.fill(st, 0.3);
    search.improve(st, outOfTime);
    const obj = st.objective() + mustCount(cp, st) * MUST_BONUS;
    if (obj > bestObj + EPS) {
      best.copyFrom(st);
      bestObj = obj;
      sinceBest = 0;
      lastGain = iterations;
    } else sinceBest++;
    if (obj >= curObj - EPS) {
      current.copyFrom(st);
      curObj = obj;
    } else if (sinceBest > 50) {
      current.copyFrom(best);
      curObj = bestObj;
      sinceBest = 0;
    }
    // Long without a new best: restart from a fresh noisy construction (diversification).
    if (iterations - lastGain > 0 && (iterations - lastGain) % RESTART_AFTER === 0) {
      search.restart(current);
      curObj = current.objective() + mustCount(cp, current) * MUST_BONUS;
    }
    const t = now();
    if (options.onProgress && t - lastReport >= 50) {
      lastReport = t;
      options.onProgress(Math.min(1, (t - t0) / budget), best.objective(), () => plannedVisits(cp, best));
    }
    if (iterations - lastGain > stagnation) break;
  }
  options.onProgress?.(1, best.objective(), () => plannedVisits(cp, best));
  const pinned = new Set(problem.pinned.map((p) => p.id));
  const itinerary = buildItinerary(cp, best.visits(), pinned);
  return {
    itinerary,
    feasible: itinerary.violations.length === 0,
    excluded: explainExclusions(best),
    iterations,
    stoppedEarly,
    cancelled,
    distances: matrix.source,
  };
}

/** A tour as (stop id, date) pairs: what the planner keeps, re-evaluates and accepts. */
export interface PlannedVisit {
  id: string;
  date: string;
}

export function plannedVisits(cp: Compiled, st: PlanState): PlannedVisit[] {
  return st
    .visits()
    .map((v) => ({ id: cp.stops[v.stop]?.id ?? '', date: addDays(cp.problem.window.start, v.day) }));
}

function mustCount(cp: Compiled, st: PlanState): number {
  let n = 0;
  for (const s of cp.stops) if (s.mustInclude && !s.fixed && st.dayOf[s.index] !== -1) n++;
  return n;
}
