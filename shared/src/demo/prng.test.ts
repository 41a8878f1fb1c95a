import { describe, expect, it } from 'vitest';
import { createRng, sfc32, splitmix32, weightedPicker } from './prng';

describe('seeded PRNG', () => {
  it('gives the same sequence for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 1000 }, () => a.uint32());
    const ys = Array.from({ length: 1000 }, () => b.uint32());
    expect(xs).toEqual(ys);
  });

  it('pins its output, so demo data never changes silently', () => {
    const r = createRng(20260901);
    expect(Array.from({ length: 4 }, () => r.uint32())).toEqual([
      2784674676, 868685580, 552487838, 1281948005,
    ]);
    const gen = sfc32(1, 2, 3, 4);
    expect([gen(), gen(), gen()]).toEqual([7, 34, 56623200]);
    const mix = splitmix32(0);
    expect([mix(), mix()]).toEqual([1684164658, 3653269916]);
  });

  it('matches the reference sfc32 formulation (signed 32-bit arithmetic)', () => {
    const reference = (a0: number, b0: number, c0: number, d0: number) => {
      let a = a0 | 0;
      let b = b0 | 0;
      let c = c0 | 0;
      let d = d0 | 0;
      return () => {
        const t = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (c << 21) | (c >>> 11);
        c = (c + t) | 0;
        return t >>> 0;
      };
    };
    const seeds = [0x9e3779b9, 0x243f6a88, 0xb7e15162, 0xdeadbeef] as const;
    const ours = sfc32(...seeds);
    const ref = reference(...seeds);
    for (let i = 0; i < 10_000; i++) expect(ours()).toBe(ref());
  });

  it('differs between seeds', () => {
    const a = createRng(1);
    const b = createRng(2);
    const same = Array.from({ length: 100 }, () => a.uint32() === b.uint32()).filter(Boolean).length;
    expect(same).toBeLessThan(3);
  });

  it('returns floats in [0, 1) and integers within inclusive bounds', () => {
    const r = createRng(7);
    const seen = new Set<number>();
    let bad = 0;
    for (let i = 0; i < 20_000; i++) {
      const f = r.next();
      if (!(f >= 0 && f < 1)) bad++;
      seen.add(r.int(-3, 3));
    }
    expect(bad).toBe(0);
    expect([...seen].sort((x, y) => x - y)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(() => r.int(5, 4)).toThrow(RangeError);
  });

  it('is roughly uniform', () => {
    const r = createRng(99);
    const buckets = new Array<number>(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const b = Math.floor(r.next() * 10);
      buckets[b] = (buckets[b] ?? 0) + 1;
    }
    // chi-square with 9 degrees of freedom: 27.9 is the 0.1% critical value
    const chi = buckets.reduce((s, c) => s + (c - n / 10) ** 2 / (n / 10), 0);
    expect(chi).toBeLessThan(27.9);
  });

  it('forks deterministic, independent streams', () => {
    const a1 = createRng(5).fork('artists');
    const a2 = createRng(5).fork('artists');
    const v = createRng(5).fork('venues');
    const xs = Array.from({ length: 50 }, () => a1.uint32());
    expect(Array.from({ length: 50 }, () => a2.uint32())).toEqual(xs);
    expect(Array.from({ length: 50 }, () => v.uint32())).not.toEqual(xs);
    // forking does not consume the parent's stream
    const p1 = createRng(5);
    const p2 = createRng(5);
    p1.fork('x');
    expect(p1.uint32()).toBe(p2.uint32());
  });

  it('picks by weight, never a zero weight', () => {
    const r = createRng(3);
    const counts = { a: 0, b: 0, c: 0 };
    const pick = weightedPicker(['a', 'b', 'c'] as const, [1, 0, 3]);
    for (let i = 0; i < 40_000; i++) counts[pick(r)]++;
    expect(counts.b).toBe(0);
    expect(counts.c / counts.a).toBeGreaterThan(2.7);
    expect(counts.c / counts.a).toBeLessThan(3.3);
    for (let i = 0; i < 1000; i++) expect(r.weighted(['x', 'y'], [0, 2])).toBe('y');
    expect(() => r.weighted(['x'], [0])).toThrow(RangeError);
    expect(() => weightedPicker([], [])).toThrow(RangeError);
  });

  it('shuffles into a permutation and fills bytes', () => {
    const r = createRng(11);
    const items = Array.from({ length: 30 }, (_, i) => i);
    const shuffled = r.shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
    const bytes = r.bytes(17);
    expect(bytes).toHaveLength(17);
    expect(bytes.some((b) => b !== 0)).toBe(true);
    expect(() => r.pick([])).toThrow(RangeError);
  });
});
