import { describe, expect, it } from 'vitest';
import { createMessages } from './messages-create';
import { currencyForCountry, emptyNewDeal, newDealParams } from './new-deal';

describe('new deal form', () => {
  it('defaults to a hold in EUR, CHF for a Swiss venue', () => {
    expect(emptyNewDeal('v1')).toMatchObject({ venueId: 'v1', stage: 'hold', currency: 'EUR' });
    expect(currencyForCountry('CH')).toBe('CHF');
    expect(currencyForCountry('BE')).toBe('EUR');
    expect(currencyForCountry(undefined)).toBe('EUR');
  });

  it('parses the guarantee in minor units with the locale', () => {
    const form = { ...emptyNewDeal('v1'), artistId: 'a1', date: '2026-05-01', guarantee: '2 500,50' };
    expect(newDealParams(form, 'fr-FR')).toEqual({
      params: {
        artistId: 'a1',
        venueId: 'v1',
        date: '2026-05-01',
        stage: 'hold',
        dealType: 'flat',
        guarantee: 250_050,
        currency: 'EUR',
      },
    });
    expect(newDealParams({ ...form, guarantee: '' }, 'fr-FR')).toMatchObject({ params: { guarantee: 0 } });
  });

  it('reports missing artist, venue, date and a bad amount', () => {
    expect(newDealParams({ ...emptyNewDeal(), guarantee: 'abc' }, 'en-GB')).toEqual({
      errors: {
        artistId: 'error.required',
        venueId: 'error.required',
        date: 'error.date',
        guarantee: 'error.amount',
      },
    });
  });

  it('has the same messages in French and English', () => {
    expect(Object.keys(createMessages.fr).sort()).toEqual(Object.keys(createMessages.en).sort());
  });
});
