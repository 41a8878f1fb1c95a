/** Counters since the server started, plus the current gauges. */
export interface SyncServerMetrics {
  /** Rooms open now (loaded in memory). */
  rooms: number;
  /** Accepted client connections open now. */
  connections: number;
  /** Connections accepted since start. */
  connectionsAccepted: number;
  /** Upgrades refused (bad room, bad token, forbidden, shutting down, store failure). */
  connectionsRefused: number;
  /** Updates durably stored and relayed. */
  updatesStored: number;
  /** Updates refused (read-only members). */
  updatesRefused: number;
  /** Connections closed for a malformed, oversized or rate-limited message. */
  messagesRejected: number;
  /** Bytes of binary messages received from accepted connections. */
  bytesReceived: number;
}

export type Counters = Omit<SyncServerMetrics, 'rooms' | 'connections'>;

export function createCounters(): Counters {
  return {
    connectionsAccepted: 0,
    connectionsRefused: 0,
    updatesStored: 0,
    updatesRefused: 0,
    messagesRejected: 0,
    bytesReceived: 0,
  };
}
