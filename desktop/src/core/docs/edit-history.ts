/**
 * This device's recent local edits, undoable across documents, the way Yjs apps do it:
 * one `Y.UndoManager` per document, tracking only this device's local transactions, and
 * created on the document's first tracked local edit (a workspace has hundreds of
 * documents; only the few edited here get one, so the remote-update path is untouched).
 *
 * An ordered stack of entries ({docId, what changed, when}) spans the documents: `undo`
 * undoes the most recent local edit whichever document it was in, `redo` redoes. For each
 * document, its entries on a stack are in the same order as its manager's stack items.
 * The undo and redo transactions run through WorkspaceDocs as local edits (their origin
 * is the manager): written, projected and synced like any local edit. Edits received from
 * other devices are never undone (Yjs leaves them in place).
 */
import { COLLECTIONS, type Collection } from '@flowstage/shared';
import * as Y from 'yjs';

/** What one local edit changed in one record. */
export interface EditedRecord {
  collection: Collection;
  id: string;
  /** Fields written (without `updatedAt`); empty when the record was created. */
  fields: string[];
  created: boolean;
}

export interface EditEntry {
  /** Increasing number, unique for this open workspace. */
  seq: number;
  docId: string;
  records: EditedRecord[];
  at: string;
}

/** How WorkspaceDocs runs an undo or redo: as a local edit of the document (flush, write, notify). */
export type RunLocal = (docId: string, fn: () => void) => void;

/** Undo history kept: older edits drop off (and their documents may unload again). */
export const MAX_EDITS = 100;

interface Tracked {
  doc: Y.Doc;
  manager: Y.UndoManager;
}

export class EditHistory {
  private readonly tracked = new Map<string, Tracked>();
  private readonly undoStack: EditEntry[] = [];
  private readonly redoStack: EditEntry[] = [];
  private seq = 0;

  constructor(
    private readonly localOrigin: unknown,
    private readonly runLocal: RunLocal,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Make sure the document's manager exists before a tracked local edit. */
  prepare(docId: string, doc: Y.Doc): void {
    const t = this.tracked.get(docId);
    if (t?.doc === doc) return;
    if (t) this.forget(docId);
    const scope = COLLECTIONS.map((c) => doc.getMap(c));
    const manager = new Y.UndoManager(scope, {
      trackedOrigins: new Set([this.localOrigin]),
      captureTimeout: 0,
    });
    this.tracked.set(docId, { doc, manager });
  }

  /**
   * After a tracked local edit: record it when its manager took it as a new stack item.
   * A new edit clears what could be redone, in every document.
   */
  recorded(docId: string, doc: Y.Doc, tr: Y.Transaction, before: number): EditEntry | null {
    const t = this.tracked.get(docId);
    if (!t || t.manager.undoStack.length <= before) return null;
    for (const [id, other] of this.tracked) if (id !== docId) other.manager.clear(false, true);
    this.redoStack.length = 0;
    const entry: EditEntry = {
      seq: ++this.seq,
      docId,
      records: editedRecords(doc, tr),
      at: this.now().toISOString(),
    };
    this.undoStack.push(entry);
    this.trim();
    this.release();
    return entry;
  }

  /** Size of the document's undo stack (before a local edit). */
  depth(docId: string): number {
    return this.tracked.get(docId)?.manager.undoStack.length ?? 0;
  }

  /** Recent edits, most recent first. */
  recent(): { undo: EditEntry[]; redo: EditEntry[] } {
    return { undo: [...this.undoStack].reverse(), redo: [...this.redoStack].reverse() };
  }

  /** Undo the most recent local edit that still changes something; null when none does. */
  undo(): EditEntry | null {
    return this.step(this.undoStack, this.redoStack, 'undo');
  }

  redo(): EditEntry | null {
    return this.step(this.redoStack, this.undoStack, 'redo');
  }

  /** Whether the document must stay loaded (its manager holds items of this very Y.Doc). */
  retains(docId: string): boolean {
    return this.tracked.has(docId);
  }

  /** The document was dropped from memory: its history cannot be replayed any more. */
  forget(docId: string): void {
    this.tracked.get(docId)?.manager.destroy();
    this.tracked.delete(docId);
    for (const stack of [this.undoStack, this.redoStack]) {
      for (let i = stack.length - 1; i >= 0; i--) if (stack[i]?.docId === docId) stack.splice(i, 1);
    }
  }

  clear(): void {
    for (const docId of [...this.tracked.keys()]) this.forget(docId);
  }

  private step(from: EditEntry[], to: EditEntry[], kind: 'undo' | 'redo'): EditEntry | null {
    while (from.length > 0) {
      const entry = from[from.length - 1] as EditEntry;
      const t = this.tracked.get(entry.docId);
      if (!t) {
        from.pop();
        continue;
      }
      const items = kind === 'undo' ? () => t.manager.undoStack : () => t.manager.redoStack;
      const before = items().length;
      let done: unknown = null;
      let popped = 0;
      try {
        this.runLocal(entry.docId, () => {
          done = kind === 'undo' ? t.manager.undo() : t.manager.redo();
        });
      } finally {
        // Yjs skips items that no longer change anything: drop as many of this document's entries.
        popped = before - items().length;
        dropLast(from, entry.docId, popped);
        if (done !== null) to.push(entry);
      }
      if (done !== null) return entry;
      if (popped === 0) from.pop(); // out of step with its manager: never loop on it
    }
    return null;
  }

  private trim(): void {
    while (this.undoStack.length > MAX_EDITS) {
      const oldest = this.undoStack.shift() as EditEntry;
      this.tracked.get(oldest.docId)?.manager.undoStack.shift();
    }
  }

  /** Destroy the managers of documents that have nothing left to undo or redo. */
  private release(): void {
    const used = new Set([...this.undoStack, ...this.redoStack].map((e) => e.docId));
    for (const [docId, t] of this.tracked) {
      if (used.has(docId)) continue;
      t.manager.destroy();
      this.tracked.delete(docId);
    }
  }
}

/** Remove the last `n` entries of a document from a stack. */
function dropLast(stack: EditEntry[], docId: string, n: number): void {
  for (let i = stack.length - 1; i >= 0 && n > 0; i--) {
    if (stack[i]?.docId !== docId) continue;
    stack.splice(i, 1);
    n--;
  }
}

/** The records and fields a transaction changed (climbing from each changed type to its record). */
export function editedRecords(doc: Y.Doc, tr: Y.Transaction): EditedRecord[] {
  const tops = new Map<Y.AbstractType<unknown>, Collection>();
  for (const c of COLLECTIONS) {
    const t = doc.share.get(c);
    if (t) tops.set(t as Y.AbstractType<unknown>, c);
  }
  const out = new Map<string, EditedRecord>();
  const get = (collection: Collection, id: string) => {
    const key = `${collection}:${id}`;
    let r = out.get(key);
    if (!r) {
      r = { collection, id, fields: [], created: false };
      out.set(key, r);
    }
    return r;
  };
  for (const [type, keys] of tr.changed) {
    const top = tops.get(type as Y.AbstractType<unknown>);
    if (top) {
      for (const k of keys) if (k !== null) get(top, k).created = true;
      continue;
    }
    let field: string | null = null;
    let cur = type as Y.AbstractType<unknown>;
    let fieldKeys: Set<string | null> | null = keys;
    while (cur._item) {
      const parent = cur._item.parent as Y.AbstractType<unknown>;
      const collection = tops.get(parent);
      const id = cur._item.parentSub;
      if (collection && id !== null) {
        const r = get(collection, id);
        const names = fieldKeys ? [...fieldKeys] : [field];
        for (const n of names) if (n && n !== 'updatedAt' && !r.fields.includes(n)) r.fields.push(n);
        break;
      }
      field = cur._item.parentSub;
      fieldKeys = null;
      cur = parent;
    }
  }
  for (const r of out.values()) if (r.created) r.fields = [];
  return [...out.values()];
}
