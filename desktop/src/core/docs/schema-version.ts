/**
 * Forward migrations of the records' shape inside documents. Every document carries
 * `schemaVersion` in its META_MAP (absent: version 1). WorkspaceDocs runs the pending
 * migrations of an older document in ONE local Yjs transaction (persisted, projected and
 * synced like an edit): just before the first local edit of the document (in an update of
 * its own, so that undoing the edit never undoes it), or as soon as it is loaded with `migrateOnLoad`. The default avoids writing on read: a load
 * would otherwise change the document (and its sync digest) on every device at once.
 * Until then the projection reads older records as the migration would write them
 * (projection.ts `withDefaults`). A document from a NEWER version is left untouched: its
 * unknown fields are preserved and the projection reads the fields it knows.
 *
 * A migration is a pure function over a Y.Doc, run inside the caller's transaction. It
 * must be idempotent (two devices may migrate the same document concurrently, and a
 * device may re-run it on content merged in later) and must only ADD what is missing:
 * never overwrite a value another device may be editing.
 */
import { COLLECTIONS, collectionMap, META_MAP, SCHEMA_VERSION, SCHEMA_VERSION_KEY } from '@flowstage/shared';
import * as Y from 'yjs';

export { SCHEMA_VERSION_KEY };

export interface DocMigration {
  /** Runs on documents at `from`; they are at `from + 1` afterwards. */
  from: number;
  description: string;
  migrate(doc: Y.Doc): void;
}

/** Version 2: every record has `deletedAt` (soft delete and restore rely on it). */
const ensureDeletedAt: DocMigration = {
  from: 1,
  description: 'every record has a deletedAt field (null when live)',
  migrate(doc) {
    for (const collection of COLLECTIONS) {
      if (!doc.share.has(collection)) continue;
      for (const ymap of collectionMap(doc, collection).values()) {
        if (ymap instanceof Y.Map && !ymap.has('deletedAt')) ymap.set('deletedAt', null);
      }
    }
  },
};

export const DOC_MIGRATIONS: readonly DocMigration[] = [ensureDeletedAt];

/** The document's schema version (1 when it has none; a malformed value counts as 1). */
export function docSchemaVersion(doc: Y.Doc): number {
  const v = doc.share.has(META_MAP) ? doc.getMap(META_MAP).get(SCHEMA_VERSION_KEY) : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

/** Whether the document holds anything (any Yjs item, records or meta). */
export function hasContent(doc: Y.Doc): boolean {
  return doc.store.clients.size > 0;
}

export type MigrationOutcome =
  | { status: 'current'; version: number }
  | { status: 'newer'; version: number }
  | { status: 'migrated'; from: number; to: number };

/** What `migrateDoc` would do, without writing. */
export function migrationNeeded(doc: Y.Doc, target = SCHEMA_VERSION): boolean {
  return docSchemaVersion(doc) < target;
}

/**
 * Bring the document to `target` (call inside a Yjs transaction: all steps and the new
 * version stamp land in one update). Throws when the registry has a gap.
 */
export function migrateDoc(
  doc: Y.Doc,
  registry: readonly DocMigration[] = DOC_MIGRATIONS,
  target = SCHEMA_VERSION,
): MigrationOutcome {
  const from = docSchemaVersion(doc);
  if (from > target) return { status: 'newer', version: from };
  if (from === target) return { status: 'current', version: from };
  for (let v = from; v < target; v++) {
    const step = registry.find((m) => m.from === v);
    if (!step) throw new Error(`no document migration from schema version ${v}`);
    step.migrate(doc);
  }
  doc.getMap(META_MAP).set(SCHEMA_VERSION_KEY, target);
  return { status: 'migrated', from, to: target };
}
