import { describe, expect, it } from 'vitest';
import { cityCoordinates } from './city-geo';

describe('cityCoordinates', () => {
  it('finds a demo city by folded name and country', () => {
    expect(cityCoordinates('paris', 'FR')).toEqual({ lat: 48.8566, lon: 2.3522, located: true });
    expect(cityCoordinates('  PARIS ', 'FR').located).toBe(true);
  });

  it('falls back to 0/0 for an unknown city, an empty one or another country', () => {
    expect(cityCoordinates('Nowhere-sur-Mer', 'FR')).toEqual({ lat: 0, lon: 0, located: false });
    expect(cityCoordinates('', 'FR').located).toBe(false);
    expect(cityCoordinates('Paris', 'CH').located).toBe(false);
  });
});
