import { afterEach, describe, expect, it } from 'vitest';
import { type Device, device, put } from '../../../test/device';
import { artist, deal, venue } from '../../../test/fixtures';
import { dealHandlers } from './deals';

const open: Device[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});

function setup() {
  const d = device();
  open.push(d);
  put(d, 'artists', artist('a1', { name: 'Zaz', radiusKm: 100, radiusDaysBefore: 30, radiusDaysAfter: 15 }));
  put(d, 'artists', artist('a2', { name: 'Angèle' }));
  put(d, 'venues', venue('v1', { name: "L'Olympia", city: 'Paris', lat: 48.87, lon: 2.33 }));
  put(d, 'venues', venue('v2', { name: 'La Cigale', city: 'Paris', lat: 48.88, lon: 2.34 }));
  put(d, 'venues', venue('v3', { name: 'Le Transbordeur', city: 'Villeurbanne', lat: 45.78, lon: 4.86 }));
  put(d, 'deals', deal('d1', 'a1', { venueId: 'v1', date: '2026-05-01', stage: 'hold', holdLevel: 1 }));
  put(d, 'deals', deal('d2', 'a1', { venueId: 'v2', date: '2026-05-01', stage: 'hold', holdLevel: 2 }));
  put(d, 'deals', deal('d3', 'a1', { venueId: 'v3', date: '2026-05-01', stage: 'request' }));
  put(
    d,
    'deals',
    deal('d4', 'a1', { venueId: 'v2', date: '2026-05-10', stage: 'confirmed', notes: 'festival warm-up' }),
  );
  put(
    d,
    'deals',
    deal('d5', 'a2', { venueId: 'v3', date: '2026-04-01', stage: 'offer', guarantee: 900_000 }),
  );
  const h = dealHandlers(
    () => d,
    () => new Date('2026-11-24T08:00:00.000Z'),
    () => 'Booker B',
  );
  return { d, h };
}

const levels = async (h: ReturnType<typeof setup>['h']) =>
  Object.fromEntries(
    (await h['deals.list']({ artistId: 'a1', from: '2026-05-01', to: '2026-05-01' })).map((r) => [
      r.id,
      `${r.stage}:${r.holdLevel ?? '-'}`,
    ]),
  );

describe('deal handlers', () => {
  it('lists with names, filters by stage, artist, dates and text, sorted', async () => {
    const { h } = setup();
    const all = await h['deals.list']({});
    expect(all.map((r) => r.id)).toEqual(['d5', 'd1', 'd2', 'd3', 'd4']);
    expect(all[0]).toMatchObject({
      artistName: 'Angèle',
      venueName: 'Le Transbordeur',
      venueCity: 'Villeurbanne',
    });
    expect((await h['deals.list']({ stage: 'hold' })).map((r) => r.id)).toEqual(['d1', 'd2']);
    expect((await h['deals.list']({ artistId: 'a2' })).map((r) => r.id)).toEqual(['d5']);
    expect((await h['deals.list']({ from: '2026-05-02' })).map((r) => r.id)).toEqual(['d4']);
    expect((await h['deals.list']({ search: 'angele' })).map((r) => r.id)).toEqual(['d5']);
    expect((await h['deals.list']({ search: 'warm' })).map((r) => r.id)).toEqual(['d4']);
    expect((await h['deals.list']({ sort: 'guarantee', desc: true }))[0]?.id).toBe('d5');
  });

  it('keeps one 1st hold per artist and date: placing, promoting and releasing move the others', async () => {
    const { d, h } = setup();
    await h['deal.update']({ id: 'd3', patch: { stage: 'hold' } });
    expect(await levels(h)).toEqual({ d1: 'hold:1', d2: 'hold:2', d3: 'hold:3' });
    await h['deal.update']({ id: 'd3', patch: { holdLevel: 1 } });
    expect(await levels(h)).toEqual({ d1: 'hold:2', d2: 'hold:3', d3: 'hold:1' });
    const before = d.changes.length;
    await h['deal.update']({ id: 'd3', patch: { stage: 'released' } });
    expect(d.changes.length - before).toBe(1); // one document edit
    expect(await levels(h)).toEqual({ d1: 'hold:1', d2: 'hold:2', d3: 'released:-' });
    // A firm offer takes the date: the remaining holds are released.
    await h['deal.update']({ id: 'd2', patch: { stage: 'offer' } });
    expect(await levels(h)).toEqual({ d1: 'released:-', d2: 'offer:-', d3: 'released:-' });
    const got = await h['deal.get']({ id: 'd1' });
    expect(got.history[0]).toMatchObject({ by: 'Booker B', kind: 'hold_released' });
  });

  it('refuses a hold on a date a firm deal takes, and invalid patches', async () => {
    const { h } = setup();
    await expect(
      h['deal.update']({ id: 'd3', patch: { date: '2026-05-10', stage: 'hold' } }),
    ).rejects.toMatchObject({
      code: 'hold_date_taken',
    });
    await expect(h['deal.update']({ id: 'd3', patch: { holdLevel: 1 } })).rejects.toMatchObject({
      code: 'invalid_record',
    });
    await expect(h['deal.update']({ id: 'd3', patch: { venueId: 'nope' } })).rejects.toMatchObject({
      code: 'invalid_record',
    });
    await expect(h['deal.update']({ id: 'missing', patch: { notes: 'x' } })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(h['deal.update']({ id: 'd3', patch: { guarantee: -5 } })).rejects.toMatchObject({
      code: 'invalid_record',
    });
  });

  it('records field-level history and flags radius conflicts', async () => {
    const { h } = setup();
    const updated = await h['deal.update']({ id: 'd4', patch: { guarantee: 250_000, notes: 'sold out' } });
    expect(updated.deal.guarantee).toBe(250_000);
    expect(updated.history[0]).toMatchObject({
      at: '2026-11-24T08:00:00.000Z',
      by: 'Booker B',
      kind: 'edit',
      changes: [
        { field: 'guarantee', from: 200_000, to: 250_000 },
        { field: 'notes', from: 'festival warm-up', to: 'sold out' },
      ],
    });
    // d4 (confirmed at La Cigale on 05-10) and the Paris holds on 05-01 are 1–2 km apart.
    const conflicts = (await h['deal.get']({ id: 'd4' })).conflicts;
    expect(conflicts.map((c) => c.otherId).sort()).toEqual(['d1', 'd2']);
    expect(conflicts[0]).toMatchObject({ anchorId: 'd4', daysApart: -9 });
  });
});
