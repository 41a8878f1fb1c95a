/**
 * Test helpers for the tour planner: random small problems and an independent checker of
 * every rule (written from the model's documentation, sharing no code with the solver).
 */
import { haversineKm } from '../../domain/deals/radius';
import { createRng } from '../../demo/prng';
import { type DistanceMatrix, haversineMatrix } from './distance';
import { addDays, type Itinerary, type Place, type TourProblem, type TourProblemInput } from './model';
import { problemNodes } from './compile';

export const PARIS: Place = { id: 'home', label: 'Paris', lat: 48.8566, lon: 2.3522 };

export function place(id: string, lat: number, lon: number): Place {
  return { id, label: id, lat, lon };
}

export function matrixFor(problem: TourProblem): DistanceMatrix {
  return haversineMatrix(problemNodes(problem));
}

/** A random problem around France: up to `n` candidates with 1–3 dates in a `days`-day window. */
export function randomProblem(seed: number, n: number, days: number): TourProblemInput {
  const rng = createRng(seed);
  const start = '2027-03-01';
  const venues = Array.from({ length: n }, (_, i) => place(`v${i}`, rng.float(43.5, 50.5), rng.float(-1, 7)));
  const withRadius = rng.chance(0.4);
  // Sometimes a package of two artists; each candidate played by one or both.
  const pkg = rng.chance(0.3);
  const who = () => (pkg ? rng.pick([['a1'], ['a2'], ['a1', 'a2']]) : undefined);
  const noGo = () => (rng.chance(0.3) ? [addDays(start, rng.int(0, days - 1))] : []);
  return {
    artists: [
      { id: 'a1', name: 'Artist', noGoDates: noGo() },
      ...(pkg ? [{ id: 'a2', name: 'Second artist', noGoDates: noGo() }] : []),
    ],
    home: PARIS,
    window: { start, end: addDays(start, days - 1) },
    fixed: rng.chance(0.5)
      ? [
          {
            id: 'f0',
            place: place('vf', 45.76, 4.84),
            date: addDays(start, rng.int(0, days - 1)),
            fee: 100_000,
          },
        ]
      : [],
    candidates: venues.map((v, i) => ({
      id: `c${i}`,
      place: v,
      dates: [...new Set(Array.from({ length: rng.int(1, 3) }, () => addDays(start, rng.int(-1, days))))],
      fee: rng.int(20, 400) * 1000,
      source: 'hold' as const,
      holdLevel: rng.int(1, 3),
      artistIds: who(),
    })),
    constraints: {
      maxDriveKmPerDay: rng.pick([300, 500, 800]),
      maxDriveHoursPerDay: rng.pick([4, 6, 9]),
      speedKmh: 80,
      maxConsecutiveShows: rng.int(1, 4),
      minDaysOffPer7Days: rng.int(0, 2),
      homeBreakDays: rng.pick([0, 2, 4]),
      noGoDates: rng.chance(0.3) ? [addDays(start, rng.int(0, days - 1))] : [],
      defaultRadius: withRadius
        ? {
            radiusKm: rng.pick([50, 150, 300]),
            radiusDaysBefore: rng.int(0, 5),
            radiusDaysAfter: rng.int(0, 5),
          }
        : { radiusKm: 0, radiusDaysBefore: 0, radiusDaysAfter: 0 },
    },
    objective: { costPerKm: rng.int(0, 200), costPerNight: rng.pick([0, 5000]) },
  };
}

const day = (p: TourProblem, date: string) =>
  Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${p.window.start}T00:00:00Z`)) / 86_400_000);

/** Every rule the itinerary breaks, as plain strings (empty: it satisfies them all). */
export function independentCheck(p: TourProblem, it: Itinerary): string[] {
  const errors: string[] = [];
  const c = p.constraints;
  const W = day(p, p.window.end) + 1;
  const byId = new Map([...p.fixed, ...p.candidates].map((s) => [s.id, s]));
  const stops = it.stops.map((s) => ({ ...s, d: day(p, s.date), src: byId.get(s.id) }));
  const need = (a: Place, b: Place) => {
    const km = haversineKm(a.lat, a.lon, b.lat, b.lon) * 1.3;
    if (km < 1e-9) return 0;
    return Math.max(
      1,
      Math.ceil(Math.max(km / c.maxDriveKmPerDay, km / c.speedKmh / c.maxDriveHoursPerDay) - 1e-9),
    );
  };
  const seen = new Set<number>();
  let prev = { place: p.home, d: -1 };
  for (const s of stops) {
    if (!s.src) errors.push(`${s.id}: unknown stop`);
    if (s.d < 0 || s.d >= W) errors.push(`${s.id}: outside the window`);
    if (seen.has(s.d)) errors.push(`${s.id}: two shows on ${s.date}`);
    seen.add(s.d);
    if (s.src && !('dates' in s.src ? s.src.dates : [s.src.date]).includes(s.date))
      errors.push(`${s.id}: date not allowed`);
    const plays = p.artists.filter((a) => !s.src?.artistIds || s.src.artistIds.includes(a.id));
    if (c.noGoDates.includes(s.date) || plays.some((a) => a.noGoDates.includes(s.date)))
      errors.push(`${s.id}: no-go date`);
    const gap = s.d - prev.d;
    // Between two shows far enough apart the artist may go home (if a day there is left).
    const viaHome =
      prev.d >= 0 &&
      c.homeBreakDays > 0 &&
      gap >= c.homeBreakDays &&
      need(prev.place, p.home) + need(p.home, s.place) <= gap - 1;
    if (!viaHome && need(prev.place, s.place) > gap) errors.push(`${s.id}: too far from the previous stop`);
    prev = { place: s.place, d: s.d };
  }
  if (need(prev.place, p.end ?? p.home) > W - prev.d) errors.push('too far to get home');
  let run = 0;
  for (let t = 0; t < W; t++) {
    run = seen.has(t) ? run + 1 : 0;
    if (run > c.maxConsecutiveShows) errors.push(`run of ${run} shows`);
  }
  const days = [...seen].sort((a, b) => a - b);
  const first = days[0] ?? 0;
  const last = days[days.length - 1] ?? -1;
  for (let a = first; a + 6 <= last; a++) {
    const shows = days.filter((d) => d >= a && d <= a + 6).length;
    if (7 - shows < c.minDaysOffPer7Days) errors.push(`only ${7 - shows} days off from day ${a}`);
  }
  // A clause binds the artists of its show only (a package's other artists may play nearby).
  const everyone = p.artists.map((a) => a.id);
  const players = (ids: string[] | undefined) => new Set(ids ?? everyone);
  const clauses = [
    ...stops.map((s) => ({
      id: s.id,
      place: s.place,
      d: s.d,
      r: s.src?.radius ?? c.defaultRadius,
      who: players(s.src?.artistIds),
    })),
    ...p.external.map((e) => ({
      id: e.id,
      place: e.place,
      d: day(p, e.date),
      r: e.radius,
      who: players(e.artistIds),
    })),
  ];
  for (const a of clauses)
    for (const s of stops) {
      const shared = [...players(s.src?.artistIds)].some((x) => a.who.has(x));
      if (a.id === s.id || a.place.id === s.place.id || a.r.radiusKm === 0 || !shared) continue;
      const km = haversineKm(a.place.lat, a.place.lon, s.place.lat, s.place.lon);
      const dd = s.d - a.d;
      if (km <= a.r.radiusKm && dd >= -a.r.radiusDaysBefore && dd <= a.r.radiusDaysAfter)
        errors.push(`${s.id} breaks the radius clause of ${a.id}`);
    }
  return errors;
}
