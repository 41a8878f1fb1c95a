/**
 * The workspace manifest: one digest per document, so a device opens only the
 * documents that differ from the server (or that it is using) instead of hundreds of
 * sockets. The digest covers the whole CRDT state — state vector AND delete set — so
 * two replicas have the same digest exactly when they hold the same content.
 *
 * Channel: `ws(s)://<sync>/<workspaceId>/_manifest?token=…`, JSON text frames from the
 * server only: first a full `manifest` (the documents the token may read), then one
 * `changed` per accepted update in the workspace (from any server instance).
 */
import { digest as sha256 } from 'lib0/hash/sha256';
import * as Y from 'yjs';
import { z } from 'zod';

export const MANIFEST_CHANNEL = '_manifest';

/** sha256 (hex) of the encoded Yjs snapshot (delete set + state vector). */
export const DocDigest = z.string().regex(/^[0-9a-f]{64}$/);
export type DocDigest = z.infer<typeof DocDigest>;

const DocIdKey = z.string().min(1).max(80);

export const ManifestMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('manifest'), docs: z.record(DocIdKey, DocDigest) }),
  z.object({ type: z.literal('changed'), docId: DocIdKey, digest: DocDigest }),
]);
export type ManifestMessage = z.infer<typeof ManifestMessage>;

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += HEX[b];
  return s;
}

/** The digest of a document's current state. Equal digests ⇔ equal CRDT content. */
export function docDigest(doc: Y.Doc): DocDigest {
  return hex(sha256(Y.encodeSnapshot(Y.snapshot(doc))));
}

/** The digest of the state that a (merged) update describes, without keeping a document. */
export function updateDigest(update: Uint8Array): DocDigest {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const d = docDigest(doc);
  doc.destroy();
  return d;
}

/** The digest of an empty document (a room with no content yet). */
export const EMPTY_DIGEST: DocDigest = docDigest(new Y.Doc());
