/**
 * A token bucket per connection: `burst` messages at once, refilled at `messagesPerSecond`.
 */
export interface RateLimit {
  messagesPerSecond: number;
  burst: number;
}

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {
    assertRateLimit(limit);
    this.tokens = limit.burst;
    this.last = now();
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(
      this.limit.burst,
      this.tokens + ((t - this.last) / 1000) * this.limit.messagesPerSecond,
    );
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export function assertRateLimit(limit: RateLimit): void {
  if (!(limit.messagesPerSecond > 0) || !(limit.burst >= 1)) {
    throw new RangeError('rate limit needs messagesPerSecond > 0 and burst >= 1');
  }
}
