/**
 * The iterated local search shared by the OP and OPTW solvers: kick (remove visits),
 * repair (insert and shorten), keep the best route (higher score, then lower cost), accept
 * equal-or-better routes and a few worse ones, and go back to the best after 300 fruitless
 * kicks. The problem-specific moves live in each solver's route state.
 */
import type { Rng } from '../demo/prng';

export interface IlsRoute {
  route: number[];
  setRoute(route: readonly number[]): void;
  total(): number;
  /** Tie-breaker between routes of equal score, lower is better (length, finishing time). */
  cost(): number;
  kick(rng: Rng, strength: number): number[];
  localSearch(rng: Rng, noise: number, tabu?: readonly number[]): void;
}

const EPS = 1e-9;

export function iteratedLocalSearch(
  s: IlsRoute,
  rng: Rng,
  options: { timeMs?: number; maxIterations?: number },
  canRun = true,
): { route: number[]; score: number; cost: number; iterations: number } {
  let best = s.route.slice();
  let bestScore = s.total();
  let bestCost = s.cost();
  let cur = best.slice();
  let curScore = bestScore;
  const deadline = performance.now() + (options.timeMs ?? 1000);
  const cap = options.maxIterations ?? Number.POSITIVE_INFINITY;
  let iterations = 0;
  let stale = 0;
  while (canRun && iterations < cap && performance.now() < deadline) {
    iterations++;
    const removed = s.kick(rng, Math.min(0.5, 0.1 + stale / 2000));
    s.localSearch(rng, rng.chance(0.5) ? 0.5 : 0, rng.chance(0.5) ? removed : []);
    const sc = s.total();
    const cost = s.cost();
    if (sc > bestScore || (sc === bestScore && cost < bestCost - EPS)) {
      best = s.route.slice();
      bestScore = sc;
      bestCost = cost;
      stale = 0;
    } else stale++;
    if (sc >= curScore || rng.chance(0.05)) {
      cur = s.route.slice();
      curScore = sc;
    }
    if (stale > 0 && stale % 300 === 0) {
      cur = best.slice();
      curScore = bestScore;
    }
    s.setRoute(cur);
  }
  s.setRoute(best);
  return { route: best, score: bestScore, cost: bestCost, iterations };
}
