/**
 * The workspace's Yjs documents on this device. Every update — a local edit or one
 * received through sync — is appended to `ydoc_updates` and its changed records are
 * re-projected IN ONE SQLite TRANSACTION, so after a crash the log and the tables agree.
 */
import { type Collection, collectionMap, isCollection, readFields } from '@flowstage/shared';
import * as Y from 'yjs';
import type { Sqlite } from '../db/open';
import { changedRecords, splitKey } from './changes';
import { Projector } from './projection';

/** Transaction origin of edits made on this device. */
export const LOCAL_ORIGIN = Symbol('flowstage-local');
const LOAD_ORIGIN = Symbol('flowstage-load');

/** Compact a document's log into its snapshot once it has this many updates. */
const COMPACT_AFTER = 200;

export interface DocsChange {
  docId: string;
  collections: Set<Collection>;
  origin: 'local' | 'remote';
}

export class WorkspaceDocs {
  private readonly docs = new Map<string, Y.Doc>();
  private readonly projector: Projector;
  private readonly insertUpdate;
  private readonly selectSnapshot;
  private readonly selectUpdates;
  private readonly upsertSnapshot;
  private readonly deleteUpdates;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly onChange: (change: DocsChange) => void,
    private readonly onPersistError: (docId: string, error: unknown) => void = () => {},
  ) {
    this.projector = new Projector(sqlite);
    this.insertUpdate = sqlite.prepare(
      'INSERT INTO ydoc_updates (doc_id, "update", origin, created_at) VALUES (?, ?, ?, ?)',
    );
    this.selectSnapshot = sqlite.prepare<[string], { upToSeq: number; state: Buffer }>(
      'SELECT up_to_seq AS upToSeq, state FROM ydoc_snapshots WHERE doc_id = ?',
    );
    this.selectUpdates = sqlite.prepare<[string, number], { seq: number; update: Buffer }>(
      'SELECT seq, "update" FROM ydoc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq',
    );
    this.upsertSnapshot = sqlite.prepare(
      `INSERT INTO ydoc_snapshots (doc_id, up_to_seq, state, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(doc_id) DO UPDATE SET up_to_seq = excluded.up_to_seq, state = excluded.state,
       updated_at = excluded.updated_at`,
    );
    this.deleteUpdates = sqlite.prepare('DELETE FROM ydoc_updates WHERE doc_id = ? AND seq <= ?');
  }

  /** Document ids this device has data for. */
  storedDocIds(): string[] {
    const rows = this.sqlite
      .prepare<[], { docId: string }>(
        'SELECT doc_id AS docId FROM ydoc_snapshots UNION SELECT DISTINCT doc_id FROM ydoc_updates',
      )
      .all();
    return rows.map((r) => r.docId);
  }

  isOpen(docId: string): boolean {
    return this.docs.has(docId);
  }

  openDocIds(): string[] {
    return [...this.docs.keys()];
  }

  /** The document, loaded from SQLite on first use. */
  get(docId: string): Y.Doc {
    const existing = this.docs.get(docId);
    if (existing) return existing;
    const doc = new Y.Doc({ gc: true });
    this.load(docId, doc);
    doc.on('update', (update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
      if (origin === LOAD_ORIGIN) return;
      const local = origin === LOCAL_ORIGIN;
      try {
        this.persist(docId, doc, update, local, tr);
      } catch (err) {
        if (local) throw err;
        this.onPersistError(docId, err);
      }
    });
    this.docs.set(docId, doc);
    return doc;
  }

  /** Apply a local edit: one Yjs transaction, one SQLite transaction. */
  mutate(docId: string, edit: (doc: Y.Doc) => void): void {
    const doc = this.get(docId);
    doc.transact(() => edit(doc), LOCAL_ORIGIN);
  }

  /** Rebuild every projection table from the documents stored on this device. */
  rebuildProjection(): number {
    let count = 0;
    const ids = this.storedDocIds();
    this.sqlite.transaction(() => {
      for (const table of ['artists', 'venues', 'contacts', 'deals', 'events', 'invalid_records']) {
        this.sqlite.exec(`DELETE FROM ${table}`);
      }
      for (const docId of ids) {
        const doc = this.get(docId);
        for (const [collection] of doc.share) {
          if (!isCollection(collection)) continue;
          for (const [id, ymap] of collectionMap(doc, collection)) {
            this.projector.project(collection, id, docId, ymap instanceof Y.Map ? readFields(ymap) : null);
            count++;
          }
        }
      }
    })();
    return count;
  }

  close(): void {
    for (const doc of this.docs.values()) doc.destroy();
    this.docs.clear();
  }

  private load(docId: string, doc: Y.Doc): void {
    const snapshot = this.selectSnapshot.get(docId);
    const rows = this.selectUpdates.all(docId, snapshot?.upToSeq ?? 0);
    const parts: Uint8Array[] = [];
    if (snapshot) parts.push(snapshot.state);
    for (const r of rows) parts.push(r.update);
    if (parts.length > 0)
      Y.applyUpdate(doc, parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts), LOAD_ORIGIN);
    const last = rows[rows.length - 1];
    if (last && rows.length >= COMPACT_AFTER) {
      const state = Y.encodeStateAsUpdate(doc);
      this.sqlite.transaction(() => {
        this.upsertSnapshot.run(docId, last.seq, state, Date.now());
        this.deleteUpdates.run(docId, last.seq);
      })();
    }
  }

  private persist(docId: string, doc: Y.Doc, update: Uint8Array, local: boolean, tr: Y.Transaction): void {
    const keys = changedRecords(doc, tr);
    const collections = new Set<Collection>();
    this.sqlite.transaction(() => {
      this.insertUpdate.run(docId, update, local ? 'local' : 'remote', Date.now());
      for (const key of keys) {
        const { collection, id } = splitKey(key);
        const ymap = collectionMap(doc, collection).get(id);
        this.projector.project(collection, id, docId, ymap instanceof Y.Map ? readFields(ymap) : null);
        collections.add(collection);
      }
    })();
    this.onChange({ docId, collections, origin: local ? 'local' : 'remote' });
  }
}
