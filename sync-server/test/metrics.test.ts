import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, redisSkipReason, storageFor, withoutRedis } from './cluster';
import { eventually, Harness, ROOT_ROOM } from './helpers';

redisSkipReason('metrics.test.ts');

interface Metric {
  type: 'counter' | 'gauge';
  help: string;
  value: number;
}

/** A strict reader of the Prometheus text format (0.0.4) for label-less samples. */
function parsePrometheus(text: string): Map<string, Metric> {
  expect(text.endsWith('\n')).toBe(true);
  const metrics = new Map<string, Metric>();
  const help = new Map<string, string>();
  const types = new Map<string, Metric['type']>();
  for (const line of text.slice(0, -1).split('\n')) {
    const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)$/.exec(line);
    if (meta) {
      const [, kind, name, rest] = meta as unknown as [string, string, string, string];
      if (kind === 'HELP') help.set(name, rest);
      else {
        expect(['counter', 'gauge']).toContain(rest);
        types.set(name, rest as Metric['type']);
      }
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*) (-?\d+(?:\.\d+)?(?:e[+-]?\d+)?|NaN|[+-]Inf)$/.exec(line);
    if (!sample) throw new Error(`not a Prometheus line: ${line}`);
    const [, name, raw] = sample as unknown as [string, string, string];
    const type = types.get(name);
    if (!type) throw new Error(`sample before its TYPE: ${name}`);
    if (type === 'counter') expect(name).toMatch(/_total$/);
    expect(metrics.has(name)).toBe(false);
    metrics.set(name, { type, help: help.get(name) ?? '', value: Number(raw) });
  }
  return metrics;
}

async function scrape(url: string): Promise<Map<string, Metric>> {
  const res = await fetch(`${url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parsePrometheus(await res.text());
}

describe('GET /metrics', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(async () => {
    await h.dispose();
  });

  it('exposes the counters and gauges in the Prometheus text format', async () => {
    const a = await h.client(ROOT_ROOM);
    await a.synced();
    a.doc.getText('t').insert(0, 'counted');
    await eventually(() => expect(h.server.metrics().updatesStored).toBe(1));

    const m = await scrape(h.server.url);
    const value = (name: string) => m.get(name)?.value;
    expect(value('flowstage_sync_rooms')).toBe(1);
    expect(value('flowstage_sync_connections')).toBe(1);
    expect(value('flowstage_sync_manifest_connections')).toBe(0);
    expect(value('flowstage_sync_updates_stored_total')).toBe(1);
    expect(value('flowstage_sync_updates_refused_total')).toBe(0);
    expect(value('flowstage_sync_connections_accepted_total')).toBe(1);
    expect(value('flowstage_sync_received_bytes_total')).toBeGreaterThan(0);
    expect(value('flowstage_sync_sent_bytes_total')).toBeGreaterThan(0);
    expect(value('process_resident_memory_bytes')).toBeGreaterThan(1_000_000);
    expect(m.get('flowstage_sync_rooms')).toMatchObject({
      type: 'gauge',
      help: 'Documents loaded in memory.',
    });
    expect(m.has('flowstage_sync_redis_connected')).toBe(false);

    const head = await fetch(`${h.server.url}/metrics`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe.skipIf(withoutRedis)('GET /metrics with the Redis fan-out', () => {
  it('adds the fan-out figures', async () => {
    const cluster = await Cluster.start(storageFor(null));
    try {
      const [A, B] = cluster.servers as [(typeof cluster.servers)[0], (typeof cluster.servers)[0]];
      const a = await cluster.client(A, ROOT_ROOM);
      const b = await cluster.client(B, ROOT_ROOM);
      await Promise.all([a.synced(), b.synced()]);
      a.doc.getText('t').insert(0, 'fanned out');
      await eventually(() => expect(b.text()).toBe('fanned out'));
      const onA = await scrape(A.url);
      const onB = await scrape(B.url);
      expect(onA.get('flowstage_sync_redis_connected')?.value).toBe(1);
      expect(onA.get('flowstage_sync_redis_published_total')?.value).toBeGreaterThan(0);
      expect(onB.get('flowstage_sync_redis_received_total')?.value).toBeGreaterThan(0);
      expect(onB.get('flowstage_sync_redis_publish_failures_total')?.value).toBe(0);
    } finally {
      await cluster.dispose();
    }
  });
});
