/**
 * Road distances from an OSRM-compatible `table` service (OSRM, or any server speaking
 * its HTTP API): the matrix is asked in blocks of sources × destinations that fit the
 * server's table size, answers checked with zod, metres and seconds turned into km and hours. Pairs the service cannot route fall back to the straight-line
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
  /** Most coordinates in one table request (OSRM's `--max-table-size`, 100 by default). */
  maxTableSize?: number;
}

export function osrmProvider(options: OsrmOptions): DistanceProvider {
  const base = new URL(options.baseUrl);
  if (base.protocol !== 'http:' && base.protocol !== 'https:')
    throw new OsrmError('the OSRM address must be http(s)');
  const profile = encodeURIComponent(options.profile ?? 'driving');
  const root = base.href.endsWith('/') ? base.href : `${base.href}/`;
  const block = Math.max(1, Math.floor((options.maxTableSize ?? 100) / 2));
  const source = `osrm:${base.host}`;

  /** One table request: rows for `from`, columns for `to` (indices into `points`). */
  async function table(points: readonly LatLon[], from: number[], to: number[], signal?: AbortSignal) {
    const ids = [...new Set([...from, ...to])];
    const at = new Map(ids.map((p, k) => [p, k]));
    const coords = ids.map((p) => `${points[p]?.lon.toFixed(6)},${points[p]?.lat.toFixed(6)}`).join(';');
    const url = new URL(`table/v1/${profile}/${coords}`, root);
    url.searchParams.set('annotations', 'distance,duration');
    if (ids.length !== points.length || from.length !== points.length) {
      url.searchParams.set('sources', from.map((p) => at.get(p)).join(';'));
      url.searchParams.set('destinations', to.map((p) => at.get(p)).join(';'));
    }
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 15_000);
    let body: unknown;
    try {
      const res = await fetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
      body = await res.json().catch(() => null);
      if (!res.ok && !(body && typeof body === 'object' && 'code' in body))
        throw new OsrmError(`OSRM answered HTTP ${res.status}`);
    } catch (e) {
      if (e instanceof OsrmError) throw e;
      throw new OsrmError(`OSRM unreachable at ${base.host}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const parsed = TableResponse.safeParse(body);
    if (!parsed.success) throw new OsrmError('OSRM answered something that is not a table response');
    const t = parsed.data;
    if (t.code !== 'Ok') throw new OsrmError(`OSRM: ${t.code}${t.message ? ` (${t.message})` : ''}`);
    if (!t.distances || t.distances.length !== from.length || t.distances.some((r) => r.length !== to.length))
      throw new OsrmError(`OSRM: expected a ${from.length}×${to.length} distance table`);
    return { distances: t.distances, durations: t.durations };
  }

  return {
    name: source,
    async matrix(points: readonly LatLon[], signal?: AbortSignal): Promise<DistanceMatrix> {
      const n = points.length;
      if (n < 2) return { ...haversineMatrix(points), source };
      const fallback = haversineMatrix(points, options.roadFactor ?? DEFAULT_ROAD_FACTOR);
      const km = new Float64Array(n * n);
      const hours = new Float64Array(n * n);
      const blocks: number[][] = [];
      for (let b = 0; b < n; b += n <= 2 * block ? n : block)
        blocks.push(Array.from({ length: Math.min(n <= 2 * block ? n : block, n - b) }, (_, k) => b + k));
      for (const from of blocks)
        for (const to of blocks) {
          const t = await table(points, from, to, signal);
          for (const [r, i] of from.entries())
            for (const [c, j] of to.entries()) {
              const m = t.distances[r]?.[c];
              const sec = t.durations?.[r]?.[c];
              const k = i * n + j;
              km[k] = m === null || m === undefined ? (fallback.km[k] as number) : m / 1000;
              hours[k] = sec === null || sec === undefined ? (km[k] as number) / 80 : sec / 3600;
            }
        }
      return { n, km, hours, source };
    },
  };
}
