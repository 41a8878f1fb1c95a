import { docDigest } from '@flowstage/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, storageFor } from './cluster';
import { eventually, manifestSocket, ROOT_ROOM, WS } from './helpers';
import { createTestDatabase, skipReason, type TestDatabase, withoutPostgres } from './pg';

skipReason('postgres-server.test.ts');

describe.skipIf(withoutPostgres)('a sync server on PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('server');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('converges two clients, keeps everything across a restart, and lists digests', async () => {
    const cluster = await Cluster.start(storageFor(db.url), 1, { redis: undefined });
    try {
      const server = cluster.servers[0]!;
      expect(server.metrics().redis).toBeNull();
      const a = await cluster.client(server, ROOT_ROOM);
      const b = await cluster.client(server, ROOT_ROOM);
      await Promise.all([a.synced(), b.synced()]);
      a.doc.getText('t').insert(0, 'on postgres');
      b.doc.getMap('artists').set('a1', 'Nina');
      await eventually(() => {
        expect(b.text()).toBe('on postgres');
        expect(a.doc.getMap('artists').get('a1')).toBe('Nina');
      });
      const digest = docDigest(a.doc);

      await server.close();
      await cluster.stores[0]!.close();
      const again = await cluster.startInstance('node-again', { redis: undefined, port: server.port });
      await eventually(() => expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true));
      const fresh = await cluster.client(again, ROOT_ROOM);
      await fresh.synced();
      expect(fresh.text()).toBe('on postgres');
      expect(fresh.doc.getMap('artists').get('a1')).toBe('Nina');
      const watcher = manifestSocket(again.wsUrl, WS, await cluster.token());
      expect(await watcher.manifest()).toEqual({ root: digest });
    } finally {
      await cluster.dispose();
    }
  });
});
