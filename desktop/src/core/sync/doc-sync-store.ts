/**
 * Per-document sync bookkeeping in the workspace database (local only).
 *
 * Digests are written at the end of the event-loop turn, together (a first sync confirms
 * hundreds of documents): losing them in a crash only makes the engine compare those
 * documents with the server again. A local edit's mark is written at once — and after
 * the digests waiting, so that none of them can hide it.
 */
import type { DocDigest } from '@flowstage/shared';
import type { Sqlite } from '../db/open';

export interface DocSyncRow {
  docId: string;
  confirmedDigest: DocDigest | null;
  localDigest: DocDigest | null;
  pendingUpdates: number;
}

export class DocSyncStore {
  private readonly upsertLocal;
  private readonly upsertConfirmed;
  private readonly bumpPending;
  private queued: (() => void)[] = [];
  private scheduled = false;

  constructor(private readonly sqlite: Sqlite) {
    this.upsertLocal = sqlite.prepare(
      `INSERT INTO doc_sync (doc_id, local_digest, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(doc_id) DO UPDATE SET local_digest = excluded.local_digest, updated_at = excluded.updated_at`,
    );
    this.upsertConfirmed = sqlite.prepare(
      `INSERT INTO doc_sync (doc_id, confirmed_digest, local_digest, pending_updates, updated_at)
       VALUES (?, ?, ?, 0, ?)
       ON CONFLICT(doc_id) DO UPDATE SET confirmed_digest = excluded.confirmed_digest,
         local_digest = excluded.local_digest, pending_updates = 0, updated_at = excluded.updated_at`,
    );
    this.bumpPending = sqlite.prepare(
      `INSERT INTO doc_sync (doc_id, pending_updates, updated_at) VALUES (?, 1, ?)
       ON CONFLICT(doc_id) DO UPDATE SET pending_updates = pending_updates + 1, local_digest = NULL,
         updated_at = excluded.updated_at`,
    );
  }

  all(): Map<string, DocSyncRow> {
    const rows = this.sqlite
      .prepare<[], DocSyncRow>(
        `SELECT doc_id AS docId, confirmed_digest AS confirmedDigest, local_digest AS localDigest,
                pending_updates AS pendingUpdates FROM doc_sync`,
      )
      .all();
    return new Map(rows.map((r) => [r.docId, r]));
  }

  /** The document's state was saved while unloading it. */
  setLocal(docId: string, digest: DocDigest): void {
    this.defer(() => this.upsertLocal.run(docId, digest, Date.now()));
  }

  /** The server holds exactly this device's state of the document. */
  confirm(docId: string, digest: DocDigest): void {
    this.defer(() => this.upsertConfirmed.run(docId, digest, digest, Date.now()));
  }

  /** A local edit: the document now differs from what the server confirmed. */
  localUpdate(docId: string): void {
    this.flush();
    this.bumpPending.run(docId, Date.now());
  }

  /** Write the digests waiting (a failure is reported and they are dropped: they are derived). */
  flush(): void {
    if (this.queued.length === 0) return;
    const writes = this.queued;
    this.queued = [];
    try {
      this.sqlite.transaction(() => {
        for (const write of writes) write();
      })();
    } catch (err) {
      console.error('flowstage sync: could not record document digests:', err);
    }
  }

  private defer(write: () => void): void {
    this.queued.push(write);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }
}
