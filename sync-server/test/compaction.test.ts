import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventually, Harness, ROOT_ROOM } from './helpers';
import Database from 'better-sqlite3';

function logSize(h: Harness): { updates: number; snapshots: number } {
  const db = new Database(h.dbPath, { readonly: true });
  try {
    const count = (sql: string) => db.prepare<[], { n: number }>(sql).get()?.n ?? 0;
    return {
      updates: count('SELECT COUNT(*) AS n FROM updates'),
      snapshots: count('SELECT COUNT(*) AS n FROM snapshots'),
    };
  } finally {
    db.close();
  }
}

describe('compaction through the server', () => {
  let h: Harness;
  afterEach(async () => {
    await h.dispose();
  });

  it('a room that unloads after many updates is compacted, with identical content', async () => {
    h = await Harness.start({ compactOnUnloadAfter: 10 });
    const a = await h.client(ROOT_ROOM);
    await a.synced();
    const text = a.doc.getText('t');
    for (let i = 0; i < 30; i++) text.insert(text.length, `${i} `);
    text.delete(0, 10);
    a.doc.getMap('artists').set('a1', 'Nina');
    await eventually(() => expect(h.server.metrics().updatesStored).toBe(32));
    const before = h.storedDoc(ROOT_ROOM);
    expect(logSize(h)).toEqual({ updates: 32, snapshots: 0 });

    a.provider.destroy();
    await eventually(() => expect(logSize(h)).toEqual({ updates: 0, snapshots: 1 }));
    expect(h.server.metrics().rooms).toBe(0);

    const after = h.storedDoc(ROOT_ROOM);
    expect(after.getText('t').toString()).toBe(before.getText('t').toString());
    expect(after.getMap('artists').toJSON()).toEqual({ a1: 'Nina' });
    expect(Y.encodeStateVector(after)).toEqual(Y.encodeStateVector(before));

    const fresh = await h.client(ROOT_ROOM);
    await fresh.synced();
    expect(fresh.text()).toBe(a.text());
  });

  it('a room with few updates is left as a log when it unloads', async () => {
    h = await Harness.start({ compactOnUnloadAfter: 10 });
    const a = await h.client(ROOT_ROOM);
    await a.synced();
    a.doc.getText('t').insert(0, 'short');
    await eventually(() => expect(h.server.metrics().updatesStored).toBe(1));
    a.provider.destroy();
    await eventually(() => expect(h.server.metrics().rooms).toBe(0));
    await h.server.close();
    expect(logSize(h)).toEqual({ updates: 1, snapshots: 0 });
  });
});
