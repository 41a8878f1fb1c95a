/**
 * Road distances between places: haversine × a road factor by default, or any
 * distance-matrix provider (an OSRM `table` endpoint lives in the desktop core, which may
 * do I/O), behind one interface and a pair cache shared by every provider.
 */
import { haversineKm } from '../../domain/deals/radius';

export interface LatLon {
  lat: number;
  lon: number;
}

/** n × n matrices, row-major: km[i * n + j]; hours null when the source has no durations. */
export interface DistanceMatrix {
  n: number;
  km: Float64Array;
  hours: Float64Array | null;
  /** Which provider answered (shown in the planner: "distances: OSRM" / "straight line × 1.3"). */
  source: string;
}

export interface DistanceProvider {
  readonly name: string;
  matrix(points: readonly LatLon[], signal?: AbortSignal): Promise<DistanceMatrix>;
}

/** Road distance ≈ great-circle distance × factor (1.3 is typical for European roads). */
export const DEFAULT_ROAD_FACTOR = 1.3;

export function haversineMatrix(points: readonly LatLon[], roadFactor = DEFAULT_ROAD_FACTOR): DistanceMatrix {
  const n = points.length;
  const km = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const a = points[i] as LatLon;
    for (let j = i + 1; j < n; j++) {
      const b = points[j] as LatLon;
      const d = haversineKm(a.lat, a.lon, b.lat, b.lon) * roadFactor;
      km[i * n + j] = d;
      km[j * n + i] = d;
    }
  }
  return { n, km, hours: null, source: `haversine×${roadFactor}` };
}

export function haversineProvider(roadFactor = DEFAULT_ROAD_FACTOR): DistanceProvider {
  if (!(roadFactor >= 1 && roadFactor <= 3)) throw new RangeError('road factor must be between 1 and 3');
  return { name: `haversine×${roadFactor}`, matrix: async (points) => haversineMatrix(points, roadFactor) };
}

/** Where pair distances are kept between runs (a Map in memory, a table in SQLite…). */
export interface PairStore {
  get(key: string): { km: number; hours: number | null } | undefined;
  set(key: string, value: { km: number; hours: number | null }): void;
}

/** Coordinates rounded to ~1 m: the same venue always hits the same cache entry. */
export function pairKey(provider: string, a: LatLon, b: LatLon): string {
  return `${provider}|${a.lat.toFixed(5)},${a.lon.toFixed(5)}|${b.lat.toFixed(5)},${b.lon.toFixed(5)}`;
}

/** A bounded in-memory store (least recently used pairs go first). */
export function memoryPairStore(limit = 200_000): PairStore {
  const map = new Map<string, { km: number; hours: number | null }>();
  return {
    get(key) {
      const v = map.get(key);
      if (v) {
        map.delete(key);
        map.set(key, v);
      }
      return v;
    },
    set(key, value) {
      map.delete(key);
      map.set(key, value);
      if (map.size > limit) map.delete(map.keys().next().value as string);
    },
  };
}

export interface CacheStats {
  hits: number;
  misses: number;
  requests: number;
}

/**
 * Wraps a provider with a pair cache: only the points involved in a missing pair are sent
 * to the provider (one request), the rest is read back from the store.
 */
export function cachedProvider(
  inner: DistanceProvider,
  store: PairStore = memoryPairStore(),
): DistanceProvider & { stats: CacheStats } {
  const stats: CacheStats = { hits: 0, misses: 0, requests: 0 };
  const key = (a: LatLon, b: LatLon) => pairKey(inner.name, a, b);
  return {
    name: inner.name,
    stats,
    async matrix(points, signal) {
      const n = points.length;
      const km = new Float64Array(n * n);
      const hours = new Float64Array(n * n);
      let withHours = true;
      const missing = new Set<number>();
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          if (i === j) continue;
          const v = store.get(key(points[i] as LatLon, points[j] as LatLon));
          if (!v) {
            missing.add(i);
            missing.add(j);
            stats.misses++;
            continue;
          }
          stats.hits++;
          km[i * n + j] = v.km;
          if (v.hours === null) withHours = false;
          else hours[i * n + j] = v.hours;
        }
      if (missing.size > 0) {
        const idx = [...missing].sort((a, b) => a - b);
        stats.requests++;
        const sub = await inner.matrix(
          idx.map((i) => points[i] as LatLon),
          signal,
        );
        if (sub.n !== idx.length || sub.km.length !== idx.length ** 2)
          throw new Error(`${inner.name}: expected a ${idx.length}×${idx.length} matrix`);
        for (const [a, i] of idx.entries())
          for (const [b, j] of idx.entries()) {
            if (i === j) continue;
            const v = {
              km: sub.km[a * idx.length + b] as number,
              hours: sub.hours ? (sub.hours[a * idx.length + b] as number) : null,
            };
            store.set(key(points[i] as LatLon, points[j] as LatLon), v);
            km[i * n + j] = v.km;
            if (v.hours === null) withHours = false;
            else hours[i * n + j] = v.hours;
          }
      }
      return { n, km, hours: withHours ? hours : null, source: inner.name };
    },
  };
}
