import { describe, expect, it } from 'vitest';
import { DealStage, DealType, EventKind, VenueKind } from '../domain/enums';
import type { DealRecord } from '../domain/records';
import citiesJson from '../../../resources/demo/cities.json';
import namesJson from '../../../resources/demo/names.json';
import { DEMO_DEFAULT_NOW, generateDemoAgency } from './generate';
import { distanceKm } from './geo';
import { parseDemoInputs } from './inputs';
import { CITY_SPREAD_KM, FIRM_STAGES, SHOW_STAGES } from './tables';

const inputs = parseDemoInputs(citiesJson, namesJson);
const data = generateDemoAgency(inputs);
const DAY = 86_400_000;
const now = Date.parse(DEMO_DEFAULT_NOW);
const dayOffset = (date: string) =>
  Math.round((Date.parse(`${date}T00:00:00Z`) - Math.floor(now / DAY) * DAY) / DAY);
const cityOf = (name: string, country: string) =>
  inputs.cities.cities.find((c) => c.name === name && c.country === country);
const venues = new Map(data.venues.map((v) => [v.id, v]));
const artists = new Map(data.artists.map((a) => [a.id, a]));
const contacts = new Map(data.contacts.map((c) => [c.id, c]));
const deals = new Map(data.deals.map((d) => [d.id, d]));
const PHONE_PREFIX = { FR: '+33 ', BE: '+32 ', CH: '+41 ' } as const;

function groupCount<T>(items: readonly T[], key: (x: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of items) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
}

describe('demo artists, venues and contacts', () => {
  it('price artists by level, in CHF when Swiss', () => {
    for (const a of data.artists) {
      expect(a.feeMin).toBeGreaterThanOrEqual(300_00);
      expect(a.feeMax).toBeLessThanOrEqual(25_000_00);
      expect(a.feeMin).toBeLessThanOrEqual(a.feeMax);
      expect(a.currency).toBe(a.homeCountry === 'CH' ? 'CHF' : 'EUR');
      if (a.kind === 'solo' || a.kind === 'dj') expect(a.lineupSize).toBe(1);
      if (a.kind === 'band') expect(a.lineupSize).toBeGreaterThanOrEqual(3);
      const city = cityOf(a.homeCity, a.homeCountry);
      expect(city, a.homeCity).toBeDefined();
      expect(distanceKm(city?.lat ?? 0, city?.lon ?? 0, a.lat, a.lon)).toBeLessThan(3.1);
    }
    expect(new Set(data.artists.map((a) => a.name)).size).toBe(data.artists.length);
    // bigger draws command bigger fees
    const byDraw = [...data.artists].sort((x, y) => x.draw - y.draw);
    const mean = (xs: typeof byDraw) => xs.reduce((s, a) => s + a.feeMax, 0) / xs.length;
    expect(mean(byDraw.slice(-10))).toBeGreaterThan(3 * mean(byDraw.slice(0, 10)));
  });

  it('put venues in real cities, near the centre, with local contact details', () => {
    expect(new Set(data.venues.map((v) => v.kind))).toEqual(new Set(VenueKind.options));
    for (const v of data.venues) {
      const city = cityOf(v.city, v.country);
      expect(city, v.city).toBeDefined();
      if (!city) continue;
      expect(city.postalCodes).toContain(v.postalCode);
      const spread = CITY_SPREAD_KM[city.population] * (v.kind === 'festival' ? 1.6 : 1);
      expect(distanceKm(city.lat, city.lon, v.lat, v.lon)).toBeLessThan(spread + 0.01);
      expect(v.currency).toBe(v.country === 'CH' ? 'CHF' : 'EUR');
      expect(v.phone.startsWith(PHONE_PREFIX[v.country])).toBe(true);
      expect(v.website).toBe(`https://www.${v.email.split('@')[1]}`);
      expect(v.budgetMin).toBeLessThanOrEqual(v.budgetMax);
      expect(Math.max(v.capacityStanding, v.capacitySeated)).toBeGreaterThan(0);
      expect(v.genres.length).toBeGreaterThan(0);
    }
    expect(data.venues.some((v) => v.country === 'BE') && data.venues.some((v) => v.country === 'CH')).toBe(
      true,
    );
  });

  it('tie most contacts to venues, with prenom.nom@venue-domain emails', () => {
    const linked = data.contacts.filter((c) => c.venueId !== null);
    expect(linked.length / data.contacts.length).toBeGreaterThanOrEqual(0.8);
    expect(new Set(data.contacts.map((c) => c.email)).size).toBe(data.contacts.length);
    for (const c of data.contacts) {
      expect(c.email).toMatch(/^[a-z0-9.-]+@[a-z0-9.-]+\.[a-z]{2,}$/);
      expect(c.phone.startsWith(PHONE_PREFIX[c.country])).toBe(true);
      if (!c.venueId) continue;
      const v = venues.get(c.venueId);
      expect(v).toBeDefined();
      expect(c.email.split('@')[1]).toBe(v?.email.split('@')[1]);
      expect(c.company).toBe(v?.name);
      expect(['promoter', 'programmer', 'production', 'venue_manager', 'press']).toContain(c.role);
    }
    expect(data.contacts.filter((c) => /^[a-z0-9-]+\.[a-z0-9-]+@/.test(c.email)).length).toBeGreaterThan(550);
    expect(new Set(data.contacts.map((c) => c.role)).size).toBe(7);
  });
});

describe('demo deals', () => {
  it('cover every stage and every deal type', () => {
    expect(new Set(data.deals.map((d) => d.stage))).toEqual(new Set(DealStage.options));
    expect(new Set(data.deals.map((d) => d.dealType))).toEqual(new Set(DealType.options));
  });

  it('rank holds 1–5 with at most one 1st hold per artist and per room per date', () => {
    const holds = data.deals.filter((d) => d.stage === 'hold');
    expect(new Set(holds.map((d) => d.holdLevel))).toEqual(new Set([1, 2, 3, 4, 5]));
    for (const d of data.deals) {
      expect(d.holdLevel !== null).toBe(d.stage === 'hold');
      expect(d.holdExpiresAt !== null).toBe(d.stage === 'hold');
    }
    const firsts = holds.filter((d) => d.holdLevel === 1);
    expect(Math.max(...groupCount(firsts, (d) => `${d.artistId}|${d.date}`).values())).toBe(1);
    const roomFirsts = firsts.filter((d) => venues.get(d.venueId)?.kind !== 'festival');
    expect(Math.max(...groupCount(roomFirsts, (d) => `${d.venueId}|${d.date}`).values())).toBe(1);
    for (const d of holds) {
      const expires = Date.parse(d.holdExpiresAt ?? '');
      expect(expires).toBeGreaterThan(now);
      expect(expires).toBeLessThan(Date.parse(`${d.date}T00:00:00Z`));
    }
  });

  it('give an artist one firm deal per date, and no hold on a firm date', () => {
    const firm = data.deals.filter((d) => FIRM_STAGES.has(d.stage));
    expect(Math.max(...groupCount(firm, (d) => `${d.artistId}|${d.date}`).values())).toBe(1);
    const firmDates = new Set(firm.map((d) => `${d.artistId}|${d.date}`));
    expect(data.deals.filter((d) => d.stage === 'hold' && firmDates.has(`${d.artistId}|${d.date}`))).toEqual(
      [],
    );
  });

  it('date played/settled in the past and holds/offers in the future, within −6/+12 months', () => {
    const past: DealRecord['stage'][] = ['played', 'settled'];
    const future: DealRecord['stage'][] = [
      'request',
      'hold',
      'offer',
      'confirmed',
      'contract_sent',
      'contract_signed',
    ];
    for (const d of data.deals) {
      const off = dayOffset(d.date);
      expect(off).toBeGreaterThanOrEqual(-181);
      expect(off).toBeLessThanOrEqual(366);
      if (past.includes(d.stage)) expect(off).toBeLessThan(0);
      if (future.includes(d.stage)) expect(off).toBeGreaterThan(0);
      if (d.stage === 'advanced') expect(off).toBeLessThanOrEqual(28);
      expect(Date.parse(d.createdAt)).toBeLessThan(Date.parse(`${d.date}T00:00:00Z`) + DAY);
    }
  });

  it('carry sensible money terms in the venue currency', () => {
    for (const d of data.deals) {
      const v = venues.get(d.venueId);
      const a = artists.get(d.artistId);
      expect(v && a).toBeTruthy();
      if (!v || !a) continue;
      expect(d.currency).toBe(v.currency);
      expect(d.agencyCommissionBps).toBeGreaterThanOrEqual(1000);
      expect(d.agencyCommissionBps).toBeLessThanOrEqual(2000);
      expect(d.guarantee).toBeLessThanOrEqual(26_000_00);
      expect(d.guarantee === 0).toBe(d.dealType === 'door' || d.dealType === 'percentage');
      expect(d.percentageBps > 0).toBe(!['flat', 'guarantee_bonus'].includes(d.dealType));
      if (d.dealType !== 'flat' && d.dealType !== 'guarantee_bonus') expect(d.ticketPrice).toBeGreaterThan(0);
      expect(d.capacity).toBe(v.capacityStanding > 0 ? v.capacityStanding : v.capacitySeated);
      if (d.contactId) expect(contacts.get(d.contactId)?.venueId).toBe(d.venueId);
    }
    // draw vs capacity: rooms (not private events or festivals) hold at least 70% of the draw
    const rooms = data.deals.filter(
      (d) => !['private', 'festival'].includes(venues.get(d.venueId)?.kind ?? ''),
    );
    const fit = rooms.filter((d) => d.capacity >= 0.7 * (artists.get(d.artistId)?.draw ?? 0));
    expect(fit.length / rooms.length).toBeGreaterThan(0.95);
  });
});

describe('demo events', () => {
  const byDeal = new Map<string, typeof data.events>();
  for (const e of data.events) if (e.dealId) byDeal.set(e.dealId, [...(byDeal.get(e.dealId) ?? []), e]);

  it('include every kind', () => {
    expect(new Set(data.events.map((e) => e.kind))).toEqual(new Set(EventKind.options));
  });

  it('show each confirmed-and-later deal once, on its date, at its venue', () => {
    for (const d of data.deals) {
      const shows = (byDeal.get(d.id) ?? []).filter((e) => e.kind === 'show');
      const holds = (byDeal.get(d.id) ?? []).filter((e) => e.kind === 'hold');
      expect(shows.length).toBe(SHOW_STAGES.has(d.stage) ? 1 : 0);
      expect(holds.length).toBe(d.stage === 'hold' ? 1 : 0);
      for (const e of [...shows, ...holds]) {
        expect(e.venueId).toBe(d.venueId);
        expect(e.artistId).toBe(d.artistId);
      }
      const show = shows[0];
      if (show) {
        // local evening start: between 14:00 UTC on the date and 03:00 UTC the next day
        const start = Date.parse(show.start) - Date.parse(`${d.date}T00:00:00Z`);
        expect(start).toBeGreaterThanOrEqual(12 * 3_600_000);
        expect(start).toBeLessThanOrEqual(27 * 3_600_000);
      }
      const hold = holds[0];
      if (hold) expect([hold.allDay, hold.start]).toEqual([true, `${d.date}T00:00:00.000Z`]);
    }
  });

  it('keep travel, promo and days off consistent with the shows', () => {
    const showDays = new Set(
      data.deals.filter((d) => SHOW_STAGES.has(d.stage)).map((d) => `${d.artistId}|${d.date}`),
    );
    for (const e of data.events) {
      expect(Date.parse(e.end)).toBeGreaterThan(Date.parse(e.start));
      expect(artists.has(e.artistId)).toBe(true);
      if (e.venueId) expect(venues.has(e.venueId)).toBe(true);
      if (e.dealId) expect(deals.get(e.dealId)?.artistId).toBe(e.artistId);
      if (e.allDay) expect(Date.parse(e.end) - Date.parse(e.start)).toBe(DAY);
      if (e.allDay) expect(e.start.endsWith('T00:00:00.000Z')).toBe(true);
      if (e.kind === 'travel') {
        const deal = deals.get(e.dealId ?? '');
        expect(deal && SHOW_STAGES.has(deal.stage)).toBe(true);
        expect(e.venueId).toBe(deal?.venueId);
        expect(Date.parse(e.end) - Date.parse(e.start)).toBeLessThanOrEqual(12 * 3_600_000);
      }
      if (e.kind === 'day_off') expect(showDays.has(`${e.artistId}|${e.start.slice(0, 10)}`)).toBe(false);
    }
  });
});
