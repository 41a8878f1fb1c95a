/**
 * Opens a workspace database: WAL, foreign keys, and the embedded migrations, each
 * in its own transaction. An existing database is copied (VACUUM INTO) before it is
 * migrated, and a failed migration rolls back, leaving the old schema usable.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.gen';
import * as schema from './schema';

export type Sqlite = Database.Database;
export type Db = ReturnType<typeof drizzle<typeof schema>>;

export interface OpenedDb {
  sqlite: Sqlite;
  db: Db;
  close(): void;
}

export function migrate(sqlite: Sqlite, file: string, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = sqlite.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  if (current > 0 && file !== ':memory:') {
    const backup = `${file}.v${current}.bak`;
    sqlite.prepare('VACUUM INTO ?').run(backup);
  }
  for (const m of pending) {
    sqlite.transaction(() => {
      for (const statement of m.statements) sqlite.exec(statement);
      sqlite.pragma(`user_version = ${m.version}`);
    })();
  }
  return pending[pending.length - 1]?.version ?? current;
}

export function openDatabase(file: string): OpenedDb {
  if (file !== ':memory:' && !existsSync(dirname(file))) mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  // Checkpoint the WAL every ~32 MB rather than every 4 MB: a first sync writes hundreds of
  // MB, and each checkpoint costs two fsyncs.
  sqlite.pragma('wal_autocheckpoint = 8192');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  migrate(sqlite, file);
  const db = drizzle(sqlite, { schema });
  return { sqlite, db, close: () => sqlite.close() };
}
