/** The revenue chart's geometry: a "nice" scale and bar rectangles, in SVG user units. Pure. */

/** The smallest 1, 2, 2.5 or 5 × 10^k at or above `value` (at least 1). */
export function niceCeil(value: number): number {
  if (!(value > 1)) return 1;
  const exp = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * exp >= value) return m * exp;
  return 10 * exp;
}

/** `count` + 1 evenly spaced axis values from 0 to `max`. */
export function ticks(max: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (max * i) / count);
}

export interface ChartBox {
  width: number;
  height: number;
  /** Room for axis labels. */
  left: number;
  bottom: number;
  top: number;
}

export interface Bar {
  month: string;
  x: number;
  width: number;
  /** Guarantee bar. */
  y: number;
  height: number;
  /** Commission bar, drawn inside the guarantee bar's slot. */
  commissionY: number;
  commissionHeight: number;
}

/** One slot per month; a bar's height is its share of the scale's maximum. */
export function layoutBars(
  months: readonly string[],
  guarantee: readonly number[],
  commission: readonly number[],
  box: ChartBox,
): { bars: Bar[]; max: number } {
  const max = niceCeil(Math.max(0, ...guarantee, ...commission));
  const plotW = box.width - box.left;
  const plotH = box.height - box.top - box.bottom;
  const slot = months.length > 0 ? plotW / months.length : plotW;
  const barW = slot * 0.6;
  const base = box.height - box.bottom;
  const bars = months.map((month, i) => {
    const g = Math.max(0, guarantee[i] ?? 0);
    const c = Math.max(0, commission[i] ?? 0);
    const h = (g / max) * plotH;
    const ch = (c / max) * plotH;
    return {
      month,
      x: box.left + i * slot + (slot - barW) / 2,
      width: barW,
      y: base - h,
      height: h,
      commissionY: base - ch,
      commissionHeight: ch,
    };
  });
  return { bars, max };
}
