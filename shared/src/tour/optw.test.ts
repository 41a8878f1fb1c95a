import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../demo/prng';
import { checkOptwRoute, type OptwInstance, OptwError, parseOptw, solveOptw } from './optw';

const SMALL = `1 3 3 1
0 200
  0 0.00 0.00 0.00 0.00 0 0 0 100
  1 10.00 0.00 5.00 10.00 1 1 1 0 50
  2 10.00 10.00 5.00 20.00 1 2 1 2 30 40
  3 0.00 10.00 5.00 30.00 1 1 1 90 95
`;

function randomOptw(customers: number, seed: number): OptwInstance {
  const rng = createRng(seed);
  const n = customers + 1;
  const horizon = rng.int(80, 300);
  const inst: OptwInstance = { x: [], y: [], service: [], score: [], open: [], close: [] };
  for (let i = 0; i < n; i++) {
    inst.x.push(rng.int(0, 50));
    inst.y.push(rng.int(0, 50));
    inst.service.push(i === 0 ? 0 : rng.int(0, 10));
    inst.score.push(i === 0 ? 0 : rng.int(1, 30));
    const o = i === 0 ? 0 : rng.int(0, horizon - 10);
    inst.open.push(o);
    inst.close.push(i === 0 ? horizon : Math.min(horizon, o + rng.int(5, 120)));
  }
  return inst;
}

/** Exact optimum by DP over (visited set, last point) keeping the earliest service start. */
function bruteForce(inst: OptwInstance): number {
  const c = inst.x.length - 1;
  const t = (a: number, b: number) =>
    Math.hypot((inst.x[a] ?? 0) - (inst.x[b] ?? 0), (inst.y[a] ?? 0) - (inst.y[b] ?? 0));
  const full = 1 << c;
  const dp = new Float64Array(full * c).fill(Number.POSITIVE_INFINITY);
  const reach = (from: number, at: number, to: number) => {
    const s = Math.max(at + (inst.service[from] ?? 0) + t(from, to), inst.open[to] ?? 0);
    return s <= (inst.close[to] ?? 0) ? s : Number.POSITIVE_INFINITY;
  };
  for (let i = 0; i < c; i++) dp[(1 << i) * c + i] = reach(0, inst.open[0] ?? 0, i + 1);
  let best = 0;
  for (let mask = 1; mask < full; mask++) {
    let sc = 0;
    for (let i = 0; i < c; i++) if (mask & (1 << i)) sc += inst.score[i + 1] ?? 0;
    for (let i = 0; i < c; i++) {
      const v = dp[mask * c + i] ?? Number.POSITIVE_INFINITY;
      if (!Number.isFinite(v)) continue;
      if (v + (inst.service[i + 1] ?? 0) + t(i + 1, 0) <= (inst.close[0] ?? 0)) best = Math.max(best, sc);
      for (let j = 0; j < c; j++) {
        if (mask & (1 << j)) continue;
        const k = (mask | (1 << j)) * c + j;
        dp[k] = Math.min(dp[k] ?? 0, reach(i + 1, v, j + 1));
      }
    }
  }
  return best;
}

describe('parseOptw', () => {
  it('parses points, windows and the optional list', () => {
    const inst = parseOptw(SMALL);
    expect(inst.x).toEqual([0, 10, 10, 0]);
    expect(inst.service).toEqual([0, 5, 5, 5]);
    expect(inst.score).toEqual([0, 10, 20, 30]);
    expect(inst.open).toEqual([0, 0, 30, 90]);
    expect(inst.close).toEqual([100, 50, 40, 95]);
  });

  const bad: [string, string, RegExp][] = [
    ['an empty file', '', /empty file/],
    ['a missing second line', '1 3 3 1\n', /missing second header/],
    ['no points', '1 3 0 1\n0 200\n', /no point lines/],
    ['a non-number', SMALL.replace('10.00 10.00', '10.00 ten'), /line 5: expected numbers/],
    ['a wrong list length', SMALL.replace('1 2 1 2 30 40', '1 2 1 30 40'), /line 5: expected 11 fields/],
    ['a skipped point id', SMALL.replace('  3 0.00', '  4 0.00'), /line 6: expected point 3/],
    ['an empty window', SMALL.replace('90 95', '95 90'), /line 6: time window \[95, 90\] is empty/],
    ['a point count mismatch', SMALL.replace('1 3 3 1', '1 3 7 1'), /line 1: header says N = 7/],
    [
      'a short line',
      SMALL.replace('  3 0.00 10.00 5.00 30.00 1 1 1 90 95', '3 0 10'),
      /line 6: expected "i x y/,
    ],
  ];
  for (const [label, text, re] of bad) {
    it(`rejects ${label}`, () => {
      expect(() => parseOptw(text)).toThrow(OptwError);
      expect(() => parseOptw(text)).toThrow(re);
    });
  }
});

describe('checkOptwRoute', () => {
  const inst = parseOptw(SMALL);
  it('waits for a window to open and reports start times', () => {
    const r = checkOptwRoute(inst, [0, 1, 2, 0]);
    expect(r.feasible).toBe(true);
    expect(r.score).toBe(30);
    expect(r.starts).toEqual([0, 10, 30, 35 + Math.hypot(10, 10)]);
  });
  it.each([
    [[0, 2, 3, 1, 0], /point 1 reached/],
    [[0, 1, 1, 0], /twice/],
    [[0, 1, 0, 2, 0], /point 0 inside/],
    [[0, 9, 0], /unknown point/],
    [[1, 0], /start and end at point 0/],
  ])('rejects %j', (route, re) => {
    const r = checkOptwRoute(inst, route);
    expect(r.feasible).toBe(false);
    expect(r.error).toMatch(re);
  });
});

describe('solveOptw', () => {
  it('solves the tiny instance', () => {
    const inst = parseOptw(SMALL);
    const r = solveOptw(inst, { timeMs: 20 });
    expect(r.score).toBe(bruteForce(inst));
    const check = checkOptwRoute(inst, r.route);
    expect(check.feasible).toBe(true);
    r.starts.forEach((s, k) => {
      expect(s).toBeCloseTo(check.starts[k] ?? Number.NaN, 9);
    });
    expect(r.duration).toBeCloseTo(check.length, 9);
  });

  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`matches the brute-force optimum (9 customers, seed ${seed})`, () => {
      const inst = randomOptw(9, seed);
      const r = solveOptw(inst, { timeMs: 100, seed });
      const optimum = bruteForce(inst);
      // Non-trivial: some, but not all, of the score can be collected.
      expect(optimum).toBeGreaterThan(0);
      expect(optimum).toBeLessThan(inst.score.reduce((a, b) => a + b, 0));
      expect(r.score).toBe(optimum);
      expect(checkOptwRoute(inst, r.route).feasible).toBe(true);
    });
  }

  it('always returns a feasible route whose score matches the checker', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 1e6 }), (customers, seed) => {
        const inst = randomOptw(customers, seed);
        const r = solveOptw(inst, { timeMs: 15, seed });
        const check = checkOptwRoute(inst, r.route);
        expect(check.feasible).toBe(true);
        expect(check.score).toBe(r.score);
        if (customers <= 9) expect(r.score).toBeLessThanOrEqual(bruteForce(inst));
      }),
      { numRuns: 40 },
    );
  });
});
