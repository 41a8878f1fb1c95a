import { HealthResponse } from '@flowstage/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, ROOT_ROOM } from './helpers';

describe('HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(async () => {
    await h.dispose();
  });

  it('GET /health → 200 HealthResponse with rooms and connections', async () => {
    const a = await h.client(ROOT_ROOM);
    const b = await h.client(ROOT_ROOM);
    await Promise.all([a.synced(), b.synced()]);

    const res = await fetch(`${h.server.url}/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = HealthResponse.parse(await res.json());
    expect(body).toMatchObject({
      status: 'ok',
      service: 'sync-server',
      details: { rooms: 1, connections: 2 },
    });
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.uptimeS).toBeGreaterThanOrEqual(0);
  });

  it('anything else → 404 JSON', async () => {
    for (const [method, path] of [
      ['GET', '/'],
      ['GET', '/healthz'],
      ['POST', '/health'],
      ['GET', `/${ROOT_ROOM}`],
    ] as const) {
      const res = await fetch(`${h.server.url}${path}`, { method });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'no such route' } });
    }
  });

  it('the URLs point at the listening port', () => {
    expect(h.server.url).toBe(`http://127.0.0.1:${h.server.port}`);
    expect(h.server.wsUrl).toBe(`ws://127.0.0.1:${h.server.port}`);
    expect(h.server.port).toBeGreaterThan(0);
  });
});
