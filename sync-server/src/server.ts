/**
 * The sync server: node:http for `/health`, `ws` (noServer) for the y-websocket protocol.
 * Composition only — admission, connections, rooms and the store live in their modules.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SYNC_CLOSE } from '@flowstage/shared';
import { type WebSocket, WebSocketServer } from 'ws';
import { admit } from './admission';
import type { TokenVerifier } from './auth';
import type { Connection } from './connection';
import { handleHttp } from './http';
import { createCounters, type SyncServerMetrics } from './metrics';
import { assertRateLimit, type RateLimit, TokenBucket } from './ratelimit';
import { RoomRegistry } from './registry';
import type { Room } from './room';
import type { DocStore } from './store/types';

export interface SyncServerOptions {
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  store: DocStore;
  auth: TokenVerifier;
  /** Largest accepted message (default 2 MiB); larger ones close the connection with 4413. */
  maxMessageBytes?: number;
  /** Per-connection message rate limit; off unless given. Exceeding it closes with 4429. */
  rateLimit?: RateLimit;
  /** Compact a room's log when it unloads if it stored at least this many updates (default 32, 0 = never). */
  compactOnUnloadAfter?: number;
  /** How long shutdown waits for clients to acknowledge the close before dropping them (default 3000 ms). */
  shutdownGraceMs?: number;
  /** One line per event; tokens are never part of a line. Default: silent. */
  logger?: (line: string) => void;
}

export interface SyncServer {
  /** `http://host:port` */
  url: string;
  /** `ws://host:port` — y-websocket clients connect to `${wsUrl}/<workspaceId>/<docId>`. */
  wsUrl: string;
  port: number;
  /**
   * Stops accepting, closes every client with 4503 (shuttingDown), waits until every
   * accepted update is stored and applied and the rooms are unloaded. The store stays open:
   * its owner closes it.
   */
  close(): Promise<void>;
  metrics(): SyncServerMetrics;
}

export const DEFAULT_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

export async function createSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const host = options.host ?? '127.0.0.1';
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  if (!Number.isInteger(maxMessageBytes) || maxMessageBytes < 1024) {
    throw new RangeError('maxMessageBytes must be an integer of at least 1024');
  }
  if (options.rateLimit) assertRateLimit(options.rateLimit);
  const compactOnUnloadAfter = options.compactOnUnloadAfter ?? 32;
  const graceMs = options.shutdownGraceMs ?? 3000;
  const log = options.logger ?? (() => {});
  const { store } = options;
  const counters = createCounters();
  const startedAt = Date.now();
  const connections = new Set<Connection>();
  const sockets = new Set<WebSocket>();
  const admissions = new Set<Promise<void>>();
  const compactions = new Set<Promise<void>>();
  let closing = false;

  const compactAfterUnload = (room: Room): void => {
    if (compactOnUnloadAfter === 0 || room.appended < compactOnUnloadAfter) return;
    const task = store
      .compact(room.name)
      .then(
        () => {},
        (error: unknown) => log(`room ${room.name}: compaction failed: ${(error as Error).message}`),
      )
      .finally(() => compactions.delete(task));
    compactions.add(task);
  };
  const registry = new RoomRegistry({ store, log, onUnloaded: compactAfterUnload });

  // ws refuses bigger frames itself (close 1009) without buffering them; between
  // maxMessageBytes and this hard cap the connection gets our own 4413.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 2 * maxMessageBytes,
    perMessageDeflate: false,
    clientTracking: false,
  });

  const http: Server = createServer((req, res) =>
    handleHttp(req, res, {
      startedAt,
      details: () => ({ rooms: registry.size, connections: connections.size }),
    }),
  );
  http.on('upgrade', (req, socket, head) => {
    socket.on('error', (error) => log(`upgrade socket error: ${error.message}`));
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('error', (error) => log(`socket error: ${error.message}`));
      const admission = admit(ws, req, {
        auth: options.auth,
        maxMessageBytes,
        registry,
        counters,
        log,
        isClosing: () => closing,
        connectionOptions: () => ({
          maxMessageBytes,
          maxBufferedBytes: 32 * maxMessageBytes,
          rateLimiter: options.rateLimit ? new TokenBucket(options.rateLimit) : null,
          counters,
          log,
          onClosed: (connection) => {
            connections.delete(connection);
            registry.release(connection.room);
          },
        }),
        register: (connection) => {
          if (closing) return false;
          connections.add(connection);
          return true;
        },
      }).finally(() => admissions.delete(admission));
      admissions.add(admission);
    });
  });
  http.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  http.on('error', (error) => log(`http server error: ${error.message}`));
  const port = (http.address() as AddressInfo).port;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;

  let closed: Promise<void> | null = null;
  const close = async (): Promise<void> => {
    closing = true;
    const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
    for (const connection of [...connections]) {
      connection.close(SYNC_CLOSE.shuttingDown, 'server shutting down');
    }
    await Promise.all([...admissions]);
    await socketsClosed(sockets, graceMs);
    await registry.idle();
    await Promise.all([...compactions]);
    http.closeAllConnections();
    await stopped;
    log('sync server stopped');
  };

  return {
    url: `http://${hostInUrl}:${port}`,
    wsUrl: `ws://${hostInUrl}:${port}`,
    port,
    close: () => {
      closed ??= close();
      return closed;
    },
    metrics: () => ({ rooms: registry.size, connections: connections.size, ...counters }),
  };
}

/** Waits for every socket to finish its close handshake; drops the ones that take too long. */
async function socketsClosed(sockets: Set<WebSocket>, graceMs: number): Promise<void> {
  const pending = [...sockets];
  if (pending.length === 0) return;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, graceMs);
  });
  const allClosed = Promise.all(
    pending.map(
      (ws) =>
        new Promise<void>((resolve) => {
          if (ws.readyState === ws.CLOSED) return resolve();
          ws.once('close', () => resolve());
          if (ws.readyState === ws.OPEN) ws.close(SYNC_CLOSE.shuttingDown, 'server shutting down');
        }),
    ),
  );
  await Promise.race([allClosed, deadline]);
  clearTimeout(timer);
  for (const ws of pending) {
    if (ws.readyState !== ws.CLOSED) ws.terminate();
  }
  await allClosed;
}
