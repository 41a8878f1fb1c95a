// `npm run bench -- plan [--data ../shared/data] [--json] [--seconds 1]`: the booking
// tour planner on summer festival tours (real French music festivals from
// festivals-fr.csv when --data has it, else generated places): 50, 150 and 400
// candidates over 77 days with 3 fixed shows, radius clauses, driving limits, days off.
// Prints per instance the objective at --seconds, the best over a long run (the
// reference), the gap, time to the first tour, stops, km, and the instant re-evaluation
// time (evaluateTour: what the planner runs on each pin, drop or move).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '../../shared/src/demo/prng';
import {
  addDays,
  evaluateTour,
  haversineMatrix,
  problemNodes,
  solveTour,
  TourProblem,
  type TourProblemInput,
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

interface Spot {
  name: string;
  lat: number;
  lon: number;
}

function festivals(): Spot[] {
  const file = join(data, 'festivals-fr.csv');
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8')
    .replace(/^\uFEFF+/, '')
    .split(/\r?\n/);
  const head = (lines[0] ?? '').split(';');
  const col = (name: string) => head.findIndex((h) => h.startsWith(name));
  const [iName, iDisc, iSeason, iXy] = [
    col('Nom du festival'),
    col('Discipline dominante'),
    col('Période principale'),
    col('Géocodage xy'),
  ];
  return lines.slice(1).flatMap((l) => {
    const f = l.split(';');
    const [lat, lon] = (f[iXy] ?? '').split(',').map((x) => Number(x.trim()));
    if (
      f[iDisc] !== 'Musique' ||
      !(f[iSeason] ?? '').startsWith('Saison') ||
      !Number.isFinite(lat) ||
      !Number.isFinite(lon)
    )
      return [];
    // Mainland France and Corsica.
    return (lat as number) > 41 && (lat as number) < 51.5 && (lon as number) > -5.5 && (lon as number) < 10
      ? [{ name: f[iName] ?? '?', lat: lat as number, lon: lon as number }]
      : [];
  });
}

function instance(n: number, spots: Spot[], seed: number): TourProblemInput {
  const rng = createRng(seed);
  const start = '2027-06-21';
  const days = 77;
  const pool =
    spots.length >= n + 3
      ? rng.shuffle(spots)
      : Array.from({ length: n + 3 }, (_, i) => ({
          name: `place ${i}`,
          lat: rng.float(43, 50.5),
          lon: rng.float(-1.5, 7.5),
        }));
  const place = (s: Spot, i: number) => ({ id: `p${i}`, label: s.name, lat: s.lat, lon: s.lon });
  const date = () => addDays(start, rng.int(0, days - 1));
  return {
    artists: [{ id: 'a', name: 'Bench artist', noGoDates: [addDays(start, 20), addDays(start, 21)] }],
    home: { id: 'home', label: 'Paris', lat: 48.8566, lon: 2.3522 },
    window: { start, end: addDays(start, days - 1) },
    fixed: [0, 1, 2].map((i) => ({
      id: `f${i}`,
      place: place(pool[i] as Spot, i),
      date: addDays(start, 10 + 25 * i),
      fee: 1_500_000,
    })),
    candidates: Array.from({ length: n }, (_, k) => {
      const i = k + 3;
      const first = date();
      const span = rng.int(0, 2);
      return {
        id: `c${i}`,
        place: place(pool[i] as Spot, i),
        dates: Array.from({ length: span + 1 }, (_, j) => addDays(first, j)),
        fee: rng.int(3, 25) * 100_000,
        source: rng.pick(['hold', 'offer', 'request'] as const),
        holdLevel: rng.int(1, 3),
      };
    }),
    constraints: {
      maxDriveKmPerDay: 650,
      maxDriveHoursPerDay: 8,
      speedKmh: 85,
      maxConsecutiveShows: 4,
      minDaysOffPer7Days: 2,
      defaultRadius: { radiusKm: 80, radiusDaysBefore: 30, radiusDaysAfter: 15 },
    },
    objective: { costPerKm: 90, costPerNight: 35_000, holdWeights: [1, 0.8, 0.6, 0.5, 0.4] },
  };
}

const spots = festivals();
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
