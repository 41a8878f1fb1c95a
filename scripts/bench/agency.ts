/**
 * The large agency of the sync benchmarks (issue figures: 300 artists, 10 000 venues,
 * 20 000 contacts, 50 000 deals, 80 000 events). FLOWSTAGE_BENCH_SCALE=0.1 runs the same
 * steps on a smaller one (a quick check of a benchmark itself).
 */
export const BENCH_SCALE = Number(process.env.FLOWSTAGE_BENCH_SCALE ?? 1);

const scaled = (n: number) => Math.max(1, Math.round(n * BENCH_SCALE));

export interface AgencyCounts {
  artists: number;
  venues: number;
  contacts: number;
  deals: number;
  events: number;
}

/** The large agency's counts at BENCH_SCALE (at least `minArtists` artists). */
export function largeAgency(minArtists = 1): AgencyCounts {
  return {
    artists: Math.max(minArtists, scaled(300)),
    venues: scaled(10_000),
    contacts: scaled(20_000),
    deals: scaled(50_000),
    events: scaled(80_000),
  };
}
