import { docDigest } from '@flowstage/shared';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createKeyVerifier } from '../src/auth';
import { encodeRoomMessage } from '../src/fanout';
import { createSyncServer } from '../src/server';
import { seedRoom } from '../src/store/seed';
import { SqliteDocStore } from '../src/store/sqlite';
import { Cluster, redisSkipReason, storageFor, TEST_REDIS_URL, withoutRedis } from './cluster';
import { eventually, manifestSocket, newKeys, ROOT_ROOM, WS } from './helpers';
import { createTestDatabase, type TestDatabase, truncateStore, withoutPostgres } from './pg';

redisSkipReason('fanout.test.ts');

describe('a Redis that cannot be reached', () => {
  it('fails the start-up within connectTimeoutMs', async () => {
    const store = new SqliteDocStore(':memory:');
    try {
      await expect(
        createSyncServer({
          store,
          auth: createKeyVerifier((await newKeys()).publicKey),
          redis: { url: 'redis://127.0.0.1:9', connectTimeoutMs: 300 },
        }),
      ).rejects.toThrow(/Redis unreachable/);
    } finally {
      await store.close();
    }
  });
});

describe.skipIf(withoutRedis)(`two instances with a Redis fan-out (${TEST_REDIS_URL})`, () => {
  let db: TestDatabase | null = null;
  let cluster: Cluster;
  beforeAll(async () => {
    if (withoutPostgres) return;
    db = await createTestDatabase('fanout');
    await (await storageFor(db.url).open()).close(); // creates the schema
  });
  afterAll(async () => {
    await db?.drop();
  });
  beforeEach(async () => {
    if (db) await truncateStore(db.url);
    cluster = await Cluster.start(storageFor(db?.url ?? null));
  });
  afterEach(async () => {
    await cluster.dispose();
  });

  it('clients on A and B of one room converge, see each other, and every update is stored once', async () => {
    const [A, B] = cluster.servers as [(typeof cluster.servers)[0], (typeof cluster.servers)[0]];
    const a = await cluster.client(A, ROOT_ROOM);
    const b = await cluster.client(B, ROOT_ROOM);
    await Promise.all([a.synced(), b.synced()]);

    a.doc.getText('t').insert(0, 'from A. ');
    await eventually(() => expect(b.text()).toBe('from A. '));
    b.doc.getMap('artists').set('a1', 'Nina (from B)');
    await eventually(() => expect(a.doc.getMap('artists').get('a1')).toBe('Nina (from B)'));
    a.provider.awareness.setLocalStateField('user', { name: 'Ada on A' });
    await eventually(() =>
      expect(b.provider.awareness.getStates().get(a.doc.clientID)).toEqual({ user: { name: 'Ada on A' } }),
    );

    expect(A.metrics().updatesStored + B.metrics().updatesStored).toBe(2);
    expect(await cluster.stores[0]!.load(ROOT_ROOM)).toHaveLength(2);
    a.provider.destroy();
    await eventually(() => expect(b.provider.awareness.getStates().has(a.doc.clientID)).toBe(false));
    expect(cluster.storage.kind).toBe(db ? 'postgres' : 'sqlite');
  });

  it('a manifest client on B sees a change made on A (room not open on B)', async () => {
    const [A, B] = cluster.servers as [(typeof cluster.servers)[0], (typeof cluster.servers)[0]];
    const watcher = manifestSocket(B.wsUrl, WS, await cluster.token());
    expect(await watcher.manifest()).toEqual({});
    const a = await cluster.client(A, `${WS}/artist.nina`);
    await a.synced();
    a.doc.getText('t').insert(0, 'edited on A');
    await eventually(() => expect(watcher.digests.get('artist.nina')).toBe(docDigest(a.doc)));
    expect(B.metrics()).toMatchObject({ rooms: 0, manifestConnections: 1 });
    // An agent's manifest on B is filtered as on A.
    const agent = manifestSocket(B.wsUrl, WS, await cluster.token({ role: 'agent', artists: ['bob'] }));
    expect(await agent.manifest()).toEqual({});
    a.doc.getText('t').insert(0, '!');
    await eventually(() => expect(watcher.digests.get('artist.nina')).toBe(docDigest(a.doc)));
    expect(agent.received).toHaveLength(1);
  });

  it('instance ids prevent echo loops: own messages come back and are dropped, nothing is stored twice', async () => {
    const [A, B] = cluster.servers as [(typeof cluster.servers)[0], (typeof cluster.servers)[0]];
    // Manifest clients make both instances follow the workspace channel too, so every
    // message either publishes reaches both.
    const watchers = [
      manifestSocket(A.wsUrl, WS, await cluster.token()),
      manifestSocket(B.wsUrl, WS, await cluster.token()),
    ];
    await Promise.all(watchers.map((w) => w.manifest()));
    const a = await cluster.client(A, ROOT_ROOM);
    const b = await cluster.client(B, ROOT_ROOM);
    await Promise.all([a.synced(), b.synced()]);
    for (let i = 0; i < 5; i++) a.doc.getText('t').insert(i, String(i));
    b.doc.getMap('m').set('from', 'B');
    await eventually(() => {
      expect(b.text()).toBe('01234');
      expect(a.doc.getMap('m').get('from')).toBe('B');
    });
    // Quiescent: each instance got its own messages back once and dropped them, the other
    // got each of them once, and nobody published anything in answer to a relayed update.
    await eventually(() => {
      const ra = A.metrics().redis!;
      const rb = B.metrics().redis!;
      expect(ra.published).toBeGreaterThan(0);
      expect(ra.ignored).toBe(ra.published);
      expect(rb.ignored).toBe(rb.published);
      expect(rb.received).toBe(ra.published);
      expect(ra.received).toBe(rb.published);
    });
    expect(A.metrics().updatesStored).toBe(5);
    expect(B.metrics().updatesStored).toBe(1);
    expect(await cluster.stores[1]!.load(ROOT_ROOM)).toHaveLength(6);
    expect(B.metrics().redis).toMatchObject({ connected: true, publishFailures: 0 });
  });

  it('concurrent edits on both instances converge; every manifest ends on the merged digest', async () => {
    const [A, B] = cluster.servers as [(typeof cluster.servers)[0], (typeof cluster.servers)[0]];
    const onA = manifestSocket(A.wsUrl, WS, await cluster.token());
    const onB = manifestSocket(B.wsUrl, WS, await cluster.token());
    await Promise.all([onA.manifest(), onB.manifest()]);
    const a = await cluster.client(A, ROOT_ROOM);
    const b = await cluster.client(B, ROOT_ROOM);
    await Promise.all([a.synced(), b.synced()]);
    for (let i = 0; i < 20; i++) {
      a.doc.getText('t').insert(0, 'a');
      b.doc.getText('t').insert(0, 'b');
      a.doc.getMap('m').set(`k${i % 3}`, `a${i}`);
      b.doc.getMap('m').set(`k${i % 3}`, `b${i}`);
    }
    await eventually(() => {
      expect(a.text()).toHaveLength(40);
      expect(b.text()).toBe(a.text());
      expect(b.doc.getMap('m').toJSON()).toEqual(a.doc.getMap('m').toJSON());
    });
    const merged = docDigest(a.doc);
    await eventually(() => {
      expect(onA.digests.get('root')).toBe(merged);
      expect(onB.digests.get('root')).toBe(merged);
    });
    await eventually(async () => expect((await cluster.stores[0]!.listRooms(WS))[0]?.digest).toBe(merged));
    expect(await cluster.stores[0]!.load(ROOT_ROOM)).toHaveLength(80);
  });

  it("a seeded room served from its bytes on B takes A's updates from the fan-out", async () => {
    const [A, B] = cluster.servers as [(typeof cluster.servers)[0], (typeof cluster.servers)[0]];
    const seed = new Y.Doc();
    seed.getText('t').insert(0, 'seeded');
    await seedRoom(cluster.stores[0]!, ROOT_ROOM, Y.encodeStateAsUpdate(seed));
    const onB = manifestSocket(B.wsUrl, WS, await cluster.token());
    expect(await onB.manifest()).toEqual({ root: docDigest(seed) });
    const b = await cluster.client(B, ROOT_ROOM);
    await b.synced();
    expect(b.text()).toBe('seeded');
    const a = await cluster.client(A, ROOT_ROOM);
    await a.synced();
    a.doc.getText('t').insert(6, ' and edited on A');
    await eventually(() => expect(b.text()).toBe('seeded and edited on A'));
    await eventually(() => expect(onB.digests.get('root')).toBe(docDigest(a.doc)));
    expect(B.metrics().updatesStored).toBe(0);
  });

  it('a room opening on B while A is editing it misses nothing', async () => {
    const [A, B] = cluster.servers as [(typeof cluster.servers)[0], (typeof cluster.servers)[0]];
    const a = await cluster.client(A, ROOT_ROOM);
    await a.synced();
    const joining = cluster.client(B, ROOT_ROOM);
    for (let i = 0; i < 30; i++) {
      a.doc.getText('t').insert(a.doc.getText('t').length, `${i % 10}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const b = await joining;
    await eventually(() => expect(b.text()).toBe(a.text()));
    expect(b.text()).toHaveLength(30);
  });

  it('after its subscription dropped, an instance catches up from the store and relays again', async () => {
    const [A, B] = cluster.servers as [(typeof cluster.servers)[0], (typeof cluster.servers)[0]];
    const a = await cluster.client(A, ROOT_ROOM);
    const b = await cluster.client(B, ROOT_ROOM);
    await Promise.all([a.synced(), b.synced()]);
    const watcher = manifestSocket(B.wsUrl, WS, await cluster.token());
    await watcher.manifest();

    // Stored by an instance whose publish was lost: only reading the store brings it to B.
    const lost = new Y.Doc();
    lost.getMap('m').set('lost', 'found');
    const direct = await cluster.storage.open();
    await direct.append(ROOT_ROOM, Y.encodeStateAsUpdate(lost));
    await direct.close();
    await cluster.killRedisConnection(B.instanceId, 'sub');

    await eventually(() => expect(b.doc.getMap('m').get('lost')).toBe('found'));
    await watcher.manifest(); // a full manifest again after the interruption
    expect(cluster.logs[1]!.join('\n')).toMatch(
      /redis subscriber: connection lost[\s\S]*redis subscriber: reconnected/,
    );
    a.doc.getText('t').insert(0, 'live again');
    await eventually(() => expect(b.text()).toBe('live again'));
  });

  it('a resync message makes instances read a room back; malformed messages are dropped', async () => {
    const [A, B] = cluster.servers as [(typeof cluster.servers)[0], (typeof cluster.servers)[0]];
    const a = await cluster.client(A, ROOT_ROOM);
    const b = await cluster.client(B, ROOT_ROOM);
    await Promise.all([a.synced(), b.synced()]);
    await cluster.publish(`room:${ROOT_ROOM}`, new Uint8Array([1, 9, 9, 9]));
    await cluster.publish(`ws:${WS}`, new Uint8Array([7]));

    const other = new Y.Doc();
    other.getText('t').insert(0, 'stored elsewhere');
    const direct = await cluster.storage.open();
    await direct.append(ROOT_ROOM, Y.encodeStateAsUpdate(other));
    await direct.close();
    await cluster.publish(`room:${ROOT_ROOM}`, encodeRoomMessage({ kind: 'resync', from: 'node-9' }));
    await eventually(() => {
      expect(a.text()).toBe('stored elsewhere');
      expect(b.text()).toBe('stored elsewhere');
    });
    expect(cluster.logs[0]!.join('\n')).toContain('redis: dropped a message');
  });

  it('shutting an instance down disconnects it from Redis; the other keeps serving', async () => {
    const [A, B] = cluster.servers as [(typeof cluster.servers)[0], (typeof cluster.servers)[0]];
    const b = await cluster.client(B, ROOT_ROOM);
    await b.synced();
    await A.close();
    await expect(cluster.killRedisConnection(A.instanceId, 'sub')).rejects.toThrow(/no Redis connection/);
    await expect(cluster.killRedisConnection(A.instanceId, 'pub')).rejects.toThrow(/no Redis connection/);
    b.doc.getText('t').insert(0, 'B alone');
    await eventually(async () => expect(await cluster.stores[1]!.load(ROOT_ROOM)).toHaveLength(1));
  });
});
