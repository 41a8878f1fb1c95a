/**
 * How a workspace is sharded into Yjs documents (ARCHITECTURE.md, "Yjs layout"):
 *  - `root`: workspace meta and the artist index (one Y.Map per artist);
 *  - `artist.<artistId>`: that artist's deals and calendar events — also the
 *    permission boundary for agents;
 *  - `venues.<bb>` / `contacts.<bb>`: directory buckets, a fixed number of them, by id hash.
 * A room on the sync server is `<workspaceId>/<docId>`.
 */
import type { Collection } from '../domain/records';

export const LAYOUT_VERSION = 1;
/**
 * Version of the records' shape inside every document, kept as `schemaVersion` in each
 * document's META_MAP. A document without it is version 1. Devices migrate older
 * documents forward (desktop/src/core/docs/schema-version.ts) and leave newer ones untouched.
 */
export const SCHEMA_VERSION = 2;
/** Key of the schema version in a document's META_MAP (absent: version 1). */
export const SCHEMA_VERSION_KEY = 'schemaVersion';
export const DIRECTORY_BUCKETS = 16;

export type DocKind = 'root' | 'artist' | 'venues' | 'contacts';

export const ROOT_DOC = 'root';

/** Which top-level Y.Maps a document kind holds. */
export const DOC_COLLECTIONS: Record<DocKind, readonly Collection[]> = {
  root: ['artists'],
  artist: ['deals', 'events'],
  venues: ['venues'],
  contacts: ['contacts'],
};

/** Meta map name: in every document (schemaVersion); the root's also holds layoutVersion and name. */
export const META_MAP = 'meta';

const DOC_ID_RE = /^(root|artist\.[0-9a-z-]{1,64}|venues\.[0-9a-f]{2}|contacts\.[0-9a-f]{2})$/;
const WORKSPACE_ID_RE = /^[0-9a-z-]{1,64}$/;

export function isDocId(docId: string): boolean {
  return DOC_ID_RE.test(docId);
}

export function docKind(docId: string): DocKind {
  if (!isDocId(docId)) throw new Error(`invalid document id: ${docId}`);
  if (docId === ROOT_DOC) return 'root';
  return docId.slice(0, docId.indexOf('.')) as DocKind;
}

/**
 * The order in which documents are best fetched and projected: the directories first
 * (venues, then contacts), then the root, then the artists — a deal shows its venue's
 * name, so its venue is best known before it arrives.
 */
export function docOrder(docId: string): number {
  const kind = isDocId(docId) ? docKind(docId) : null;
  return kind === 'venues' ? 0 : kind === 'contacts' ? 1 : kind === 'root' ? 2 : 3;
}

/** Document ids sorted by `docOrder`, then by id. */
export function sortDocIds(ids: Iterable<string>): string[] {
  return [...ids].sort((a, b) => docOrder(a) - docOrder(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export function artistDocId(artistId: string): string {
  return `artist.${artistId}`;
}

/** The artist a document belongs to, or null for shared documents. */
export function artistOfDoc(docId: string): string | null {
  return docId.startsWith('artist.') ? docId.slice('artist.'.length) : null;
}

/** FNV-1a 32-bit hash: stable across platforms and versions. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function bucketOf(id: string): string {
  return (fnv1a(id) % DIRECTORY_BUCKETS).toString(16).padStart(2, '0');
}

export function venueDocId(venueId: string): string {
  return `venues.${bucketOf(venueId)}`;
}

export function contactDocId(contactId: string): string {
  return `contacts.${bucketOf(contactId)}`;
}

export function allDirectoryDocIds(): string[] {
  const ids: string[] = [];
  for (let b = 0; b < DIRECTORY_BUCKETS; b++) {
    const bb = b.toString(16).padStart(2, '0');
    ids.push(`venues.${bb}`, `contacts.${bb}`);
  }
  return ids;
}

/** The document that holds a record of a collection. */
export function docIdFor(collection: Collection, record: { id: string; artistId?: string }): string {
  switch (collection) {
    case 'artists':
      return ROOT_DOC;
    case 'venues':
      return venueDocId(record.id);
    case 'contacts':
      return contactDocId(record.id);
    case 'deals':
    case 'events':
      if (!record.artistId) throw new Error(`${collection} record ${record.id} has no artistId`);
      return artistDocId(record.artistId);
  }
}

export function isWorkspaceId(id: string): boolean {
  return WORKSPACE_ID_RE.test(id);
}

export function roomName(workspaceId: string, docId: string): string {
  if (!isWorkspaceId(workspaceId)) throw new Error(`invalid workspace id: ${workspaceId}`);
  if (!isDocId(docId)) throw new Error(`invalid document id: ${docId}`);
  return `${workspaceId}/${docId}`;
}

export function parseRoomName(room: string): { workspaceId: string; docId: string } | null {
  const slash = room.indexOf('/');
  if (slash < 0) return null;
  const workspaceId = room.slice(0, slash);
  const docId = room.slice(slash + 1);
  return isWorkspaceId(workspaceId) && isDocId(docId) ? { workspaceId, docId } : null;
}
