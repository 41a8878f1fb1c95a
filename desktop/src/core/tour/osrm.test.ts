import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedProvider } from '@flowstage/shared/tour/plan/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDistanceProvider } from '../handlers/tour';
import { OsrmError, osrmProvider } from './osrm';
import { sqlitePairStore } from './pair-store';

// A local OSRM stand-in speaking the real `table` API: distance = 1 km per 0.01° of longitude.
let server: Server;
let base = '';
const requests: string[] = [];
/** The stand-in's `--max-table-size`. */
let maxTable = 100;
let reply: ((coords: [number, number][]) => { status: number; body: unknown }) | null = null;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '', 'http://osrm');
    const m = /^\/table\/v1\/driving\/(.+)$/.exec(url.pathname);
    const coords = (m?.[1] ?? '').split(';').map((c) => c.split(',').map(Number) as [number, number]);
    const pick = (param: string) => {
      const v = url.searchParams.get(param);
      return v ? v.split(';').map((i) => coords[Number(i)] as [number, number]) : coords;
    };
    const [rows, cols] = [pick('sources'), pick('destinations')];
    const ok = url.searchParams.get('annotations') === 'distance,duration' && coords.length <= maxTable;
    const out = reply?.(coords) ?? {
      status: ok ? 200 : 400,
      body: ok
        ? {
            code: 'Ok',
            distances: rows.map((a) => cols.map((b) => Math.abs(a[0] - b[0]) * 100_000)),
            durations: rows.map((a) => cols.map((b) => Math.abs(a[0] - b[0]) * 3600)),
          }
        : { code: 'TooBig', message: 'Too many table coordinates' },
    };
    res.writeHead(out.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(out.body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const pts = [
  { lat: 48.85, lon: 2.35 },
  { lat: 45.76, lon: 4.84 },
  { lat: 43.3, lon: 5.37 },
];

describe('osrmProvider', () => {
  it('reads km and hours from the table service', async () => {
    reply = null;
    const m = await osrmProvider({ baseUrl: base }).matrix(pts);
    expect(m.n).toBe(3);
    expect(m.km[1]).toBeCloseTo(249, 6);
    expect(m.hours?.[1]).toBeCloseTo(2.49, 6);
    expect(m.source).toBe(`osrm:${new URL(base).host}`);
    expect(requests.at(-1)).toBe(
      '/table/v1/driving/2.350000,48.850000;4.840000,45.760000;5.370000,43.300000?annotations=distance%2Cduration',
    );
  });

  it('fills unroutable pairs with the straight-line estimate', async () => {
    reply = () => ({
      status: 200,
      body: {
        code: 'Ok',
        distances: [
          [0, null],
          [null, 0],
        ],
        durations: [
          [0, null],
          [null, 0],
        ],
      },
    });
    const m = await osrmProvider({ baseUrl: base }).matrix(pts.slice(0, 2));
    expect(m.km[1]).toBeGreaterThan(390 * 1.3 - 5);
    expect(m.km[1]).toBeLessThan(392 * 1.3 + 5);
  });

  it('turns errors and malformed answers into clear OsrmErrors', async () => {
    reply = () => ({ status: 400, body: { code: 'InvalidQuery', message: 'Query string malformed' } });
    await expect(osrmProvider({ baseUrl: base }).matrix(pts)).rejects.toThrow(
      'OSRM: InvalidQuery (Query string malformed)',
    );
    reply = () => ({ status: 200, body: { code: 'Ok', distances: [[0]] } });
    await expect(osrmProvider({ baseUrl: base }).matrix(pts)).rejects.toThrow(
      /expected a 3×3 distance table/,
    );
    reply = () => ({ status: 502, body: 'bad gateway' });
    await expect(osrmProvider({ baseUrl: base }).matrix(pts)).rejects.toThrow(OsrmError);
    await expect(osrmProvider({ baseUrl: 'http://127.0.0.1:1' }).matrix(pts)).rejects.toThrow(
      /OSRM unreachable/,
    );
    expect(() => osrmProvider({ baseUrl: 'file:///etc/passwd' })).toThrow(/must be http/);
  });

  it('asks the service only for pairs the cache lacks', async () => {
    reply = null;
    const cached = cachedProvider(osrmProvider({ baseUrl: base }));
    const before = requests.length;
    await cached.matrix(pts.slice(0, 2));
    const again = await cached.matrix(pts.slice(0, 2));
    expect(requests.length - before).toBe(1);
    expect(again.km[1]).toBeCloseTo(249, 6);
    await cached.matrix(pts);
    expect(requests.length - before).toBe(2);
    expect(requests.at(-1)).toContain('2.350000,48.850000;4.840000,45.760000;5.370000,43.300000');
    const third = await cached.matrix([pts[2] as (typeof pts)[0], pts[0] as (typeof pts)[0]]);
    expect(requests.length - before).toBe(2);
    expect(third.km[1]).toBeCloseTo(302, 6);
    expect(cached.stats.requests).toBe(2);
  });

  it('keeps pairs on disk between sessions: a reopened store asks the service nothing', async () => {
    reply = null;
    const dir = mkdtempSync(join(tmpdir(), 'fs-osrm-'));
    try {
      const file = join(dir, 'distances.sqlite');
      const first = sqlitePairStore(file);
      await cachedProvider(osrmProvider({ baseUrl: base }), first).matrix(pts);
      first.close();
      const before = requests.length;
      const again = sqlitePairStore(file);
      const m = await cachedProvider(osrmProvider({ baseUrl: base }), again).matrix(pts.slice(0, 2));
      again.close();
      expect(requests.length).toBe(before);
      expect(m.km[1]).toBeCloseTo(249, 6);
      expect(m.hours?.[1]).toBeCloseTo(2.49, 6);
      // Bounded: past its limit the oldest pairs go.
      const small = sqlitePairStore(join(dir, 'small.sqlite'), 10);
      for (let i = 0; i < 1000; i++) small.set(`k${i}`, { km: i, hours: null });
      expect(small.get('k0')).toBeUndefined();
      expect(small.get('k999')).toEqual({ km: 999, hours: null });
      small.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses the router named by FLOWSTAGE_OSRM_URL, else the estimate', () => {
    expect(defaultDistanceProvider(null, {}).name).toBe('haversine×1.3');
    expect(defaultDistanceProvider(null, { FLOWSTAGE_OSRM_URL: base }).name).toBe(
      `osrm:${new URL(base).host}`,
    );
  });

  it('asks a large matrix in blocks that fit the server table size', async () => {
    reply = null;
    maxTable = 4;
    try {
      const seven = Array.from({ length: 7 }, (_, i) => ({ lat: 45 + i / 10, lon: 1 + i }));
      const before = requests.length;
      const m = await osrmProvider({ baseUrl: base, maxTableSize: 4 }).matrix(seven);
      const sent = requests.slice(before);
      expect(sent).toHaveLength(16);
      for (const u of sent)
        expect(new URL(u, 'http://osrm').pathname.split(';').length).toBeLessThanOrEqual(4);
      for (let i = 0; i < 7; i++)
        for (let j = 0; j < 7; j++)
          expect(m.km[i * 7 + j], `${i}→${j}`).toBeCloseTo(Math.abs(i - j) * 100, 6);
      // Without blocks the server refuses the request, with a clear error.
      await expect(osrmProvider({ baseUrl: base, maxTableSize: 100 }).matrix(seven)).rejects.toThrow(
        /TooBig/,
      );
    } finally {
      maxTable = 100;
    }
  });
});
