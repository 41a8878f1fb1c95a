/**
 * Soft delete and restore (ARCHITECTURE.md, "Yjs layout"): a record is never removed
 * from its document; `deletedAt` is set or cleared. Only that field (and `updatedAt`)
 * is written, so an edit of another field made concurrently on another device merges
 * with the deletion and is still there after a restore. Deleted records leave the
 * lists (the projection keeps them, with `deleted_at` set) and the search index.
 */
import {
  ArtistRecord,
  type Collection,
  collectionMap,
  type RecordOf,
  RECORD_SCHEMAS,
  ROOT_DOC,
  readFields,
  writeFields,
} from '@flowstage/shared';
import * as Y from 'yjs';
import { z } from 'zod';
import { withDefaults } from '../docs/projection';
import type { WorkspaceDocs } from '../docs/workspace-docs';
import { RpcError } from '../rpc/dispatch';

/** What a soft delete needs of the documents (WorkspaceDocs, or a handler's workspace). */
export interface RecordDocs {
  get(docId: string): Y.Doc;
  mutate(docId: string, edit: (doc: Y.Doc) => void): void;
}

export interface RecordRef<C extends Collection> {
  collection: C;
  docId: string;
  id: string;
}

function recordMap(docs: RecordDocs, ref: RecordRef<Collection>): Y.Map<unknown> {
  const ymap = collectionMap(docs.get(ref.docId), ref.collection).get(ref.id);
  if (!(ymap instanceof Y.Map)) throw new RpcError('not_found', `no ${ref.collection} record ${ref.id}`);
  return ymap;
}

function parseRecord<C extends Collection>(collection: C, fields: Record<string, unknown>): RecordOf<C> {
  const parsed = RECORD_SCHEMAS[collection].safeParse(withDefaults(fields));
  if (!parsed.success) throw new RpcError('invalid_record', z.prettifyError(parsed.error));
  return parsed.data as RecordOf<C>;
}

/**
 * Set (`deleted`) or clear the record's `deletedAt`. Idempotent: deleting a deleted
 * record keeps its first deletion time, restoring a live one writes nothing.
 */
export function setDeleted<C extends Collection>(
  docs: RecordDocs,
  ref: RecordRef<C>,
  deleted: boolean,
  now: Date = new Date(),
): RecordOf<C> {
  const ymap = recordMap(docs, ref);
  const current = parseRecord(ref.collection, readFields(ymap));
  if ((current.deletedAt !== null) === deleted) return current;
  const at = now.toISOString();
  const fields = { deletedAt: deleted ? at : null, updatedAt: at };
  docs.mutate(ref.docId, () => writeFields(ref.collection, ymap, fields));
  return parseRecord(ref.collection, readFields(ymap));
}

export function deleteArtist(docs: WorkspaceDocs, id: string, now?: Date): ArtistRecord {
  return ArtistRecord.parse(setDeleted(docs, { collection: 'artists', docId: ROOT_DOC, id }, true, now));
}

export function restoreArtist(docs: WorkspaceDocs, id: string, now?: Date): ArtistRecord {
  return ArtistRecord.parse(setDeleted(docs, { collection: 'artists', docId: ROOT_DOC, id }, false, now));
}
