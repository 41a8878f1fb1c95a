import { describe, expect, it } from 'vitest';
import { assertRateLimit, DEFAULT_RATE_LIMIT, TokenBucket } from './ratelimit';

describe('TokenBucket', () => {
  it('allows a burst, then refills at the rate, and tells how long until the next token', () => {
    let now = 0;
    const bucket = new TokenBucket({ messagesPerSecond: 10, burst: 3 }, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    expect(bucket.msUntilToken()).toBe(100);
    now = 50;
    expect(bucket.msUntilToken()).toBe(50);
    expect(bucket.take()).toBe(false);
    now = 100;
    expect(bucket.msUntilToken()).toBe(0);
    expect(bucket.take()).toBe(true);
    now = 10_000;
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });

  it('throttles unless told to close', () => {
    expect(new TokenBucket(DEFAULT_RATE_LIMIT).throttles).toBe(true);
    expect(new TokenBucket({ messagesPerSecond: 1, burst: 1 }).throttles).toBe(true);
    expect(new TokenBucket({ messagesPerSecond: 1, burst: 1, onExceeded: 'close' }).throttles).toBe(false);
  });

  it('refuses nonsense limits', () => {
    expect(() => assertRateLimit({ messagesPerSecond: 0, burst: 1 })).toThrow(RangeError);
    expect(() => assertRateLimit({ messagesPerSecond: 1, burst: 0 })).toThrow(RangeError);
    expect(() => assertRateLimit({ messagesPerSecond: Number.NaN, burst: 1 })).toThrow(RangeError);
  });
});
