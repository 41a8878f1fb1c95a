import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT } from '../src/ratelimit';
import { eventually, Harness, ROOT_ROOM } from './helpers';

describe('the default rate limit', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('slows a client that sends 600 updates at once instead of refusing it; nothing is lost', async () => {
    const { messagesPerSecond, burst } = DEFAULT_RATE_LIMIT;
    const a = await h.client(ROOT_ROOM);
    const closes: number[] = [];
    a.provider.on('connection-close', (event) => {
      if (event) closes.push(event.code);
    });
    await a.synced();
    const started = performance.now();
    const text = a.doc.getText('t');
    for (let i = 0; i < 600; i++) text.insert(text.length, String(i % 10)); // one message each
    await eventually(() => expect(h.server.metrics().updatesStored).toBe(600), 15_000);
    const elapsed = performance.now() - started;

    // The bucket lets `burst` through at once, then `messagesPerSecond`.
    expect(elapsed).toBeGreaterThanOrEqual(((600 - burst - 1) / messagesPerSecond) * 1000 - 50);
    expect(h.server.metrics()).toMatchObject({ messagesRejected: 0, connections: 1 });
    expect(h.server.metrics().messagesThrottled).toBeGreaterThan(0);
    expect(closes).toEqual([]);
    expect(h.storedText(ROOT_ROOM)).toBe(text.toString());

    const late = await h.client(ROOT_ROOM);
    await late.synced();
    expect(late.text()).toBe(text.toString());
  });

  it('a large initial sync is one message: never throttled', async () => {
    const offline = await h.client(ROOT_ROOM);
    offline.provider.disconnect();
    const text = offline.doc.getText('t');
    for (let i = 0; i < 2000; i++) text.insert(text.length, 'x');
    offline.provider.connect();
    await eventually(() => expect(h.storedText(ROOT_ROOM)).toHaveLength(2000));
    expect(h.server.metrics().messagesThrottled).toBe(0);
  });
});
