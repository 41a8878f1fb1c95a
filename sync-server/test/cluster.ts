/**
 * Several sync server instances on one storage (each with its own store object: its own
 * SQLite connection, or its own PostgreSQL pool) with a Redis fan-out between them, on a
 * channel prefix of their own so concurrent test files never hear each other.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CryptoKey } from 'jose';
import { createClient } from 'redis';
import { vi } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createKeyVerifier } from '../src/auth';
import { createSyncServer, type SyncServer, type SyncServerOptions } from '../src/server';
import { PostgresDocStore } from '../src/store/postgres';
import { SqliteDocStore } from '../src/store/sqlite';
import type { DocStore } from '../src/store/types';
import { type Client, newKeys, signToken, type TokenInput } from './helpers';
import { TEST_DATABASE_URL } from './pg';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? '';
/** For `describe.skipIf`: true when no Redis is configured. */
export const withoutRedis = TEST_REDIS_URL === '';

export function redisSkipReason(file: string): void {
  if (withoutRedis) console.warn(`${file}: TEST_REDIS_URL is not set — Redis fan-out tests skipped`);
}

/** Opens one more store object on the cluster's storage; `dispose` removes the storage. */
export interface Storage {
  kind: 'sqlite' | 'postgres';
  open(): Promise<DocStore>;
  dispose(): Promise<void>;
}

export function sqliteStorage(): Storage {
  const dir = mkdtempSync(join(tmpdir(), 'flowstage-cluster-'));
  return {
    kind: 'sqlite',
    open: async () => new SqliteDocStore(join(dir, 'sync.db')),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** On the (fresh) database at `url` when PostgreSQL is configured, else a SQLite file. */
export function storageFor(url: string | null): Storage {
  if (!url || !TEST_DATABASE_URL) return sqliteStorage();
  return {
    kind: 'postgres',
    open: () => PostgresDocStore.connect(url, { maxConnections: 4 }),
    dispose: async () => {},
  };
}

export class Cluster {
  readonly servers: SyncServer[] = [];
  readonly stores: DocStore[] = [];
  readonly logs: string[][] = [];
  readonly prefix = `flowstage-test:${randomBytes(4).toString('hex')}:`;
  keys!: { publicKey: CryptoKey; privateKey: CryptoKey };
  private readonly clients: Client[] = [];

  private constructor(readonly storage: Storage) {}

  static async start(
    storage: Storage,
    instances = 2,
    options: Partial<SyncServerOptions> = {},
  ): Promise<Cluster> {
    const cluster = new Cluster(storage);
    cluster.keys = await newKeys();
    const run = randomBytes(3).toString('hex');
    for (let i = 0; i < instances; i++) await cluster.startInstance(`node-${i}-${run}`, options);
    return cluster;
  }

  async startInstance(instanceId: string, options: Partial<SyncServerOptions> = {}): Promise<SyncServer> {
    const store = await this.storage.open();
    const logs: string[] = [];
    const server = await createSyncServer({
      store,
      auth: createKeyVerifier(this.keys.publicKey),
      redis: { url: TEST_REDIS_URL, channelPrefix: this.prefix },
      instanceId,
      logger: (line) => logs.push(line),
      ...options,
    });
    this.stores.push(store);
    this.servers.push(server);
    this.logs.push(logs);
    return server;
  }

  token(input: TokenInput = {}): Promise<string> {
    return signToken(this.keys.privateKey, input);
  }

  async client(server: SyncServer, room: string, token?: string): Promise<Client> {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(server.wsUrl, room, doc, {
      params: { token: token ?? (await this.token()) },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 100,
    });
    const client: Client = {
      doc,
      provider,
      text: () => doc.getText('t').toString(),
      synced: () =>
        vi.waitFor(
          () => {
            if (!provider.synced) throw new Error('not synced yet');
          },
          { timeout: 10_000, interval: 5 },
        ),
    };
    this.clients.push(client);
    return client;
  }

  /** Drops the Redis connection of an instance (as a network failure would); node-redis reconnects. */
  async killRedisConnection(instanceId: string, role: 'pub' | 'sub'): Promise<void> {
    const admin = createClient({ url: TEST_REDIS_URL });
    await admin.connect();
    try {
      const list = String(await admin.sendCommand(['CLIENT', 'LIST']));
      const line = list.split('\n').find((l) => l.includes(` name=flowstage-sync-${instanceId}-${role} `));
      const id = line ? /(?:^|\s)id=(\d+)/.exec(line)?.[1] : undefined;
      if (!id) throw new Error(`no Redis connection named for ${instanceId} ${role}`);
      await admin.sendCommand(['CLIENT', 'KILL', 'ID', id]);
    } finally {
      await admin.close();
    }
  }

  /** Publishes raw bytes on one of this cluster's channels (as another instance would). */
  async publish(channel: string, message: Uint8Array): Promise<void> {
    const admin = createClient({ url: TEST_REDIS_URL });
    await admin.connect();
    try {
      await admin.publish(`${this.prefix}${channel}`, Buffer.from(message));
    } finally {
      await admin.close();
    }
  }

  async dispose(): Promise<void> {
    for (const c of this.clients) {
      c.provider.destroy();
      c.doc.destroy();
    }
    for (const server of this.servers) await server.close();
    for (const store of this.stores) await store.close();
    await this.storage.dispose();
  }
}
