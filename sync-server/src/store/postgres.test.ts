import { docDigest } from '@flowstage/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createTestDatabase,
  skipReason,
  type TestDatabase,
  truncateStore,
  withoutPostgres,
} from '../../test/pg';
import { docStoreContract, rebuild, recorder } from '../../test/store-contract';
import { PostgresDocStore } from './postgres';
import { SCHEMA_VERSION } from './postgres-schema';

skipReason('postgres.test.ts');

describe.skipIf(withoutPostgres)('PostgresDocStore', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('store');
    // Several instances starting at once on an empty database migrate it once.
    const stores = await Promise.all([1, 2, 3].map(() => PostgresDocStore.connect(db.url)));
    await Promise.all(stores.map((s) => s.close()));
  });
  afterAll(async () => {
    await db?.drop();
  });

  docStoreContract('PostgreSQL', async () => {
    await truncateStore(db.url);
    return {
      open: (options) => PostgresDocStore.connect(db.url, { ...options, maxConnections: 4 }),
      dispose: async () => {},
    };
  });

  async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  it('records the schema version once', async () => {
    expect(await sql('SELECT version FROM sync_schema_migrations ORDER BY version')).toEqual(
      Array.from({ length: SCHEMA_VERSION }, (_, i) => ({ version: i + 1 })),
    );
  });

  it('an update committed late with a smaller number than the snapshot survives compaction', async () => {
    await truncateStore(db.url);
    const store = await PostgresDocStore.connect(db.url);
    try {
      const { doc, updates } = recorder();
      doc.getText('t').insert(0, 'a');
      doc.getText('t').insert(1, 'b');
      // Another instance drew its number first, but commits after this one compacted.
      const [{ seq: early } = { seq: '0' }] = await sql<{ seq: string }>("SELECT nextval('sync_seq') AS seq");
      await store.append('ws-1/root', updates[1]!);
      await store.compact('ws-1/root');
      await sql('INSERT INTO sync_updates (seq, room, bytes) VALUES ($1, $2, $3)', [
        early,
        'ws-1/root',
        Buffer.from(updates[0]!),
      ]);
      expect(
        rebuild(await store.load('ws-1/root'))
          .getText('t')
          .toString(),
      ).toBe('ab');
      await store.compact('ws-1/root');
      expect(await sql('SELECT seq FROM sync_updates')).toEqual([]);
      const stored = await store.loadRoom('ws-1/root');
      expect(rebuild(stored.updates).getText('t').toString()).toBe('ab');
      expect((await store.listRooms('ws-1'))[0]?.digest).toBe(docDigest(doc));
    } finally {
      await store.close();
    }
  });

  it('refuses a database migrated by a newer server', async () => {
    await sql('INSERT INTO sync_schema_migrations (version) VALUES ($1)', [SCHEMA_VERSION + 1]);
    try {
      await expect(PostgresDocStore.connect(db.url)).rejects.toThrow(/newer than this server/);
    } finally {
      await sql('DELETE FROM sync_schema_migrations WHERE version > $1', [SCHEMA_VERSION]);
    }
  });

  it('an unreachable database fails at connect', async () => {
    const url = new URL(db.url);
    url.port = '9';
    await expect(PostgresDocStore.connect(url.toString())).rejects.toThrow();
  });

  it('stores large updates byte for byte', async () => {
    await truncateStore(db.url);
    const store = await PostgresDocStore.connect(db.url);
    try {
      const doc = new Y.Doc();
      doc.getText('t').insert(0, 'x'.repeat(3 * 2 ** 20));
      const update = Y.encodeStateAsUpdate(doc);
      await Promise.all([store.append('ws-1/root', update), store.append('ws-1/venues.00', update)]);
      expect(Buffer.from((await store.load('ws-1/root'))[0]!).equals(Buffer.from(update))).toBe(true);
    } finally {
      await store.close();
    }
  });
});
