import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { geoArea, geoContains } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { isCountryCollection } from './projection';

const file = fileURLToPath(new URL('../../../../../resources/geo/europe-countries.json', import.meta.url));

describe('shipped country outlines', () => {
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));

  it('is a small FeatureCollection of named polygons', () => {
    expect(statSync(file).size).toBeLessThanOrEqual(450_000);
    expect(isCountryCollection(data)).toBe(true);
  });

  it('has no inverted rings (d3 would fill the whole map with them)', () => {
    if (!isCountryCollection(data)) throw new Error('not a collection');
    const largest = Math.max(...data.features.map((f) => geoArea(f)));
    expect(largest).toBeGreaterThan(0.01); // Russia's European part, in steradians
    expect(largest).toBeLessThan(0.1);
  });

  it('contains the core countries with their ISO numeric ids, whole', () => {
    if (!isCountryCollection(data)) throw new Error('not a collection');
    const byId = new Map(data.features.map((f) => [f.properties.id, f]));
    expect(byId.get('250')?.properties.name).toBe('France');
    expect(byId.get('056')?.properties.name).toBe('Belgium');
    expect(byId.get('756')?.properties.name).toBe('Switzerland');
    for (const id of ['826', '578', '792', '504', '643']) expect(byId.has(id)).toBe(true);
    const france = byId.get('250');
    if (!france) throw new Error('no France');
    expect(geoContains(france, [2.35, 48.86])).toBe(true); // Paris
    expect(geoContains(france, [9.15, 42.15])).toBe(true); // Corsica
    expect(geoContains(france, [4.35, 50.85])).toBe(false); // Brussels
    expect(geoContains(byId.get('756') ?? france, [7.45, 46.95])).toBe(true); // Bern
  });

  it('rounds coordinates to 3 decimals', () => {
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/\.\d{4,}/);
  });
});
