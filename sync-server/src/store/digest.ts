/**
 * Document digests, and the content weight that decides which of two recorded digests
 * of a room is kept.
 *
 * The digest is shared's `docDigest` (sha256 of the encoded Yjs snapshot: state vector and
 * delete set), computed here from one snapshot that also yields the weight: the sum of
 * the state vector's clocks plus the total length of the delete set. Every document a
 * server holds is built from a subset of the room's stored updates, and CRDT content only
 * grows, so a document holding more of them weighs strictly more — and one holding all of
 * them weighs the most. Instances record digests concurrently and in any order (one may
 * record its digest before it received an update another instance stored); keeping the
 * heaviest record makes the digest of the complete document win, whatever the order.
 * src/store/digest.test.ts checks that the digest equals shared's `docDigest`.
 */
import { createHash } from 'node:crypto';
import { type DocDigest, isDocId } from '@flowstage/shared';
import * as Y from 'yjs';

/** A room's digest as of sequence number `seq`, with the weight of the content it digests. */
export interface DigestRecord {
  seq: number;
  digest: DocDigest;
  weight: number;
}

export interface Measured {
  digest: DocDigest;
  weight: number;
}

export function measure(doc: Y.Doc): Measured {
  const snapshot = Y.snapshot(doc);
  let weight = 0;
  for (const clock of snapshot.sv.values()) weight += clock;
  for (const ranges of snapshot.ds.clients.values()) for (const range of ranges) weight += range.len;
  const digest = createHash('sha256').update(Y.encodeSnapshot(snapshot)).digest('hex');
  return { digest, weight };
}

/**
 * Measures the document that the stored updates build. Like a room's load, a merged apply
 * falls back to applying the updates one by one (skipping any that fail).
 */
export function measureStored(updates: Uint8Array[]): Measured {
  const doc = new Y.Doc();
  try {
    if (updates.length > 0) {
      try {
        Y.applyUpdate(doc, updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates));
      } catch {
        for (const update of updates) {
          try {
            Y.applyUpdate(doc, update);
          } catch {
            // Counted and logged where the room is loaded; a digest must still be produced.
          }
        }
      }
    }
    return measure(doc);
  } finally {
    doc.destroy();
  }
}

/** Whether `next` should replace `current`: more content, or the same content at a later number. */
export function supersedes(next: DigestRecord, current: DigestRecord): boolean {
  return next.weight > current.weight || (next.weight === current.weight && next.seq > current.seq);
}

/** Throws unless the record is well formed. */
export function assertDigestRecord(record: DigestRecord): void {
  const { seq, digest, weight } = record;
  if (!Number.isSafeInteger(seq) || seq < 1) throw new TypeError('a digest needs a positive sequence number');
  if (typeof digest !== 'string' || !/^[0-9a-f]{64}$/.test(digest)) {
    throw new TypeError('a digest must be 64 lowercase hex characters');
  }
  if (!Number.isSafeInteger(weight) || weight < 0)
    throw new TypeError('a digest weight must be a natural number');
}

/** `<workspaceId>/<docId>` → docId (rooms are checked before they are stored). */
export function docIdOf(room: string): string {
  const docId = room.slice(room.indexOf('/') + 1);
  if (!isDocId(docId)) throw new TypeError(`invalid room name: ${room}`);
  return docId;
}

/** A digest waiting to be written, with the callers waiting for it. */
export interface PendingDigest {
  record: DigestRecord;
  waiters: Array<{ resolve: () => void; reject: (error: Error) => void }>;
}

/**
 * Queues a room's digest for the next batched write, keeping only the record that
 * `supersedes` the others. Resolves once a record at least as heavy is written.
 */
export function queueDigest(
  pending: Map<string, PendingDigest>,
  room: string,
  record: DigestRecord,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const known = pending.get(room);
    if (known && !supersedes(record, known.record)) {
      resolve(); // a heavier one is already on its way
      return;
    }
    const waiters = known?.waiters ?? [];
    waiters.push({ resolve, reject });
    pending.set(room, { record: { ...record }, waiters });
  });
}
