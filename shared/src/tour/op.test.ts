import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../demo/prng';
import { checkOpRoute, type OpInstance, OpError, parseOp, solveOp } from './op';

const SMALL = `10\t1
0\t0\t0
6\t0\t0
3\t1\t5
3\t-1\t7

100\t100\t9
`;

function randomOp(customers: number, seed: number): OpInstance {
  const rng = createRng(seed);
  const n = customers + 2;
  const x = Array.from({ length: n }, () => rng.int(0, 100));
  const y = Array.from({ length: n }, () => rng.int(0, 100));
  const score = Array.from({ length: n }, (_, i) => (i < 2 ? 0 : rng.int(1, 20)));
  const dx = (x[0] ?? 0) - (x[1] ?? 0);
  const dy = (y[0] ?? 0) - (y[1] ?? 0);
  return { tmax: Math.hypot(dx, dy) + rng.float(20, 150), x, y, score };
}

/** Exact optimum by Held–Karp over subsets of customers. */
function bruteForce(inst: OpInstance): number {
  const n = inst.x.length;
  const c = n - 2;
  const d = (a: number, b: number) =>
    Math.hypot((inst.x[a] ?? 0) - (inst.x[b] ?? 0), (inst.y[a] ?? 0) - (inst.y[b] ?? 0));
  const full = 1 << c;
  const dp = new Float64Array(full * c).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < c; i++) dp[(1 << i) * c + i] = d(0, i + 2);
  let best = d(0, 1) <= inst.tmax ? 0 : Number.NEGATIVE_INFINITY;
  for (let mask = 1; mask < full; mask++) {
    let sc = 0;
    for (let i = 0; i < c; i++) if (mask & (1 << i)) sc += inst.score[i + 2] ?? 0;
    for (let i = 0; i < c; i++) {
      const v = dp[mask * c + i] ?? Number.POSITIVE_INFINITY;
      if (!Number.isFinite(v) || v > inst.tmax) continue;
      if (v + d(i + 2, 1) <= inst.tmax) best = Math.max(best, sc);
      for (let j = 0; j < c; j++) {
        if (mask & (1 << j)) continue;
        const k = (mask | (1 << j)) * c + j;
        dp[k] = Math.min(dp[k] ?? 0, v + d(i + 2, j + 2));
      }
    }
  }
  return best;
}

describe('parseOp', () => {
  it('parses Tmax, P and points, skipping blank lines', () => {
    const inst = parseOp(SMALL);
    expect(inst.tmax).toBe(10);
    expect(inst.x).toEqual([0, 6, 3, 3, 100]);
    expect(inst.score).toEqual([0, 0, 5, 7, 9]);
  });

  const bad: [string, string, RegExp][] = [
    ['an empty file', '\n\n', /empty file/],
    ['a bad header', '10\n0 0 0\n', /line 1: expected "Tmax P"/],
    ['several paths', '10 2\n0 0 0\n1 1 0\n', /line 1: only single-path/],
    ['a non-number', '10 1\n0 0 0\n1 x 0\n', /line 3: expected numbers/],
    ['a short point line', '10 1\n0 0 0\n\n1 1\n', /line 4: expected "x y score"/],
    ['a negative score', '10 1\n0 0 0\n1 1 -2\n', /line 3: negative score/],
    ['a single point', '10 1\n0 0 0\n', /need a start and an end/],
  ];
  for (const [label, text, re] of bad) {
    it(`rejects ${label}`, () => {
      expect(() => parseOp(text)).toThrow(OpError);
      expect(() => parseOp(text)).toThrow(re);
    });
  }
});

describe('checkOpRoute', () => {
  const inst = parseOp(SMALL);
  it('accepts a feasible route and sums its score and length', () => {
    const r = checkOpRoute(inst, [0, 2, 1]);
    expect(r.feasible).toBe(true);
    expect(r.score).toBe(5);
    expect(r.length).toBeCloseTo(2 * Math.hypot(3, 1));
  });
  it.each([
    [[0, 2, 3, 4, 1], /exceeds Tmax/],
    [[0, 2, 2, 1], /twice/],
    [[0, 7, 1], /unknown point/],
    [[2, 1], /start at point 0/],
  ])('rejects %j', (route, re) => {
    const r = checkOpRoute(inst, route);
    expect(r.feasible).toBe(false);
    expect(r.error).toMatch(re);
  });
});

describe('solveOp', () => {
  it('finds the optimum on a tiny instance', () => {
    const r = solveOp(parseOp(SMALL), { timeMs: 20 });
    expect([...r.route].sort()).toEqual([0, 1, 2, 3]);
    expect(r.score).toBe(12);
    expect(r.length).toBeCloseTo(2 * Math.hypot(3, 1) + 2);
  });

  it('returns the direct path when nothing fits', () => {
    const r = solveOp(parseOp('6 1\n0 0 0\n6 0 0\n3 5 10\n'), { timeMs: 10 });
    expect(r.route).toEqual([0, 1]);
    expect(r.score).toBe(0);
  });

  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`matches the brute-force optimum (9 customers, seed ${seed})`, () => {
      const inst = randomOp(9, seed);
      const r = solveOp(inst, { timeMs: 100, seed });
      const optimum = bruteForce(inst);
      // Non-trivial: some, but not all, of the score can be collected.
      expect(optimum).toBeGreaterThan(0);
      expect(optimum).toBeLessThan(inst.score.reduce((a, b) => a + b, 0));
      expect(r.score).toBe(optimum);
      expect(checkOpRoute(inst, r.route).feasible).toBe(true);
    });
  }

  it('always returns a feasible route whose score and length match the checker', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 1e6 }), (customers, seed) => {
        const inst = randomOp(customers, seed);
        const r = solveOp(inst, { timeMs: 15, seed });
        const check = checkOpRoute(inst, r.route);
        expect(check.feasible).toBe(true);
        expect(check.score).toBe(r.score);
        expect(check.length).toBeCloseTo(r.length, 6);
        expect(r.score).toBeLessThanOrEqual(customers <= 9 ? bruteForce(inst) : Number.POSITIVE_INFINITY);
      }),
      { numRuns: 40 },
    );
  });
});
