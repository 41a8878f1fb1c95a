/**
 * The production document store: PostgreSQL through a `pg` pool, shared by any number of
 * sync server instances.
 *
 * Durability: an append resolves after its transaction committed, with
 * `synchronous_commit = on` forced in every write transaction (the WAL is flushed, and
 * standbys acknowledged if synchronous replication is configured). Appends made while a commit is
 * in flight are committed together in the next one (group commit), so sequence numbers of
 * one instance follow arrival order; their numbers are drawn from `sync_seq` first, then
 * inserted explicitly, so each append gets exactly its own.
 *
 * Several instances append concurrently, so a row with a smaller `seq` may commit after a
 * larger one. Compaction therefore deletes exactly the rows it merged (never "everything
 * up to"), and a load reads the snapshot plus every log row still present.
 */
import pg from 'pg';
import * as Y from 'yjs';
import {
  assertDigestRecord,
  type DigestRecord,
  docIdOf,
  measureStored,
  type PendingDigest,
  queueDigest,
} from './digest';
import { type AppendRow, insertUpdates, selectRoom, upsertDigests } from './postgres-queries';
import { LOCK_NAMESPACE, migrate } from './postgres-schema';
import { assertRoom, workspaceRange, assertUpdateBytes } from './rooms';
import type { DocStore, RoomHead, StoredRoom } from './types';

export interface PostgresDocStoreOptions {
  /** Fold a room's log into its snapshot once it holds this many updates (default 200). */
  compactAfter?: number;
  /** How long a digest waits for an append batch to ride along with (default 50 ms). */
  digestDelayMs?: number;
  /** Connections in the pool (default 10). */
  maxConnections?: number;
  logger?: (line: string) => void;
}

interface PendingAppend extends AppendRow {
  resolve: (seq: number) => void;
  reject: (error: Error) => void;
}

/** Whatever the server's or the role's default: a commit returns once the WAL is flushed. */
const BEGIN_DURABLE = 'BEGIN; SET LOCAL synchronous_commit TO on';

function noop(): void {}

export class PostgresDocStore implements DocStore {
  private readonly compactAfter: number;
  private readonly digestDelayMs: number;
  private readonly log: (line: string) => void;
  private pending: PendingAppend[] = [];
  private pendingDigests = new Map<string, PendingDigest>();
  private writing: Promise<void> | null = null;
  private pumpScheduled = false;
  private digestTimer: NodeJS.Timeout | null = null;
  private readonly logCounts = new Map<string, number>();
  private readonly compactionQueued = new Set<string>();
  private readonly background = new Set<Promise<void>>();
  private closing: Promise<void> | null = null;

  /** Connects, creates or migrates the schema, and returns the store. */
  static async connect(
    connectionString: string,
    options: PostgresDocStoreOptions = {},
  ): Promise<PostgresDocStore> {
    const compactAfter = options.compactAfter ?? 200;
    if (!Number.isInteger(compactAfter) || compactAfter < 1) {
      throw new RangeError('compactAfter must be a positive integer');
    }
    const log = options.logger ?? (() => {});
    const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 });
    pool.on('error', (error) => log(`sync store: idle database connection failed: ${error.message}`));
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end().catch(noop);
      throw error;
    }
    return new PostgresDocStore(pool, { ...options, compactAfter });
  }

  private constructor(
    private readonly pool: pg.Pool,
    options: PostgresDocStoreOptions & { compactAfter: number },
  ) {
    this.compactAfter = options.compactAfter;
    this.digestDelayMs = options.digestDelayMs ?? 50;
    this.log = options.logger ?? (() => {});
  }

  async load(room: string): Promise<Uint8Array[]> {
    return (await this.loadRoom(room)).updates;
  }

  async loadRoom(room: string): Promise<StoredRoom> {
    assertRoom(room);
    this.assertOpen();
    await this.settle();
    return selectRoom(this.pool, room);
  }

  append(room: string, update: Uint8Array): Promise<number> {
    try {
      assertRoom(room);
      this.assertOpen();
      assertUpdateBytes(update);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<number>((resolve, reject) => {
      this.pending.push({ room, update, resolve, reject });
      this.schedulePump();
    });
  }

  setDigest(room: string, record: DigestRecord): Promise<void> {
    try {
      assertRoom(room);
      assertDigestRecord(record);
      this.assertOpen();
    } catch (error) {
      return Promise.reject(error);
    }
    const written = queueDigest(this.pendingDigests, room, record);
    this.scheduleDigests();
    return written;
  }

  async compact(room: string): Promise<boolean> {
    assertRoom(room);
    this.assertOpen();
    await this.settle();
    return this.compactNow(room);
  }

  async listRooms(workspaceId: string): Promise<RoomHead[]> {
    this.assertOpen();
    const [from, to] = workspaceRange(workspaceId);
    await this.settle();
    const { rows } = await this.pool.query<{
      room: string;
      seq: string;
      digest_seq: string | null;
      digest: string | null;
    }>(
      `SELECT h.room, h.seq, d.seq AS digest_seq, d.digest FROM (
         SELECT room, MAX(seq) AS seq FROM (
           SELECT room, seq FROM sync_updates WHERE room >= $1 AND room < $2
           UNION ALL
           SELECT room, up_to FROM sync_snapshots WHERE room >= $1 AND room < $2
         ) u GROUP BY room
       ) h LEFT JOIN sync_digests d ON d.room = h.room ORDER BY h.room`,
      [from, to],
    );
    const heads: RoomHead[] = [];
    for (const row of rows) {
      let digest = row.digest_seq !== null && Number(row.digest_seq) >= Number(row.seq) ? row.digest : null;
      if (digest === null) {
        // Missing (a seeded room, a crash before it was written) or stale.
        const stored = await selectRoom(this.pool, row.room);
        const measured = measureStored(stored.updates);
        digest = measured.digest;
        this.setDigest(row.room, { seq: stored.seq, ...measured }).catch((error: unknown) => {
          this.log(`sync store: digest of ${row.room} not recorded: ${(error as Error).message}`);
        });
      }
      heads.push({ room: row.room, docId: docIdOf(row.room), seq: Number(row.seq), digest });
    }
    return heads;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.settle();
      while (this.background.size > 0) await Promise.all([...this.background]);
      if (this.digestTimer) clearTimeout(this.digestTimer);
      await this.pool.end();
    })();
    return this.closing;
  }

  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      void this.pump();
    });
  }

  /** Digests alone wait a little for an append batch to ride along with. */
  private scheduleDigests(): void {
    this.digestTimer ??= setTimeout(() => {
      this.digestTimer = null;
      void this.pump();
    }, this.digestDelayMs);
  }

  /** Commits everything pending, unless a commit is in flight (whose end starts the next). */
  private pump(): Promise<void> {
    if (this.writing) return this.writing;
    if (this.digestTimer) clearTimeout(this.digestTimer);
    this.digestTimer = null;
    if (this.pending.length === 0 && this.pendingDigests.size === 0) return Promise.resolve();
    const batch = this.pending;
    const digests = this.pendingDigests;
    this.pending = [];
    this.pendingDigests = new Map();
    this.writing = this.commit(batch, digests).finally(() => {
      this.writing = null;
      if (this.pending.length > 0) this.schedulePump();
      else if (this.pendingDigests.size > 0) this.scheduleDigests();
    });
    return this.writing;
  }

  /** Resolves once everything pending when it was called is committed (or failed). */
  private async settle(): Promise<void> {
    if (this.writing) await this.writing;
    if (this.pending.length > 0 || this.pendingDigests.size > 0) await this.pump();
  }

  /** One transaction; never rejects (failures reject the batch's own promises). */
  private async commit(batch: PendingAppend[], digests: Map<string, PendingDigest>): Promise<void> {
    let client: pg.PoolClient | null = null;
    let seqs: number[] = [];
    try {
      client = await this.pool.connect();
      await client.query(BEGIN_DURABLE);
      if (batch.length > 0) seqs = await insertUpdates(client, batch);
      if (digests.size > 0) {
        await upsertDigests(
          client,
          [...digests].map(([room, d]) => [room, d.record]),
        );
      }
      await client.query('COMMIT');
      client.release();
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      this.log(
        `sync store: commit of ${batch.length} update(s) and ${digests.size} digest(s) failed: ${failure.message}`,
      );
      if (client) {
        await client.query('ROLLBACK').catch(noop);
        client.release(true);
      }
      for (const item of batch) item.reject(failure);
      for (const d of digests.values()) for (const w of d.waiters) w.reject(failure);
      return;
    }
    for (const [i, item] of batch.entries()) item.resolve(seqs[i]!);
    for (const d of digests.values()) for (const w of d.waiters) w.resolve();
    if (batch.length > 0) this.track(this.trackLogSizes(batch));
  }

  private async trackLogSizes(batch: PendingAppend[]): Promise<void> {
    const added = new Map<string, number>();
    for (const { room } of batch) added.set(room, (added.get(room) ?? 0) + 1);
    for (const [room, n] of added) {
      const known = this.logCounts.get(room);
      let size = known === undefined ? 0 : known + n;
      if (known === undefined) {
        const { rows } = await this.pool.query<{ n: number }>(
          'SELECT COUNT(*)::int AS n FROM sync_updates WHERE room = $1',
          [room],
        );
        size = rows[0]?.n ?? n;
      }
      this.logCounts.set(room, size);
      if (size >= this.compactAfter && !this.compactionQueued.has(room)) {
        this.compactionQueued.add(room);
        setImmediate(() => {
          if (!this.compactionQueued.delete(room)) return;
          this.track(
            this.compactNow(room).then(noop, (error: unknown) => {
              this.log(`sync store: compaction of ${room} failed: ${(error as Error).message}`);
            }),
          );
        });
      }
    }
  }

  private track(task: Promise<void>): void {
    const tracked = task
      .catch((error: unknown) => this.log(`sync store: ${(error as Error).message}`))
      .finally(() => this.background.delete(tracked));
    this.background.add(tracked);
  }

  private async compactNow(room: string): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query(BEGIN_DURABLE);
      // One compaction per room at a time, across instances.
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_NAMESPACE, room]);
      const snapshot = await client.query<{ up_to: string; bytes: Buffer }>(
        'SELECT up_to, bytes FROM sync_snapshots WHERE room = $1',
        [room],
      );
      const log = await client.query<{ seq: string; bytes: Buffer }>(
        'SELECT seq, bytes FROM sync_updates WHERE room = $1 ORDER BY seq',
        [room],
      );
      if (log.rows.length === 0) {
        await client.query('COMMIT');
        client.release();
        this.logCounts.set(room, 0);
        return false;
      }
      const parts: Uint8Array[] = log.rows.map((r) => r.bytes);
      const base = snapshot.rows[0];
      if (base) parts.unshift(base.bytes);
      const merged = log.rows.map((r) => r.seq);
      await client.query(
        `INSERT INTO sync_snapshots (room, up_to, bytes, compacted_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (room) DO UPDATE SET up_to = GREATEST(sync_snapshots.up_to, excluded.up_to),
           bytes = excluded.bytes, compacted_at = excluded.compacted_at`,
        [room, merged.at(-1), Y.mergeUpdates(parts)],
      );
      await client.query('DELETE FROM sync_updates WHERE room = $1 AND seq = ANY($2::bigint[])', [
        room,
        merged,
      ]);
      await client.query('COMMIT');
      client.release();
      this.logCounts.set(room, 0);
      return true;
    } catch (error) {
      await client.query('ROLLBACK').catch(noop);
      client.release(true);
      throw error;
    }
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('the sync store is closed');
  }
}
