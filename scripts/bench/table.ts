/**
 * `npm run bench -- table [--json]`: the roster table on 10 000 artists. A workspace
 * database with 10 000 artists (in memory) answers the core's roster query
 * (`roster_query_ms`); its rows then go through the very filter and sort functions the
 * renderer's data-table runs (desktop/src/renderer/table/state.ts with the roster's
 * column specs): `table_filter_ms` (free text + kind + fee range), `table_sort_ms`
 * (by name with the locale's collation, from a shuffled order) and `table_sort_multi_ms` (genres, then draw descending).
 * Each figure is the median of several runs.
 */
import { type ArtistRecord, ROOT_DOC, upsertRecord } from '@flowstage/shared';
import { listRoster } from '../../desktop/src/core/queries/roster';
import { ROSTER_SPECS } from '../../desktop/src/renderer/roster/columns';
import { filterRows, sortRows, type TableFilters } from '../../desktop/src/renderer/table/state';
import { device } from '../../desktop/test/device';
import { type Figure, report } from './report';

const ARTISTS = 10_000;
const RUNS = 9;
const KINDS = ['solo', 'band', 'dj', 'ensemble'] as const;
const GENRES = [
  'rock',
  'jazz',
  'électro',
  'chanson',
  'hip-hop',
  'folk',
  'soul',
  'classique',
  'pop',
  'reggae',
];
const CITIES = [
  ['Lyon', 'FR'],
  ['Genève', 'CH'],
  ['Bruxelles', 'BE'],
  ['Marseille', 'FR'],
  ['Liège', 'BE'],
  ['Lausanne', 'CH'],
] as const;
const SYLLABLES = ['la', 'ré', 'mi', 'so', 'ka', 'zé', 'lu', 'no', 'vo', 'tra', 'bel', 'ori'];

/** A deterministic artist (a seeded mulberry32, no Math.random: every run measures the same data). */
export function benchArtist(i: number): ArtistRecord {
  // mulberry32
  let seed = (i + 1) * 0x9e3779b9;
  const next = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) % n;
  };
  const name = Array.from({ length: 2 + next(3) }, () => SYLLABLES[next(SYLLABLES.length)]).join('');
  const [city, country] = CITIES[next(CITIES.length)] ?? CITIES[0];
  const feeMin = (5 + next(200)) * 10_000;
  const at = '2026-01-01T00:00:00.000Z';
  return {
    id: `bench-artist-${i}`,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    name: `${name.charAt(0).toUpperCase()}${name.slice(1)} ${i}`,
    kind: KINDS[next(KINDS.length)] ?? 'band',
    genres: [GENRES[next(GENRES.length)] ?? 'rock', GENRES[next(GENRES.length)] ?? 'pop'].filter(
      (g, k, all) => all.indexOf(g) === k,
    ),
    lineupSize: 1 + next(8),
    feeMin,
    feeMax: feeMin + next(100) * 10_000,
    currency: country === 'CH' ? 'CHF' : 'EUR',
    draw: 50 + next(5000),
    homeCity: city,
    homeCountry: country,
    lat: 46,
    lon: 5,
    agentId: null,
    radiusKm: 100,
    radiusDaysBefore: 30,
    radiusDaysAfter: 15,
    bio: '',
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

const d = device();
try {
  const setup = time(() => {
    d.docs.mutate(ROOT_DOC, (doc) => {
      for (let i = 0; i < ARTISTS; i++) upsertRecord(doc, 'artists', `bench-artist-${i}`, benchArtist(i));
    });
  });
  const today = '2026-06-01';
  const queries: number[] = [];
  let rows = listRoster(d.db.db, undefined, today);
  for (let r = 0; r < RUNS; r++) {
    const q = time(() => listRoster(d.db.db, undefined, today));
    queries.push(q.ms);
    rows = q.value;
  }
  if (rows.length !== ARTISTS) throw new Error(`expected ${ARTISTS} rows, got ${rows.length}`);

  const filters: TableFilters = {
    text: 'ly',
    facets: { kind: 'band' },
    ranges: { fee: { min: 300_000, max: 1_200_000 } },
  };
  // The query answers by name: sort a shuffled copy so the name sort does real work.
  const shuffled = [...rows];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = (i * 7919) % (i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j] as (typeof rows)[number], shuffled[i] as (typeof rows)[number]];
  }
  const filterTimes: number[] = [];
  const sortTimes: number[] = [];
  const multiTimes: number[] = [];
  let matched = 0;
  for (let r = 0; r < RUNS; r++) {
    const f = time(() => filterRows(rows, ROSTER_SPECS, filters));
    filterTimes.push(f.ms);
    matched = f.value.length;
    sortTimes.push(time(() => sortRows(shuffled, ROSTER_SPECS, [{ id: 'name', desc: false }], 'fr')).ms);
    multiTimes.push(
      time(() =>
        sortRows(
          rows,
          ROSTER_SPECS,
          [
            { id: 'genres', desc: false },
            { id: 'draw', desc: true },
          ],
          'fr',
        ),
      ).ms,
    );
  }
  const figures: Figure[] = [
    { name: 'rows', value: rows.length, unit: 'artists' },
    { name: 'filter_matches', value: matched, unit: 'rows' },
    { name: 'table_filter_ms', value: round(median(filterTimes)), unit: 'ms' },
    { name: 'table_sort_ms', value: round(median(sortTimes)), unit: 'ms' },
    { name: 'table_sort_multi_ms', value: round(median(multiTimes)), unit: 'ms' },
    { name: 'roster_query_ms', value: round(median(queries)), unit: 'ms' },
    { name: 'setup_ms', value: Math.round(setup.ms), unit: 'ms' },
  ];
  report(`Roster table, ${ARTISTS} artists (median of ${RUNS} runs)`, figures);
} finally {
  d.close();
}
