import { describe, expect, it } from 'vitest';
import { layoutBars, niceCeil, ticks } from './chart';

describe('revenue chart geometry', () => {
  it('rounds the scale up to a nice value', () => {
    expect(niceCeil(0)).toBe(1);
    expect(niceCeil(7)).toBe(10);
    expect(niceCeil(1_234_500)).toBe(2_000_000);
    expect(niceCeil(2_400_000)).toBe(2_500_000);
    expect(niceCeil(5_000)).toBe(5_000);
    expect(ticks(2_000_000)).toEqual([0, 500_000, 1_000_000, 1_500_000, 2_000_000]);
  });

  it('lays out one bar per month, proportional to the scale', () => {
    const box = { width: 140, height: 120, left: 20, bottom: 20, top: 0 };
    const { bars, max } = layoutBars(['2026-10', '2026-11'], [50, 100], [5, 10], box);
    expect(max).toBe(100);
    expect(bars[1]).toEqual({
      month: '2026-11',
      x: 20 + 60 + 12,
      width: 36,
      y: 0,
      height: 100,
      commissionY: 90,
      commissionHeight: 10,
    });
    expect(bars[0]?.height).toBe(50);
    expect(layoutBars(['2026-10'], [0], [0], box).bars[0]?.height).toBe(0);
  });
});
