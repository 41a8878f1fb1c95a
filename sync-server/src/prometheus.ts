/**
 * `GET /metrics` in the Prometheus text exposition format (version 0.0.4): the server's
 * counters (`*_total`) and gauges, with the process's memory and uptime.
 */
import type { SyncServerMetrics } from './metrics';

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export interface ProcessFigures {
  residentBytes: number;
  heapUsedBytes: number;
  uptimeS: number;
}

type Sample = [name: string, type: 'counter' | 'gauge', help: string, value: number];

export function processFigures(startedAt: number): ProcessFigures {
  return {
    residentBytes: process.memoryUsage.rss(),
    heapUsedBytes: process.memoryUsage().heapUsed,
    uptimeS: (Date.now() - startedAt) / 1000,
  };
}

export function renderPrometheus(m: SyncServerMetrics, p: ProcessFigures): string {
  const samples: Sample[] = [
    ['flowstage_sync_rooms', 'gauge', 'Documents loaded in memory.', m.rooms],
    ['flowstage_sync_connections', 'gauge', 'Open room connections.', m.connections],
    [
      'flowstage_sync_manifest_connections',
      'gauge',
      'Open manifest channel connections.',
      m.manifestConnections,
    ],
    ['flowstage_sync_connections_accepted_total', 'counter', 'Connections accepted.', m.connectionsAccepted],
    ['flowstage_sync_connections_refused_total', 'counter', 'Upgrades refused.', m.connectionsRefused],
    [
      'flowstage_sync_updates_stored_total',
      'counter',
      'Client updates durably stored and relayed.',
      m.updatesStored,
    ],
    [
      'flowstage_sync_updates_refused_total',
      'counter',
      'Updates refused (read-only members).',
      m.updatesRefused,
    ],
    [
      'flowstage_sync_messages_rejected_total',
      'counter',
      'Connections closed for a bad, oversized or flooding message.',
      m.messagesRejected,
    ],
    [
      'flowstage_sync_messages_throttled_total',
      'counter',
      'Messages held back by the per-connection rate limit.',
      m.messagesThrottled,
    ],
    ['flowstage_sync_received_bytes_total', 'counter', 'Bytes received from clients.', m.bytesReceived],
    ['flowstage_sync_sent_bytes_total', 'counter', 'Bytes sent to clients.', m.bytesSent],
  ];
  if (m.redis) {
    samples.push(
      [
        'flowstage_sync_redis_connected',
        'gauge',
        '1 while both Redis connections are ready.',
        m.redis.connected ? 1 : 0,
      ],
      ['flowstage_sync_redis_published_total', 'counter', 'Fan-out messages published.', m.redis.published],
      [
        'flowstage_sync_redis_received_total',
        'counter',
        'Fan-out messages received from other instances.',
        m.redis.received,
      ],
      [
        'flowstage_sync_redis_ignored_total',
        'counter',
        "This instance's own fan-out messages received back and dropped.",
        m.redis.ignored,
      ],
      [
        'flowstage_sync_redis_publish_failures_total',
        'counter',
        'Fan-out publishes that failed.',
        m.redis.publishFailures,
      ],
    );
  }
  samples.push(
    ['process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.', p.residentBytes],
    ['nodejs_heap_used_bytes', 'gauge', 'V8 heap used in bytes.', p.heapUsedBytes],
    ['flowstage_sync_uptime_seconds', 'gauge', 'Seconds since the server started.', p.uptimeS],
  );
  let text = '';
  for (const [name, type, help, value] of samples) {
    text += `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n${name} ${formatValue(value)}\n`;
  }
  return text;
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  return String(value);
}
