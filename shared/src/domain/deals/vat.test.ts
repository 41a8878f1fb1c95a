import { describe, expect, it } from 'vitest';
import { vatRatesOn, vatReverseChargeApplies } from './vat';

describe('VAT table', () => {
  it('gives the rates in force per country and date, standard first', () => {
    expect(vatRatesOn('FR', '2026-05-01').map((r) => r.bps)).toEqual([2000, 550]);
    expect(vatRatesOn('BE', '2026-05-01')[0]?.bps).toBe(2100);
    expect(vatRatesOn('CH', '2023-06-01').map((r) => r.bps)).toEqual([770]);
    expect(vatRatesOn('CH', '2026-05-01').map((r) => r.bps)).toEqual([810]);
  });
  it('reverse-charges EU B2B cross-border only', () => {
    expect(vatReverseChargeApplies('FR', 'BE')).toBe(true);
    expect(vatReverseChargeApplies('FR', 'FR')).toBe(false);
    expect(vatReverseChargeApplies('FR', 'CH')).toBe(false);
    expect(vatReverseChargeApplies('BE', 'FR', false)).toBe(false);
  });
});
