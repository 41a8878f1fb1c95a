/** Pure geometry of the offline tour map: extent, projection, pan/zoom and leg paths. */
import { type GeoProjection, geoConicConformal } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';

export type Point = readonly [x: number, y: number];

export interface BBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Shown when there is nothing to fit: France, Benelux and Switzerland. */
export const FALLBACK_BBOX: BBox = { west: -5.2, south: 41.3, east: 10.5, north: 53.6 };
export const MIN_ZOOM = 1;
export const MAX_ZOOM = 40;

const MAX_LAT = 84;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Bounding box of the points, padded by `pad` of its span on each side and at least `minSpan`
 * degrees wide and high (one stop, or several at the same place). Invalid coordinates are ignored;
 * with no valid point the fallback extent is returned.
 */
export function pointsBBox(points: readonly { lat: number; lon: number }[], pad = 0.15, minSpan = 2): BBox {
  const valid = points.filter(
    (p) =>
      Number.isFinite(p.lat) && Number.isFinite(p.lon) && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180,
  );
  if (valid.length === 0) return { ...FALLBACK_BBOX };
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const p of valid) {
    west = Math.min(west, p.lon);
    east = Math.max(east, p.lon);
    south = Math.min(south, p.lat);
    north = Math.max(north, p.lat);
  }
  const padX = Math.max((east - west) * pad, (minSpan - (east - west)) / 2, 0);
  const padY = Math.max((north - south) * pad, (minSpan - (north - south)) / 2, 0);
  return {
    west: clamp(west - padX, -180, 180),
    east: clamp(east + padX, -180, 180),
    south: clamp(south - padY, -MAX_LAT, MAX_LAT),
    north: clamp(north + padY, -MAX_LAT, MAX_LAT),
  };
}

/** Points along the edges of the box, so a conic fit includes its curved top and bottom. */
export function bboxOutline(b: BBox, steps = 8): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const lon = b.west + ((b.east - b.west) * i) / steps;
    const lat = b.south + ((b.north - b.south) * i) / steps;
    out.push([lon, b.south], [lon, b.north], [b.west, lat], [b.east, lat]);
  }
  return out;
}

/**
 * A conformal conic projection centred on the box (standard parallels at 1/6 and 5/6 of its
 * height) fitted into width × height with `margin` pixels on every side.
 */
export function fitProjection(b: BBox, width: number, height: number, margin = 24): GeoProjection {
  const w = Math.max(width, 2 * margin + 1);
  const h = Math.max(height, 2 * margin + 1);
  const span = b.north - b.south;
  const centerLon = (b.west + b.east) / 2;
  let p1 = b.south + span / 6;
  let p2 = b.north - span / 6;
  // Parallels on both sides of the equator cancel out the cone; keep them in one hemisphere.
  if (Math.abs(p1 + p2) < 1) [p1, p2] = [1, 2];
  return geoConicConformal()
    .rotate([-centerLon, 0])
    .parallels([p1, p2])
    .fitExtent(
      [
        [margin, margin],
        [w - margin, h - margin],
      ],
      { type: 'MultiPoint', coordinates: bboxOutline(b) },
    );
}

/** Pan/zoom state: screen = k · projected + (x, y). */
export interface View {
  k: number;
  x: number;
  y: number;
}

export const IDENTITY: View = { k: 1, x: 0, y: 0 };

export function applyView(v: View, [px, py]: Point): [number, number] {
  return [v.k * px + v.x, v.k * py + v.y];
}

/**
 * Keeps the zoom within MIN_ZOOM…MAX_ZOOM and the map from leaving the viewport: at most half
 * of it may be panned away on each side.
 */
export function clampView(v: View, width: number, height: number): View {
  const k = clamp(v.k, MIN_ZOOM, MAX_ZOOM);
  return {
    k,
    x: clamp(v.x, width * (1 - k) - width / 2, width / 2),
    y: clamp(v.y, height * (1 - k) - height / 2, height / 2),
  };
}

/** Multiplies the zoom by `factor`, keeping the screen point `at` fixed. */
export function zoomAt(v: View, factor: number, at: Point, width: number, height: number): View {
  const k = clamp(v.k * factor, MIN_ZOOM, MAX_ZOOM);
  const ratio = k / v.k;
  return clampView({ k, x: at[0] - (at[0] - v.x) * ratio, y: at[1] - (at[1] - v.y) * ratio }, width, height);
}

export function panBy(v: View, dx: number, dy: number, width: number, height: number): View {
  return clampView({ k: v.k, x: v.x + dx, y: v.y + dy }, width, height);
}

/** Wheel delta (pixels) to a zoom factor: one notch (100 px) zooms by ~1.3. */
export function wheelFactor(deltaY: number): number {
  return 2 ** (-clamp(deltaY, -500, 500) / 260);
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * A leg from a to b as a gentle quadratic arc bending to the left of the direction of travel
 * (so a return leg does not cover the outbound one), trimmed by `trimStart`/`trimEnd` pixels so
 * it starts and ends at the marker edges. Null when the points coincide or the trim eats it.
 */
export function legPath(a: Point, b: Point, bend = 0.18, trimStart = 0, trimEnd = 0): string | null {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  if (!Number.isFinite(length) || length <= trimStart + trimEnd + 1) return null;
  const c: Point = [(a[0] + b[0]) / 2 + dy * bend, (a[1] + b[1]) / 2 - dx * bend];
  const toward = (p: Point, q: Point, d: number): Point => {
    const l = Math.hypot(q[0] - p[0], q[1] - p[1]) || 1;
    return [p[0] + ((q[0] - p[0]) * d) / l, p[1] + ((q[1] - p[1]) * d) / l];
  };
  const s = toward(a, c, trimStart);
  const e = toward(b, c, trimEnd);
  return `M${round1(s[0])},${round1(s[1])}Q${round1(c[0])},${round1(c[1])} ${round1(e[0])},${round1(e[1])}`;
}

export interface CountryProps {
  name: string;
  id: string | null;
}

/** Cheap shape check of the bundled outlines (the JSON is typed loosely by TypeScript). */
export function isCountryCollection(value: unknown): value is FeatureCollection<Geometry, CountryProps> {
  if (typeof value !== 'object' || value === null) return false;
  const fc = value as { type?: unknown; features?: unknown };
  return (
    fc.type === 'FeatureCollection' &&
    Array.isArray(fc.features) &&
    fc.features.every((f: unknown) => {
      const g = (f as { geometry?: { type?: unknown } } | null)?.geometry;
      return g?.type === 'Polygon' || g?.type === 'MultiPolygon';
    })
  );
}
