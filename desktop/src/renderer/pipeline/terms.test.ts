import type { DealRecord } from '@flowstage/shared';
import { settle } from '@flowstage/shared';
import { describe, expect, it } from 'vitest';
import { dropStage } from './logic';
import {
  changedOnly,
  dealTermsInput,
  type ExtraForm,
  extraFormOf,
  extraPatch,
  sectionsOf,
  sharesTotal,
  vatSuggestion,
} from './terms';

const T = '2026-01-01T00:00:00.000Z';
const deal = (over: Partial<DealRecord> = {}): DealRecord => ({
  id: 'd1',
  createdAt: T,
  updatedAt: T,
  deletedAt: null,
  artistId: 'a1',
  venueId: 'v1',
  contactId: null,
  date: '2026-05-01',
  stage: 'offer',
  holdLevel: null,
  holdExpiresAt: null,
  dealType: 'guarantee_bonus',
  guarantee: 150_000,
  percentageBps: 8000,
  currency: 'EUR',
  ticketPrice: 2_500,
  capacity: 500,
  agencyCommissionBps: 1000,
  notes: '',
  ...over,
});
const fr = (m: number) => (m / 100).toFixed(2).replace('.', ',');
const empty = (over: Partial<ExtraForm> = {}): ExtraForm => ({ ...extraFormOf(deal(), fr), ...over });

describe('deal terms form', () => {
  it('shows the editors each structure needs', () => {
    expect(sectionsOf('guarantee_bonus')).toMatchObject({ bonuses: true, splitPoint: false, shares: false });
    expect(sectionsOf('versus_net')).toMatchObject({ bonuses: false, splitPoint: true, percentage: true });
    expect(sectionsOf('co_headline')).toMatchObject({ shares: true, splitPoint: true });
    expect(sectionsOf('door')).toMatchObject({ guarantee: false, percentage: true });
    expect(sectionsOf('flat')).toMatchObject({ percentage: false, bonuses: false });
  });

  it('validates bonus tiers in the locale format into minor units and bps', () => {
    const r = extraPatch(
      empty({
        bonuses: [
          { metric: 'tickets', threshold: '400', amount: '500' },
          { metric: 'revenue', threshold: '10 000,50', amount: '1 000' },
          { metric: 'occupancy', threshold: '90', amount: '250,50' },
        ],
        bonusMode: 'highest',
        vat: '5,5',
        depositPaid: '450',
      }),
      'guarantee_bonus',
      'EUR',
      'fr-FR',
    );
    expect(r).toEqual({
      ok: true,
      patch: {
        vatBps: 550,
        vatReverseCharge: false,
        withholdingBps: 0,
        depositPaid: 45_000,
        bonusMode: 'highest',
        bonuses: [
          { metric: 'tickets', threshold: 400, amount: 50_000 },
          { metric: 'revenue', threshold: 1_000_050, amount: 100_000 },
          { metric: 'occupancy', threshold: 9000, amount: 25_050 },
        ],
      },
    });
  });

  it('reports every faulty field and sends nothing', () => {
    const r = extraPatch(
      empty({
        bonuses: [{ metric: 'tickets', threshold: 'lots', amount: '' }],
        vat: '120',
        depositPaid: 'abc',
      }),
      'guarantee_bonus',
      'EUR',
      'en-GB',
    );
    expect(r).toEqual({
      ok: false,
      errors: {
        'bonus.0.threshold': 'number',
        'bonus.0.amount': 'required',
        vat: 'percent',
        depositPaid: 'amount',
      },
    });
  });

  it('co-headline shares must be at least two and sum to 100 %', () => {
    const bad = extraPatch(empty({ shares: ['60', '30'] }), 'co_headline', 'EUR', 'en-GB');
    expect(bad).toEqual({ ok: false, errors: { shares: 'shares_sum' } });
    expect(extraPatch(empty({ shares: ['100'] }), 'co_headline', 'EUR', 'en-GB')).toEqual({
      ok: false,
      errors: { shares: 'shares_count' },
    });
    const ok = extraPatch(
      empty({ shares: ['60', '40'], coHeadlineIndex: 1, expenses: [{ label: 'Son', amount: '300' }] }),
      'co_headline',
      'EUR',
      'en-GB',
    );
    expect(ok.ok && ok.patch).toMatchObject({
      coHeadlineSharesBps: [6000, 4000],
      coHeadlineIndex: 1,
      expenses: [{ label: 'Son', amount: 30_000 }],
      promoterProfitBps: 0,
    });
    expect(sharesTotal(['33,33', '66,67'])).toBe(10_000);
    expect(sharesTotal(['x', '1'])).toBeNull();
  });

  it('round-trips a stored deal and feeds settle() with its extra terms', () => {
    const d = deal({
      dealType: 'co_headline',
      guarantee: 100_000,
      percentageBps: 8000,
      coHeadlineSharesBps: [6000, 4000],
      coHeadlineIndex: 1,
      expenses: [{ label: 'Son', amount: 200_000 }],
      promoterProfitBps: 1000,
      vatBps: 2000,
      withholdingBps: 1500,
      depositPaid: 10_000,
    });
    const form = extraFormOf(d, fr);
    expect(form.shares).toEqual(['60', '40']);
    expect(form.expenses).toEqual([{ label: 'Son', amount: '2000,00' }]);
    const s = settle(dealTermsInput(d), {
      capacity: 500,
      tiers: [{ price: 2_500, sold: 400 }],
      fixedExpenses: d.expenses ?? [],
    });
    // net 10 000 − split (2 000 + 10 %) 2 200 = 7 800; 80 % = 6 240 pool; this artist 40 % = 2 496.
    expect(s.coHeadlinePool).toBe(624_000);
    expect(s.artistPayout).toBe(249_600);
    expect(s.vat).toBe(49_920);
    expect(s.withholding).toBe(37_440);
    expect(s.walkout).toBe(249_600 + 49_920 - 37_440 - 10_000);
  });

  it('suggests the VAT of the show country and reverse charge across EU borders', () => {
    expect(vatSuggestion('FR', 'BE', '2026-05-01')).toEqual({
      rates: [
        { kind: 'standard', percent: '20' },
        { kind: 'live_reduced', percent: '5.5' },
      ],
      reverseCharge: true,
    });
    expect(vatSuggestion('CH', 'FR', '2026-05-01').reverseCharge).toBe(false);
    expect(vatSuggestion(undefined, 'FR', '2026-05-01').rates).toEqual([]);
  });

  it('sends only the extra terms that change (absent = default)', () => {
    const d = deal({ vatBps: 2000 });
    expect(
      changedOnly(
        { vatBps: 2000, withholdingBps: 0, bonuses: [], depositPaid: 500, coHeadlineSharesBps: [5000, 5000] },
        d,
      ),
    ).toEqual({ depositPaid: 500, coHeadlineSharesBps: [5000, 5000] });
  });

  it('maps a drop on a column to a stage', () => {
    expect(dropStage('confirmed', 'contract_sent')).toBe('contract_sent');
    expect(dropStage('confirmed', 'confirmed')).toBeNull();
    expect(dropStage('hold', 'closed')).toBe('released');
    expect(dropStage('offer', 'closed')).toBe('declined');
    expect(dropStage('played', 'closed')).toBe('cancelled');
    expect(dropStage('released', 'closed')).toBeNull();
  });
});
