/**
 * Road distances from an OSRM-compatible `table` service (OSRM, or any server speaking
 * its HTTP API): one request per matrix, answers checked with zod, metres and seconds
 * turned into km and hours. Pairs the service cannot route fall back to the straight-line
 * estimate, so a tour never fails on one unroutable venue.
 */
import {
  DEFAULT_ROAD_FACTOR,
  type DistanceMatrix,
  type DistanceProvider,
  haversineMatrix,
  type LatLon,
} from '@flowstage/shared/tour/plan/index';
import { z } from 'zod';

const TableResponse = z.object({
  code: z.string(),
  message: z.string().optional(),
  distances: z.array(z.array(z.number().min(0).nullable())).optional(),
  durations: z.array(z.array(z.number().min(0).nullable())).optional(),
});

export class OsrmError extends Error {
  override readonly name = 'OsrmError';
}

export interface OsrmOptions {
  /** e.g. `http://router.local:5000` (the profile path is added). */
  baseUrl: string;
  profile?: string;
  timeoutMs?: number;
  /** For pairs OSRM cannot route. */
  roadFactor?: number;
}

export function osrmProvider(options: OsrmOptions): DistanceProvider {
  const base = new URL(options.baseUrl);
  if (base.protocol !== 'http:' && base.protocol !== 'https:')
    throw new OsrmError('the OSRM address must be http(s)');
  const profile = options.profile ?? 'driving';
  return {
    name: `osrm:${base.host}`,
    async matrix(points: readonly LatLon[], signal?: AbortSignal): Promise<DistanceMatrix> {
      const n = points.length;
      if (n < 2) return { ...haversineMatrix(points), source: `osrm:${base.host}` };
      const coords = points.map((p) => `${p.lon.toFixed(6)},${p.lat.toFixed(6)}`).join(';');
      const url = new URL(
        `table/v1/${encodeURIComponent(profile)}/${coords}`,
        base.href.endsWith('/') ? base : `${base.href}/`,
      );
      url.searchParams.set('annotations', 'distance,duration');
      const timeout = AbortSignal.timeout(options.timeoutMs ?? 15_000);
      let body: unknown;
      try {
        const res = await fetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
        body = await res.json().catch(() => null);
        if (!res.ok && !(body && typeof body === 'object' && 'code' in body))
          throw new OsrmError(`OSRM answered HTTP ${res.status}`);
      } catch (e) {
        if (e instanceof OsrmError) throw e;
        throw new OsrmError(
          `OSRM unreachable at ${base.host}: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
      const parsed = TableResponse.safeParse(body);
      if (!parsed.success) throw new OsrmError('OSRM answered something that is not a table response');
      const t = parsed.data;
      if (t.code !== 'Ok') throw new OsrmError(`OSRM: ${t.code}${t.message ? ` (${t.message})` : ''}`);
      if (!t.distances || t.distances.length !== n || t.distances.some((r) => r.length !== n))
        throw new OsrmError(`OSRM: expected a ${n}×${n} distance table`);
      const fallback = haversineMatrix(points, options.roadFactor ?? DEFAULT_ROAD_FACTOR);
      const km = new Float64Array(n * n);
      const hours = new Float64Array(n * n);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          const m = t.distances[i]?.[j];
          const s = t.durations?.[i]?.[j];
          const k = i * n + j;
          const est = fallback.km[k] as number;
          km[k] = m === null || m === undefined ? est : m / 1000;
          hours[k] = s === null || s === undefined ? (km[k] as number) / 80 : s / 3600;
        }
      return { n, km, hours, source: `osrm:${base.host}` };
    },
  };
}
