/**
 * The PostgreSQL store's schema, as numbered migrations recorded in
 * `sync_schema_migrations`. Migrating runs in one transaction under an advisory lock, so
 * several instances starting at once on an empty database apply each migration once.
 *
 * `room` columns use the "C" collation: rooms of a workspace are found by the byte range
 * `['<ws>/', '<ws>0')`, which a linguistic collation would not keep contiguous.
 */
import type pg from 'pg';

/** Key of the advisory locks taken by this store (migrations; per-room compaction). */
export const LOCK_NAMESPACE = 0x5f5c_0001;

const MIGRATIONS: readonly string[] = [
  `CREATE SEQUENCE sync_seq AS bigint;
   CREATE TABLE sync_updates (
     seq bigint PRIMARY KEY,
     room text COLLATE "C" NOT NULL,
     bytes bytea NOT NULL
   );
   CREATE INDEX sync_updates_room_seq ON sync_updates (room, seq);
   CREATE TABLE sync_snapshots (
     room text COLLATE "C" PRIMARY KEY,
     up_to bigint NOT NULL,
     bytes bytea NOT NULL,
     compacted_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE TABLE sync_digests (
     room text COLLATE "C" PRIMARY KEY,
     seq bigint NOT NULL,
     digest text NOT NULL,
     weight bigint NOT NULL
   );`,
  // The state vector of the content a digest was computed from (null in older records).
  'ALTER TABLE sync_digests ADD COLUMN state_vector bytea;',
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database to `SCHEMA_VERSION`; refuses a database migrated by a newer server. */
export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_NAMESPACE]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS sync_schema_migrations (
         version integer PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query<{ version: number }>(
      'SELECT COALESCE(MAX(version), 0)::int AS version FROM sync_schema_migrations',
    );
    const current = rows[0]?.version ?? 0;
    if (current > SCHEMA_VERSION) {
      throw new Error(`sync store schema ${current} is newer than this server (${SCHEMA_VERSION})`);
    }
    for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
      await client.query(MIGRATIONS[version - 1]!);
      await client.query('INSERT INTO sync_schema_migrations (version) VALUES ($1)', [version]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
