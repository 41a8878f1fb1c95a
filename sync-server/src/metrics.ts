import type { FanoutStats } from './fanout';

/** Counters since the server started, plus the current gauges. */
export interface SyncServerMetrics {
  /** Rooms open now (loaded in memory). */
  rooms: number;
  /** Accepted room connections open now. */
  connections: number;
  /** Manifest channel connections open now. */
  manifestConnections: number;
  /** Connections (rooms and manifest channels) accepted since start. */
  connectionsAccepted: number;
  /** Upgrades refused (bad room, bad token, forbidden, shutting down, store failure). */
  connectionsRefused: number;
  /** Updates durably stored and relayed. */
  updatesStored: number;
  /** Updates refused (read-only members). */
  updatesRefused: number;
  /** Connections closed for a malformed, oversized or rate-limited message. */
  messagesRejected: number;
  /** Messages held back by the per-connection rate limit (throttled, not refused). */
  messagesThrottled: number;
  /** Bytes of messages received from accepted connections. */
  bytesReceived: number;
  /** Bytes of messages sent to accepted connections. */
  bytesSent: number;
  /** The Redis fan-out, or null when this instance runs alone. */
  redis: FanoutStats | null;
}

export type Counters = Omit<SyncServerMetrics, 'rooms' | 'connections' | 'manifestConnections' | 'redis'>;

export function createCounters(): Counters {
  return {
    connectionsAccepted: 0,
    connectionsRefused: 0,
    updatesStored: 0,
    updatesRefused: 0,
    messagesRejected: 0,
    messagesThrottled: 0,
    bytesReceived: 0,
    bytesSent: 0,
  };
}
