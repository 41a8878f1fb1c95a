/** The tour planner's public surface: the problem, distances, the solver and re-evaluation. */
import { type Compiled, compile, withUserChoices } from './compile';
import type { DistanceMatrix } from './distance';
import { buildItinerary } from './evaluate';
import { explainExclusions } from './explain';
import { dayDiff, TourProblem, type TourProblemInput, type TourResult } from './model';
import type { PlannedVisit } from './solve';
import { PlanState } from './state';

export * from './distance';
export * from './model';
export { problemNodes } from './compile';
export { type PlannedVisit, type SolveOptions, solveTour } from './solve';

const compiledCache = new WeakMap<DistanceMatrix, { key: string; cp: Compiled }>();

/** The compiled problem, reused while only pins and drops change (same matrix object). */
function compiledFor(problem: TourProblem, matrix: DistanceMatrix): Compiled {
  const base = { ...problem, pinned: [], dropped: [] };
  const key = JSON.stringify(base);
  let hit = compiledCache.get(matrix);
  if (hit?.key !== key) {
    hit = { key, cp: compile(base, matrix) };
    compiledCache.set(matrix, hit);
  }
  return withUserChoices(hit.cp, problem);
}

/**
 * The tour the user arranged (pinned, dropped, moved to another date), evaluated without
 * searching: legs, totals, objective, every broken rule, and why each candidate left out
 * is out. Unknown ids are ignored; two visits of one stop keep the first.
 */
export function evaluateTour(
  input: TourProblemInput | TourProblem,
  matrix: DistanceMatrix,
  visits: readonly PlannedVisit[],
): TourResult {
  const problem = TourProblem.parse(input);
  const cp = compiledFor(problem, matrix);
  const index = new Map(cp.stops.map((s) => [s.id, s.index]));
  const st = new PlanState(cp);
  const list: { stop: number; day: number }[] = [];
  const listed = new Set<string>();
  for (const v of visits) {
    const stop = index.get(v.id);
    const day = dayDiff(problem.window.start, v.date);
    if (stop === undefined || listed.has(v.id)) continue;
    listed.add(v.id);
    list.push({ stop, day });
    if (day >= 0 && day < cp.W && st.onDay[day] === -1) st.place(stop, day);
  }
  const itinerary = buildItinerary(cp, list, new Set(problem.pinned.map((p) => p.id)));
  return {
    itinerary,
    feasible: itinerary.violations.length === 0,
    excluded: explainExclusions(st).filter((e) => !listed.has(e.candidateId)),
    iterations: 0,
    stoppedEarly: false,
    cancelled: false,
    distances: matrix.source,
  };
}

/** A matrix received as JSON (RPC, worker message) back into typed arrays, checked. */
export function matrixFromJson(m: {
  n: number;
  km: readonly number[];
  hours: readonly number[] | null;
  source: string;
}): DistanceMatrix {
  if (m.km.length !== m.n * m.n || (m.hours && m.hours.length !== m.n * m.n))
    throw new RangeError(`a ${m.n}×${m.n} matrix needs ${m.n * m.n} entries`);
  return {
    n: m.n,
    km: Float64Array.from(m.km),
    hours: m.hours ? Float64Array.from(m.hours) : null,
    source: m.source,
  };
}
