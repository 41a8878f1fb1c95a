/**
 * The PostgreSQL store's statements that take more than one line of SQL: reading a room
 * at one point in time, and batch inserts of updates and digests.
 */
import type pg from 'pg';
import { type DigestRecord, digestRecordOf } from './digest';
import type { StoredRoom } from './types';

/** Rows per INSERT statement, and bytes (updates are up to a few MiB each). */
const CHUNK_ROWS = 500;
const CHUNK_BYTES = 16 * 2 ** 20;

export interface AppendRow {
  room: string;
  update: Uint8Array;
}

/** Snapshot, log and digest of a room, read in one statement (so at one point in time). */
export async function selectRoom(db: pg.Pool | pg.PoolClient, room: string): Promise<StoredRoom> {
  const { rows } = await db.query<{
    part: number;
    seq: string;
    bytes: Buffer | null;
    digest: string | null;
    weight: string | null;
  }>(
    `SELECT 0 AS part, up_to AS seq, bytes, NULL::text AS digest, NULL::bigint AS weight
       FROM sync_snapshots WHERE room = $1
     UNION ALL SELECT 1, seq, bytes, NULL, NULL FROM sync_updates WHERE room = $1
     UNION ALL SELECT 2, seq, state_vector, digest, weight FROM sync_digests WHERE room = $1
     ORDER BY part, seq`,
    [room],
  );
  const updates: Uint8Array[] = [];
  let seq = 0;
  let recorded: DigestRecord | null = null;
  for (const row of rows) {
    if (row.part === 2) {
      const { seq: at, digest, weight, bytes } = row;
      recorded = digestRecordOf({ seq: at, digest: digest ?? '', weight: weight ?? 0, state_vector: bytes });
    } else if (row.bytes) {
      updates.push(row.bytes);
      seq = Math.max(seq, Number(row.seq));
    }
  }
  if (recorded && recorded.seq < seq) recorded = null;
  return { updates, seq, digest: recorded?.digest ?? null, recorded };
}

/** Inserts the batch in order, numbered from `sync_seq`; resolves with each row's number. */
export async function insertUpdates(client: pg.PoolClient, batch: AppendRow[]): Promise<number[]> {
  const { rows } = await client.query<{ seq: string }>(
    "SELECT nextval('sync_seq') AS seq FROM generate_series(1, $1::int)",
    [batch.length],
  );
  const seqs = rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
  let start = 0;
  while (start < batch.length) {
    const values: unknown[] = [];
    const tuples: string[] = [];
    let bytes = 0;
    for (let i = start; i < batch.length && tuples.length < CHUNK_ROWS && bytes < CHUNK_BYTES; i++) {
      const item = batch[i]!;
      tuples.push(`($${values.length + 1}, $${values.length + 2}, $${values.length + 3})`);
      values.push(seqs[i], item.room, item.update);
      bytes += item.update.byteLength;
    }
    await client.query(`INSERT INTO sync_updates (seq, room, bytes) VALUES ${tuples.join(', ')}`, values);
    start += tuples.length;
  }
  return seqs;
}

/** Records digests, keeping the heavier of two (`supersedes`, in SQL). */
export async function upsertDigests(
  client: pg.PoolClient,
  digests: Array<[string, DigestRecord]>,
): Promise<void> {
  // In room order: concurrent instances lock the rows in the same order (no deadlock).
  const entries = [...digests].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (let start = 0; start < entries.length; start += CHUNK_ROWS) {
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (const [room, record] of entries.slice(start, start + CHUNK_ROWS)) {
      const n = values.length;
      tuples.push(`($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5})`);
      values.push(room, record.seq, record.digest, record.weight, record.stateVector ?? null);
    }
    // `supersedes` (digest.ts), in SQL.
    await client.query(
      `INSERT INTO sync_digests (room, seq, digest, weight, state_vector) VALUES ${tuples.join(', ')}
       ON CONFLICT (room) DO UPDATE SET seq = excluded.seq, digest = excluded.digest, weight = excluded.weight,
         state_vector = excluded.state_vector
       WHERE excluded.weight > sync_digests.weight
          OR (excluded.weight = sync_digests.weight AND excluded.seq > sync_digests.seq)`,
      values,
    );
  }
}
