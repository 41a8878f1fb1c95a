// `npm run bench -- plan [--data ../shared/data] [--json] [--seconds 1]`: the booking
// tour planner on summer festival tours (real French music festivals from
// festivals-fr.csv when --data has it, else generated places): 50, 150 and 400
// candidates over 77 days with 3 fixed shows, radius clauses, driving limits, days off.
// Prints per instance the objective at --seconds, the best over a long run (the
// reference), the gap, time to the first tour, stops, km, and the instant re-evaluation
// time (evaluateTour: what the planner runs on each pin, drop or move).
import { join } from 'node:path';
import { festivals, instance } from './plan-instances';
import {
  evaluateTour,
  haversineMatrix,
  problemNodes,
  solveTour,
  TourProblem,
} from '../../shared/src/tour/plan/index';

const argv = process.argv.slice(2);
const flag = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const json = argv.includes('--json');
const seconds = Number(flag('--seconds') ?? '1');
const refSeconds = Number(flag('--ref-seconds') ?? '8');
const data = flag('--data') ?? join(import.meta.dirname, '../../../shared/data');

const spots = festivals(data);
if (!json)
  console.log(
    `places: ${spots.length > 0 ? `${spots.length} summer music festivals (festivals-fr.csv)` : 'generated'}`,
  );
const rows: Record<string, unknown>[] = [];
for (const n of [50, 150, 400]) {
  const p = TourProblem.parse(instance(n, spots, n));
  const m = haversineMatrix(problemNodes(p));
  const f0 = performance.now();
  solveTour(p, m, { timeMs: seconds * 1000, seed: 1, maxIterations: 0 });
  const first = performance.now() - f0;
  const t0 = performance.now();
  const r = solveTour(p, m, { timeMs: seconds * 1000, seed: 1 });
  const secs = (performance.now() - t0) / 1000;
  let ref = r.itinerary.objective;
  for (const seed of [2, 3])
    ref = Math.max(ref, solveTour(p, m, { timeMs: (refSeconds * 1000) / 2, seed }).itinerary.objective);
  const visits = r.itinerary.stops.map((s) => ({ id: s.id, date: s.date }));
  const e0 = performance.now();
  const reps = 20;
  for (let i = 0; i < reps; i++) evaluateTour(p, m, visits.slice(0, visits.length - (i % 2)));
  const evalMs = (performance.now() - e0) / reps;
  const row = {
    instance: `plan-${n}`,
    objective: r.itinerary.objective,
    reference: ref,
    gap_pct: ((ref - r.itinerary.objective) / ref) * 100,
    seconds: secs,
    first_tour_ms: first,
    stops: r.itinerary.stops.length,
    km: Math.round(r.itinerary.totalKm),
    feasible: r.feasible,
    iterations: r.iterations,
    reevaluate_ms: evalMs,
  };
  rows.push(row);
  if (json) console.log(JSON.stringify(row));
  else
    console.log(
      `${row.instance.padEnd(9)} objective ${String(row.objective).padStart(10)}  reference ${String(ref).padStart(10)}  gap ${row.gap_pct.toFixed(2).padStart(5)} %  ${secs.toFixed(2)} s  first tour ${first.toFixed(0)} ms  ${row.stops} stops  ${row.km} km  ${row.iterations} kicks  re-evaluation ${evalMs.toFixed(1)} ms  ${row.feasible ? 'feasible' : 'INFEASIBLE'}`,
    );
}
const mean = rows.reduce((a, r) => a + (r.gap_pct as number), 0) / rows.length;
if (json) console.log(JSON.stringify({ mean_gap_pct: mean, instances: rows.length }));
else
  console.log(
    `mean gap to the best of a ${refSeconds} s run: ${mean.toFixed(2)} % (money in minor units: objective = fees × hold weight − travel cost)`,
  );
