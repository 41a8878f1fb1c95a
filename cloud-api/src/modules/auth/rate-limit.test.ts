import { describe, expect, it } from 'vitest';
import { ApiHttpError } from '../../http/errors';
import { SignInRateLimiter } from './rate-limit';

function limiter(options = { windowMs: 60_000, maxFailuresPerEmail: 3, maxAttemptsPerIp: 5 }) {
  let now = 1_000_000;
  const l = new SignInRateLimiter(options, () => now);
  return { l, advance: (ms: number) => (now += ms) };
}

function rejection(fn: () => void): ApiHttpError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiHttpError) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

describe('sign-in rate limiter', () => {
  it('blocks an e-mail after too many failures, until the window ends', () => {
    const { l, advance } = limiter();
    for (let i = 0; i < 3; i++) {
      l.begin('a@x.test', `10.0.0.${i}`);
      l.failed('a@x.test');
    }
    const err = rejection(() => l.begin('a@x.test', '10.0.0.9'));
    expect(err.statusCode).toBe(429);
    expect(err.code).toBe('rate_limited');
    expect(err.headers?.['retry-after']).toBe('60');
    expect(() => l.begin('b@x.test', '10.0.0.9')).not.toThrow();
    advance(60_000);
    expect(() => l.begin('a@x.test', '10.0.0.10')).not.toThrow();
  });

  it('forgets failures after a successful sign-in', () => {
    const { l } = limiter();
    for (let i = 0; i < 2; i++) l.failed('a@x.test');
    l.succeeded('a@x.test');
    for (let i = 0; i < 2; i++) l.failed('a@x.test');
    expect(() => l.begin('a@x.test', '10.0.0.1')).not.toThrow();
  });

  it('caps attempts per IP whatever the e-mail', () => {
    const { l, advance } = limiter();
    for (let i = 0; i < 5; i++) l.begin(`u${i}@x.test`, '192.0.2.1');
    expect(rejection(() => l.begin('other@x.test', '192.0.2.1')).statusCode).toBe(429);
    expect(() => l.begin('other@x.test', '192.0.2.2')).not.toThrow();
    advance(30_000);
    expect(rejection(() => l.begin('other@x.test', '192.0.2.1')).headers?.['retry-after']).toBe('30');
  });

  it('drops expired windows', () => {
    const { l, advance } = limiter();
    l.begin('a@x.test', '192.0.2.1');
    l.failed('a@x.test');
    expect(l.trackedKeys).toBe(2);
    advance(60_001);
    l.begin('a@x.test', '192.0.2.1');
    expect(l.trackedKeys).toBe(1);
  });
});
