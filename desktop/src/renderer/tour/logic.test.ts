import type { TourStopInfo } from '@flowstage/shared/rpc/tour';
import {
  evaluateTour,
  haversineMatrix,
  problemNodes,
  type TourProblem,
  TourProblem as TourProblemSchema,
} from '@flowstage/shared/tour/plan/index';
import { describe, expect, it } from 'vitest';
import { exclusionText, violationText } from './describe';
import {
  acceptStops,
  allowedDates,
  carryVisits,
  fixedVisits,
  formatHours,
  formatKm,
  infoMap,
  itineraryDoc,
  legTitle,
  mapLegs,
  mapStops,
  moveVisit,
  percent,
  settingsOf,
  stepDate,
  tunedProblem,
  visitsOf,
  windowDates,
} from './logic';
import { tourMessages, translate } from './messages';
import { startSolve, type WorkerLike } from './solverClient';

const place = (id: string, lat: number, lon: number) => ({ id, label: id, lat, lon });

const problem: TourProblem = TourProblemSchema.parse({
  artists: [{ id: 'a1', name: 'Artist', noGoDates: ['2027-03-04'] }],
  home: place('home', 48.8566, 2.3522),
  window: { start: '2027-03-01', end: '2027-03-10' },
  fixed: [{ id: 'f1', place: place('lyon', 45.76, 4.84), date: '2027-03-05', fee: 300_000 }],
  candidates: [
    {
      id: 'deal:1',
      place: place('dijon', 47.32, 5.04),
      dates: ['2027-03-02', '2027-03-03', '2027-03-04', '2027-03-07', '2027-03-12'],
      fee: 150_000,
      source: 'hold',
      holdLevel: 1,
      dealId: '1',
    },
    {
      id: 'open:v2',
      place: place('grenoble', 45.19, 5.72),
      dates: ['2027-03-06'],
      fee: 80_000,
      source: 'open_date',
    },
  ],
});
const matrix = haversineMatrix(problemNodes(problem));
const infos = infoMap([
  {
    id: 'f1',
    dealId: '9',
    dealIds: ['9'],
    artistIds: ['a1'],
    venueId: 'v9',
    venueName: 'Le Transbordeur',
    city: 'Lyon',
    country: 'FR',
    stage: 'confirmed',
    holdLevel: null,
    source: 'show',
  },
  {
    id: 'deal:1',
    dealId: '1',
    dealIds: ['1'],
    artistIds: ['a1'],
    venueId: 'v1',
    venueName: 'La Vapeur',
    city: 'Dijon',
    country: 'FR',
    stage: 'hold',
    holdLevel: 1,
    source: 'hold',
  },
  {
    id: 'open:v2',
    dealId: null,
    dealIds: [],
    artistIds: [],
    venueId: 'v2',
    venueName: 'La Belle Électrique',
    city: 'Grenoble',
    country: 'FR',
    stage: null,
    holdLevel: null,
    source: 'open_date',
  },
]);
const visits = [
  { id: 'deal:1', date: '2027-03-03' },
  { id: 'f1', date: '2027-03-05' },
  { id: 'open:v2', date: '2027-03-06' },
];

describe('tour planner helpers', () => {
  it('tunes the problem with settings, pins and drops', () => {
    const s = { ...settingsOf(problem), maxDriveKmPerDay: 300, costPerKm: 80 };
    const p = tunedProblem(problem, s, [{ id: 'deal:1', date: '2027-03-03' }], ['open:v2']);
    expect(p.constraints.maxDriveKmPerDay).toBe(300);
    expect(p.objective.costPerKm).toBe(80);
    expect(p.pinned).toEqual([{ id: 'deal:1', date: '2027-03-03' }]);
    expect(p.dropped).toEqual(['open:v2']);
    expect(problem.pinned).toEqual([]);
  });

  it('lists allowed dates inside the window, off no-go dates, and steps to the next free one', () => {
    expect(windowDates('2027-03-01', '2027-03-03')).toEqual(['2027-03-01', '2027-03-02', '2027-03-03']);
    expect(allowedDates(problem, 'deal:1')).toEqual(['2027-03-02', '2027-03-03', '2027-03-07']);
    expect(allowedDates(problem, 'f1')).toEqual(['2027-03-05']);
    expect(stepDate(problem, visits, 'deal:1', 1)).toBe('2027-03-07');
    expect(stepDate(problem, visits, 'deal:1', -1)).toBe('2027-03-02');
    expect(stepDate(problem, visits, 'open:v2', 1)).toBeNull();
    expect(moveVisit(visits, 'deal:1', '2027-03-05')).toBeNull();
    expect(moveVisit(visits, 'deal:1', '2027-03-07')?.map((v) => v.id)).toEqual(['f1', 'open:v2', 'deal:1']);
  });

  it('maps a result to markers and legs, and builds the accept payload and PDF document', () => {
    const result = evaluateTour(problem, matrix, visits);
    expect(visitsOf(result)).toEqual(visits);
    const stops = mapStops({ ...problem, dropped: [] }, evaluateTour(problem, matrix, fixedVisits(problem)), {
      home: 'Home',
      end: 'End',
      stop: (id) => id,
    });
    expect(stops.map((s) => [s.id, s.kind, s.order])).toEqual([
      ['home', 'home', undefined],
      ['f1', 'fixed', 1],
      ['deal:1', 'candidate', undefined],
      ['open:v2', 'candidate', undefined],
    ]);
    const legs = mapLegs(problem, result, 'en-GB');
    expect(legs[0]?.from).toBe('home');
    expect(legs[legs.length - 1]?.to).toBe('home');
    expect(legs[0]?.title).toMatch(/ km · \d+ h \d\d$/);
    expect(acceptStops(result, infos)).toEqual([
      { candidateId: 'deal:1', dealId: '1', venueId: 'v1', date: '2027-03-03', fee: 150_000 },
      { candidateId: 'open:v2', dealId: null, venueId: 'v2', date: '2027-03-06', fee: 80_000 },
    ]);
    // Package tour: a co-bill moves every deal; an open date holds for every artist of the van.
    const pkg = infoMap([
      { ...(infos.get('deal:1') as TourStopInfo), dealIds: ['1', '2'], artistIds: ['a1', 'a2'] },
      { ...(infos.get('open:v2') as TourStopInfo), artistIds: ['a1', 'a2'] },
    ]);
    expect(acceptStops(result, pkg)).toEqual([
      {
        candidateId: 'deal:1',
        dealId: '1',
        dealIds: ['1', '2'],
        venueId: 'v1',
        date: '2027-03-03',
        fee: 150_000,
      },
      {
        candidateId: 'open:v2',
        dealId: null,
        artistIds: ['a1', 'a2'],
        venueId: 'v2',
        date: '2027-03-06',
        fee: 80_000,
      },
    ]);
    const doc = itineraryDoc(problem, result, infos, {
      home: 'Paris',
      end: 'Paris',
      fixed: 'Ferme',
      hold: 'Option',
      newHold: 'Nouvelle',
    });
    expect(doc.stops.map((s) => [s.venue, s.status])).toEqual([
      ['La Vapeur', 'Option'],
      ['Le Transbordeur', 'Ferme'],
      ['La Belle Électrique', 'Nouvelle'],
    ]);
    expect(doc.legs[0]?.from).toBe('Paris');
    expect(doc.fees).toBe(530_000);
    expect(doc.legs).toHaveLength(4);
  });

  it('carries the arrangement over a reload, open dates becoming holds at the same venue', () => {
    const next: TourProblem = {
      ...problem,
      candidates: problem.candidates.map((c) =>
        c.id === 'open:v2' ? { ...c, id: 'deal:7', source: 'hold' as const, dealId: '7' } : c,
      ),
    };
    const nextInfos = infoMap([
      ...[...infos.values()].filter((i) => i.id !== 'open:v2'),
      { ...(infos.get('open:v2') as TourStopInfo), id: 'deal:7', dealId: '7', source: 'hold' },
    ]);
    expect(carryVisits(visits, infos, next, nextInfos)).toEqual([
      { id: 'deal:1', date: '2027-03-03' },
      { id: 'f1', date: '2027-03-05' },
      { id: 'deal:7', date: '2027-03-06' },
    ]);
    expect(carryVisits([{ id: 'deal:1', date: '2027-03-05' }], infos, next, nextInfos)).toEqual([
      { id: 'f1', date: '2027-03-05' },
    ]);
  });

  it('formats km, hours and progress', () => {
    expect(formatKm(1234.4, 'en-GB')).toBe('1,234 km');
    expect(formatHours(3.67)).toBe('3 h 40');
    expect(legTitle({ km: 312, hours: 3.5 }, 'en-GB')).toBe('312 km · 3 h 30');
    expect(percent(0.456)).toBe(46);
    expect(percent(2)).toBe(100);
  });

  it('has every message in French and English and describes every code', () => {
    expect(Object.keys(tourMessages.fr).sort()).toEqual(Object.keys(tourMessages.en).sort());
    const d = {
      t: (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => translate('fr', k, v),
      locale: 'fr-FR',
      name: (id: string) => id.toUpperCase(),
      money: (m: number) => `${m / 100} €`,
      date: (iso: string) => iso,
    };
    const codes = [
      'dropped',
      'no_date_in_window',
      'no_go_date',
      'date_taken',
      'radius',
      'too_far',
      'consecutive_shows',
      'days_off',
      'not_worth_it',
      'displaced',
    ] as const;
    for (const code of codes) {
      const text = exclusionText({ candidateId: 'x', code, otherId: 'f1', value: -5000 }, d);
      expect(text).not.toMatch(/excl\.|\{/);
    }
    expect(exclusionText({ candidateId: 'x', code: 'radius', otherId: 'f1' }, d)).toContain('F1');
    const vcodes = [
      'outside_window',
      'no_go_date',
      'date_not_allowed',
      'same_day',
      'too_far',
      'radius',
      'consecutive_shows',
      'days_off',
    ] as const;
    for (const code of vcodes) {
      const text = violationText({ code, stopIds: ['f1'], date: '2027-03-01', value: 3 }, d);
      expect(text).not.toMatch(/viol\.|\{/);
    }
  });
});

class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  terminated = false;
  postMessage(): void {}
  terminate(): void {
    this.terminated = true;
  }
  emit(data: Parameters<NonNullable<WorkerLike['onmessage']>>[0]['data']): void {
    this.onmessage?.({ data } as MessageEvent);
  }
}

describe('solver client', () => {
  it('reports progress and keeps the best-so-far tour when cancelled', async () => {
    const w = new FakeWorker();
    const seen: number[] = [];
    const run = startSolve(
      { problem, matrix, timeMs: 1000, seed: 1 },
      { fallback: fixedVisits(problem), onProgress: (p) => seen.push(p.fraction), createWorker: () => w },
    );
    w.emit({ type: 'progress', fraction: 0.25, bestObjective: 1, visits });
    run.cancel();
    const result = await run.result;
    expect(seen).toEqual([0.25]);
    expect(w.terminated).toBe(true);
    expect(result.cancelled).toBe(true);
    expect(visitsOf(result)).toEqual(visits);
  });

  it('resolves with the worker result and rejects on failure', async () => {
    const w = new FakeWorker();
    const run = startSolve(
      { problem, matrix, timeMs: 1000, seed: 1 },
      { fallback: [], onProgress: () => {}, createWorker: () => w },
    );
    const done = evaluateTour(problem, matrix, visits);
    w.emit({ type: 'done', result: done });
    expect(await run.result).toBe(done);
    const w2 = new FakeWorker();
    const run2 = startSolve(
      { problem, matrix, timeMs: 1000, seed: 1 },
      { fallback: [], onProgress: () => {}, createWorker: () => w2 },
    );
    w2.emit({ type: 'failed', message: 'boom' });
    await expect(run2.result).rejects.toThrow('boom');
  });
});
