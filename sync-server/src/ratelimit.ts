/**
 * A token bucket per connection: `burst` messages at once, refilled at `messagesPerSecond`.
 *
 * On by default (`DEFAULT_RATE_LIMIT`: 200 messages/s, bursts of 400), and by default a
 * client over the limit is throttled, not refused: the server stops reading its socket until
 * the bucket holds a token again, so TCP pushes back on the client and nothing is lost. A
 * client that replays thousands of queued edits one message each is slowed to the rate,
 * never disconnected (y-websocket would not reconnect after a 44xx close); a flooding
 * client costs the server at most the rate. `onExceeded: 'close'` closes with 4429 instead.
 */
export interface RateLimit {
  messagesPerSecond: number;
  burst: number;
  /** Over the limit: 'throttle' (the default) holds messages back; 'close' closes with 4429. */
  onExceeded?: 'throttle' | 'close';
}

export const DEFAULT_RATE_LIMIT: RateLimit = { messagesPerSecond: 200, burst: 400, onExceeded: 'throttle' };

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

  get throttles(): boolean {
    return this.limit.onExceeded !== 'close';
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until the bucket holds a whole token again (0 if it does now). */
  msUntilToken(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.limit.messagesPerSecond) * 1000);
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(
      this.limit.burst,
      this.tokens + ((t - this.last) / 1000) * this.limit.messagesPerSecond,
    );
    this.last = t;
  }
}

export function assertRateLimit(limit: RateLimit): void {
  if (!(limit.messagesPerSecond > 0) || !(limit.burst >= 1)) {
    throw new RangeError('rate limit needs messagesPerSecond > 0 and burst >= 1');
  }
  if (limit.onExceeded !== undefined && limit.onExceeded !== 'throttle' && limit.onExceeded !== 'close') {
    throw new RangeError("rate limit onExceeded must be 'throttle' or 'close'");
  }
}
