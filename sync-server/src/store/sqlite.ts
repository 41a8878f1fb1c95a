/**
 * The embedded document store: one SQLite file (better-sqlite3), WAL journal.
 *
 * Durability: `synchronous = FULL`. In WAL mode this fsyncs the WAL on every commit, so
 * an append that resolved survives a power loss or OS crash, not only a crash of the
 * process (which is all NORMAL guarantees: its last commits may roll back). The server
 * tells other clients about an update only once it is stored, so "stored" must mean
 * stored. The cost of FULL — one fsync per commit — is paid once per batch: appends made
 * in the same turn of the event loop are committed together in one transaction (group
 * commit), and every one of their promises resolves after that single commit.
 *
 * Layout: `updates` is an append-only log (`seq` is AUTOINCREMENT, so a sequence number
 * is never reused even after compaction deleted the rows below it); `snapshots` holds, per
 * room, the `Y.mergeUpdates` of every update up to `up_to`. Compaction folds the log into
 * the snapshot in one transaction, when a room's log reaches `compactAfter` updates
 * (scheduled with `setImmediate`, after the appends that crossed the threshold resolved)
 * or when asked to.
 *
 * Digests (`digests`, one row per room: the digest of its content as of `seq`) are derived
 * data: they ride along with the next append batch, or are committed on their own after
 * `digestDelayMs` when no append comes, so recording one rarely costs a commit of its own.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import {
  assertDigestRecord,
  type DigestRecord,
  digestRecordOf,
  docIdOf,
  measureStored,
  type PendingDigest,
  queueDigest,
} from './digest';
import { assertRoom, workspaceRange, assertUpdateBytes } from './rooms';
import type { DocStore, RoomHead, StoredRoom } from './types';

export interface SqliteDocStoreOptions {
  /** Fold a room's log into its snapshot once it holds this many updates (default 200). */
  compactAfter?: number;
  /** How long a digest waits for an append batch to ride along with (default 50 ms). */
  digestDelayMs?: number;
  logger?: (line: string) => void;
}

interface PendingAppend {
  room: string;
  update: Uint8Array;
  resolve: (seq: number) => void;
  reject: (error: Error) => void;
}

const SCHEMA_VERSION = 3;
const SCHEMA = `
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  room TEXT NOT NULL,
  bytes BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_room_seq ON updates (room, seq);
CREATE TABLE IF NOT EXISTS snapshots (
  room TEXT PRIMARY KEY,
  up_to INTEGER NOT NULL,
  bytes BLOB NOT NULL,
  compacted_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS digests (
  room TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  digest TEXT NOT NULL,
  weight INTEGER NOT NULL,
  state_vector BLOB
) WITHOUT ROWID;
`;

export class SqliteDocStore implements DocStore {
  readonly path: string;
  private readonly db: Database.Database;
  private readonly compactAfter: number;
  private readonly digestDelayMs: number;
  private readonly log: (line: string) => void;
  private pending: PendingAppend[] = [];
  private pendingDigests = new Map<string, PendingDigest>();
  private flushScheduled = false;
  private digestTimer: NodeJS.Timeout | null = null;
  private readonly logCounts = new Map<string, number>();
  private readonly compactionQueued = new Set<string>();
  private closed = false;

  private readonly insertUpdate;
  private readonly selectSnapshot;
  private readonly selectUpdates;
  private readonly countUpdates;
  private readonly upsertSnapshot;
  private readonly deleteUpdates;
  private readonly selectHeads;
  private readonly selectDigest;
  private readonly upsertDigest;

  /** `path` is a file (its folder is created) or `:memory:`. */
  constructor(path: string, options: SqliteDocStoreOptions = {}) {
    const compactAfter = options.compactAfter ?? 200;
    if (!Number.isInteger(compactAfter) || compactAfter < 1) {
      throw new RangeError('compactAfter must be a positive integer');
    }
    this.path = path;
    this.compactAfter = compactAfter;
    this.digestDelayMs = options.digestDelayMs ?? 50;
    this.log = options.logger ?? (() => {});
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    const version = this.db.pragma('user_version', { simple: true });
    if (typeof version === 'number' && version > SCHEMA_VERSION) {
      this.db.close();
      throw new Error(`sync store schema ${version} is newer than this server (${SCHEMA_VERSION})`);
    }
    this.db.exec(SCHEMA);
    // Schema 3 records the state vector with the digest (null in rows written before).
    const columns = this.db.pragma('table_info(digests)') as Array<{ name: string }>;
    if (!columns.some((c) => c.name === 'state_vector')) {
      this.db.exec('ALTER TABLE digests ADD COLUMN state_vector BLOB');
    }
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);

    this.insertUpdate = this.db.prepare<[string, Uint8Array]>(
      'INSERT INTO updates (room, bytes) VALUES (?, ?)',
    );
    this.selectSnapshot = this.db.prepare<[string], { up_to: number; bytes: Uint8Array }>(
      'SELECT up_to, bytes FROM snapshots WHERE room = ?',
    );
    this.selectUpdates = this.db.prepare<[string, number], { seq: number; bytes: Uint8Array }>(
      'SELECT seq, bytes FROM updates WHERE room = ? AND seq > ? ORDER BY seq',
    );
    this.countUpdates = this.db.prepare<[string], { n: number }>(
      'SELECT COUNT(*) AS n FROM updates WHERE room = ?',
    );
    this.upsertSnapshot = this.db.prepare<[string, number, Uint8Array, number]>(
      `INSERT INTO snapshots (room, up_to, bytes, compacted_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (room) DO UPDATE SET up_to = excluded.up_to, bytes = excluded.bytes,
         compacted_at = excluded.compacted_at`,
    );
    this.deleteUpdates = this.db.prepare<[string, number]>('DELETE FROM updates WHERE room = ? AND seq <= ?');
    this.selectHeads = this.db.prepare<
      [string, string, string, string],
      { room: string; seq: number; digest_seq: number | null; digest: string | null }
    >(
      `SELECT h.room, h.seq, d.seq AS digest_seq, d.digest FROM (
         SELECT room, MAX(seq) AS seq FROM (
           SELECT room, seq FROM updates WHERE room >= ? AND room < ?
           UNION ALL
           SELECT room, up_to AS seq FROM snapshots WHERE room >= ? AND room < ?
         ) GROUP BY room
       ) h LEFT JOIN digests d ON d.room = h.room ORDER BY h.room`,
    );
    this.selectDigest = this.db.prepare<
      [string],
      { seq: number; digest: string; weight: number; state_vector: Uint8Array | null }
    >('SELECT seq, digest, weight, state_vector FROM digests WHERE room = ?');
    // `supersedes` (digest.ts), in SQL.
    this.upsertDigest = this.db.prepare<[string, number, string, number, Uint8Array | null]>(
      `INSERT INTO digests (room, seq, digest, weight, state_vector) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (room) DO UPDATE SET seq = excluded.seq, digest = excluded.digest, weight = excluded.weight,
         state_vector = excluded.state_vector
       WHERE excluded.weight > digests.weight
          OR (excluded.weight = digests.weight AND excluded.seq > digests.seq)`,
    );
  }

  async load(room: string): Promise<Uint8Array[]> {
    return (await this.loadRoom(room)).updates;
  }

  async loadRoom(room: string): Promise<StoredRoom> {
    assertRoom(room);
    this.assertOpen();
    this.flush();
    return this.readRoom(room);
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
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
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
    this.digestTimer ??= setTimeout(() => this.flush(), this.digestDelayMs);
    return written;
  }

  async compact(room: string): Promise<boolean> {
    assertRoom(room);
    this.assertOpen();
    this.flush();
    return this.compactNow(room);
  }

  async listRooms(workspaceId: string): Promise<RoomHead[]> {
    this.assertOpen();
    this.flush();
    const [from, to] = workspaceRange(workspaceId);
    const heads: RoomHead[] = [];
    for (const row of this.selectHeads.all(from, to, from, to)) {
      let digest = row.digest_seq !== null && row.digest_seq >= row.seq ? row.digest : null;
      if (digest === null) {
        // Missing (a seeded room, an older schema, a crash before it was written) or stale.
        const stored = this.readRoom(row.room);
        const measured = measureStored(stored.updates);
        digest = measured.digest;
        this.setDigest(row.room, { seq: stored.seq, ...measured }).catch((error: unknown) => {
          this.log(`sync store: digest of ${row.room} not recorded: ${(error as Error).message}`);
        });
      }
      heads.push({ room: row.room, docId: docIdOf(row.room), seq: row.seq, digest });
    }
    return heads;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.compactionQueued.clear();
    if (this.digestTimer) clearTimeout(this.digestTimer);
    this.db.close();
  }

  private readRoom(room: string): StoredRoom {
    return this.db.transaction((name: string): StoredRoom => {
      const snapshot = this.selectSnapshot.get(name);
      const rows = this.selectUpdates.all(name, snapshot?.up_to ?? 0);
      const updates = rows.map((r) => r.bytes);
      if (snapshot) updates.unshift(snapshot.bytes);
      const seq = rows.at(-1)?.seq ?? snapshot?.up_to ?? 0;
      const row = this.selectDigest.get(name);
      const recorded = row && row.seq >= seq ? digestRecordOf(row) : null;
      return { updates, seq, digest: recorded?.digest ?? null, recorded };
    })(room);
  }

  /**
   * Commits every pending append and digest in one transaction, then settles their
   * promises. A failed batch rejects its appends; its digests are only logged.
   */
  private flush(): void {
    this.flushScheduled = false;
    if (this.digestTimer) clearTimeout(this.digestTimer);
    this.digestTimer = null;
    if (this.closed || (this.pending.length === 0 && this.pendingDigests.size === 0)) return;
    const batch = this.pending;
    const digests = this.pendingDigests;
    this.pending = [];
    this.pendingDigests = new Map();
    let seqs: number[];
    try {
      seqs = this.db.transaction((items: PendingAppend[]) => {
        const inserted = items.map((item) =>
          Number(this.insertUpdate.run(item.room, item.update).lastInsertRowid),
        );
        for (const [room, { record }] of digests) {
          this.upsertDigest.run(room, record.seq, record.digest, record.weight, record.stateVector ?? null);
        }
        return inserted;
      })(batch);
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      this.log(
        `sync store: commit of ${batch.length} update(s) and ${digests.size} digest(s) failed: ${failure.message}`,
      );
      for (const item of batch) item.reject(failure);
      for (const d of digests.values()) for (const w of d.waiters) w.reject(failure);
      return;
    }
    for (const [i, item] of batch.entries()) item.resolve(seqs[i] ?? 0);
    for (const d of digests.values()) for (const w of d.waiters) w.resolve();
    if (batch.length > 0) this.trackLogSizes(batch);
  }

  private trackLogSizes(batch: PendingAppend[]): void {
    const added = new Map<string, number>();
    for (const { room } of batch) added.set(room, (added.get(room) ?? 0) + 1);
    for (const [room, n] of added) {
      const known = this.logCounts.get(room);
      const size = known === undefined ? (this.countUpdates.get(room)?.n ?? n) : known + n;
      this.logCounts.set(room, size);
      if (size >= this.compactAfter && !this.compactionQueued.has(room)) {
        this.compactionQueued.add(room);
        setImmediate(() => {
          if (!this.compactionQueued.delete(room) || this.closed) return;
          try {
            this.flush();
            this.compactNow(room);
          } catch (error) {
            this.log(`sync store: compaction of ${room} failed: ${(error as Error).message}`);
          }
        });
      }
    }
  }

  private compactNow(room: string): boolean {
    const merged = this.db.transaction((name: string) => {
      const snapshot = this.selectSnapshot.get(name);
      const rows = this.selectUpdates.all(name, snapshot?.up_to ?? 0);
      const last = rows.at(-1);
      if (!last) return false;
      const parts = rows.map((r) => r.bytes);
      if (snapshot) parts.unshift(snapshot.bytes);
      this.upsertSnapshot.run(name, last.seq, Y.mergeUpdates(parts), Date.now());
      this.deleteUpdates.run(name, last.seq);
      return true;
    })(room);
    this.logCounts.set(room, 0);
    return merged;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the sync store is closed');
  }
}
