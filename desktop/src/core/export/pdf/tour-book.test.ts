import { type AdvancingDetail, advancingSummary } from '@flowstage/shared';
import { describe, expect, it } from 'vitest';
import { deal, venue } from '../../../../test/fixtures';
import { daySheetPdf } from './day-sheet';
import { pdfStreamsText, pdfText } from './pdf-text';
import { itineraryLegs, type TourBookData, tourBookPdf } from './tour-book';

function show(id: string, date: string, v: ReturnType<typeof venue>): AdvancingDetail {
  const d = deal(id, 'a1', { venueId: v.id, date, guarantee: 150_000, dealType: 'versus_net' });
  return {
    deal: d,
    artist: { id: 'a1', name: 'Zaz', homeCity: 'Lyon', lineupSize: 4 },
    venue: v,
    dayContacts: [],
    suggestedContacts: [],
    events: [],
    summary: advancingSummary(d),
  };
}

const paris = venue('v1', { name: 'La Cigale', city: 'Paris', lat: 48.8566, lon: 2.3522 });
const lyon = venue('v2', { name: 'Le Sucre', city: 'Lyon', lat: 45.764, lon: 4.8357 });
const data: TourBookData = {
  artist: { name: 'Zaz', homeCity: 'Lyon', lat: 45.764, lon: 4.8357 },
  from: '2027-03-01',
  to: '2027-03-31',
  shows: [show('d1', '2027-03-05', paris), show('d2', '2027-03-07', lyon)],
  events: [],
};

describe('tour book', () => {
  it('computes the legs between consecutive venues, the first from home', () => {
    const legs = itineraryLegs(data);
    expect(legs.map((l) => [l.fromCity, l.fromHome])).toEqual([
      ['Lyon', true],
      ['Paris', false],
    ]);
    expect(legs[0]?.km).toBeGreaterThan(380);
    expect(legs[0]?.km).toBeLessThan(400);
    expect(legs[1]?.km).toBe(legs[0]?.km);
  });

  it('has a cover then one page per show, with the deal terms for the tour manager', async () => {
    const { bytes, pages } = await tourBookPdf(data, 'fr', { footer: 'Flow Stage', createdAt: new Date(0) });
    expect(pages).toBe(3);
    const perPage = pdfStreamsText(bytes);
    expect(perPage[0]).toContain('Carnet de tournée — Zaz');
    expect(perPage[0]).toContain('Itinéraire');
    expect(perPage[0]).toMatch(/depuis la base \(Lyon\) -> Paris · 39\d km/);
    expect(perPage[1]).toContain('Feuille de route — Zaz');
    expect(perPage[1]).toContain('La Cigale');
    expect(perPage[1]).toMatch(/1 500,00 €/);
    expect(perPage[1]).toContain('Versus (net)');
    expect(perPage[2]).toContain('Le Sucre');
  });

  it('an empty period still writes a cover', async () => {
    const { bytes, pages } = await tourBookPdf({ ...data, shows: [] }, 'en');
    expect(pages).toBe(1);
    expect(pdfText(bytes)).toContain('No firm show in this period.');
  });

  it('a day sheet alone prints no money and says what is missing', async () => {
    const one = show('d1', '2027-03-05', paris);
    const { bytes } = await daySheetPdf(one, 'en');
    const text = pdfText(bytes);
    expect(text).toContain('No schedule yet.');
    expect(text).toContain('No guest.');
    expect(text).not.toContain('€');
    expect(text).not.toContain('Guarantee');
  });
});
