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
 *
 * A record also keeps the state vector of the document it was computed from: a room that
 * only serves reads sends it as its sync step 1 without building the document (src/room.ts).
 * It comes from a document built from stored updates, so it never claims more than the
 * store holds.
 */
import { createHash } from 'node:crypto';
import { type DocDigest, isDocId } from '@flowstage/shared';
import * as Y from 'yjs';
import { applyStored } from '../content';

/** A room's digest as of sequence number `seq`, with the weight of the content it digests. */
export interface DigestRecord {
  seq: number;
  digest: DocDigest;
  weight: number;
  /** The encoded state vector of that content; absent from records written without one. */
  stateVector?: Uint8Array;
}

export interface Measured {
  digest: DocDigest;
  weight: number;
  stateVector: Uint8Array;
}

export function measure(doc: Y.Doc): Measured {
  const snapshot = Y.snapshot(doc);
  let weight = 0;
  for (const clock of snapshot.sv.values()) weight += clock;
  for (const ranges of snapshot.ds.clients.values()) for (const range of ranges) weight += range.len;
  const digest = createHash('sha256').update(Y.encodeSnapshot(snapshot)).digest('hex');
  return { digest, weight, stateVector: Y.encodeStateVector(snapshot.sv) };
}

/** What an empty room measures. */
export const EMPTY_MEASURED: Readonly<Measured> = measure(new Y.Doc());

/**
 * Measures the document that the stored updates build (as a room builds it: `applyStored`,
 * which skips updates that fail; they are counted and logged where the room is loaded).
 */
export function measureStored(updates: Uint8Array[]): Measured {
  const doc = new Y.Doc();
  try {
    applyStored(doc, updates, null);
    return measure(doc);
  } finally {
    doc.destroy();
  }
}

/** Whether `next` should replace `current`: more content, or the same content at a later number. */
export function supersedes(next: DigestRecord, current: DigestRecord): boolean {
  return next.weight > current.weight || (next.weight === current.weight && next.seq > current.seq);
}

/** A record read back from the store (`state_vector` is null in records written without one). */
export function digestRecordOf(row: {
  seq: number | string;
  digest: DocDigest;
  weight: number | string;
  state_vector: Uint8Array | null;
}): DigestRecord {
  const record: DigestRecord = { seq: Number(row.seq), digest: row.digest, weight: Number(row.weight) };
  if (row.state_vector) record.stateVector = new Uint8Array(row.state_vector);
  return record;
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
  if (record.stateVector !== undefined && !isStateVector(record.stateVector)) {
    throw new TypeError('a state vector must be an encoded Yjs state vector');
  }
}

function isStateVector(bytes: unknown): boolean {
  if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0) return false;
  try {
    Y.decodeStateVector(bytes);
    return true;
  } catch {
    return false;
  }
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
