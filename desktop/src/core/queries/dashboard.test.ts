import { afterEach, describe, expect, it } from 'vitest';
import { type Device, device, put } from '../../../test/device';
import { artist, deal, venue } from '../../../test/fixtures';
import { dashboardHandlers } from '../handlers/dashboard';
import { dashboard } from './dashboard';

const open: Device[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});

const TODAY = '2026-11-24';

function setup() {
  const d = device();
  open.push(d);
  put(d, 'artists', artist('a1', { name: 'Zaz' }));
  put(d, 'venues', venue('v1', { name: "L'Olympia", city: 'Paris' }));
  put(d, 'venues', venue('v2', { name: 'Les Docks', city: 'Lausanne' }));
  const deals = [
    deal('past', 'a1', {
      venueId: 'v1',
      date: '2026-11-20',
      stage: 'played',
      guarantee: 100_000,
      agencyCommissionBps: 1000,
    }),
    deal('soon', 'a1', {
      venueId: 'v1',
      date: '2026-11-30',
      stage: 'confirmed',
      guarantee: 200_000,
      agencyCommissionBps: 1500,
    }),
    deal('chf', 'a1', {
      venueId: 'v2',
      date: '2026-12-10',
      stage: 'contract_signed',
      guarantee: 300_000,
      currency: 'CHF',
      agencyCommissionBps: 1000,
    }),
    deal('offer', 'a1', { venueId: 'v1', date: '2026-12-20', stage: 'offer', guarantee: 50_000 }),
    deal('far', 'a1', {
      venueId: 'v1',
      date: '2027-02-01',
      stage: 'confirmed',
      guarantee: 70_000,
      agencyCommissionBps: 1000,
    }),
    deal('hold1', 'a1', {
      venueId: 'v1',
      date: '2027-01-09',
      stage: 'hold',
      holdLevel: 1,
      holdExpiresAt: '2026-11-27T17:00:00.000Z',
      challenge: {
        challengerId: 'hold2',
        issuedAt: '2026-11-23T10:00:00.000Z',
        deadline: '2026-11-25T10:00:00.000Z',
      },
    }),
    deal('hold2', 'a1', {
      venueId: 'v2',
      date: '2027-01-09',
      stage: 'hold',
      holdLevel: 2,
      holdExpiresAt: '2026-12-15T17:00:00.000Z',
      challenge: null,
    }),
    deal('gone', 'a1', {
      venueId: 'v1',
      date: '2026-11-29',
      stage: 'confirmed',
      deletedAt: '2026-11-01T00:00:00.000Z',
    }),
  ];
  for (const x of deals) put(d, 'deals', x);
  return d;
}

describe('dashboard query', () => {
  it('lists upcoming firm shows, expiring holds and challenges due, with names', () => {
    const out = dashboard(setup().db.sqlite, TODAY);
    expect(out.upcoming.items.map((x) => x.id)).toEqual(['soon', 'chf', 'offer']);
    expect(out.upcoming.total).toBe(3);
    expect(out.upcoming.items[0]).toMatchObject({
      artistName: 'Zaz',
      venueName: "L'Olympia",
      venueCity: 'Paris',
    });
    expect(out.expiringHolds).toEqual({
      items: [
        expect.objectContaining({ id: 'hold1', holdLevel: 1, holdExpiresAt: '2026-11-27T17:00:00.000Z' }),
      ],
      total: 1,
    });
    expect(out.challenges.items.map((x) => [x.id, x.challengeDeadline])).toEqual([
      ['hold1', '2026-11-25T10:00:00.000Z'],
    ]);
  });

  it('sums the pipeline by stage and the revenue of confirmed-or-later shows by month', () => {
    const out = dashboard(setup().db.sqlite, TODAY);
    expect(out.byStage.find((s) => s.stage === 'confirmed')).toEqual({
      stage: 'confirmed',
      count: 2,
      guarantees: [{ currency: 'EUR', amount: 270_000 }],
    });
    expect(out.byStage.find((s) => s.stage === 'hold')?.count).toBe(2);
    const { months, series } = out.revenue;
    expect(months[0]).toBe('2026-06');
    const eur = series.find((s) => s.currency === 'EUR');
    const nov = months.indexOf('2026-11');
    expect(eur?.guarantee[nov]).toBe(300_000); // played + confirmed, not the offer
    expect(eur?.commission[nov]).toBe(10_000 + 30_000);
    expect(eur?.guarantee[months.indexOf('2027-02')]).toBe(70_000);
    expect(series.find((s) => s.currency === 'CHF')?.commission[months.indexOf('2026-12')]).toBe(30_000);
  });

  it('answers through the handler for today by default', async () => {
    const d = setup();
    const h = dashboardHandlers(
      () => d,
      () => new Date(`${TODAY}T09:00:00.000Z`),
    );
    expect((await h['dashboard.get']({})).today).toBe(TODAY);
  });
});
