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
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { DocStore, RoomHead } from './types';
import { assertRoom, workspaceRange } from './rooms';

export interface SqliteDocStoreOptions {
  /** Fold a room's log into its snapshot once it holds this many updates (default 200). */
  compactAfter?: number;
  logger?: (line: string) => void;
}

interface PendingAppend {
  room: string;
  update: Uint8Array;
  resolve: (seq: number) => void;
  reject: (error: Error) => void;
}

const SCHEMA_VERSION = 1;
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
`;

export class SqliteDocStore implements DocStore {
  readonly path: string;
  private readonly db: Database.Database;
  private readonly compactAfter: number;
  private readonly log: (line: string) => void;
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
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

  /** `path` is a file (its folder is created) or `:memory:`. */
  constructor(path: string, options: SqliteDocStoreOptions = {}) {
    const compactAfter = options.compactAfter ?? 200;
    if (!Number.isInteger(compactAfter) || compactAfter < 1) {
      throw new RangeError('compactAfter must be a positive integer');
    }
    this.path = path;
    this.compactAfter = compactAfter;
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
    this.selectHeads = this.db.prepare<[string, string, string, string], { room: string; seq: number }>(
      `SELECT room, MAX(seq) AS seq FROM (
         SELECT room, seq FROM updates WHERE room >= ? AND room < ?
         UNION ALL
         SELECT room, up_to AS seq FROM snapshots WHERE room >= ? AND room < ?
       ) GROUP BY room ORDER BY room`,
    );
  }

  async load(room: string): Promise<Uint8Array[]> {
    assertRoom(room);
    this.assertOpen();
    this.flush();
    const read = this.db.transaction((name: string) => {
      const snapshot = this.selectSnapshot.get(name);
      const rows = this.selectUpdates.all(name, snapshot?.up_to ?? 0);
      return snapshot ? [snapshot.bytes, ...rows.map((r) => r.bytes)] : rows.map((r) => r.bytes);
    });
    return read(room);
  }

  append(room: string, update: Uint8Array): Promise<number> {
    try {
      assertRoom(room);
      this.assertOpen();
      if (!(update instanceof Uint8Array) || update.byteLength === 0) {
        throw new TypeError('an update must be a non-empty Uint8Array');
      }
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
    return this.selectHeads.all(from, to, from, to).map(({ room, seq }) => ({
      room,
      docId: room.slice(room.indexOf('/') + 1),
      seq,
    }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.compactionQueued.clear();
    this.db.close();
  }

  /** Commits every pending append in one transaction, then settles their promises. */
  private flush(): void {
    this.flushScheduled = false;
    if (this.closed || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    let seqs: number[];
    try {
      seqs = this.db.transaction((items: PendingAppend[]) =>
        items.map((item) => Number(this.insertUpdate.run(item.room, item.update).lastInsertRowid)),
      )(batch);
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      this.log(`sync store: append of ${batch.length} update(s) failed: ${failure.message}`);
      for (const item of batch) item.reject(failure);
      return;
    }
    for (const [i, item] of batch.entries()) item.resolve(seqs[i] ?? 0);
    this.trackLogSizes(batch);
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
