import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineKm, type RadiusDeal, radiusConflicts } from './radius';

// DOMAIN.md example clause: 150 km, 60 days before, 30 after.
const clause = { radiusKm: 150, radiusDaysBefore: 60, radiusDaysAfter: 30 };
const PARIS = { lat: 48.8566, lon: 2.3522 };
const ROUEN = { lat: 49.4431, lon: 1.0993 }; // ≈ 112 km from Paris
const LYON = { lat: 45.764, lon: 4.8357 }; // ≈ 391.5 km from Paris

const d = (id: string, date: string, at: { lat: number; lon: number }, stage = 'hold'): RadiusDeal =>
  ({ id, date, stage, ...at }) as RadiusDeal;

describe('radius clause', () => {
  it('haversine: Paris–Lyon ≈ 391.5 km', () => {
    expect(haversineKm(PARIS.lat, PARIS.lon, LYON.lat, LYON.lon)).toBeCloseTo(391.5, 0);
    expect(haversineKm(PARIS.lat, PARIS.lon, ROUEN.lat, ROUEN.lon)).toBeGreaterThan(100);
  });

  it('flags a hold within 150 km, 60 days before a confirmed show (inclusive)', () => {
    const show = d('show', '2026-06-30', PARIS, 'confirmed');
    const r = radiusConflicts(clause, [show, d('h1', '2026-05-01', ROUEN)]);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ anchorId: 'show', otherId: 'h1', daysApart: -60 });
    expect(r[0]?.distanceKm).toBeGreaterThan(100);
    expect(r[0]?.distanceKm).toBeLessThan(150);
    // 61 days before: outside
    expect(radiusConflicts(clause, [show, d('h1', '2026-04-30', ROUEN)])).toEqual([]);
  });

  it('30 days after inclusive; 31 days out; too far never conflicts', () => {
    const show = d('show', '2026-06-30', PARIS, 'contract_signed');
    expect(radiusConflicts(clause, [show, d('h', '2026-07-30', ROUEN)])[0]?.daysApart).toBe(30);
    expect(radiusConflicts(clause, [show, d('h', '2026-07-31', ROUEN)])).toEqual([]);
    expect(radiusConflicts(clause, [show, d('h', '2026-07-01', LYON)])).toEqual([]);
  });

  it('only shows anchor a clause; dead deals are ignored', () => {
    expect(radiusConflicts(clause, [d('a', '2026-06-01', PARIS), d('b', '2026-06-02', PARIS)])).toEqual([]);
    const show = d('show', '2026-06-30', PARIS, 'confirmed');
    expect(radiusConflicts(clause, [show, d('x', '2026-06-29', PARIS, 'released')])).toEqual([]);
  });

  it('two shows: the clause of the later show catches the earlier one', () => {
    // a is 40 days before b: outside a's 30-days-after window but inside b's 60-days-before
    const a = d('a', '2026-05-21', PARIS, 'confirmed');
    const b = d('b', '2026-06-30', PARIS, 'confirmed');
    expect(radiusConflicts(clause, [a, b])).toEqual([
      { anchorId: 'b', otherId: 'a', distanceKm: 0, daysApart: -40 },
    ]);
  });

  it('property: symmetric (input order never changes the result) and distance symmetric', () => {
    const stage = fc.constantFrom('hold', 'offer', 'confirmed', 'played', 'released');
    const deal = fc.record({
      lat: fc.double({ min: 42, max: 51, noNaN: true }),
      lon: fc.double({ min: -4, max: 8, noNaN: true }),
      day: fc.nat({ max: 200 }),
      stage,
    });
    fc.assert(
      fc.property(fc.array(deal, { maxLength: 8 }), fc.nat(), (raw, seed) => {
        const deals = raw.map((r, i) => ({
          id: `d${i}`,
          date: new Date(Date.UTC(2026, 0, 1 + r.day)).toISOString().slice(0, 10),
          stage: r.stage,
          lat: r.lat,
          lon: r.lon,
        })) as RadiusDeal[];
        const k = seed % (deals.length || 1);
        const shuffled = [...deals.slice(k), ...deals.slice(0, k)].reverse();
        const key = (c: { anchorId: string; otherId: string }) => `${c.anchorId}>${c.otherId}`;
        expect(radiusConflicts(clause, shuffled).map(key).sort()).toEqual(
          radiusConflicts(clause, deals).map(key).sort(),
        );
        for (const c of radiusConflicts(clause, deals)) {
          expect(c.distanceKm).toBeLessThanOrEqual(150);
          expect(c.daysApart).toBeGreaterThanOrEqual(-60);
          expect(c.daysApart).toBeLessThanOrEqual(30);
        }
        for (const a of deals)
          for (const b of deals)
            expect(haversineKm(a.lat, a.lon, b.lat, b.lon)).toBeCloseTo(
              haversineKm(b.lat, b.lon, a.lat, a.lon),
              9,
            );
      }),
    );
  });
});
