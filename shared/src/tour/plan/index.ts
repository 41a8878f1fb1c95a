/** The tour planner's public surface: the problem, distances, the solver and re-evaluation. */
import { compile } from './compile';
import type { DistanceMatrix } from './distance';
import { buildItinerary } from './evaluate';
import { dayDiff, type Itinerary, TourProblem, type TourProblemInput } from './model';

export * from './distance';
export * from './model';
export { problemNodes } from './compile';
export { type SolveOptions, solveTour } from './solve';

/**
 * The itinerary of stops the user arranged (pinned, dropped, moved to another date):
 * legs, totals, objective and every broken rule, without searching.
 */
export function evaluatePlan(
  input: TourProblemInput | TourProblem,
  matrix: DistanceMatrix,
  visits: readonly { id: string; date: string }[],
): Itinerary {
  const problem = TourProblem.parse(input);
  const cp = compile(problem, matrix);
  const index = new Map(cp.stops.map((s) => [s.id, s.index]));
  const list = visits.flatMap((v) => {
    const stop = index.get(v.id);
    return stop === undefined ? [] : [{ stop, day: dayDiff(problem.window.start, v.date) }];
  });
  return buildItinerary(cp, list, new Set(problem.pinned.map((p) => p.id)));
}
