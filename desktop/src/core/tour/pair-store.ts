/**
 * Road distances kept between sessions: a small SQLite file beside the workspaces
 * (`<dataDir>/distances.sqlite`), so a routing service is asked for a pair of venues once.
 * Opened on first use (not at start-up); the pairs written longest ago go when it passes
 * its limit (a rewrite gets a new rowid, so order by rowid is order of writing).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PairStore } from '@flowstage/shared/tour/plan/index';
import Database from 'better-sqlite3';

export const PAIR_STORE_LIMIT = 500_000;

export interface ClosablePairStore extends PairStore {
  close(): void;
}

export function sqlitePairStore(file: string, limit = PAIR_STORE_LIMIT): ClosablePairStore {
  let db: Database.Database | null = null;
  let statements: {
    get: Database.Statement<[string], { km: number; hours: number | null }>;
    set: Database.Statement<[string, number, number | null, number]>;
    count: Database.Statement<[], { n: number }>;
    prune: Database.Statement<[number]>;
  } | null = null;
  let writes = 0;
  const open = () => {
    if (statements) return statements;
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec(
      'CREATE TABLE IF NOT EXISTS pairs (key TEXT PRIMARY KEY, km REAL NOT NULL, hours REAL, at INTEGER NOT NULL)',
    );
    statements = {
      get: db.prepare('SELECT km, hours FROM pairs WHERE key = ?'),
      set: db.prepare('INSERT OR REPLACE INTO pairs (key, km, hours, at) VALUES (?, ?, ?, ?)'),
      count: db.prepare('SELECT count(*) AS n FROM pairs'),
      prune: db.prepare('DELETE FROM pairs WHERE rowid IN (SELECT rowid FROM pairs ORDER BY rowid LIMIT ?)'),
    };
    return statements;
  };
  return {
    get(key) {
      return open().get.get(key);
    },
    set(key, value) {
      const s = open();
      s.set.run(key, value.km, value.hours, Date.now());
      if (++writes % 1000 === 0) {
        const n = s.count.get()?.n ?? 0;
        if (n > limit) s.prune.run(n - limit);
      }
    },
    close() {
      db?.close();
      db = null;
      statements = null;
    },
  };
}
