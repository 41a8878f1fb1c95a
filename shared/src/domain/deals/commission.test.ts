import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agencyCommission,
  CommissionTable,
  escrowSchedule,
  PLATFORM_COMMISSION_TABLE_EUR_V1,
  platformCommission,
} from './commission';

describe('platform commission (DOMAIN.md table, whole amount at one rate)', () => {
  it.each([
    [0, 1200, 0],
    [1_000_00, 1200, 120_00],
    [1_000_01, 1000, 100_00],
    [5_000_00, 1000, 500_00],
    [5_000_01, 800, 400_00],
    [15_000_00, 800, 1_200_00],
    [15_000_01, 600, 900_00],
    [50_000_00, 600, 3_000_00],
    [50_000_01, 400, 2_000_00],
  ])('%i → %i bps = %i', (amount, rate, commission) => {
    const c = platformCommission(amount);
    expect(c.rateBps).toBe(rate);
    expect(c.commission).toBe(commission);
    expect(c.commission + c.remainder).toBe(amount);
  });

  it('rejects malformed tables and amounts', () => {
    expect(CommissionTable.safeParse([{ upToMinor: 10, rateBps: 1 }]).success).toBe(false);
    expect(
      CommissionTable.safeParse([
        { upToMinor: 10, rateBps: 1 },
        { upToMinor: 5, rateBps: 1 },
        { upToMinor: null, rateBps: 1 },
      ]).success,
    ).toBe(false);
    expect(() => platformCommission(-1)).toThrow();
    expect(() => platformCommission(1.5)).toThrow();
  });

  it('property: commission + remainder = amount, commission ≤ 12%', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1e11 }), (amount) => {
        const c = platformCommission(amount, PLATFORM_COMMISSION_TABLE_EUR_V1);
        expect(c.commission + c.remainder).toBe(amount);
        expect(c.commission).toBeLessThanOrEqual(Math.round(amount * 0.12) + 1);
      }),
    );
  });
});

describe('agency commission and escrow', () => {
  it('agency takes its percentage of the artist fee (10–20%)', () => {
    expect(agencyCommission(1_500_00, 1500)).toEqual({
      fee: 1_500_00,
      commissionBps: 1500,
      agency: 225_00,
      artist: 1_275_00,
    });
    // 0.5 unit rounds half-even: 5 × 10% = 0.5 → 0; 15 × 10% = 1.5 → 2
    expect(agencyCommission(5, 1000).agency).toBe(0);
    expect(agencyCommission(15, 1000).agency).toBe(2);
  });

  it('escrow: deposit 30% / balance 70% by default, sums back exactly', () => {
    expect(escrowSchedule(1_500_00)).toEqual({ deposit: 450_00, balance: 1_050_00 });
    expect(escrowSchedule(1)).toEqual({ deposit: 0, balance: 1 });
    expect(escrowSchedule(1_000, 5000)).toEqual({ deposit: 500, balance: 500 });
    fc.assert(
      fc.property(fc.nat({ max: 1e11 }), fc.nat({ max: 10_000 }), (amount, bps) => {
        const e = escrowSchedule(amount, bps);
        expect(e.deposit + e.balance).toBe(amount);
        expect(e.deposit).toBeGreaterThanOrEqual(0);
        expect(e.balance).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
