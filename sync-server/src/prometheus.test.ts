import { describe, expect, it } from 'vitest';
import { createCounters } from './metrics';
import { renderPrometheus } from './prometheus';

describe('renderPrometheus', () => {
  const base = { rooms: 2, connections: 3, manifestConnections: 1, ...createCounters(), updatesStored: 7 };
  const figures = { residentBytes: 1000, heapUsedBytes: 500, uptimeS: 1.5 };

  it('writes HELP, TYPE and one sample per metric', () => {
    const text = renderPrometheus({ ...base, redis: null }, figures);
    expect(text).toContain(
      '# HELP flowstage_sync_updates_stored_total Client updates durably stored and relayed.\n' +
        '# TYPE flowstage_sync_updates_stored_total counter\nflowstage_sync_updates_stored_total 7\n',
    );
    expect(text).toContain('# TYPE flowstage_sync_rooms gauge\nflowstage_sync_rooms 2\n');
    expect(text).toContain('process_resident_memory_bytes 1000\n');
    expect(text).toContain('flowstage_sync_uptime_seconds 1.5\n');
    expect(text).not.toContain('redis');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('adds the fan-out figures when Redis is on', () => {
    const redis = { connected: false, published: 4, received: 5, ignored: 6, publishFailures: 1 };
    const text = renderPrometheus({ ...base, redis }, figures);
    expect(text).toContain('flowstage_sync_redis_connected 0\n');
    expect(text).toContain('flowstage_sync_redis_published_total 4\n');
    expect(text).toContain('flowstage_sync_redis_received_total 5\n');
    expect(text).toContain('flowstage_sync_redis_publish_failures_total 1\n');
  });
});
