/**
 * The sync server: node:http for `/health` and `/metrics`, `ws` (noServer) for the
 * y-websocket protocol and the workspace manifest channel, and optionally a Redis fan-out
 * to the other instances serving the same store. Composition only — admission,
 * connections, rooms, manifests, the fan-out and the store live in their modules.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SYNC_CLOSE } from '@flowstage/shared';
import { type WebSocket, WebSocketServer } from 'ws';
import { admit } from './admission';
import type { TokenVerifier } from './auth';
import { ChangeFeed } from './changes';
import type { Connection } from './connection';
import type { Fanout } from './fanout';
import { handleHttp } from './http';
import { ManifestHub } from './manifest';
import { createCounters, type SyncServerMetrics } from './metrics';
import { processFigures, renderPrometheus } from './prometheus';
import { assertRateLimit, DEFAULT_RATE_LIMIT, type RateLimit, TokenBucket } from './ratelimit';
import { RedisFanout } from './redis';
import { RoomRegistry } from './registry';
import type { Room } from './room';
import type { DocStore } from './store/types';

export interface RedisOptions {
  /** `redis://[:password@]host:port[/db]` */
  url: string;
  /** Prefix of the pub/sub channel names (default `flowstage:sync:`); instances that share work share it. */
  channelPrefix?: string;
  /** How long start-up waits for Redis before failing (default 10 s). */
  connectTimeoutMs?: number;
}

export interface SyncServerOptions {
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  store: DocStore;
  auth: TokenVerifier;
  /** Largest accepted message (default 2 MiB); larger ones close the connection with 4413. */
  maxMessageBytes?: number;
  /**
   * Per-connection message rate limit (default `DEFAULT_RATE_LIMIT`: 200 messages/s, bursts
   * of 400, throttled — see ratelimit.ts); `false` turns it off.
   */
  rateLimit?: RateLimit | false;
  /** Fan-out through Redis to other instances on the same store; off unless given. */
  redis?: RedisOptions;
  /** This instance's id in fan-out messages (default: random). */
  instanceId?: string;
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
  /** This instance's id (in fan-out messages). */
  instanceId: string;
  /**
   * Stops accepting, closes every client with 4503 (shuttingDown), waits until every
   * accepted update is stored and applied, the rooms are unloaded and their digests
   * written, then disconnects from Redis. The store stays open: its owner closes it.
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
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  if (rateLimit) assertRateLimit(rateLimit);
  const compactOnUnloadAfter = options.compactOnUnloadAfter ?? 32;
  const graceMs = options.shutdownGraceMs ?? 3000;
  const log = options.logger ?? (() => {});
  const instanceId = options.instanceId ?? randomBytes(6).toString('hex');
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
  const feed = new ChangeFeed(store, log);
  const fanout: Fanout | null = options.redis
    ? await RedisFanout.connect({ ...options.redis, instanceId, handlers: feed, log })
    : null;
  const registry = new RoomRegistry({
    store,
    log,
    events: feed,
    watch: fanout ? (name) => fanout.watchRoom(name) : undefined,
    onUnloaded: (room) => {
      fanout?.unwatchRoom(room.name);
      compactAfterUnload(room);
    },
  });
  const manifests = new ManifestHub({
    store,
    fanout,
    counters,
    log,
    maxBufferedBytes: 32 * maxMessageBytes,
  });
  feed.connect({ registry, manifests, fanout });
  const metrics = (): SyncServerMetrics => ({
    rooms: registry.size,
    connections: connections.size,
    manifestConnections: manifests.size,
    ...counters,
    redis: fanout?.stats() ?? null,
  });

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
      details: () => ({
        rooms: registry.size,
        connections: connections.size,
        manifestConnections: manifests.size,
        instanceId,
        redis: fanout ? (fanout.stats().connected ? 'connected' : 'disconnected') : 'off',
      }),
      metricsText: () => renderPrometheus(metrics(), processFigures(startedAt)),
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
          rateLimiter: rateLimit ? new TokenBucket(rateLimit) : null,
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
        openManifest: (socket, claims, workspaceId) => {
          if (closing) return null;
          const connection = manifests.connection(socket, claims, workspaceId);
          manifests.add(connection);
          return connection;
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
  }).catch(async (error: unknown) => {
    await fanout?.close();
    throw error;
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
    manifests.closeAll(SYNC_CLOSE.shuttingDown, 'server shutting down');
    await Promise.all([...admissions]);
    await socketsClosed(sockets, graceMs);
    await registry.idle();
    await Promise.all([...compactions]);
    await feed.idle();
    await fanout?.close();
    http.closeAllConnections();
    await stopped;
    log('sync server stopped');
  };

  return {
    url: `http://${hostInUrl}:${port}`,
    wsUrl: `ws://${hostInUrl}:${port}`,
    port,
    instanceId,
    close: () => {
      closed ??= close();
      return closed;
    },
    metrics,
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
