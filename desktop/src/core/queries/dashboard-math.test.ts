import { describe, expect, it } from 'vitest';
import { addDays, addMonths, aggregateRevenue, aggregateStages, revenueMonths } from './dashboard-math';

describe('dashboard arithmetic', () => {
  it('moves dates by days and months across years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-02', -3)).toBe('2025-11');
    expect(revenueMonths('2026-11-24')).toEqual([
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
    ]);
  });

  it('counts and sums guarantees per stage and currency, in pipeline order', () => {
    const out = aggregateStages([
      { stage: 'confirmed', currency: 'CHF', count: 1, guarantee: 500_000 },
      { stage: 'hold', currency: 'EUR', count: 3, guarantee: 600_000 },
      { stage: 'confirmed', currency: 'EUR', count: 2, guarantee: 400_001 },
    ]);
    expect(out).toEqual([
      { stage: 'hold', count: 3, guarantees: [{ currency: 'EUR', amount: 600_000 }] },
      {
        stage: 'confirmed',
        count: 3,
        guarantees: [
          { currency: 'EUR', amount: 400_001 },
          { currency: 'CHF', amount: 500_000 },
        ],
      },
    ]);
  });

  it('sums guarantees and per-deal commissions by month, never across currencies', () => {
    const months = ['2026-10', '2026-11', '2026-12'];
    const out = aggregateRevenue(
      [
        { date: '2026-11-03', currency: 'EUR', guarantee: 100_005, commissionBps: 1000 },
        { date: '2026-11-20', currency: 'EUR', guarantee: 100_005, commissionBps: 1000 },
        { date: '2026-12-31', currency: 'CHF', guarantee: 300_000, commissionBps: 1500 },
        { date: '2027-01-01', currency: 'EUR', guarantee: 999_999, commissionBps: 1000 },
      ],
      months,
    );
    expect(out).toEqual({
      months,
      series: [
        // 10% of 100 005 is 10 000.5 → 10 000 (half-even), twice.
        { currency: 'EUR', guarantee: [0, 200_010, 0], commission: [0, 20_000, 0] },
        { currency: 'CHF', guarantee: [0, 0, 300_000], commission: [0, 0, 45_000] },
      ],
    });
    expect(aggregateRevenue([], months)).toEqual({ months, series: [] });
  });
});
