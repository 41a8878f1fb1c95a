/**
 * Durable storage of Yjs documents, one log per room (`<workspaceId>/<docId>`).
 *
 * The contract every implementation keeps (SQLite now, PostgreSQL later):
 *  - `append` resolves only once the update is durable (survives a crash of the process
 *    and, for the embedded store, of the machine). The server relays nothing before that.
 *  - `load` sees every append that resolved before it was called.
 *  - `compact` never changes the content of a document: loading before and after a
 *    compaction yields the same Yjs state.
 */

/** The latest sequence number of a stored document, for change announcements. */
export interface RoomHead {
  /** `<workspaceId>/<docId>` */
  room: string;
  docId: string;
  /** Monotonic: grows with every append to the room, never reused. */
  seq: number;
}

export interface DocStore {
  /**
   * Every stored update of the room, oldest first (a compacted snapshot, if any, comes
   * first). Applying them in order to an empty `Y.Doc` rebuilds the document. An unknown
   * room yields `[]`.
   */
  load(room: string): Promise<Uint8Array[]>;
  /** Durably appends one Yjs (v1) update; resolves with its sequence number. */
  append(room: string, update: Uint8Array): Promise<number>;
  /**
   * Merges the room's log into its snapshot. Resolves `true` if anything was merged,
   * `false` if the log was already empty.
   */
  compact(room: string): Promise<boolean>;
  /** The stored documents of a workspace with their latest sequence numbers. */
  listRooms(workspaceId: string): Promise<RoomHead[]>;
  /** Flushes pending appends and releases the storage. Later calls reject. */
  close(): Promise<void>;
}
