import {
  artistDocId,
  type Collection,
  contactDocId,
  ROOT_DOC,
  upsertRecord,
  venueDocId,
} from '@flowstage/shared';
import { type OpenedDb, openDatabase } from '../src/core/db/open';
import { type DocsChange, WorkspaceDocs, type WorkspaceDocsOptions } from '../src/core/docs/workspace-docs';

export interface Device {
  db: OpenedDb;
  docs: WorkspaceDocs;
  changes: DocsChange[];
  close(): void;
}

/** A workspace database (in memory unless a file is given) with its documents. */
export function device(file = ':memory:', options: WorkspaceDocsOptions = {}): Device {
  const db = openDatabase(file);
  const changes: DocsChange[] = [];
  const docs = new WorkspaceDocs(db.sqlite, (c) => changes.push(c), undefined, options);
  return {
    db,
    docs,
    changes,
    close: () => {
      docs.close();
      db.close();
    },
  };
}

const DOC_OF: Record<Collection, (r: { id: string; artistId?: string }) => string> = {
  artists: () => ROOT_DOC,
  venues: (r) => venueDocId(r.id),
  contacts: (r) => contactDocId(r.id),
  deals: (r) => artistDocId(r.artistId ?? ''),
  events: (r) => artistDocId(r.artistId ?? ''),
};

/** Write a record into the document it belongs to (one local edit). */
export function put(
  d: Device,
  collection: Collection,
  record: Record<string, unknown> & { id: string; artistId?: string },
): void {
  d.docs.mutate(DOC_OF[collection](record), (doc) => upsertRecord(doc, collection, record.id, record));
}
