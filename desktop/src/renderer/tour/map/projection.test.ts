import { describe, expect, it } from 'vitest';
import {
  applyView,
  clampView,
  FALLBACK_BBOX,
  fitProjection,
  IDENTITY,
  isCountryCollection,
  legPath,
  MAX_ZOOM,
  panBy,
  pointsBBox,
  wheelFactor,
  zoomAt,
} from './projection';

const paris = { lat: 48.857, lon: 2.352 };
const brussels = { lat: 50.85, lon: 4.35 };
const geneva = { lat: 46.204, lon: 6.143 };

describe('pointsBBox', () => {
  it('falls back to France/Benelux/Switzerland without stops', () => {
    expect(pointsBBox([])).toEqual(FALLBACK_BBOX);
    expect(
      pointsBBox([
        { lat: Number.NaN, lon: 2 },
        { lat: 95, lon: 2 },
      ]),
    ).toEqual(FALLBACK_BBOX);
  });

  it('pads the extent of the stops', () => {
    const b = pointsBBox(
      [
        { lat: 40, lon: 0 },
        { lat: 50, lon: 20 },
      ],
      0.1,
    );
    expect(b.west).toBeCloseTo(-2);
    expect(b.east).toBeCloseTo(22);
    expect(b.south).toBeCloseTo(39);
    expect(b.north).toBeCloseTo(51);
  });

  it('gives one stop (or identical stops) a minimum span', () => {
    const b = pointsBBox([paris, paris], 0.15, 2);
    expect(b.east - b.west).toBeCloseTo(2);
    expect(b.north - b.south).toBeCloseTo(2);
    expect((b.east + b.west) / 2).toBeCloseTo(paris.lon);
  });

  it('clamps to the world', () => {
    const b = pointsBBox([
      { lat: 89, lon: 179 },
      { lat: -10, lon: -179 },
    ]);
    expect(b.east).toBe(180);
    expect(b.west).toBe(-180);
    expect(b.north).toBe(84);
  });
});

describe('fitProjection', () => {
  it('fits the stops inside the margins', () => {
    const stops = [paris, brussels, geneva];
    const projection = fitProjection(pointsBBox(stops), 800, 400, 24);
    for (const s of stops) {
      const [x, y] = projection([s.lon, s.lat]) ?? [Number.NaN, Number.NaN];
      expect(x).toBeGreaterThanOrEqual(24);
      expect(x).toBeLessThanOrEqual(776);
      expect(y).toBeGreaterThanOrEqual(24);
      expect(y).toBeLessThanOrEqual(376);
    }
    const [, yBrussels] = projection([brussels.lon, brussels.lat]) ?? [0, 0];
    const [, yGeneva] = projection([geneva.lon, geneva.lat]) ?? [0, 0];
    expect(yBrussels).toBeLessThan(yGeneva); // north is up
  });

  it('does not break on a single stop, far-away stops or the equator', () => {
    const one = fitProjection(pointsBBox([paris]), 800, 400);
    const [x, y] = one([paris.lon, paris.lat]) ?? [0, 0];
    expect(x).toBeCloseTo(400, 0);
    expect(y).toBeCloseTo(200, 0);
    const far = fitProjection(
      pointsBBox([paris, { lat: 40.7, lon: -74 }, { lat: -33.9, lon: 151.2 }]),
      800,
      400,
    );
    expect(far([paris.lon, paris.lat])?.every(Number.isFinite)).toBe(true);
    const equator = fitProjection(
      pointsBBox([
        { lat: -1, lon: 30 },
        { lat: 1, lon: 32 },
      ]),
      800,
      400,
    );
    expect(equator([31, 0])?.every(Number.isFinite)).toBe(true);
    expect(fitProjection(FALLBACK_BBOX, 0, 0)([2, 48])?.every(Number.isFinite)).toBe(true);
  });
});

describe('pan and zoom', () => {
  it('zooms around the given point', () => {
    const v = zoomAt(IDENTITY, 2, [100, 50], 800, 400);
    expect(v).toEqual({ k: 2, x: -100, y: -50 });
    expect(applyView(v, [100, 50])).toEqual([100, 50]);
    expect(applyView(v, [0, 0])).toEqual([-100, -50]);
  });

  it('clamps the zoom to 1…40', () => {
    expect(zoomAt(IDENTITY, 0.5, [400, 200], 800, 400).k).toBe(1);
    expect(zoomAt({ k: 30, x: 0, y: 0 }, 2, [0, 0], 800, 400).k).toBe(MAX_ZOOM);
    expect(clampView({ k: 100, x: 0, y: 0 }, 800, 400).k).toBe(40);
  });

  it('keeps at least half the map in view when panning', () => {
    expect(panBy(IDENTITY, 1000, -1000, 800, 400)).toEqual({ k: 1, x: 400, y: -200 });
    expect(panBy(IDENTITY, 30, 20, 800, 400)).toEqual({ k: 1, x: 30, y: 20 });
    // zoomed in 2×: the map is 1600 wide, x may go down to 800·(1−2) − 400 = −1200
    expect(panBy({ k: 2, x: 0, y: 0 }, -5000, 0, 800, 400).x).toBe(-1200);
  });

  it('turns wheel deltas into zoom factors', () => {
    expect(wheelFactor(0)).toBe(1);
    expect(wheelFactor(-260)).toBeCloseTo(2);
    expect(wheelFactor(260)).toBeCloseTo(0.5);
    expect(wheelFactor(100_000)).toBe(wheelFactor(500));
  });
});

describe('legPath', () => {
  it('bends a leg to the left of its direction', () => {
    expect(legPath([0, 100], [100, 100], 0.2)).toBe('M0,100Q50,80 100,100');
    // the return leg bends the other way, so it does not cover the outbound one
    expect(legPath([100, 100], [0, 100], 0.2)).toBe('M100,100Q50,120 0,100');
  });

  it('trims the ends towards the control point', () => {
    expect(legPath([0, 0], [100, 0], 0, 10, 20)).toBe('M10,0Q50,0 80,0');
  });

  it('returns null for coincident or too short legs', () => {
    expect(legPath([5, 5], [5, 5])).toBeNull();
    expect(legPath([0, 0], [15, 0], 0.18, 10, 10)).toBeNull();
    expect(legPath([0, 0], [Number.NaN, 0])).toBeNull();
  });
});

describe('isCountryCollection', () => {
  it('accepts polygon collections only', () => {
    const square = [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ];
    const feature = {
      type: 'Feature',
      properties: { name: 'X', id: '1' },
      geometry: { type: 'Polygon', coordinates: square },
    };
    expect(isCountryCollection({ type: 'FeatureCollection', features: [feature] })).toBe(true);
    expect(
      isCountryCollection({ type: 'FeatureCollection', features: [{ ...feature, geometry: null }] }),
    ).toBe(false);
    expect(isCountryCollection({ type: 'Feature' })).toBe(false);
    expect(isCountryCollection(null)).toBe(false);
  });
});
