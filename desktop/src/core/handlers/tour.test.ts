import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventRecord } from '@flowstage/shared';
import { matrixFromJson, problemNodes, solveTour } from '@flowstage/shared/tour/plan/index';
import { afterEach, describe, expect, it } from 'vitest';
import { type Device, device, put } from '../../../test/device';
import { artist, deal, venue } from '../../../test/fixtures';
import { pdfText } from '../export/pdf/pdf-text';
import { getDeal } from '../queries/deals';
import { dealCreateHandlers } from './deal-create';
import { dealHandlers } from './deals';
import { tourHandlers } from './tour';

const open: Device[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const T = '2026-10-01T10:00:00.000Z';
const dayOff = (id: string, date: string): EventRecord => ({
  id,
  createdAt: T,
  updatedAt: T,
  deletedAt: null,
  artistId: 'a1',
  kind: 'day_off',
  title: 'Repos',
  start: `${date}T00:00:00.000Z`,
  end: `${date}T23:00:00.000Z`,
  allDay: true,
  dealId: null,
  venueId: null,
  city: 'Lyon',
});

function setup() {
  const d = device();
  open.push(d);
  // Zaz lives in Lyon; radius clause 100 km, 30 days before, 15 after.
  put(d, 'artists', artist('a1', { name: 'Zaz' }));
  put(d, 'venues', venue('v-paris', { name: 'La Cigale', city: 'Paris', lat: 48.88, lon: 2.34 }));
  put(d, 'venues', venue('v-dijon', { name: 'La Vapeur', city: 'Dijon', lat: 47.33, lon: 5.03 }));
  put(d, 'venues', venue('v-gre', { name: 'La Belle Électrique', city: 'Grenoble', lat: 45.18, lon: 5.71 }));
  put(d, 'venues', venue('v-mars', { name: 'Le Moulin', city: 'Marseille', lat: 43.3, lon: 5.4 }));
  put(
    d,
    'venues',
    venue('v-near', { name: 'Ninkasi', city: 'Lyon', lat: 45.74, lon: 4.82, budgetMax: 400_000 }),
  );
  put(
    d,
    'venues',
    venue('v-poor', { name: 'Small bar', city: 'Lyon', lat: 45.75, lon: 4.85, budgetMax: 50_000 }),
  );
  put(
    d,
    'deals',
    deal('s1', 'a1', { venueId: 'v-paris', date: '2027-04-10', stage: 'confirmed', guarantee: 500_000 }),
  );
  put(
    d,
    'deals',
    deal('h1', 'a1', {
      venueId: 'v-dijon',
      date: '2027-04-08',
      stage: 'hold',
      holdLevel: 1,
      guarantee: 200_000,
    }),
  );
  put(
    d,
    'deals',
    deal('o1', 'a1', { venueId: 'v-gre', date: '2027-04-14', stage: 'offer', guarantee: 250_000 }),
  );
  put(
    d,
    'deals',
    deal('r1', 'a1', { venueId: 'v-mars', date: '2027-04-16', stage: 'request', guarantee: 300_000 }),
  );
  put(d, 'deals', deal('x1', 'a1', { venueId: 'v-mars', date: '2027-04-12', stage: 'released' }));
  // A show in May near Grenoble: its clause binds candidates in the window.
  put(d, 'deals', deal('s2', 'a1', { venueId: 'v-gre', date: '2027-05-20', stage: 'contract_signed' }));
  put(d, 'events', dayOff('off', '2027-04-12'));
  // The drive to the Paris show is tied to its deal: not a no-go date.
  put(d, 'events', { ...dayOff('trip', '2027-04-09'), kind: 'travel', dealId: 's1' });
  const now = () => new Date('2027-04-01T08:00:00.000Z');
  const create = dealCreateHandlers(
    () => d,
    now,
    () => 'Booker',
  );
  const edit = dealHandlers(
    () => d,
    now,
    () => 'Booker',
  );
  const h = tourHandlers(() => d, { ...create, ...edit }, now);
  return { d, h };
}

describe('tour handlers', () => {
  it('builds the problem: shows fixed, holds/offers/requests as candidates, days off and outside shows bind', async () => {
    const { h } = setup();
    const r = await h['tour.problem']({ artistId: 'a1', from: '2027-04-05', to: '2027-04-20' });
    expect(r.artist).toMatchObject({ name: 'Zaz', currency: 'EUR', homeCity: 'Lyon' });
    expect(r.problem.fixed.map((f) => [f.id, f.date, f.fee])).toEqual([['deal:s1', '2027-04-10', 500_000]]);
    expect(r.problem.candidates.map((c) => [c.id, c.source, c.dates.length])).toEqual([
      ['deal:h1', 'hold', 1],
      ['deal:o1', 'offer', 1],
      ['deal:r1', 'request', 7],
    ]);
    expect(r.problem.artists[0]?.noGoDates).toEqual(['2027-04-12']);
    expect(r.problem.constraints.defaultRadius).toEqual({
      radiusKm: 100,
      radiusDaysBefore: 30,
      radiusDaysAfter: 15,
    });
    expect(r.problem.external.map((e) => e.id)).toEqual(['deal:s2']);
    expect(r.stops.find((s) => s.id === 'deal:h1')).toMatchObject({
      venueName: 'La Vapeur',
      city: 'Dijon',
      holdLevel: 1,
    });
    const withOpen = await h['tour.problem']({
      artistId: 'a1',
      from: '2027-04-05',
      to: '2027-04-20',
      openDates: true,
      maxOpenVenues: 5,
    });
    const open = withOpen.problem.candidates.filter((c) => c.source === 'open_date');
    // Venues with deals and venues whose budget is below the artist's lowest fee are left out.
    expect(open.map((c) => c.id)).toEqual(['open:v-near']);
    expect(open[0]?.dates).not.toContain('2027-04-10');
    expect(open[0]?.dates).not.toContain('2027-04-12');
    expect(open[0]?.fee).toBe(225_000);
    await expect(
      h['tour.problem']({ artistId: 'nobody', from: '2027-04-05', to: '2027-04-20' }),
    ).rejects.toThrow(/no artist/);
  });

  it('solves the workspace problem, respects the outside clause, and accepts it into the pipeline', async () => {
    const { d, h } = setup();
    const r = await h['tour.problem']({
      artistId: 'a1',
      from: '2027-04-05',
      to: '2027-04-20',
      openDates: true,
    });
    const m = await h['tour.distances']({ points: problemNodes(r.problem) });
    expect(m.source).toBe('haversine×1.3');
    const result = solveTour(r.problem, matrixFromJson(m), { timeMs: 300, seed: 1 });
    expect(result.feasible).toBe(true);
    const ids = result.itinerary.stops.map((s) => s.id);
    expect(ids).toContain('deal:s1');
    // Grenoble on 04-14 is within 100 km of the May show's venue but 36 days before: allowed.
    expect(ids).toContain('deal:o1');
    const info = new Map(r.stops.map((s) => [s.id, s]));
    const accept = await h['tour.accept']({
      artistId: 'a1',
      stops: result.itinerary.stops
        .filter((s) => s.kind === 'candidate')
        .map((s) => ({
          candidateId: s.id,
          dealId: info.get(s.id)?.dealId ?? null,
          venueId: info.get(s.id)?.venueId ?? '',
          date: s.date,
          fee: s.fee,
        })),
    });
    const byId = Object.fromEntries(accept.results.map((x) => [x.candidateId, x]));
    expect(byId['deal:o1']?.action).toBe('unchanged');
    if (byId['deal:r1']) {
      expect(byId['deal:r1'].action).toBe('held');
      expect(getDeal(d.db.db, 'r1')).toMatchObject({ stage: 'hold', holdLevel: 1 });
    }
    for (const x of accept.results.filter((y) => y.action === 'created')) {
      expect(x.dealId).toBeTruthy();
      expect(getDeal(d.db.db, x.dealId ?? '')).toMatchObject({
        stage: 'hold',
        venueId: 'v-near',
        artistId: 'a1',
      });
    }
  });

  it('moves a hold to the date the tour gives it, and reports refusals without stopping', async () => {
    const { d, h } = setup();
    const res = await h['tour.accept']({
      artistId: 'a1',
      stops: [
        { candidateId: 'deal:h1', dealId: 'h1', venueId: 'v-dijon', date: '2027-04-09', fee: 200_000 },
        // The confirmed show's date is firm: a new hold there is refused.
        { candidateId: 'open:v-near', dealId: null, venueId: 'v-near', date: '2027-04-10', fee: 1 },
        { candidateId: 'open:v-poor', dealId: null, venueId: 'v-poor', date: '2027-04-11', fee: 1 },
      ],
    });
    expect(res.results.map((x) => [x.candidateId, x.action, x.reason ?? null])).toEqual([
      ['deal:h1', 'moved', null],
      ['open:v-near', 'refused', 'hold_date_taken'],
      ['open:v-poor', 'created', null],
    ]);
    expect(getDeal(d.db.db, 'h1')).toMatchObject({ date: '2027-04-09', stage: 'hold', holdLevel: 1 });
  });

  it('leaves venues without a position out of the routing, keeping a firm date taken', async () => {
    const { d, h } = setup();
    put(d, 'venues', venue('v-nowhere', { name: 'Salle inconnue', city: '', lat: 0, lon: 0 }));
    put(d, 'deals', deal('s9', 'a1', { venueId: 'v-nowhere', date: '2027-04-15', stage: 'confirmed' }));
    put(
      d,
      'deals',
      deal('h9', 'a1', { venueId: 'v-nowhere', date: '2027-04-17', stage: 'hold', holdLevel: 1 }),
    );
    const r = await h['tour.problem']({
      artistId: 'a1',
      from: '2027-04-05',
      to: '2027-04-20',
      openDates: true,
    });
    expect(r.unlocated.map((u) => [u.id, u.source])).toEqual([
      ['deal:s9', 'show'],
      ['deal:h9', 'hold'],
    ]);
    expect(r.problem.fixed.map((f) => f.id)).toEqual(['deal:s1']);
    expect(r.problem.candidates.map((c) => c.id)).not.toContain('deal:h9');
    expect(r.problem.artists[0]?.noGoDates).toEqual(['2027-04-12', '2027-04-15']);
    put(d, 'artists', artist('a2', { name: 'Sans domicile', lat: 0, lon: 0 }));
    await expect(h['tour.problem']({ artistId: 'a2', from: '2027-04-05', to: '2027-04-20' })).rejects.toThrow(
      /no home base position/,
    );
  });

  it('plans a package tour: co-bills are one stop, each artist keeps its days off and clauses', async () => {
    const { d, h } = setup();
    put(d, 'artists', artist('a2', { name: 'Support', radiusKm: 0, feeMin: 50_000, feeMax: 100_000 }));
    // Co-bill: Support also holds La Vapeur on 04-08; alone at Grenoble on 04-18; a day off on 04-09.
    put(
      d,
      'deals',
      deal('h2', 'a2', {
        venueId: 'v-dijon',
        date: '2027-04-08',
        stage: 'hold',
        holdLevel: 1,
        guarantee: 80_000,
      }),
    );
    put(
      d,
      'deals',
      deal('o2', 'a2', { venueId: 'v-gre', date: '2027-04-18', stage: 'offer', guarantee: 90_000 }),
    );
    put(d, 'events', { ...dayOff('off2', '2027-04-09'), artistId: 'a2' });
    const r = await h['tour.problem']({
      artistId: 'a1',
      partnerIds: ['a2'],
      from: '2027-04-05',
      to: '2027-04-20',
    });
    expect(r.artists.map((a) => a.name)).toEqual(['Zaz', 'Support']);
    const cobill = r.problem.candidates.find((c) => c.id === 'deal:h1');
    expect(cobill).toMatchObject({ fee: 280_000, artistIds: ['a1', 'a2'] });
    expect(r.stops.find((s) => s.id === 'deal:h1')).toMatchObject({
      dealIds: ['h1', 'h2'],
      artistIds: ['a1', 'a2'],
    });
    expect(r.problem.candidates.find((c) => c.id === 'deal:o2')).toMatchObject({
      artistIds: ['a2'],
      fee: 90_000,
    });
    expect(r.problem.artists.map((a) => a.noGoDates)).toEqual([['2027-04-12'], ['2027-04-09']]);
    // The May show near Grenoble binds Zaz only.
    expect(r.problem.external).toEqual([expect.objectContaining({ id: 'deal:s2', artistIds: ['a1'] })]);
    // Accepting the co-bill on another date moves both holds; an open date creates a hold per artist.
    const acc = await h['tour.accept']({
      artistId: 'a1',
      partnerIds: ['a2'],
      stops: [
        {
          candidateId: 'deal:h1',
          dealId: 'h1',
          dealIds: ['h1', 'h2'],
          venueId: 'v-dijon',
          date: '2027-04-07',
          fee: 280_000,
        },
        {
          candidateId: 'open:v-near',
          dealId: null,
          artistIds: ['a1', 'a2'],
          venueId: 'v-near',
          date: '2027-04-19',
          fee: 300_001,
        },
      ],
    });
    expect(acc.results.map((x) => [x.candidateId, x.action])).toEqual([
      ['deal:h1', 'moved'],
      ['deal:h1', 'moved'],
      ['open:v-near', 'created'],
      ['open:v-near', 'created'],
    ]);
    expect([getDeal(d.db.db, 'h1')?.date, getDeal(d.db.db, 'h2')?.date]).toEqual([
      '2027-04-07',
      '2027-04-07',
    ]);
    const created = acc.results
      .filter((x) => x.action === 'created')
      .map((x) => getDeal(d.db.db, x.dealId ?? ''));
    expect(created.map((c) => [c?.artistId, c?.guarantee])).toEqual([
      ['a1', 150_001],
      ['a2', 150_000],
    ]);
    // A deal of an artist outside the package is refused, not touched.
    put(d, 'artists', artist('a3', { name: 'Other' }));
    put(
      d,
      'deals',
      deal('z3', 'a3', { venueId: 'v-dijon', date: '2027-04-16', stage: 'hold', holdLevel: 1 }),
    );
    const refused = await h['tour.accept']({
      artistId: 'a1',
      stops: [{ candidateId: 'deal:z3', dealId: 'z3', venueId: 'v-dijon', date: '2027-04-17', fee: 1 }],
    });
    expect(refused.results[0]).toMatchObject({ action: 'refused', reason: 'not_found' });
    expect(getDeal(d.db.db, 'z3')?.date).toBe('2027-04-16');
  });

  it('writes the itinerary PDF in French and English', async () => {
    const { h } = setup();
    const dir = mkdtempSync(join(tmpdir(), 'fs-tour-'));
    dirs.push(dir);
    const itinerary = {
      currency: 'EUR',
      stops: [
        {
          date: '2027-04-10',
          venue: 'La Cigale',
          city: 'Paris',
          fee: 500_000,
          kind: 'fixed' as const,
          status: 'Confirmé',
        },
      ],
      legs: [
        { from: 'Lyon', to: 'La Cigale', km: 602.4, hours: 7.5 },
        { from: 'La Cigale', to: 'Lyon', km: 602.4, hours: 7.5 },
      ],
      totalKm: 1204.8,
      nights: 2,
      fees: 500_000,
      travelCost: 60_240,
      objective: 439_760,
      distances: 'haversine×1.3',
    };
    for (const lang of ['fr', 'en'] as const) {
      const path = join(dir, `tour-${lang}.pdf`);
      const out = await h['tour.pdf']({
        artistId: 'a1',
        from: '2027-04-05',
        to: '2027-04-20',
        lang,
        path,
        itinerary,
      });
      expect(out.count).toBe(1);
      const text = pdfText(readFileSync(path));
      expect(text).toContain(lang === 'fr' ? 'Itinéraire de tournée — Zaz' : 'Tour itinerary — Zaz');
      expect(text).toContain('La Cigale');
      expect(text).toContain(lang === 'fr' ? '7 h 30' : '7 h 30');
      expect(text).toContain(lang === 'fr' ? '5 000,00 €' : '€5,000.00');
    }
  });
});
