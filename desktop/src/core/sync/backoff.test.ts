import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('grows exponentially and stays within [exp/2, exp]', () => {
    expect(backoffDelay(1, 500, 30_000, () => 0)).toBe(250);
    expect(backoffDelay(1, 500, 30_000, () => 1)).toBe(500);
    expect(backoffDelay(3, 500, 30_000, () => 0)).toBe(1_000);
    expect(backoffDelay(3, 500, 30_000, () => 1)).toBe(2_000);
  });

  it('is capped', () => {
    expect(backoffDelay(50, 500, 30_000, () => 1)).toBe(30_000);
    expect(backoffDelay(50, 500, 30_000, () => 0)).toBe(15_000);
  });
});
