/**
 * The workspace's Yjs documents on this device. Every update — a local edit or one
 * received through sync — is appended to `ydoc_updates` and its changed records are
 * re-projected IN ONE SQLite TRANSACTION, so after a crash the log and the tables agree.
 *
 * A local edit is written before `mutate` returns. Updates received through sync are
 * written together at the end of the event-loop turn (`commitRemote`): a first sync
 * brings hundreds of documents, and one transaction for all that arrived in a turn is
 * much cheaper than one each. Until then they count as unflushed (`hasUnflushed`): the
 * sync engine does not take such a document as caught up, so a crash before the write
 * only means fetching them again.
 *
 * When that transaction fails (disk full, database locked), the update is already in
 * the in-memory document (Yjs cannot roll back). It is then kept as pending and written,
 * before anything else, by the next commit of that document or by `flush`; a local edit
 * whose write failed throws `PersistError` from `mutate` (it was not acknowledged), and
 * further local edits of that document are refused until the pending ones are written.
 * (The transaction handler itself never throws: an exception there leaves Yjs unable to
 * emit any later update of the document, which would silently stop persistence.)
 */
import { type Collection, collectionMap, readFields, SCHEMA_VERSION, sortDocIds } from '@flowstage/shared';
import * as Y from 'yjs';
import type { Sqlite } from '../db/open';
import { changedRecords, type RecordKey, splitKey } from './changes';
import { EditHistory } from './edit-history';
import { Projector } from './projection';
import { rebuildProjection } from './rebuild';
import { docSchemaVersion, hasContent, migrateDoc } from './schema-version';
import { DocStore, type LogOrigin } from './store';
import {
  hasNoPending,
  REMOTE_ORIGIN,
  setTransactionUpdate,
  transactionChanged,
  transactionUpdate,
} from './transactions';

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

/** A local edit could not be written to the database: it was not acknowledged. */
export class PersistError extends Error {
  constructor(
    readonly docId: string,
    override readonly cause: unknown,
  ) {
    super(`could not save the change to ${docId}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'PersistError';
  }
}

interface Pending {
  updates: { update: Uint8Array; origin: LogOrigin }[];
  keys: Set<RecordKey>;
}

const NO_FAILURE = Symbol('no-failure');

export interface WorkspaceDocsOptions {
  /**
   * Migrate an older document as soon as it is loaded (one local update per document),
   * instead of with its first local edit. Off by default: loading then never changes a
   * document, so a digest computed after a load matches the server's (see schema-version.ts).
   */
  migrateOnLoad?: boolean;
}

export class WorkspaceDocs {
  private readonly docs = new Map<string, Y.Doc>();
  private readonly pending = new Map<string, Pending>();
  private readonly projector: Projector;
  readonly store: DocStore;
  private localFailure: unknown = NO_FAILURE;
  private remoteScheduled = false;
  /** The update `applyRemote` is applying (its bytes are logged as they are). */
  private incoming: { doc: Y.Doc; update: Uint8Array } | null = null;
  /** This device's recent local edits, undoable (edit-history.ts). */
  readonly edits = new EditHistory(LOCAL_ORIGIN, (docId, fn) => this.runLocal(docId, fn));

  constructor(
    readonly sqlite: Sqlite,
    private readonly onChange: (change: DocsChange) => void,
    private readonly onPersistError: (docId: string, error: unknown) => void = () => {},
    private readonly options: WorkspaceDocsOptions = {},
  ) {
    this.projector = new Projector(sqlite);
    this.store = new DocStore(sqlite);
    if (!this.projector.isCurrent()) this.rebuildProjection();
  }

  /** Document ids this device has data for. */
  storedDocIds(): string[] {
    return this.store.docIds();
  }

  /** Whether this device has stored anything for the document. */
  hasData(docId: string): boolean {
    return this.store.hasData(docId);
  }

  /**
   * Drop a document from memory; its state stays in SQLite. A document with updates
   * not yet written stays loaded (returns false) until they can be written.
   */
  unload(docId: string): boolean {
    if (!this.tryFlush(docId)) return false;
    // Written, but kept in memory while its recent edits can be undone.
    if (this.edits.retains(docId)) return true;
    this.docs.get(docId)?.destroy();
    this.docs.delete(docId);
    return true;
  }

  isOpen(docId: string): boolean {
    return this.docs.has(docId);
  }

  openDocIds(): string[] {
    return [...this.docs.keys()];
  }

  /** Documents holding updates not written yet (received this turn, or whose write failed). */
  unflushedDocIds(): string[] {
    return [...this.pending.keys()];
  }

  hasUnflushed(docId: string): boolean {
    return this.pending.has(docId);
  }

  /** The document, loaded from SQLite on first use. */
  get(docId: string): Y.Doc {
    const existing = this.docs.get(docId);
    if (existing) return existing;
    const doc = new Y.Doc({ gc: true });
    const stored = this.store.applyTo(doc, docId, LOAD_ORIGIN);
    if (stored.logRows >= COMPACT_AFTER)
      this.store.compact(docId, stored.lastSeq, Y.encodeStateAsUpdate(doc));
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin === LOAD_ORIGIN || !transactionChanged(tr)) return;
      // Received bytes are logged as they are when they applied completely.
      if (tr.origin === REMOTE_ORIGIN && this.incoming?.doc === doc && hasNoPending(doc))
        setTransactionUpdate(tr, this.incoming.update);
      // An undo or redo (origin: the document's Y.UndoManager) is a local edit too.
      const local = tr.origin === LOCAL_ORIGIN || tr.origin instanceof Y.UndoManager;
      this.onUpdate(docId, doc, transactionUpdate(doc, tr), local, tr);
    });
    this.docs.set(docId, doc);
    if (this.options.migrateOnLoad && hasContent(doc) && docSchemaVersion(doc) < SCHEMA_VERSION) {
      try {
        this.migrate(docId);
      } catch (err) {
        // The migration stays in memory as pending and is written by the next commit.
        this.onPersistError(docId, err);
      }
    }
    return doc;
  }

  /**
   * Apply an update received through sync (written at the end of the turn, see the file
   * comment). Its bytes are logged as received, instead of being encoded again.
   */
  applyRemote(docId: string, update: Uint8Array): void {
    const doc = this.get(docId);
    this.incoming = hasNoPending(doc) ? { doc, update } : null;
    try {
      Y.applyUpdate(doc, update, REMOTE_ORIGIN);
    } finally {
      this.incoming = null;
    }
  }

  /**
   * Bring an older document to the current schema version now, in one local update
   * (otherwise that happens with its first local edit). A newer document is left as it is.
   */
  migrate(docId: string): void {
    if (docSchemaVersion(this.get(docId)) < SCHEMA_VERSION) this.mutate(docId, () => {}, false);
  }

  /**
   * Apply a local edit: one Yjs transaction, one SQLite transaction. When this returns,
   * the edit is durable; when it throws PersistError, it is not (see the file comment).
   */
  mutate(docId: string, edit: (doc: Y.Doc) => void, undoable = true): void {
    const doc = this.get(docId);
    if (undoable) {
      // A migration is never undone: it gets its own update before the document is tracked.
      if (hasContent(doc) && docSchemaVersion(doc) < SCHEMA_VERSION) this.migrate(docId);
      this.edits.prepare(docId, doc);
    }
    const depth = this.edits.depth(docId);
    let tr = null as Y.Transaction | null;
    try {
      this.runLocal(docId, () =>
        doc.transact((t) => {
          tr = t;
          // An older document is migrated with its first local edit, in the same update.
          migrateDoc(doc);
          edit(doc);
        }, LOCAL_ORIGIN),
      );
    } finally {
      if (undoable && tr) this.edits.recorded(docId, doc, tr, depth);
    }
  }

  /** Undo this device's most recent local edit, in whichever document (see edit-history.ts). */
  undo() {
    return this.edits.undo();
  }

  redo() {
    return this.edits.redo();
  }

  /** Run a local transaction: flushed first, written before this returns, PersistError otherwise. */
  private runLocal(docId: string, fn: () => void): void {
    this.get(docId);
    this.flush(docId);
    this.localFailure = NO_FAILURE;
    let failure: unknown = NO_FAILURE;
    try {
      fn();
    } finally {
      failure = this.localFailure;
      this.localFailure = NO_FAILURE;
    }
    if (failure !== NO_FAILURE) throw new PersistError(docId, failure);
  }

  /** Write the document's pending updates (throws when they still cannot be written). */
  flush(docId: string): void {
    const doc = this.docs.get(docId);
    const pending = this.pending.get(docId);
    if (!doc || !pending) return;
    const origin = pending.updates.some((u) => u.origin === 'local') ? 'local' : 'remote';
    const collections = this.sqlite.transaction(() => this.write(docId, doc, null, new Set()))();
    this.pending.delete(docId);
    this.notify(docId, collections, origin);
  }

  /**
   * Write every document's unflushed updates in one transaction (scheduled after updates
   * received through sync; callers may run it sooner). When it fails, the updates stay
   * unflushed, each document is reported to onPersistError, and the next commit retries.
   */
  commitRemote(): void {
    // In docOrder: venues are projected before the deals that show their names.
    const open = sortDocIds(this.pending.keys()).flatMap((docId) => {
      const doc = this.docs.get(docId);
      return doc ? [{ docId, doc }] : [];
    });
    if (open.length === 0) return;
    const ids = open.map((o) => o.docId);
    let written: { docId: string; collections: Set<Collection>; origin: LogOrigin }[];
    // Received updates can be fetched again: their commit survives a crash of the app but
    // is not forced to the disk (synchronous=NORMAL); the next local edit's commit is
    // (synchronous=FULL), and with it everything written before it.
    this.sqlite.pragma('synchronous = NORMAL');
    try {
      written = this.sqlite.transaction(() =>
        open.map(({ docId, doc }) => {
          const origin: LogOrigin = this.pending.get(docId)?.updates.some((u) => u.origin === 'local')
            ? 'local'
            : 'remote';
          return { docId, origin, collections: this.write(docId, doc, null, new Set()) };
        }),
      )();
    } catch (err) {
      for (const docId of ids) this.onPersistError(docId, err);
      return;
    } finally {
      this.sqlite.pragma('synchronous = FULL');
    }
    for (const { docId, collections, origin } of written) {
      this.pending.delete(docId);
      this.notify(docId, collections, origin);
    }
  }

  /** Rebuild every projection table from the documents stored on this device; returns the record count. */
  rebuildProjection(): number {
    for (const docId of this.unflushedDocIds()) this.flush(docId);
    return rebuildProjection(this.sqlite, (docId) => this.docs.get(docId)).records;
  }

  close(): void {
    this.commitRemote();
    for (const docId of this.unflushedDocIds()) this.tryFlush(docId);
    this.edits.clear();
    for (const doc of this.docs.values()) doc.destroy();
    this.docs.clear();
    this.pending.clear();
  }

  private tryFlush(docId: string): boolean {
    try {
      this.flush(docId);
      return true;
    } catch (err) {
      this.onPersistError(docId, err);
      return false;
    }
  }

  private onUpdate(docId: string, doc: Y.Doc, update: Uint8Array, local: boolean, tr: Y.Transaction): void {
    const keys = changedRecords(doc, tr);
    if (!local) {
      this.addPending(docId, { update, origin: 'remote' }, keys);
      this.scheduleRemoteCommit();
      return;
    }
    let collections: Set<Collection>;
    try {
      collections = this.sqlite.transaction(() =>
        this.write(docId, doc, { update, origin: 'local' }, keys),
      )();
    } catch (err) {
      this.addPending(docId, { update, origin: 'local' }, keys);
      this.localFailure = err;
      return;
    }
    this.pending.delete(docId);
    this.notify(docId, collections, 'local');
  }

  private addPending(docId: string, update: Pending['updates'][number], keys: Set<RecordKey>): void {
    const p = this.pending.get(docId) ?? { updates: [], keys: new Set<RecordKey>() };
    p.updates.push(update);
    for (const k of keys) p.keys.add(k);
    this.pending.set(docId, p);
  }

  private scheduleRemoteCommit(): void {
    if (this.remoteScheduled) return;
    this.remoteScheduled = true;
    setImmediate(() => {
      this.remoteScheduled = false;
      this.commitRemote();
    });
  }

  /**
   * Append the document's pending updates and `next`, and re-project what they touched.
   * The caller owns the transaction, and forgets the pending updates once it committed.
   */
  private write(
    docId: string,
    doc: Y.Doc,
    next: { update: Uint8Array; origin: LogOrigin } | null,
    keys: Set<RecordKey>,
  ): Set<Collection> {
    const pending = this.pending.get(docId);
    const all = new Set<RecordKey>(pending ? [...pending.keys, ...keys] : keys);
    const collections = new Set<Collection>();
    for (const p of pending?.updates ?? []) this.store.append(docId, p.update, p.origin);
    if (next) this.store.append(docId, next.update, next.origin);
    this.projector.batch(() => {
      for (const key of all) {
        const { collection, id } = splitKey(key);
        const ymap = collectionMap(doc, collection).get(id);
        this.projector.project(collection, id, docId, ymap instanceof Y.Map ? readFields(ymap) : null);
        collections.add(collection);
      }
    });
    return collections;
  }

  private notify(docId: string, collections: Set<Collection>, origin: LogOrigin): void {
    try {
      this.onChange({ docId, collections, origin });
    } catch (err) {
      // The update is already durable; a failing listener must not break Yjs's event loop.
      console.error(`flowstage core: a change listener failed for ${docId}:`, err);
    }
  }
}
