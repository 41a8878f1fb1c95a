import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docDigest } from '@flowstage/shared';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docStoreContract, recorder } from '../../test/store-contract';
import { measure } from './digest';
import { SqliteDocStore } from './sqlite';

docStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowstage-store-'));
  const path = join(dir, 'nested', 'sync.db');
  return {
    open: async (options) => new SqliteDocStore(path, options),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe('SqliteDocStore', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'flowstage-store-'));
    path = join(dir, 'nested', 'sync.db');
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('upgrades a schema 1 file (no digests): digests are computed from the stored updates', async () => {
    const { doc, updates } = recorder();
    doc.getText('t').insert(0, 'from an older server');
    let store = new SqliteDocStore(path);
    await store.append('ws-1/root', updates[0]!);
    await store.close();
    const db = new Database(path);
    db.exec('DROP TABLE digests');
    db.pragma('user_version = 1');
    db.close();

    store = new SqliteDocStore(path);
    try {
      expect((await store.loadRoom('ws-1/root')).digest).toBeNull();
      expect((await store.listRooms('ws-1'))[0]?.digest).toBe(docDigest(doc));
    } finally {
      await store.close();
    }
  });

  it('upgrades a schema 2 file (digests without state vectors): its records read back without one', async () => {
    const { doc, updates } = recorder();
    doc.getText('t').insert(0, 'from an older server');
    let store = new SqliteDocStore(path);
    const seq = await store.append('ws-1/root', updates[0]!);
    await store.close();
    const db = new Database(path);
    db.exec(`DROP TABLE digests;
      CREATE TABLE digests (room TEXT PRIMARY KEY, seq INTEGER NOT NULL, digest TEXT NOT NULL,
        weight INTEGER NOT NULL) WITHOUT ROWID;`);
    db.prepare('INSERT INTO digests VALUES (?, ?, ?, ?)').run('ws-1/root', seq, docDigest(doc), 20);
    db.pragma('user_version = 2');
    db.close();

    store = new SqliteDocStore(path);
    try {
      const { digest, weight, stateVector } = measure(doc);
      expect((await store.loadRoom('ws-1/root')).recorded).toEqual({ seq, digest, weight });
      await store.setDigest('ws-1/root', { seq, digest, weight: weight + 1, stateVector });
      expect((await store.loadRoom('ws-1/root')).recorded).toEqual({
        seq,
        digest,
        weight: weight + 1,
        stateVector,
      });
    } finally {
      await store.close();
    }
  });

  it('refuses a file written by a newer server', async () => {
    await new SqliteDocStore(path).close();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => new SqliteDocStore(path)).toThrow(/newer than this server/);
  });
});
