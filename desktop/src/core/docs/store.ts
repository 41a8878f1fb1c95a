/**
 * The stored form of the workspace's documents: `ydoc_snapshots` (one compacted state
 * per document) plus `ydoc_updates` (the append-only log after it). Reading never
 * writes, so verification, backup and the CLI can load documents without side effects.
 */
import * as Y from 'yjs';
import type { Sqlite } from '../db/open';

export type LogOrigin = 'local' | 'remote';

export interface StoredParts {
  /** Snapshot first (if any), then the log rows after it, in order. */
  parts: Uint8Array[];
  /** Highest log seq read (0 when the log is empty). */
  lastSeq: number;
  /** Log rows read after the snapshot. */
  logRows: number;
}

export class DocStore {
  private readonly insertUpdate;
  private readonly selectSnapshot;
  private readonly selectUpdates;
  private readonly upsertSnapshot;
  private readonly deleteUpdates;
  private readonly selectDocIds;
  private readonly selectHasData;

  constructor(readonly sqlite: Sqlite) {
    this.insertUpdate = sqlite.prepare<[string, Uint8Array, LogOrigin, number]>(
      'INSERT INTO ydoc_updates (doc_id, "update", origin, created_at) VALUES (?, ?, ?, ?)',
    );
    this.selectSnapshot = sqlite.prepare<[string], { upToSeq: number; state: Buffer }>(
      'SELECT up_to_seq AS upToSeq, state FROM ydoc_snapshots WHERE doc_id = ?',
    );
    this.selectUpdates = sqlite.prepare<[string, number], { seq: number; update: Buffer }>(
      'SELECT seq, "update" FROM ydoc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq',
    );
    this.upsertSnapshot = sqlite.prepare<[string, number, Uint8Array, number]>(
      `INSERT INTO ydoc_snapshots (doc_id, up_to_seq, state, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(doc_id) DO UPDATE SET up_to_seq = excluded.up_to_seq, state = excluded.state,
       updated_at = excluded.updated_at`,
    );
    this.deleteUpdates = sqlite.prepare<[string, number]>(
      'DELETE FROM ydoc_updates WHERE doc_id = ? AND seq <= ?',
    );
    this.selectDocIds = sqlite.prepare<[], { docId: string }>(
      'SELECT doc_id AS docId FROM ydoc_snapshots UNION SELECT DISTINCT doc_id FROM ydoc_updates ORDER BY 1',
    );
    this.selectHasData = sqlite.prepare<[string, string], { n: number }>(
      `SELECT (EXISTS(SELECT 1 FROM ydoc_snapshots WHERE doc_id = ?)
        OR EXISTS(SELECT 1 FROM ydoc_updates WHERE doc_id = ?)) AS n`,
    );
  }

  /** Document ids this device has data for, sorted. */
  docIds(): string[] {
    return this.selectDocIds.all().map((r) => r.docId);
  }

  hasData(docId: string): boolean {
    return this.selectHasData.get(docId, docId)?.n === 1;
  }

  /** Append one update to the log (the caller owns the SQLite transaction). */
  append(docId: string, update: Uint8Array, origin: LogOrigin): void {
    this.insertUpdate.run(docId, update, origin, Date.now());
  }

  read(docId: string): StoredParts {
    const snapshot = this.selectSnapshot.get(docId);
    const rows = this.selectUpdates.all(docId, snapshot?.upToSeq ?? 0);
    const parts: Uint8Array[] = [];
    if (snapshot) parts.push(snapshot.state);
    for (const r of rows) parts.push(r.update);
    return { parts, lastSeq: rows[rows.length - 1]?.seq ?? 0, logRows: rows.length };
  }

  /** Apply the stored state of a document to `doc` (with the given transaction origin). */
  applyTo(doc: Y.Doc, docId: string, origin: unknown): StoredParts {
    const stored = this.read(docId);
    const { parts } = stored;
    if (parts.length > 0) Y.applyUpdate(doc, parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts), origin);
    return stored;
  }

  /** A fresh document holding the stored state (not tracked, not persisted: the caller destroys it). */
  loadDetached(docId: string): Y.Doc {
    const doc = new Y.Doc({ gc: true });
    this.applyTo(doc, docId, null);
    return doc;
  }

  /** Replace the log up to `upToSeq` with one snapshot, atomically. */
  compact(docId: string, upToSeq: number, state: Uint8Array): void {
    this.sqlite.transaction(() => {
      this.upsertSnapshot.run(docId, upToSeq, state, Date.now());
      this.deleteUpdates.run(docId, upToSeq);
    })();
  }

  /** Write a document's whole state as its snapshot (a new database: backup import). */
  writeSnapshot(docId: string, state: Uint8Array): void {
    this.upsertSnapshot.run(docId, 0, state, Date.now());
  }
}
