import { describe, expect, it } from 'vitest';
import { createRng } from '../demo/prng';
import { euc2d } from './tsplib';
import { solveTsp, tourLength } from './tsp';

function randomInstance(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const xs = Array.from({ length: n }, () => rng.int(0, 1000));
  const ys = Array.from({ length: n }, () => rng.int(0, 1000));
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) m[i * n + j] = euc2d(xs[i] ?? 0, ys[i] ?? 0, xs[j] ?? 0, ys[j] ?? 0);
  return m;
}

function bruteForce(n: number, m: Float64Array): number {
  const d = (i: number, j: number) => m[i * n + j] ?? 0;
  let best = Number.POSITIVE_INFINITY;
  const used = new Uint8Array(n);
  const rec = (last: number, depth: number, acc: number) => {
    if (acc >= best) return;
    if (depth === n) {
      best = Math.min(best, acc + d(last, 0));
      return;
    }
    for (let j = 1; j < n; j++) {
      if (used[j]) continue;
      used[j] = 1;
      rec(j, depth + 1, acc + d(last, j));
      used[j] = 0;
    }
  };
  used[0] = 1;
  rec(0, 1, 0);
  return best;
}

const isPermutation = (tour: number[], n: number) =>
  tour.length === n && [...tour].sort((a, b) => a - b).every((v, i) => v === i);

describe('solveTsp', () => {
  it('handles tiny instances', () => {
    for (const n of [1, 2, 3]) {
      const r = solveTsp(n, randomInstance(n, n));
      expect(isPermutation(r.tour, n)).toBe(true);
    }
  });

  it('finds the exact optimum on small random instances', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const n = 4 + (seed % 6); // 4..9
      const m = randomInstance(n, seed);
      const r = solveTsp(n, m, { seed, maxIterations: 200, timeMs: 2000 });
      expect(isPermutation(r.tour, n)).toBe(true);
      expect(r.length).toBe(bruteForce(n, m));
    }
  });

  it('returns a valid tour whose length matches, never worse than nearest neighbour', () => {
    for (const seed of [7, 8, 9]) {
      const n = 150;
      const m = randomInstance(n, seed);
      const d = (i: number, j: number) => m[i * n + j] ?? 0;
      const r = solveTsp(n, d, { seed, maxIterations: 300, timeMs: 5000 });
      expect(isPermutation(r.tour, n)).toBe(true);
      expect(r.length).toBe(tourLength(r.tour, d));
      expect(r.length).toBeLessThanOrEqual(r.nearestNeighbourLength);
    }
  });

  it('is deterministic for a seed and iteration cap', () => {
    const m = randomInstance(80, 3);
    const a = solveTsp(80, m, { seed: 5, maxIterations: 100, timeMs: 10000 });
    const b = solveTsp(80, m, { seed: 5, maxIterations: 100, timeMs: 10000 });
    expect(a.tour).toEqual(b.tour);
  });
});
