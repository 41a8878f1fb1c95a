/**
 * Integer money helpers for deal maths (DOMAIN.md, "Money").
 *
 * All amounts are integer minor units. Internally we compute in BigInt so that
 * products such as price × tickets × basis points can never lose precision, and we
 * round once, half-even, at the last step of each figure.
 */

export const BPS = 10_000n;

export class MoneyError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MoneyError';
  }
}

/** num / den rounded half-even (banker's rounding). den must be > 0. */
export function divHalfEven(num: bigint, den: bigint): bigint {
  if (den <= 0n) throw new MoneyError('bad_denominator', 'denominator must be positive');
  const neg = num < 0n;
  const n = neg ? -num : num;
  let q = n / den;
  const r = n % den;
  const twice = 2n * r;
  if (twice > den || (twice === den && q % 2n === 1n)) q += 1n;
  return neg ? -q : q;
}

/** amount × bps / 10 000, rounded half-even. */
export function applyBps(amount: bigint, bps: number): bigint {
  return divHalfEven(amount * BigInt(bps), BPS);
}

/** Back to a JS number, refusing anything that is not a safe integer. */
export function toMinor(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    throw new MoneyError('overflow', `amount ${value} is outside the safe integer range`);
  }
  return n;
}

/**
 * Splits `total` minor units in proportion to non-negative integer `weights`, so that the
 * parts always sum back exactly to `total` (largest-remainder / Hamilton method):
 * every part first gets floor(total × w / Σw); the units left over go one each to the
 * parts with the largest remainders; ties go to the earlier part (stable, deterministic).
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new MoneyError('bad_total', 'total must be a non-negative integer');
  }
  if (weights.length === 0) throw new MoneyError('no_weights', 'at least one weight is needed');
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
    throw new MoneyError('bad_weight', 'weights must be non-negative integers');
  }
  const sum = weights.reduce((a, w) => a + BigInt(w), 0n);
  if (sum === 0n) throw new MoneyError('zero_weights', 'weights must not all be zero');
  const t = BigInt(total);
  const parts = weights.map((w) => (t * BigInt(w)) / sum);
  const rems = weights.map((w, i) => ({ i, r: (t * BigInt(w)) % sum }));
  let left = t - parts.reduce((a, p) => a + p, 0n);
  rems.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of rems) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map(toMinor);
}
