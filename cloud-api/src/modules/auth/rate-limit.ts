/**
 * Sign-in throttling, in memory (per process): failed attempts per e-mail address and
 * all attempts per client IP, in fixed windows. With several API instances each keeps
 * its own counters, so the effective limit is multiplied by the instance count; a shared
 * store (Postgres or Redis) replaces this when the API is scaled out.
 */
import { ApiHttpError } from '../../http/errors';

export interface SignInRateLimitOptions {
  windowMs: number;
  /** Failed sign-ins allowed per e-mail address per window (a success resets the count). */
  maxFailuresPerEmail: number;
  /** Sign-in attempts allowed per client IP per window. */
  maxAttemptsPerIp: number;
}

export const DEFAULT_SIGN_IN_RATE_LIMIT: SignInRateLimitOptions = {
  windowMs: 15 * 60 * 1000,
  maxFailuresPerEmail: 10,
  maxAttemptsPerIp: 100,
};

interface Window {
  count: number;
  resetAt: number;
}

/** Past this many tracked keys, expired windows are swept on the next hit. */
const SWEEP_THRESHOLD = 10_000;

class FixedWindowCounter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly windowMs: number) {}

  count(key: string, now: number): Window | undefined {
    const w = this.windows.get(key);
    if (w && w.resetAt <= now) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }

  hit(key: string, now: number): void {
    if (this.windows.size >= SWEEP_THRESHOLD) this.sweep(now);
    const w = this.count(key, now);
    if (w) w.count += 1;
    else this.windows.set(key, { count: 1, resetAt: now + this.windowMs });
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  get size(): number {
    return this.windows.size;
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
  }
}

export class SignInRateLimiter {
  private readonly byEmail: FixedWindowCounter;
  private readonly byIp: FixedWindowCounter;

  constructor(
    private readonly options: SignInRateLimitOptions,
    private readonly nowMs: () => number,
  ) {
    this.byEmail = new FixedWindowCounter(options.windowMs);
    this.byIp = new FixedWindowCounter(options.windowMs);
  }

  /** Counts an attempt from `ip`; throws 429 `rate_limited` when the e-mail or the IP is over its limit. */
  begin(email: string, ip: string): void {
    const now = this.nowMs();
    const emailWindow = this.byEmail.count(email, now);
    const ipWindow = this.byIp.count(ip, now);
    const blocked = [
      emailWindow && emailWindow.count >= this.options.maxFailuresPerEmail ? emailWindow : undefined,
      ipWindow && ipWindow.count >= this.options.maxAttemptsPerIp ? ipWindow : undefined,
    ].filter((w): w is Window => w !== undefined);
    if (blocked.length > 0) {
      const resetAt = Math.max(...blocked.map((w) => w.resetAt));
      const retryAfterS = Math.max(1, Math.ceil((resetAt - now) / 1000));
      throw new ApiHttpError(
        429,
        'rate_limited',
        'Too many sign-in attempts; try again later',
        { retryAfterS },
        { 'retry-after': String(retryAfterS) },
      );
    }
    this.byIp.hit(ip, now);
  }

  failed(email: string): void {
    this.byEmail.hit(email, this.nowMs());
  }

  succeeded(email: string): void {
    this.byEmail.reset(email);
  }

  /** Number of tracked keys (e-mails + IPs), for tests and metrics. */
  get trackedKeys(): number {
    return this.byEmail.size + this.byIp.size;
  }
}
