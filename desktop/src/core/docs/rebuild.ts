/**
 * Projection rebuilds: every stored document, read from its snapshot and log (or taken
 * from memory when it is loaded), projected into a Projector's tables.
 */
import { sortDocIds } from '@flowstage/shared';
import type * as Y from 'yjs';
import type { Sqlite } from '../db/open';
import { Projector } from './projection';
import { DocStore } from './store';

export interface RebuildResult {
  documents: number;
  records: number;
}

/**
 * Project every document of `source` with `target` (the caller owns the transaction),
 * in `docOrder` (venues before the deals that name them), one batch per document.
 * Documents not in memory are loaded one at a time and dropped after.
 */
export function projectStoredDocs(
  source: DocStore,
  target: Projector,
  loaded: (docId: string) => Y.Doc | undefined = () => undefined,
): RebuildResult {
  const ids = sortDocIds(source.docIds());
  let records = 0;
  for (const docId of ids) {
    const open = loaded(docId);
    const doc = open ?? source.loadDetached(docId);
    try {
      records += target.batch(() => target.projectDoc(docId, doc));
    } finally {
      if (!open) doc.destroy();
    }
  }
  return { documents: ids.length, records };
}

/** Clear and refill the projection tables of a database in one transaction. */
export function rebuildProjection(
  sqlite: Sqlite,
  loaded: (docId: string) => Y.Doc | undefined = () => undefined,
): RebuildResult {
  const projector = new Projector(sqlite);
  const store = new DocStore(sqlite);
  return sqlite.transaction(() => {
    projector.clearAll();
    const result = projectStoredDocs(store, projector, loaded);
    projector.markCurrent();
    return result;
  })();
}
