/**
 * Fan-out over Redis pub/sub (node-redis v5, the official client): one connection
 * publishes, a duplicate subscribes. Channels: `<prefix>room:<workspaceId>/<docId>` and
 * `<prefix>ws:<workspaceId>` (see fanout.ts for the messages).
 *
 * Redis trouble never stops the server: local clients keep being served, both
 * connections reconnect with backoff, and what a disconnection may have lost is caught up:
 *  - publishes fail fast while disconnected (no offline queue that grows without bound);
 *    the rooms concerned are remembered, and once the publisher is back a `resync` message
 *    tells the other instances to read them back from the store, and the latest manifest
 *    change of each is published again;
 *  - once the subscriber is back (node-redis resubscribed), channels watched meanwhile are
 *    subscribed and the owner is told (`missed`) to refresh its rooms and manifests.
 * Only state transitions are logged (lost, back), not every retry.
 */
import type { DocDigest } from '@flowstage/shared';
import { createClient } from 'redis';
import {
  decodeRoomMessage,
  decodeWorkspaceMessage,
  encodeRoomMessage,
  encodeWorkspaceMessage,
  type Fanout,
  type FanoutHandlers,
  type FanoutStats,
  type RoomMessage,
} from './fanout';

export interface RedisFanoutOptions {
  /** `redis://[:password@]host:port[/db]` (or `rediss://`). */
  url: string;
  instanceId: string;
  handlers: FanoutHandlers;
  /** Prefix of every channel name (default `flowstage:sync:`). */
  channelPrefix?: string;
  /** How long start-up waits for Redis before failing (default 10 s). */
  connectTimeoutMs?: number;
  log: (line: string) => void;
}

type Client = ReturnType<typeof createClient>;

const SUBSCRIBE_WAIT_MS = 3000;
const CLOSE_WAIT_MS = 2000;

function noop(): void {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class RedisFanout implements Fanout {
  readonly instanceId: string;
  private readonly prefix: string;
  private readonly handlers: FanoutHandlers;
  private readonly log: (line: string) => void;
  /** Channels wanted, with how many watchers each. */
  private readonly wanted = new Map<string, { watchers: number; ready: Promise<void> }>();
  /** Channels Redis confirmed (node-redis resubscribes these by itself after a reconnection). */
  private readonly active = new Set<string>();
  private readonly unpublishedRooms = new Set<string>();
  private readonly unpublishedChanges = new Map<
    string,
    { workspaceId: string; docId: string; digest: DocDigest }
  >();
  private readonly counts = { published: 0, received: 0, ignored: 0, publishFailures: 0 };
  private readonly down = { pub: false, sub: false };
  private closed = false;

  private constructor(
    private readonly pub: Client,
    private readonly sub: Client,
    options: RedisFanoutOptions,
  ) {
    this.instanceId = options.instanceId;
    this.prefix = options.channelPrefix ?? 'flowstage:sync:';
    this.handlers = options.handlers;
    this.log = options.log;
  }

  /** Connects both connections; rejects if Redis cannot be reached within `connectTimeoutMs`. */
  static async connect(options: RedisFanoutOptions): Promise<RedisFanout> {
    const pub = createClient({
      url: options.url,
      name: `flowstage-sync-${options.instanceId}-pub`.replace(/[^\w.-]/g, '_'),
      disableOfflineQueue: true,
      socket: {
        connectTimeout: 5000,
        reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5000) + Math.random() * 100,
      },
    });
    const sub = pub.duplicate({
      name: `flowstage-sync-${options.instanceId}-sub`.replace(/[^\w.-]/g, '_'),
    });
    const fanout = new RedisFanout(pub, sub, options);
    fanout.listen(pub, 'pub');
    fanout.listen(sub, 'sub');
    const connecting = Promise.all([pub.connect(), sub.connect()]);
    connecting.catch(noop);
    const outcome = await withTimeout(connecting, options.connectTimeoutMs ?? 10_000).catch(
      (error: unknown) => error as Error,
    );
    if (outcome === 'timeout' || outcome instanceof Error) {
      fanout.closed = true;
      for (const client of [pub, sub]) if (client.isOpen) client.destroy();
      throw new Error(
        `Redis unreachable: ${outcome === 'timeout' ? 'connection timed out' : outcome.message}`,
      );
    }
    return fanout;
  }

  watchRoom(room: string): Promise<void> {
    return this.watch(`${this.prefix}room:${room}`);
  }

  unwatchRoom(room: string): void {
    this.unwatch(`${this.prefix}room:${room}`);
  }

  watchWorkspace(workspaceId: string): Promise<void> {
    return this.watch(`${this.prefix}ws:${workspaceId}`);
  }

  unwatchWorkspace(workspaceId: string): void {
    this.unwatch(`${this.prefix}ws:${workspaceId}`);
  }

  publishUpdate(room: string, update: Uint8Array, seq: number, digest: DocDigest): void {
    const message = encodeRoomMessage({ kind: 'update', from: this.instanceId, seq, digest, update });
    this.publish(`${this.prefix}room:${room}`, message, () => this.unpublishedRooms.add(room));
  }

  publishAwareness(room: string, update: Uint8Array): void {
    // Presence is renewed by clients every few seconds: a lost one is not worth catching up.
    this.publish(
      `${this.prefix}room:${room}`,
      encodeRoomMessage({ kind: 'awareness', from: this.instanceId, update }),
      noop,
    );
  }

  publishChanged(workspaceId: string, docId: string, digest: DocDigest): void {
    const message = encodeWorkspaceMessage({ from: this.instanceId, docId, digest });
    this.publish(`${this.prefix}ws:${workspaceId}`, message, () => {
      this.unpublishedChanges.set(`${workspaceId}/${docId}`, { workspaceId, docId, digest });
    });
  }

  stats(): FanoutStats {
    return { connected: this.pub.isReady && this.sub.isReady, ...this.counts };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(
      [this.sub, this.pub].map(async (client) => {
        if (!client.isOpen) return;
        if (!client.isReady) {
          client.destroy();
          return;
        }
        await withTimeout(client.close().catch(noop), CLOSE_WAIT_MS);
      }),
    );
  }

  private listen(client: Client, role: 'pub' | 'sub'): void {
    const name = role === 'pub' ? 'publisher' : 'subscriber';
    client.on('error', (error: Error) => {
      if (this.closed || this.down[role]) return;
      this.down[role] = true;
      this.log(`redis ${name}: connection lost (${error.message}); serving local clients, reconnecting`);
    });
    client.on('ready', () => {
      if (!this.down[role]) return;
      this.down[role] = false;
      this.log(`redis ${name}: reconnected`);
      if (role === 'pub') this.republish();
      else void this.resubscribed();
    });
  }

  private watch(channel: string): Promise<void> {
    const known = this.wanted.get(channel);
    if (known) {
      known.watchers++;
      return known.ready;
    }
    const ready = this.subscribe(channel);
    this.wanted.set(channel, { watchers: 1, ready });
    return ready;
  }

  private unwatch(channel: string): void {
    const known = this.wanted.get(channel);
    if (!known) return;
    if (--known.watchers > 0) return;
    this.wanted.delete(channel);
    if (!this.sub.isReady || this.closed) return; // reconciled once the subscriber is back
    this.sub.unsubscribe(channel, this.onMessage, true).then(
      () => this.active.delete(channel),
      (error: Error) => this.log(`redis: unsubscribe failed: ${error.message}`),
    );
  }

  /** Never rejects: while Redis is away, `resubscribed` subscribes what is wanted by then. */
  private async subscribe(channel: string): Promise<void> {
    if (!this.sub.isReady || this.closed) return;
    const subscribed = this.sub.subscribe(channel, this.onMessage, true).then(
      () => {
        this.active.add(channel);
      },
      (error: Error) => this.log(`redis: subscribe failed: ${error.message}`),
    );
    if ((await withTimeout(subscribed, SUBSCRIBE_WAIT_MS)) === 'timeout') {
      this.log(
        `redis: subscribing to a channel takes over ${SUBSCRIBE_WAIT_MS} ms; going on without waiting`,
      );
    }
  }

  private async resubscribed(): Promise<void> {
    const missing = [...this.wanted.keys()].filter((c) => !this.active.has(c));
    const unwanted = [...this.active].filter((c) => !this.wanted.has(c));
    await Promise.all([
      ...missing.map((c) => this.subscribe(c)),
      ...unwanted.map((c) =>
        this.sub.unsubscribe(c, this.onMessage, true).then(
          () => this.active.delete(c),
          (error: Error) => this.log(`redis: unsubscribe failed: ${error.message}`),
        ),
      ),
    ]);
    if (!this.closed) this.handlers.missed();
  }

  private republish(): void {
    const rooms = [...this.unpublishedRooms];
    const changes = [...this.unpublishedChanges.values()];
    this.unpublishedRooms.clear();
    this.unpublishedChanges.clear();
    for (const room of rooms) {
      const message = encodeRoomMessage({ kind: 'resync', from: this.instanceId });
      this.publish(`${this.prefix}room:${room}`, message, () => this.unpublishedRooms.add(room));
    }
    for (const c of changes) this.publishChanged(c.workspaceId, c.docId, c.digest);
  }

  private publish(channel: string, message: Uint8Array, onFailure: () => void): void {
    if (this.closed) return;
    const payload = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
    this.pub.publish(channel, payload).then(
      () => {
        this.counts.published++;
      },
      () => {
        // Logged once per disconnection by the 'error' listener.
        this.counts.publishFailures++;
        onFailure();
      },
    );
  }

  private readonly onMessage = (message: Buffer, channelBytes: Buffer): void => {
    const channel = channelBytes.toString();
    try {
      if (channel.startsWith(`${this.prefix}room:`)) {
        this.onRoomMessage(channel.slice(this.prefix.length + 5), decodeRoomMessage(message));
      } else if (channel.startsWith(`${this.prefix}ws:`)) {
        const m = decodeWorkspaceMessage(message);
        if (this.own(m.from)) return;
        this.handlers.changed(channel.slice(this.prefix.length + 3), m.docId, m.digest);
      }
    } catch (error) {
      this.log(`redis: dropped a message on ${channel}: ${(error as Error).message}`);
    }
  };

  private onRoomMessage(room: string, m: RoomMessage): void {
    if (this.own(m.from)) return;
    switch (m.kind) {
      case 'update':
        this.handlers.update(room, m.update, m.seq, m.digest);
        return;
      case 'awareness':
        this.handlers.awareness(room, m.update);
        return;
      case 'resync':
        this.handlers.resync(room);
        return;
    }
  }

  private own(from: string): boolean {
    if (from === this.instanceId) {
      this.counts.ignored++;
      return true;
    }
    this.counts.received++;
    return false;
  }
}
