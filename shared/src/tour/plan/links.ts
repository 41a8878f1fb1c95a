/**
 * What joins two consecutive stops of a tour (or home to the first, the last to the end):
 * the kilometres, whether the drive fits the days between them, and the nights away it
 * adds. Between two shows far enough apart in time (the constraint `homeBreakDays`), the
 * artist goes home when the drives leave at least a day there: the link is then via home
 * and its days at home are not nights away. Every cost of a tour is a sum of its links, so
 * an insertion's change is local: link(a, s) + link(s, b) − link(a, b).
 *
 * Day −1 is home before the tour (node 0); day W is the end after it (node 1).
 */
import type { Compiled } from './compile';

const need = (cp: Compiled, a: number, b: number) => cp.need[a * cp.nodes.length + b] as number;

/** Whether the artist goes home between a show at node a on day ai and one at node b on day bi. */
export function isHomeBreak(cp: Compiled, a: number, ai: number, b: number, bi: number): boolean {
  const h = cp.problem.constraints.homeBreakDays;
  if (h === 0 || ai < 0 || bi >= cp.W) return false;
  const gap = bi - ai;
  return gap >= h && need(cp, a, 0) + need(cp, 0, b) <= gap - 1;
}

export function linkKm(cp: Compiled, a: number, ai: number, b: number, bi: number): number {
  const n = cp.nodes.length;
  if (isHomeBreak(cp, a, ai, b, bi)) return (cp.km[a * n] as number) + (cp.km[b] as number);
  return cp.km[a * n + b] as number;
}

/** The drive fits the calendar: one driving day per day between the stops, arrival day included. */
export function linkFits(cp: Compiled, a: number, ai: number, b: number, bi: number): boolean {
  return isHomeBreak(cp, a, ai, b, bi) || need(cp, a, b) <= bi - ai;
}

/**
 * Nights away the link adds: every night between two shows on the road; with a home break
 * only the nights on the road there and back; before the first show, the nights of the drive
 * out after the first driving day; after the last show, one per day of the drive home.
 */
export function linkNights(cp: Compiled, a: number, ai: number, b: number, bi: number): number {
  if (ai < 0 && bi >= cp.W) return 0;
  if (ai < 0) return Math.max(0, need(cp, 0, b) - 1);
  if (bi >= cp.W) return need(cp, a, 1);
  if (isHomeBreak(cp, a, ai, b, bi)) return need(cp, a, 0) + Math.max(0, need(cp, 0, b) - 1);
  return bi - ai;
}
