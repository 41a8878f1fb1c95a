/**
 * All-or-nothing commit of an import: nothing is written unless every line is valid, and
 * the records are written with one local edit per affected directory document. When a
 * document's write fails (PersistError: disk full, locked database), the records already
 * written to earlier documents are removed again, so a failure leaves nothing half-imported.
 */
import { collectionMap, type DirectoryCollection, docIdFor, upsertRecord } from '@flowstage/shared';
import type * as Y from 'yjs';

export interface MutableDocs {
  mutate(docId: string, edit: (doc: Y.Doc) => void): void;
}

export class ImportRejected extends Error {
  constructor(readonly errorLines: number) {
    super(`${errorLines} line(s) have errors: fix them or change the mapping; nothing was imported`);
    this.name = 'ImportRejected';
  }
}

export function commitRecords(
  docs: MutableDocs,
  collection: DirectoryCollection,
  records: readonly ({ id: string } & Record<string, unknown>)[],
): number {
  const byDoc = new Map<string, ({ id: string } & Record<string, unknown>)[]>();
  for (const r of records) {
    const docId = docIdFor(collection, r);
    const list = byDoc.get(docId) ?? [];
    list.push(r);
    byDoc.set(docId, list);
  }
  const written: [string, string[]][] = [];
  try {
    for (const [docId, list] of byDoc) {
      // Listed before the edit: a failed write may still have reached the in-memory document.
      written.push([docId, list.map((r) => r.id)]);
      docs.mutate(docId, (doc) => {
        for (const r of list) upsertRecord(doc, collection, r.id, r);
      });
    }
  } catch (err) {
    for (const [docId, ids] of written.reverse()) {
      try {
        docs.mutate(docId, (doc) => {
          const map = collectionMap(doc, collection);
          for (const id of ids) map.delete(id);
        });
      } catch {
        // The document refuses writes too: its pending edits (insert, then removal) are
        // written together by the next flush, which leaves the records removed.
      }
    }
    throw err;
  }
  return records.length;
}
