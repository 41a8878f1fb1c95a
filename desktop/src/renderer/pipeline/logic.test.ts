import type { DealRecord } from '@flowstage/shared';
import { describe, expect, it } from 'vitest';
import {
  COLUMNS,
  computeSettlement,
  groupByColumn,
  historyValue,
  holdBadge,
  nextStage,
  percentToBps,
  previousStage,
  termsFormOf,
  termsPatch,
} from './logic';
import { holdErrorKey, pipeMessages } from './messages';

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
  dealType: 'versus_net',
  guarantee: 150_000,
  percentageBps: 8000,
  currency: 'EUR',
  ticketPrice: 2_500,
  capacity: 500,
  agencyCommissionBps: 1500,
  notes: '',
  ...over,
});

describe('pipeline logic', () => {
  it('columns follow the main line, side states go to "closed"; moves step along it', () => {
    expect(COLUMNS).toEqual([
      'request',
      'hold',
      'offer',
      'confirmed',
      'contract_sent',
      'contract_signed',
      'advanced',
      'played',
      'settled',
      'closed',
    ]);
    const g = groupByColumn([{ stage: 'hold' }, { stage: 'released' }, { stage: 'cancelled' }] as const);
    expect(g.get('hold')).toHaveLength(1);
    expect(g.get('closed')).toHaveLength(2);
    expect(g.get('request')).toEqual([]);
    expect(nextStage('request')).toBe('hold');
    expect(nextStage('settled')).toBeNull();
    expect(nextStage('released')).toBeNull();
    expect(previousStage('hold')).toBe('request');
    expect(previousStage('request')).toBeNull();
  });

  it('hold badges in both languages', () => {
    expect(holdBadge(1, 'en')).toBe('1st hold');
    expect(holdBadge(3, 'en')).toBe('3rd hold');
    expect(holdBadge(1, 'fr')).toBe('1re option');
    expect(holdBadge(2, 'fr')).toBe('2e option');
    expect(holdBadge(null, 'en')).toBeNull();
  });

  it('parses the terms form into a patch, or per-field errors', () => {
    expect(percentToBps('80')).toBe(8000);
    expect(percentToBps('12,5')).toBe(1250);
    expect(percentToBps('101')).toBeNull();
    const form = termsFormOf(deal(), (m) => String(m / 100));
    expect(form.percentage).toBe('80');
    const ok = termsPatch({ ...form, guarantee: '1 800,50' }, 'fr-FR');
    expect(ok).toMatchObject({ ok: true, patch: { guarantee: 180_050, percentageBps: 8000, capacity: 500 } });
    const bad = termsPatch(
      { ...form, guarantee: 'beaucoup', capacity: '-1', percentage: '120', date: 'x' },
      'fr-FR',
    );
    expect(bad).toEqual({
      ok: false,
      errors: { guarantee: 'amount', capacity: 'number', percentage: 'percent', date: 'date' },
    });
  });

  it('computes a settlement with the shared settle(): versus net, branch won, agency commission', () => {
    const r = computeSettlement(
      deal(),
      { ticketsSold: '400', ticketPrice: '25', expenses: '3 000' },
      'fr-FR',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // gross 10 000 €, net after 3 000 € expenses = 7 000 €, 80% = 5 600 € > 1 500 € guarantee
    expect(r.settlement.gross).toBe(1_000_000);
    expect(r.settlement.percentageAmount).toBe(560_000);
    expect(r.settlement.versusWinner).toBe('percentage');
    expect(r.settlement.artistPayout).toBe(560_000);
    expect(r.settlement.agencyCommission).toBe(84_000);
    const low = computeSettlement(
      deal(),
      { ticketsSold: '50', ticketPrice: '25', expenses: '1000' },
      'en-GB',
    );
    expect(low.ok && low.settlement.versusWinner).toBe('guarantee');
    expect(computeSettlement(deal(), { ticketsSold: 'x', ticketPrice: '25', expenses: '' }, 'en-GB')).toEqual(
      {
        ok: false,
        error: 'tickets',
      },
    );
    expect(
      computeSettlement(deal(), { ticketsSold: '900', ticketPrice: '25', expenses: '' }, 'en-GB'),
    ).toEqual({
      ok: false,
      error: 'capacity',
    });
  });

  it('shows history values in the deal currency and in percent', () => {
    expect(historyValue('guarantee', 150_000, 'EUR', 'en-GB')).toBe('€1,500.00');
    expect(historyValue('percentageBps', 8000, 'EUR', 'en-GB')).toBe('80 %');
    expect(historyValue('holdLevel', null, 'EUR', 'en-GB')).toBe('—');
    expect(historyValue('stage', 'offer', 'EUR', 'en-GB')).toBe('offer');
  });

  it('has every message in French and English', () => {
    expect(Object.keys(pipeMessages.fr).sort()).toEqual(Object.keys(pipeMessages.en).sort());
    expect(holdErrorKey('hold_date_taken')).toBe('error.hold_date_taken');
    expect(holdErrorKey('hold_cannot_challenge')).toBe('error.hold_cannot_challenge');
    expect(holdErrorKey('hold_already_held')).toBe('error.hold');
    expect(holdErrorKey('not_found')).toBeNull();
  });
});
