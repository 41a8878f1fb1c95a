import { afterEach, describe, expect, it } from 'vitest';
import { type Device, device, put } from '../../../test/device';
import { artist, deal, venue } from '../../../test/fixtures';
import { dealCreateHandlers } from './deal-create';
import { dealHandlers } from './deals';
import { editsHandlers } from './edits';

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
  put(d, 'venues', venue('v3', { name: 'Les Docks', city: 'Lausanne', country: 'CH', lat: 46.5, lon: 6.6 }));
  put(
    d,
    'deals',
    deal('d1', 'a1', {
      venueId: 'v1',
      date: '2026-05-01',
      stage: 'hold',
      holdLevel: 1,
      agencyCommissionBps: 1500,
    }),
  );
  put(d, 'deals', deal('d4', 'a1', { venueId: 'v2', date: '2026-05-10', stage: 'confirmed' }));
  let n = 0;
  const now = () => new Date('2026-11-24T08:00:00.000Z');
  const h = {
    ...dealHandlers(
      () => d,
      now,
      () => 'Booker B',
    ),
    ...dealCreateHandlers(
      () => d,
      now,
      () => 'Booker B',
      () => `new-${++n}`,
    ),
  };
  return { d, h, edits: editsHandlers(() => d) };
}

const levels = async (h: ReturnType<typeof setup>['h']) =>
  Object.fromEntries(
    (await h['deals.list']({ artistId: 'a1', from: '2026-05-01', to: '2026-05-01' })).map((r) => [
      r.id,
      `${r.stage}:${r.holdLevel ?? '-'}`,
    ]),
  );

describe('deal create handlers', () => {
  it('a hold on a date with a 1st hold becomes the 2nd, with defaults, history and radius warnings', async () => {
    const { h } = setup();
    const created = await h['deal.create']({
      artistId: 'a1',
      venueId: 'v2',
      date: '2026-05-01',
      guarantee: 250_000,
    });
    expect(created.deal).toMatchObject({
      id: 'new-1',
      stage: 'hold',
      holdLevel: 2,
      holdExpiresAt: '2026-12-08T08:00:00.000Z',
      currency: 'EUR',
      guarantee: 250_000,
      dealType: 'flat',
      agencyCommissionBps: 1500,
    });
    expect(created.history[0]).toMatchObject({ kind: 'created', by: 'Booker B' });
    // La Cigale is 1 km from the confirmed show at the same place nine days later.
    expect(created.conflicts.map((c) => c.otherId)).toContain('d4');
    expect(await levels(h)).toEqual({ d1: 'hold:1', 'new-1': 'hold:2' });
  });

  it('refuses a hold on a firm date; a request or an offer gets CHF in Switzerland and the default commission', async () => {
    const { h } = setup();
    await expect(
      h['deal.create']({ artistId: 'a1', venueId: 'v1', date: '2026-05-10', stage: 'hold' }),
    ).rejects.toMatchObject({ code: 'hold_date_taken' });
    const offer = await h['deal.create']({
      artistId: 'a2',
      venueId: 'v3',
      date: '2026-06-01',
      stage: 'offer',
    });
    expect(offer.deal).toMatchObject({
      stage: 'offer',
      holdLevel: null,
      holdExpiresAt: null,
      currency: 'CHF',
      agencyCommissionBps: 1000,
    });
    await expect(
      h['deal.create']({ artistId: 'nope', venueId: 'v1', date: '2026-06-01' }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('deleting the 1st hold promotes the 2nd; restoring places it again at the next level', async () => {
    const { h } = setup();
    await h['deal.create']({ artistId: 'a1', venueId: 'v2', date: '2026-05-01' });
    const deleted = await h['deal.delete']({ id: 'd1' });
    expect(deleted.deletedAt).not.toBeNull();
    expect(await levels(h)).toEqual({ 'new-1': 'hold:1' });
    const promoted = await h['deal.get']({ id: 'new-1' });
    expect(promoted.history[0]).toMatchObject({ kind: 'hold_promoted' });
    await expect(h['deal.get']({ id: 'd1' })).rejects.toMatchObject({ code: 'not_found' });
    const restored = await h['deal.restore']({ id: 'd1' });
    expect(restored).toMatchObject({ deletedAt: null, stage: 'hold', holdLevel: 2 });
    expect(await levels(h)).toEqual({ d1: 'hold:2', 'new-1': 'hold:1' });
  });

  it('undoing a creation removes the deal', async () => {
    const { h, edits } = setup();
    await h['deal.create']({ artistId: 'a1', venueId: 'v2', date: '2026-05-01' });
    expect((await edits['edits.recent']({})).undo[0]).toMatchObject({
      collection: 'deals',
      recordId: 'new-1',
      created: true,
    });
    await edits['edits.undo']({});
    expect(await levels(h)).toEqual({ d1: 'hold:1' });
  });
});
