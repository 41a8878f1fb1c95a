/**
 * Opens the cloud database: node-postgres when a `postgres://` URL is given, otherwise
 * embedded PGlite (in memory for ':memory:', else persisted in `<dataDir>/pglite`).
 * Both drivers are exposed through one `Db` type, and migrations from `cloud-api/drizzle/`
 * are applied with the migrator of the chosen driver before the database is returned.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type Schema, schema } from './schema';

/** A drizzle database (or transaction) over either driver. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** Runs `select 1`; throws when the database is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** `postgres://…` or `postgresql://…`; absent → embedded PGlite. */
  databaseUrl?: string;
  /** PGlite lives in `<dataDir>/pglite`; ':memory:' keeps it in memory. */
  dataDir: string;
  /** Folder of drizzle-kit migrations; defaults to `cloud-api/drizzle`. */
  migrationsFolder?: string;
}

export const IN_MEMORY = ':memory:';

/**
 * Finds `cloud-api/drizzle` from this module: `../../drizzle` when running from
 * `src/db/`, `../drizzle` from an esbuild bundle in `cloud-api/dist/`.
 */
export function defaultMigrationsFolder(): string {
  const candidates = ['../../drizzle', '../drizzle'].map((rel) =>
    fileURLToPath(new URL(rel, import.meta.url)),
  );
  const found = candidates.find((dir) => existsSync(join(dir, 'meta', '_journal.json')));
  if (!found) throw new Error(`drizzle migrations not found (looked in ${candidates.join(', ')})`);
  return found;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  if (options.databaseUrl) return openPostgres(options.databaseUrl, migrationsFolder);
  return openPglite(options.dataDir, migrationsFolder);
}

async function openPostgres(databaseUrl: string, migrationsFolder: string): Promise<Database> {
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = drizzleNodePg({ client: pool, schema });
  try {
    await migrateNodePg(db, { migrationsFolder });
  } catch (err) {
    await pool.end();
    throw err;
  }
  return {
    db,
    kind: 'postgres',
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string, migrationsFolder: string): Promise<Database> {
  let location = 'memory://';
  if (dataDir !== IN_MEMORY) {
    location = join(dataDir, 'pglite');
    await mkdir(location, { recursive: true });
  }
  const client = await PGlite.create(location);
  const db = drizzlePglite({ client, schema });
  try {
    await migratePglite(db, { migrationsFolder });
  } catch (err) {
    await client.close();
    throw err;
  }
  return {
    db,
    kind: 'pglite',
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
  };
}
