import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DealType } from '../enums';
import { allocate, applyBps, divHalfEven } from './money';
import { type BoxOfficeInput, type DealTermsInput, SettlementError, settle } from './settlement';

const EUR = 'EUR' as const;
const noSales: BoxOfficeInput = { capacity: 500, tiers: [{ price: 2000, sold: 0 }] };

/** The full DOMAIN.md pipeline on one show. */
const show: BoxOfficeInput = {
  capacity: 500,
  kills: 10,
  tiers: [
    { label: 'normal', price: 20_42, sold: 300, comps: 20 },
    { label: 'reduced', price: 10_21, sold: 100 },
  ],
  facilityFees: 100_00,
  preSettlementFees: 50_00,
  ticketTaxBps: 210,
  fixedExpenses: [{ label: 'backline', amount: 2_000_00 }],
  variableExpenses: [{ label: 'ads', amount: 500_00 }],
};

describe('DOMAIN.md settlement math', () => {
  it('gross = Σ price × sold; sellable = capacity − comps − kills', () => {
    const s = settle({ dealType: 'flat', currency: EUR, guarantee: 1_000_00 }, show);
    expect(s.gross).toBe(300 * 20_42 + 100 * 10_21);
    expect(s.sellable).toBe(500 - 20 - 10);
    expect(s.comps).toBe(20);
    expect(s.ticketsSold).toBe(400);
  });

  it('adjusted gross = gross − facility fees − pre-settlement fees', () => {
    const s = settle({ dealType: 'flat', currency: EUR }, show);
    expect(s.adjustedGross).toBe(714_700 - 10_000 - 5_000);
  });

  it('tax included in a price x at rate r is x − x/(1+r)', () => {
    // 20.42 € at 2.1%: 20.42 − 20.42/1.021 = 0.42 €; 10.21 € → 0.21 €
    const s = settle({ dealType: 'flat', currency: EUR }, show);
    expect(s.ticketTax).toBe(300 * 42 + 100 * 21);
    expect(s.net).toBe(699_700 - 14_700);
  });

  it('split point = fixed + variable expenses + promoter profit (a % of expenses)', () => {
    const s = settle({ dealType: 'door', currency: EUR, promoterProfitBps: 1500 }, show);
    expect(s.expenses).toBe(250_000);
    expect(s.splitPoint).toBe(250_000 + 37_500);
    expect(s.deductions.map((d) => [d.kind, d.stage, d.amount])).toEqual([
      ['facility_fees', 'before_tax', 10_000],
      ['pre_settlement_fees', 'before_tax', 5_000],
      ['ticket_tax', 'tax', 14_700],
      ['fixed_expense', 'before_split', 200_000],
      ['variable_expense', 'before_split', 50_000],
      ['promoter_profit', 'before_split', 37_500],
    ]);
  });

  it('versus net "1 500 € vs 80%": the percentage wins on a good night', () => {
    const s = settle(
      {
        dealType: 'versus_net',
        currency: EUR,
        guarantee: 1_500_00,
        percentageBps: 8000,
        promoterProfitBps: 1500,
        agencyCommissionBps: 1500,
        vatBps: 2000,
        depositPaid: 450_00,
      },
      show,
    );
    // 80% × (685 000 − 287 500) = 318 000
    expect(s.percentageAmount).toBe(318_000);
    expect(s.versusWinner).toBe('percentage');
    expect(s.artistPayout).toBe(318_000);
    expect(s.agencyCommission).toBe(47_700);
    expect(s.artistNet).toBe(270_300);
    expect(s.vat).toBe(63_600);
    // walkout = payout + VAT − withholding − deposit already paid
    expect(s.walkout).toBe(318_000 + 63_600 - 45_000);
  });

  it('versus net "1 500 € vs 80%": the guarantee wins with no sales', () => {
    const s = settle(
      { dealType: 'versus_net', currency: EUR, guarantee: 1_500_00, percentageBps: 8000 },
      noSales,
    );
    expect(s.versusWinner).toBe('guarantee');
    expect(s.artistPayout).toBe(1_500_00);
    expect(s.percentageAmount).toBe(0);
  });

  it('versus gross: X% of gross, no expense audit', () => {
    const s = settle(
      { dealType: 'versus_gross', currency: EUR, guarantee: 1_500_00, percentageBps: 8000 },
      show,
    );
    expect(s.percentageAmount).toBe(571_760);
    expect(s.artistPayout).toBe(571_760);
    expect(s.versusWinner).toBe('percentage');
  });

  it('door deal: X% of net door after expenses, no guarantee', () => {
    const terms: DealTermsInput = {
      dealType: 'door',
      currency: EUR,
      guarantee: 1_500_00,
      percentageBps: 8000,
    };
    expect(settle(terms, show).artistPayout).toBe(((685_000 - 250_000) * 8) / 10);
    expect(settle(terms, noSales).artistPayout).toBe(0);
    // expenses above net: nothing, never negative
    expect(settle(terms, { ...show, fixedExpenses: [{ label: 'x', amount: 10_000_00 }] }).artistPayout).toBe(
      0,
    );
  });

  it('straight percentage: X% of net receipts', () => {
    const s = settle({ dealType: 'percentage', currency: EUR, percentageBps: 8000 }, show);
    expect(s.artistPayout).toBe(548_000);
    expect(s.versusWinner).toBeNull();
  });

  it('flat guarantee: the fee, whatever the door', () => {
    expect(settle({ dealType: 'flat', currency: EUR, guarantee: 800_00 }, noSales).artistPayout).toBe(800_00);
    expect(settle({ dealType: 'flat', currency: EUR, guarantee: 800_00 }, show).artistPayout).toBe(800_00);
  });

  it('guarantee + bonus: incremental vs highest tier reached, on tickets/revenue/occupancy', () => {
    const base: DealTermsInput = {
      dealType: 'guarantee_bonus',
      currency: EUR,
      guarantee: 1_000_00,
      bonuses: [
        { metric: 'tickets', threshold: 300, amount: 200_00 },
        { metric: 'tickets', threshold: 400, amount: 300_00 },
        { metric: 'tickets', threshold: 401, amount: 999_00 },
        { metric: 'revenue', threshold: 714_700, amount: 50_00 },
        { metric: 'occupancy', threshold: 8500, amount: 10_00 },
      ],
    };
    const inc = settle(base, show);
    // 400/470 = 85.10% ≥ 85%; revenue reached exactly; 401 tickets not reached
    expect(inc.occupancyBps).toBe(8510);
    expect(inc.bonus).toBe(200_00 + 300_00 + 50_00 + 10_00);
    expect(inc.artistPayout).toBe(1_000_00 + 560_00);
    const high = settle({ ...base, bonusMode: 'highest' }, show);
    expect(high.bonus).toBe(300_00);
    expect(settle(base, noSales).bonus).toBe(0);
  });

  it('co-headline: the pool is split between headliners and sums back exactly', () => {
    const terms: DealTermsInput = {
      dealType: 'co_headline',
      currency: EUR,
      guarantee: 1_01,
      percentageBps: 0,
      coHeadlineSharesBps: [3333, 3333, 3334],
      coHeadlineIndex: 2,
    };
    const s = settle(terms, noSales);
    expect(s.coHeadlinePool).toBe(101);
    expect(s.coHeadlineShares).toEqual([34, 33, 34]);
    expect(s.artistPayout).toBe(34);
    const big = settle({ ...terms, percentageBps: 8000, coHeadlineIndex: 0 }, show);
    expect(big.coHeadlinePool).toBe(348_000);
    expect(big.coHeadlineShares?.reduce((a, b) => a + b, 0)).toBe(348_000);
  });

  it('sold out: occupancy 100% of sellable', () => {
    const s = settle(
      { dealType: 'flat', currency: EUR },
      { capacity: 100, kills: 5, tiers: [{ price: 1000, sold: 90, comps: 5 }] },
    );
    expect(s.sellable).toBe(90);
    expect(s.occupancyBps).toBe(10_000);
  });

  it('VAT: reverse charge invoices none; withholding is deducted from the walkout', () => {
    const s = settle(
      {
        dealType: 'flat',
        currency: EUR,
        guarantee: 1_000_00,
        vatBps: 2100,
        vatReverseCharge: true,
        withholdingBps: 1500,
      },
      noSales,
    );
    expect(s.vat).toBe(0);
    expect(s.withholding).toBe(150_00);
    expect(s.walkout).toBe(850_00);
  });

  it('clear errors on invalid input', () => {
    expect(() =>
      settle({ dealType: 'flat', currency: EUR }, { capacity: 10, tiers: [{ price: 1, sold: 11 }] }),
    ).toThrow(SettlementError);
    expect(() => settle({ dealType: 'flat', currency: EUR, guarantee: 1.5 }, noSales)).toThrow(/terms/);
    expect(() =>
      settle({ dealType: 'co_headline', currency: EUR, coHeadlineSharesBps: [5000] }, noSales),
    ).toThrow(/coHeadlineSharesBps/);
    expect(() =>
      settle(
        { dealType: 'flat', currency: EUR },
        { capacity: 10, tiers: [{ price: 1, sold: 1 }], facilityFees: 2 },
      ),
    ).toThrow(/fees_exceed_gross|exceed gross/);
  });
});

describe('rounding', () => {
  it('half-even at the last step', () => {
    expect(divHalfEven(5n, 2n)).toBe(2n);
    expect(divHalfEven(7n, 2n)).toBe(4n);
    expect(divHalfEven(-5n, 2n)).toBe(-2n);
    expect(divHalfEven(11n, 4n)).toBe(3n);
    expect(applyBps(1n, 5000)).toBe(0n);
    expect(applyBps(3n, 5000)).toBe(2n);
  });

  it('largest remainder: ties go to the earlier part', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(allocate(10, [0, 3])).toEqual([0, 10]);
    expect(() => allocate(10, [0, 0])).toThrow();
  });
});

describe('properties', () => {
  it('allocate sums back exactly and each part is within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1e11 }),
        fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 8 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = allocate(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((p, i) => {
            const exact = (total * (weights[i] ?? 0)) / sum;
            expect(Math.abs(p - exact)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
    );
  });

  const termsArb = fc.record({
    dealType: fc.constantFrom(...DealType.options),
    currency: fc.constant(EUR),
    guarantee: fc.nat({ max: 10_000_000 }),
    percentageBps: fc.nat({ max: 10_000 }),
    agencyCommissionBps: fc.nat({ max: 2_000 }),
    promoterProfitBps: fc.nat({ max: 3_000 }),
    vatBps: fc.nat({ max: 2_500 }),
    bonuses: fc.array(
      fc.record({
        metric: fc.constantFrom('tickets' as const, 'revenue' as const, 'occupancy' as const),
        threshold: fc.nat({ max: 10_000 }),
        amount: fc.nat({ max: 100_000 }),
      }),
      { maxLength: 4 },
    ),
    coHeadlineSharesBps: fc.nat({ max: 10_000 }).map((a) => [a, 10_000 - a]),
    coHeadlineIndex: fc.nat({ max: 1 }),
  });
  const boxArb = fc
    .record({
      tiers: fc.array(
        fc.record({
          price: fc.nat({ max: 20_000 }),
          sold: fc.nat({ max: 2_000 }),
          comps: fc.nat({ max: 50 }),
        }),
        { maxLength: 4 },
      ),
      kills: fc.nat({ max: 50 }),
      extra: fc.nat({ max: 1_000 }),
      ticketTaxBps: fc.nat({ max: 2_000 }),
      fixed: fc.nat({ max: 5_000_000 }),
    })
    .map((b) => ({
      capacity: b.tiers.reduce((a, t) => a + t.sold + t.comps, 0) + b.kills + b.extra,
      kills: b.kills,
      tiers: b.tiers,
      ticketTaxBps: b.ticketTaxBps,
      fixedExpenses: [{ label: 'f', amount: b.fixed }],
    }));

  it('payouts are never negative and every split sums back exactly', () => {
    fc.assert(
      fc.property(termsArb, boxArb, (terms, box) => {
        const s = settle(terms, box);
        expect(s.artistPayout).toBeGreaterThanOrEqual(0);
        expect(s.agencyCommission + s.artistNet).toBe(s.artistPayout);
        expect(s.artistNet).toBeGreaterThanOrEqual(0);
        expect(s.net).toBeLessThanOrEqual(s.gross);
        expect(s.ticketTax + s.net).toBe(s.adjustedGross);
        if (s.coHeadlineShares && s.coHeadlinePool !== null) {
          expect(s.coHeadlineShares.reduce((a, b) => a + b, 0)).toBe(s.coHeadlinePool);
        }
        if (terms.dealType === 'versus_net' || terms.dealType === 'versus_gross') {
          expect(s.artistPayout).toBe(Math.max(terms.guarantee, s.percentageAmount));
        }
        if (terms.dealType === 'flat') expect(s.artistPayout).toBe(terms.guarantee);
      }),
    );
  });
});
