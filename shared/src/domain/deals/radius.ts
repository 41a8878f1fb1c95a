/**
 * Radius-clause conflicts (DOMAIN.md, "Holds and the life of a date"): the artist may not
 * play within R km of the venue during D days before / D' days after a show.
 *
 * A pair conflicts when one deal is a show (SHOW_STAGES, the clause's anchor), the other
 * is any live deal of the same artist (not released / declined / cancelled), the
 * great-circle (haversine) distance between venues is ≤ R km, and the other date falls
 * in [anchor − D, anchor + D'] (inclusive). When both are shows either may be the anchor;
 * the pair is reported once, so the result does not depend on input order. The result is
 * string-free (ids and numbers) for the UI to translate.
 */
import { z } from 'zod';
import { DealStage, type DealStage as DealStageT } from '../enums';
import { IsoDate } from '../records';
import { SHOW_STAGES } from '../stages';

export const EARTH_RADIUS_KM = 6371.0088;

export const RadiusClause = z.object({
  radiusKm: z.number().int().min(0).max(2000),
  radiusDaysBefore: z.number().int().min(0).max(365),
  radiusDaysAfter: z.number().int().min(0).max(365),
});
export type RadiusClause = z.infer<typeof RadiusClause>;

export const RadiusDeal = z.object({
  id: z.string().min(1),
  date: IsoDate,
  stage: DealStage,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type RadiusDeal = z.infer<typeof RadiusDeal>;

export interface RadiusConflict {
  /** The show whose clause is broken. */
  anchorId: string;
  /** The deal that breaks it. */
  otherId: string;
  distanceKm: number;
  /** other.date − anchor.date in days (negative: before the show). */
  daysApart: number;
}

const DEAD: ReadonlySet<DealStageT> = new Set(['released', 'declined', 'cancelled']);

export function haversineKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLon = (bLon - aLon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

function breaks(clause: RadiusClause, anchor: RadiusDeal, other: RadiusDeal, km: number) {
  if (!SHOW_STAGES.has(anchor.stage) || km > clause.radiusKm) return null;
  const days = dayNumber(other.date) - dayNumber(anchor.date);
  if (days < -clause.radiusDaysBefore || days > clause.radiusDaysAfter) return null;
  return days;
}

/** All pairs of the artist's deals that break the radius clause, each pair once. */
export function radiusConflicts(
  clauseInput: RadiusClause,
  dealsInput: readonly RadiusDeal[],
): RadiusConflict[] {
  const clause = RadiusClause.parse(clauseInput);
  const deals = z
    .array(RadiusDeal)
    .parse(dealsInput)
    .filter((d) => !DEAD.has(d.stage))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: RadiusConflict[] = [];
  for (let i = 0; i < deals.length; i++) {
    for (let j = i + 1; j < deals.length; j++) {
      const a = deals[i] as RadiusDeal;
      const b = deals[j] as RadiusDeal;
      if (a.id === b.id) continue;
      const km = haversineKm(a.lat, a.lon, b.lat, b.lon);
      const ab = breaks(clause, a, b, km);
      if (ab !== null) {
        out.push({ anchorId: a.id, otherId: b.id, distanceKm: km, daysApart: ab });
        continue;
      }
      const ba = breaks(clause, b, a, km);
      if (ba !== null) out.push({ anchorId: b.id, otherId: a.id, distanceKm: km, daysApart: ba });
    }
  }
  return out;
}
