// Instances of the booking-planner benchmark (plan.ts): summer festival tours.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '../../shared/src/demo/prng';
import { addDays, type TourProblemInput } from '../../shared/src/tour/plan/index';

export interface Spot {
  name: string;
  lat: number;
  lon: number;
}

export function festivals(data: string): Spot[] {
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

export function instance(n: number, spots: Spot[], seed: number): TourProblemInput {
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
