/**
 * Durable storage of Yjs documents, one log per room (`<workspaceId>/<docId>`).
 *
 * The contract every implementation keeps (SQLite, PostgreSQL), checked by one shared
 * test suite (`test/store-contract.ts`):
 *  - `append` resolves only once the update is durable (survives a crash of the process
 *    and, for the embedded store, of the machine). The server relays nothing before that.
 *  - `load` sees every append that resolved before it was called.
 *  - `compact` never changes the content of a document: loading before and after a
 *    compaction yields the same Yjs state.
 *  - every room keeps the digest of its content (`docDigest` from shared) with the
 *    sequence number it was computed for and the content's weight (src/store/digest.ts).
 *    Digests are written by the servers after they applied updates (`setDigest`); of two
 *    records the heavier is kept, so the digest of the document holding every update wins
 *    whatever order concurrent instances write in. One that is missing or older than the
 *    room's head is recomputed from the stored updates (`listRooms` does so itself), so it
 *    can never be lost for good.
 */
import type { DocDigest } from '@flowstage/shared';
import type { DigestRecord } from './digest';

export type { DigestRecord } from './digest';

/** A stored document's head, for the workspace manifest. */
export interface RoomHead {
  /** `<workspaceId>/<docId>` */
  room: string;
  docId: string;
  /** Never decreases; grows with every append to the room, never reused. */
  seq: number;
  /** sha256 of the stored content (`docDigest` of the document the stored updates build). */
  digest: DocDigest;
}

/** Everything stored for one room, read at one point in time. */
export interface StoredRoom {
  /** As `load` returns them: the snapshot (if any) first, then the log, oldest first. */
  updates: Uint8Array[];
  /** The room's latest sequence number; 0 for a room with nothing stored. */
  seq: number;
  /** The digest recorded for `seq` (or later); null when none was. */
  digest: DocDigest | null;
  /** That digest's whole record (weight, state vector), null with it. */
  recorded: DigestRecord | null;
}

export interface DocStore {
  /**
   * Every stored update of the room, oldest first (a compacted snapshot, if any, comes
   * first). Applying them in order to an empty `Y.Doc` rebuilds the document. An unknown
   * room yields `[]`.
   */
  load(room: string): Promise<Uint8Array[]>;
  /** `load`, plus the room's head and recorded digest, read consistently. */
  loadRoom(room: string): Promise<StoredRoom>;
  /** Durably appends one Yjs (v1) update; resolves with its sequence number. */
  append(room: string, update: Uint8Array): Promise<number>;
  /**
   * Records the digest of the room's content as of sequence number `seq`. It replaces the
   * recorded one only if it weighs more (or as much, at a later number: see `supersedes`).
   * Writes may be batched and deferred a little: the digest is derived data, recomputable
   * at any time.
   */
  setDigest(room: string, record: DigestRecord): Promise<void>;
  /**
   * Merges the room's log into its snapshot. Resolves `true` if anything was merged,
   * `false` if the log was already empty.
   */
  compact(room: string): Promise<boolean>;
  /**
   * The stored documents of a workspace, ordered by room, with their latest sequence
   * numbers and digests (stale or missing digests are recomputed and recorded first).
   */
  listRooms(workspaceId: string): Promise<RoomHead[]>;
  /** Flushes pending appends and digests and releases the storage. Later calls reject. */
  close(): Promise<void>;
}
