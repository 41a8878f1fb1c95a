import { describe, expect, it } from 'vitest';
import { evaluateTour, matrixFromJson, solveTour, TourProblem, type TourProblemInput } from './index';
import { independentCheck, matrixFor, PARIS, place } from './testing';

const lille = place('v-lille', 50.6292, 3.0573);
const nice = place('v-nice', 43.7102, 7.262);
const rouen = place('v-rouen', 49.4431, 1.0993);
const base: TourProblemInput = {
  artists: [{ id: 'a1', name: 'Les Voix' }],
  home: PARIS,
  window: { start: '2027-04-01', end: '2027-04-10' },
  candidates: [
    {
      id: 'lille',
      place: lille,
      dates: ['2027-04-02', '2027-04-03'],
      fee: 200_000,
      source: 'hold',
      holdLevel: 1,
    },
    { id: 'nice', place: nice, dates: ['2027-04-03', '2027-04-08'], fee: 500_000, source: 'offer' },
    { id: 'rouen', place: rouen, dates: ['2027-04-05'], fee: 150_000, source: 'request' },
  ],
  constraints: { maxDriveKmPerDay: 700, minDaysOffPer7Days: 0 },
};

describe('evaluateTour (instant re-evaluation)', () => {
  it('re-evaluates a hand-made tour: totals, legs, broken rules and reasons', () => {
    const p = TourProblem.parse(base);
    const m = matrixFor(p);
    const ok = evaluateTour(p, m, [
      { id: 'lille', date: '2027-04-02' },
      { id: 'rouen', date: '2027-04-05' },
      { id: 'nice', date: '2027-04-08' },
    ]);
    expect(ok.feasible).toBe(true);
    expect(independentCheck(p, ok.itinerary)).toEqual([]);
    expect(ok.itinerary.fees).toBe(850_000);
    expect(ok.excluded).toEqual([]);
    // Lille then Nice the next day: ~1 200 km in one day breaks the driving limit.
    const bad = evaluateTour(p, m, [
      { id: 'lille', date: '2027-04-02' },
      { id: 'nice', date: '2027-04-03' },
    ]);
    expect(bad.feasible).toBe(false);
    expect(bad.itinerary.violations).toEqual([
      expect.objectContaining({ code: 'too_far', stopIds: ['lille', 'nice'] }),
    ]);
    expect(bad.excluded.map((e) => e.candidateId)).toEqual(['rouen']);
    // A date the candidate does not offer is flagged, never silently moved.
    const moved = evaluateTour(p, m, [{ id: 'rouen', date: '2027-04-06' }]);
    expect(moved.itinerary.violations).toEqual([
      expect.objectContaining({ code: 'date_not_allowed', stopIds: ['rouen'] }),
    ]);
  });

  it('applies pins and drops on the cached compilation, and recompiles when the problem changes', () => {
    const p = TourProblem.parse(base);
    const m = matrixFor(p);
    const visits = [{ id: 'rouen', date: '2027-04-05' }];
    const dropped = evaluateTour({ ...base, dropped: ['lille'] }, m, visits);
    expect(dropped.excluded.find((e) => e.candidateId === 'lille')?.code).toBe('dropped');
    const pinned = evaluateTour({ ...base, pinned: [{ id: 'rouen', date: '2027-04-05' }] }, m, visits);
    expect(pinned.itinerary.stops[0]?.pinned).toBe(true);
    expect(pinned.excluded.find((e) => e.candidateId === 'lille')?.code).not.toBe('dropped');
    // Same matrix object, other fee: the objective follows the new problem.
    const richer = evaluateTour(
      { ...base, candidates: base.candidates?.map((c) => (c.id === 'rouen' ? { ...c, fee: 900_000 } : c)) },
      m,
      visits,
    );
    expect(richer.itinerary.fees).toBe(900_000);
  });

  it('routes a package tour: one van, each artist’s no-go dates only where they play', () => {
    const pkg: TourProblemInput = {
      ...base,
      artists: [
        { id: 'a1', name: 'Les Voix', noGoDates: ['2027-04-05'] },
        { id: 'a2', name: 'Support act' },
      ],
      candidates: [
        { id: 'both', place: rouen, dates: ['2027-04-05'], fee: 300_000, source: 'offer' },
        {
          id: 'support-only',
          place: lille,
          dates: ['2027-04-05'],
          fee: 100_000,
          source: 'offer',
          artistIds: ['a2'],
        },
      ],
    };
    const p = TourProblem.parse(pkg);
    const r = solveTour(p, matrixFor(p), { timeMs: 200, seed: 1 });
    expect(r.itinerary.stops.map((s) => s.id)).toEqual(['support-only']);
    expect(r.excluded).toEqual([expect.objectContaining({ candidateId: 'both', code: 'no_go_date' })]);
    // A radius clause binds its own artist: the support act may play near the headliner's show.
    const near = place('v-vienne', 45.525, 4.874);
    const lyon = place('v-lyon', 45.764, 4.8357);
    const clause = { radiusKm: 100, radiusDaysBefore: 10, radiusDaysAfter: 10 };
    const clauses = TourProblem.parse({
      ...pkg,
      artists: [
        { id: 'a1', name: 'Les Voix' },
        { id: 'a2', name: 'Support act' },
      ],
      fixed: [{ id: 'head', place: lyon, date: '2027-04-04', fee: 1, radius: clause, artistIds: ['a1'] }],
      candidates: [
        {
          id: 'a1-near',
          place: near,
          dates: ['2027-04-06'],
          fee: 300_000,
          source: 'offer',
          artistIds: ['a1'],
          radius: clause,
        },
        {
          id: 'a2-near',
          place: near,
          dates: ['2027-04-07'],
          fee: 300_000,
          source: 'offer',
          artistIds: ['a2'],
          radius: clause,
        },
      ],
      constraints: { minDaysOffPer7Days: 0 },
    });
    const rc = solveTour(clauses, matrixFor(clauses), { timeMs: 200, seed: 1 });
    expect(rc.itinerary.stops.map((s) => s.id)).toEqual(['head', 'a2-near']);
    expect(rc.excluded).toEqual([
      expect.objectContaining({ candidateId: 'a1-near', code: 'radius', otherId: 'head' }),
    ]);
    expect(independentCheck(clauses, rc.itinerary)).toEqual([]);
  });

  it('sends the artist home between shows far apart, when the drives leave a day there', () => {
    const lyon = place('v-lyon', 45.764, 4.8357);
    const twoShows = (homeBreakDays: number): TourProblemInput => ({
      ...base,
      fixed: [
        { id: 'l1', place: lyon, date: '2027-04-02', fee: 100_000 },
        { id: 'l2', place: { ...lyon, id: 'v-lyon-2' }, date: '2027-04-09', fee: 100_000 },
      ],
      candidates: [],
      constraints: { homeBreakDays, minDaysOffPer7Days: 0 },
    });
    const visits = [
      { id: 'l1', date: '2027-04-02' },
      { id: 'l2', date: '2027-04-09' },
    ];
    const withBreak = TourProblem.parse(twoShows(4));
    const home = evaluateTour(withBreak, matrixFor(withBreak), visits).itinerary;
    expect(home.legs.map((l) => `${l.fromId}>${l.toId}${l.homeBreak ? ' (break)' : ''}`)).toEqual([
      'home>l1',
      'l1>home (break)',
      'home>l2 (break)',
      'l2>end',
    ]);
    // One night in Lyon after each show; the days in between are at home.
    expect(home.nights).toBe(2);
    const noBreak = TourProblem.parse(twoShows(0));
    const away = evaluateTour(noBreak, matrixFor(noBreak), visits).itinerary;
    expect(away.legs).toHaveLength(3);
    expect(away.nights).toBe(8);
    expect(home.totalKm).toBeGreaterThan(away.totalKm);
    expect(home.legs.reduce((a, l) => a + l.km, 0)).toBeCloseTo(home.totalKm, 6);
  });

  it('checks matrices received as JSON', () => {
    expect(() => matrixFromJson({ n: 2, km: [0, 1, 1], hours: null, source: 'x' })).toThrow(
      /needs 4 entries/,
    );
    expect(matrixFromJson({ n: 1, km: [0], hours: [0], source: 'x' }).hours).toBeInstanceOf(Float64Array);
  });
});
