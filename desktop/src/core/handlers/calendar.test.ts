import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventRecord } from '@flowstage/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { type Device, device, put } from '../../../test/device';
import { artist, deal, venue } from '../../../test/fixtures';
import { pdfText } from '../export/pdf/pdf-text';
import { calendarHandlers } from './calendar';
import { dealHandlers } from './deals';

const open: Device[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const T = '2026-10-01T10:00:00.000Z';
function event(id: string, artistId: string, over: Partial<EventRecord>): EventRecord {
  return {
    id,
    createdAt: T,
    updatedAt: T,
    deletedAt: null,
    artistId,
    kind: 'day_off',
    title: `Event ${id}`,
    start: '2027-03-10T00:00:00.000Z',
    end: '2027-03-11T00:00:00.000Z',
    allDay: true,
    dealId: null,
    venueId: null,
    city: 'Paris',
    ...over,
  };
}

function setup() {
  const d = device();
  open.push(d);
  put(d, 'artists', artist('a1', { name: 'Zaz', radiusKm: 100, radiusDaysBefore: 30, radiusDaysAfter: 15 }));
  put(d, 'artists', artist('a2', { name: 'Angèle' }));
  put(d, 'venues', venue('v1', { name: "L'Olympia", city: 'Paris', lat: 48.87, lon: 2.33 }));
  put(d, 'venues', venue('v2', { name: 'La Cigale', city: 'Paris', lat: 48.88, lon: 2.34 }));
  put(d, 'venues', venue('v3', { name: 'Le Transbordeur', city: 'Villeurbanne', lat: 45.78, lon: 4.86 }));
  // Zaz: a 1st hold in Lyon on 03-03, a confirmed show in Paris on 03-05, a request, an offer.
  put(d, 'deals', deal('h1', 'a1', { venueId: 'v3', date: '2027-03-03', stage: 'hold', holdLevel: 1 }));
  put(d, 'deals', deal('h2', 'a1', { venueId: 'v1', date: '2027-03-20', stage: 'hold', holdLevel: 1 }));
  put(d, 'deals', deal('s1', 'a1', { venueId: 'v2', date: '2027-03-05', stage: 'confirmed' }));
  put(d, 'deals', deal('r1', 'a1', { venueId: 'v1', date: '2027-03-07', stage: 'request' }));
  put(d, 'deals', deal('o1', 'a1', { venueId: 'v3', date: '2027-03-08', stage: 'offer' }));
  put(d, 'deals', deal('x1', 'a1', { venueId: 'v3', date: '2027-03-09', stage: 'released' }));
  put(d, 'deals', deal('b1', 'a2', { venueId: 'v3', date: '2027-03-03', stage: 'contract_signed' }));
  // The show's own event (not shown twice), travel to it, a day off, a promo.
  put(
    d,
    'events',
    event('e-show', 'a1', {
      kind: 'show',
      dealId: 's1',
      start: '2027-03-05T20:00:00.000Z',
      end: '2027-03-05T21:30:00.000Z',
      allDay: false,
    }),
  );
  put(
    d,
    'events',
    event('e-travel', 'a1', {
      kind: 'travel',
      dealId: 's1',
      start: '2027-03-04T09:00:00.000Z',
      end: '2027-03-04T13:00:00.000Z',
      allDay: false,
      title: 'Lyon → Paris',
    }),
  );
  put(d, 'events', event('e-off', 'a1', { kind: 'day_off', title: 'Repos' }));
  put(
    d,
    'events',
    event('e-promo', 'a1', {
      kind: 'promo',
      start: '2027-03-12T10:00:00.000Z',
      end: '2027-03-12T11:00:00.000Z',
      allDay: false,
      title: 'Radio',
    }),
  );
  const now = () => new Date('2027-03-01T08:00:00.000Z');
  const h = calendarHandlers(() => d, now);
  const deals = dealHandlers(
    () => d,
    now,
    () => 'Booker B',
  );
  return { d, h, deals };
}

describe('calendar handlers', () => {
  it('lists typed items of a range, per artist and for the roster, each show once', async () => {
    const { d, h } = setup();
    const items = await h['calendar.items']({ from: '2027-03-01', to: '2027-03-31', artistId: 'a1' });
    expect(items.map((i) => `${i.date}:${i.kind}:${i.id}`)).toEqual([
      '2027-03-03:hold:h1',
      '2027-03-04:travel:event:e-travel',
      '2027-03-05:show:s1',
      '2027-03-07:request:r1',
      '2027-03-08:offer:o1',
      '2027-03-10:day_off:event:e-off',
      '2027-03-12:promo:event:e-promo',
      '2027-03-20:hold:h2',
    ]);
    const show = items.find((i) => i.id === 's1');
    expect(show).toMatchObject({
      title: 'La Cigale',
      city: 'Paris',
      artistName: 'Zaz',
      start: '2027-03-05T20:00:00.000Z',
    });
    expect(items.find((i) => i.id === 'h1')).toMatchObject({ holdLevel: 1, stage: 'hold' });
    const roster = await h['calendar.items']({ from: '2027-03-03', to: '2027-03-03' });
    expect(roster.map((i) => `${i.artistName}:${i.kind}`)).toEqual(['Angèle:show', 'Zaz:hold']);
    const onlyHolds = await h['calendar.items']({ from: '2027-03-01', to: '2027-03-31', kinds: ['hold'] });
    expect(onlyHolds.map((i) => i.id)).toEqual(['h1', 'h2']);
    // A multi-day day off starting before the range is there; a deleted artist's dates are not.
    put(
      d,
      'events',
      event('e-long', 'a1', { start: '2027-02-25T00:00:00.000Z', end: '2027-03-03T00:00:00.000Z' }),
    );
    put(d, 'artists', artist('a2', { name: 'Angèle', deletedAt: T }));
    const later = await h['calendar.items']({ from: '2027-03-01', to: '2027-03-03' });
    expect(later.map((i) => `${i.date}-${i.endDate}:${i.kind}:${i.artistName}`)).toEqual([
      '2027-02-25-2027-03-02:day_off:Zaz',
      '2027-03-03-2027-03-03:hold:Zaz',
    ]);
  });

  it('checks a hold move: firm date, day off and travel refuse; lower hold and radius warn', async () => {
    const { h } = setup();
    const taken = await h['calendar.checkMove']({ dealId: 'h1', date: '2027-03-05' });
    expect(taken.allowed).toBe(false);
    expect(taken.refusals[0]).toMatchObject({ code: 'date_taken', otherId: 's1', otherLabel: 'La Cigale' });
    expect((await h['calendar.checkMove']({ dealId: 'h1', date: '2027-03-10' })).refusals[0]?.code).toBe(
      'day_off',
    );
    expect((await h['calendar.checkMove']({ dealId: 'h1', date: '2027-03-04' })).refusals[0]?.code).toBe(
      'travel',
    );
    expect((await h['calendar.checkMove']({ dealId: 's1', date: '2027-03-15' })).refusals[0]?.code).toBe(
      'not_a_hold',
    );
    expect((await h['calendar.checkMove']({ dealId: 'h1', date: '2027-02-20' })).refusals[0]?.code).toBe(
      'past_date',
    );
    // Onto another 1st hold's date: allowed as the 2nd hold.
    const lower = await h['calendar.checkMove']({ dealId: 'h1', date: '2027-03-20' });
    expect(lower).toMatchObject({ allowed: true, level: 2 });
    expect(lower.warnings.find((w) => w.code === 'lower_hold')).toMatchObject({
      otherId: 'h2',
      otherLabel: "L'Olympia",
      level: 2,
    });
    // Paris hold h2 moved near the Paris show: the radius clause (100 km, 30 days before) warns.
    const near = await h['calendar.checkMove']({ dealId: 'h2', date: '2027-03-12' });
    expect(near.allowed).toBe(true);
    expect(near.level).toBe(1);
    expect(near.warnings.map((w) => w.code).sort()).toEqual(['busy', 'radius']);
    expect(near.warnings.find((w) => w.code === 'radius')).toMatchObject({ otherId: 's1', daysApart: 7 });
    await expect(h['calendar.checkMove']({ dealId: 'nope', date: '2027-03-12' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('moves a hold with deal.update after the check; the item follows', async () => {
    const { h, deals } = setup();
    const check = await h['calendar.checkMove']({ dealId: 'h1', date: '2027-03-20' });
    expect(check.allowed).toBe(true);
    await deals['deal.update']({ id: 'h1', patch: { date: '2027-03-20' } });
    const items = await h['calendar.items']({ from: '2027-03-20', to: '2027-03-20', artistId: 'a1' });
    expect(items.map((i) => `${i.id}:${i.holdLevel}`)).toEqual(['h1:2', 'h2:1']);
  });

  it('computes avails and writes them as text and PDF', async () => {
    const { h } = setup();
    const a = await h['calendar.avails']({ artistId: 'a1', from: '2027-03-01', to: '2027-03-10' });
    expect(a.artistName).toBe('Zaz');
    expect(a.days.map((d) => d.status)).toEqual([
      'open',
      'open',
      'held',
      'travel',
      'booked',
      'open',
      'open',
      'booked',
      'open',
      'day_off',
    ]);
    const fr = await h['calendar.availsText']({
      artistId: 'a1',
      from: '2027-03-01',
      to: '2027-03-10',
      lang: 'fr',
      group: 'month',
    });
    expect(fr.openDays).toBe(5);
    expect(fr.text).toContain('Disponibilités — Zaz');
    expect(fr.text).toContain('- lun. 1er – mar. 2 mars\n- sam. 6 – dim. 7 mars\n- mar. 9 mars');
    const dir = mkdtempSync(join(tmpdir(), 'fs-avails-'));
    dirs.push(dir);
    const path = join(dir, 'sub', 'avails.pdf');
    const file = await h['calendar.availsPdf']({
      artistId: 'a1',
      from: '2027-03-01',
      to: '2027-03-10',
      lang: 'en',
      path,
    });
    expect(file).toMatchObject({ path, count: 1 });
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(file.bytes).toBe(bytes.byteLength);
    const text = pdfText(bytes);
    for (const s of ['Avails — Zaz', 'Mon 1 - Tue 2 March', 'on hold (1st)', 'day off', 'Page 1 / 1']) {
      expect(text).toContain(s);
    }
    await expect(
      h['calendar.avails']({ artistId: 'missing', from: '2027-03-01', to: '2027-03-10' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
