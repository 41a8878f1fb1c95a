import { describe, expect, it } from 'vitest';
import { cachedProvider, haversineMatrix, haversineProvider, memoryPairStore, pairKey } from './distance';

const paris = { lat: 48.8566, lon: 2.3522 };
const lyon = { lat: 45.764, lon: 4.8357 };

describe('distances', () => {
  it('estimates road km as great-circle km × the road factor, symmetric, zero on the diagonal', () => {
    const m = haversineMatrix([paris, lyon], 1.3);
    expect(m.km[0]).toBe(0);
    expect(m.km[1]).toBeCloseTo(391.5 * 1.3, 0);
    expect(m.km[2]).toBe(m.km[1]);
    expect(m.hours).toBeNull();
    expect(() => haversineProvider(0.5)).toThrow(/road factor/);
  });

  it('caches pairs and keeps the store bounded (least recently used out first)', async () => {
    const store = memoryPairStore(2);
    store.set('a', { km: 1, hours: null });
    store.set('b', { km: 2, hours: null });
    store.get('a');
    store.set('c', { km: 3, hours: null });
    expect(store.get('b')).toBeUndefined();
    expect(store.get('a')?.km).toBe(1);
    const cached = cachedProvider(haversineProvider(1.2));
    await cached.matrix([paris, lyon]);
    const m = await cached.matrix([lyon, paris]);
    expect(cached.stats).toMatchObject({ requests: 1, hits: 2 });
    expect(m.km[1]).toBeCloseTo(391.5 * 1.2, 0);
    expect(pairKey('p', paris, lyon)).toBe('p|48.85660,2.35220|45.76400,4.83570');
  });
});
