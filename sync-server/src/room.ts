/**
 * One open document: its content, the presence (awareness) of its clients, and the write
 * pipeline that stores every accepted update before applying and relaying it.
 *
 * The content is lazy. A room opens with the stored updates as bytes (`StoredContent`,
 * src/content.ts) and the digest record the store keeps for them, and answers catch-ups
 * from those: a room that only serves reads never builds a `Y.Doc`. It builds one
 * ("materializes") only when a document is needed: to apply an update (a client's, one
 * relayed by the fan-out, or one read back by `refresh`), to tell whether a client's
 * deletions are news, or to compute a digest the store lacks (or holds for an older
 * sequence number), at once on open. Materializing also checks the recorded digest that
 * was trusted meanwhile, and corrects and announces it if it was wrong.
 *
 * Invariant: the in-memory content (bytes or document) only ever holds stored state. It
 * is read from the store when the room opens, and an update reaches it only after
 * `store.append` resolved — here, or on another server instance that relayed it through
 * the fan-out after storing it (`applyRemote`), or read back from the store (`refresh`).
 * So answering a sync step 1 from it answers "from the stored state".
 *
 * The room knows the digest of its content (`docDigest`) and the latest sequence number
 * it holds, and tells its owner what changed (`RoomEvents`). Relaying to local clients is
 * immediate, but the digest — a walk over the whole document, milliseconds for a large
 * one — is computed once per event-loop turn, after every update applied in that turn,
 * and the owner hears of them together.
 */
import type { DocDigest } from '@flowstage/shared';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { applyStored, StoredContent } from './content';
import { encodeAwareness, encodeUpdate } from './protocol';
import { type DigestRecord, EMPTY_MEASURED, type Measured, measure } from './store/digest';
import type { DocStore, StoredRoom } from './store/types';
import { type DecodedUpdate, decodeValidUpdate, updateChangesDoc } from './updates';

/** What a room needs from a connection. */
export interface RoomPeer {
  send(message: Uint8Array): void;
}

export class StoreFailedError extends Error {
  override readonly name = 'StoreFailedError';
}

export class ApplyFailedError extends Error {
  override readonly name = 'ApplyFailedError';
}

/** An update a client sent, stored as `seq` and applied. */
export interface AcceptedUpdate {
  update: Uint8Array;
  seq: number;
}

/** What a room tells its owner, once per event-loop turn at most. Must not throw. */
export interface RoomEvents {
  /** Clients' updates were stored and applied (in this order); `room.digest` is the digest after them. */
  accepted(room: Room, updates: AcceptedUpdate[]): void;
  /**
   * Updates stored elsewhere (`applyRemote`, `refresh`) left this document with a digest
   * other than the one their sender announced: `room.digest` is news to the other instances.
   */
  remoteChanged(room: Room): void;
  /** Presence changed here (a client's own update, or a client left): `update` is an awareness update. */
  presence(room: Room, update: Uint8Array): void;
}

/** Origin of changes that came from the fan-out or the store: relayed to every local client. */
export const REMOTE_ORIGIN = Symbol('remote');

export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  /** Updates stored by this room since it opened. */
  appended = 0;
  /** The latest sequence number this room's content is known to hold. */
  seq = 0;
  /** Digest, weight and state vector of the content: recorded by the store, or measured. Current after every flush. */
  private measured: Measured;
  /** The content while it is bytes; null once materialized. */
  private content: StoredContent | null = null;
  /** The content once materialized. */
  private doc: Y.Doc | null = null;
  /** Awareness needs a document only for a client id: an empty one, whatever the content. */
  private readonly presenceDoc = new Y.Doc();
  private readonly peers = new Map<RoomPeer, Set<number>>();
  private tail: Promise<void> = Promise.resolve();
  private destroyed = false;
  private changes = 0;
  /** Applied since the last `flush`: accepted updates, and remote changes (announced digest, null = none). */
  private accepted: AcceptedUpdate[] = [];
  private remote: { announced: DocDigest | null } | null = null;
  private flushScheduled = false;

  private constructor(
    readonly name: string,
    private readonly store: DocStore,
    private readonly log: (line: string) => void,
    private readonly events: RoomEvents,
    stored: StoredRoom,
  ) {
    this.seq = stored.seq;
    this.awareness = new awarenessProtocol.Awareness(this.presenceDoc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    const { recorded } = stored;
    // Lazy only on a current digest (an empty room has nothing to record yet).
    this.content =
      stored.seq === 0 || recorded ? StoredContent.of(stored.updates, recorded?.stateVector) : null;
    if (this.content) {
      this.measured = recorded
        ? { digest: recorded.digest, weight: recorded.weight, stateVector: this.content.stateVector }
        : EMPTY_MEASURED;
    } else {
      this.measured = measure(this.build(stored.updates));
    }
  }

  /** `docDigest` of the content. */
  get digest(): DocDigest {
    return this.measured.digest;
  }

  /** What the store records for this room now. */
  get digestRecord(): DigestRecord {
    return { seq: this.seq, ...this.measured };
  }

  /** Whether the room built its `Y.Doc` (it serves reads from the stored bytes until then). */
  get materialized(): boolean {
    return this.doc !== null;
  }

  /**
   * Opens a room from everything stored for it. A digest the store is missing (or holds
   * for an older sequence number) is computed and recorded; a recorded one that disagrees
   * with the content is corrected and announced once the room materializes.
   */
  static async load(
    name: string,
    store: DocStore,
    log: (line: string) => void,
    events: RoomEvents,
  ): Promise<Room> {
    const stored = await store.loadRoom(name);
    const room = new Room(name, store, log, events, stored);
    if (stored.seq > 0 && stored.digest === null) {
      await store.setDigest(name, room.digestRecord).catch((error: unknown) => {
        log(`room ${name}: digest not recorded: ${(error as Error).message}`);
      });
    } else if (stored.digest !== null && stored.digest !== room.digest) {
      // A wrong digest was recorded (and may have been listed): record and announce this one.
      events.remoteChanged(room);
    }
    return room;
  }

  /** The state vector of the content (the server's sync step 1). */
  stateVector(): Uint8Array {
    return this.doc ? Y.encodeStateVector(this.doc) : this.content!.stateVector;
  }

  /** What a client whose state vector is `theirs` lacks (the answer to its sync step 1). */
  diff(theirs: Uint8Array): Uint8Array {
    return this.doc ? Y.encodeStateAsUpdate(this.doc, theirs) : this.content!.diff(theirs);
  }

  /** Whether applying the update would change the content; materializes unless the bytes tell it does not. */
  changedBy(decoded: DecodedUpdate): boolean {
    if (this.content?.unchangedBy(decoded)) return false;
    return updateChangesDoc(this.materialize(), decoded);
  }

  /**
   * The room's document, built from the stored bytes on first use. The digest recorded for
   * them is checked at the next flush (and announced if it was wrong).
   */
  private materialize(): Y.Doc {
    if (this.doc) return this.doc;
    const content = this.content!;
    this.content = null;
    this.remote = { announced: this.measured.digest };
    this.scheduleFlush();
    return this.build(content.updates, content.update);
  }

  /**
   * Builds the room's document from stored updates (`merged`: the same, merged); from now
   * on its changes are relayed to the peers.
   */
  private build(stored: Uint8Array[], merged?: Uint8Array): Y.Doc {
    const doc = new Y.Doc({ gc: true });
    this.restore(doc, stored, merged);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.changes++;
      this.broadcast(encodeUpdate(update), origin);
    });
    this.doc = doc;
    return doc;
  }

  private restore(doc: Y.Doc, stored: Uint8Array[], merged?: Uint8Array): void {
    const { mergeError, failed } = applyStored(doc, stored, REMOTE_ORIGIN, merged);
    if (mergeError !== null) {
      this.log(`room ${this.name}: merged load failed (${mergeError}), replaying one by one`);
    }
    if (failed > 0)
      this.log(`room ${this.name}: ${failed} of ${stored.length} stored updates failed to apply`);
  }

  /**
   * Applies an update that another instance stored as `seq` (it arrives through the
   * fan-out, with the digest of the sender's document after it): relayed to every local
   * client, not stored again. Undecodable ones are dropped.
   */
  applyRemote(update: Uint8Array, seq: number, announced: DocDigest): void {
    if (this.destroyed) return;
    try {
      decodeValidUpdate(update);
    } catch (error) {
      this.log(`room ${this.name}: dropped an undecodable relayed update: ${(error as Error).message}`);
      return;
    }
    this.seq = Math.max(this.seq, seq);
    this.applyChange(() => Y.applyUpdate(this.materialize(), update, REMOTE_ORIGIN), announced);
  }

  /**
   * Reads the room back from the store and applies what this document lacks (relayed
   * updates may have been lost, e.g. while the fan-out was disconnected).
   */
  async refresh(): Promise<void> {
    if (this.destroyed) return;
    const stored = await this.store.loadRoom(this.name);
    if (this.destroyed) return;
    this.seq = Math.max(this.seq, stored.seq);
    this.applyChange(() => this.restore(this.materialize(), stored.updates), null);
  }

  /** Presence relayed from another instance: shown to every local client. */
  applyRemoteAwareness(update: Uint8Array): void {
    if (this.destroyed) return;
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
    } catch (error) {
      this.log(`room ${this.name}: dropped an invalid relayed presence update: ${(error as Error).message}`);
    }
  }

  private applyChange(apply: () => void, announced: DocDigest | null): void {
    const before = this.changes;
    try {
      apply();
    } catch (error) {
      this.log(`room ${this.name}: a relayed update failed to apply: ${(error as Error).message}`);
    }
    if (this.changes === before) return;
    // A refresh (no announcement) since the last flush forces an announcement.
    this.remote = { announced: this.remote && this.remote.announced === null ? null : announced };
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  /** Computes the digest once for everything applied since the last flush, and tells the owner. */
  private flush(): void {
    this.flushScheduled = false;
    const accepted = this.accepted;
    const remote = this.remote;
    this.accepted = [];
    this.remote = null;
    if (this.destroyed || !this.doc || (accepted.length === 0 && !remote)) return;
    this.measured = measure(this.doc);
    if (accepted.length > 0) this.events.accepted(this, accepted);
    else if (remote && remote.announced !== this.digest) this.events.remoteChanged(this);
  }

  get peerCount(): number {
    return this.peers.size;
  }

  addPeer(peer: RoomPeer): void {
    this.peers.set(peer, new Set());
  }

  /** Forgets a peer and withdraws the presence it announced. */
  removePeer(peer: RoomPeer): void {
    const clients = this.peers.get(peer);
    if (!clients) return;
    this.peers.delete(peer);
    if (clients.size > 0 && !this.destroyed) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], null);
    }
  }

  /**
   * Stores the update, then applies it and relays it to the other peers. The append starts
   * at once (so the store can batch appends of concurrent updates into one commit) but
   * updates are applied in arrival order. Rejects with `StoreFailedError` (nothing was
   * applied) or `ApplyFailedError` (stored, but Yjs refused it).
   */
  submit(origin: RoomPeer, update: Uint8Array): Promise<void> {
    // Settles to the failure instead of rejecting: nothing waits on it until the updates
    // before it are applied, and a rejection must never go unhandled meanwhile.
    const durable = this.store.append(this.name, update).then(
      (seq) => {
        this.appended++;
        return seq;
      },
      (error: unknown) => new StoreFailedError((error as Error).message ?? String(error)),
    );
    const applied = this.tail
      .then(() => durable)
      .then((seq) => {
        if (seq instanceof Error) throw seq;
        try {
          Y.applyUpdate(this.materialize(), update, origin);
        } catch (error) {
          this.log(`room ${this.name}: a stored update failed to apply: ${(error as Error).message}`);
          throw new ApplyFailedError('update could not be applied');
        }
        this.seq = Math.max(this.seq, seq);
        this.accepted.push({ update, seq });
        this.scheduleFlush();
      });
    this.tail = applied.catch(() => {});
    return applied;
  }

  /** Applies a client's presence update; throws if Yjs' awareness decoder refuses it. */
  applyAwareness(origin: RoomPeer, update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, origin);
  }

  /** Every known presence state, encoded for a newly connected or asking client. */
  encodeAllAwareness(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length === 0) return null;
    return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
  }

  /**
   * Resolves once every submitted update has been stored and applied (or failed), and
   * the owner was told about everything applied.
   */
  async drain(): Promise<void> {
    for (;;) {
      const tail = this.tail;
      await tail;
      if (tail === this.tail) break;
    }
    this.flush();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.peers.clear();
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.presenceDoc.destroy();
    this.doc?.destroy();
    this.content = null;
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const owned = this.peers.get(origin as RoomPeer);
    if (owned) {
      for (const id of added) owned.add(id);
      for (const id of removed) owned.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    this.broadcast(encodeAwareness(update), origin);
    // Every instance times out stale presence on its own ('timeout'); relayed presence
    // is not relayed back.
    if (origin !== REMOTE_ORIGIN && origin !== 'timeout') this.events.presence(this, update);
  };

  private broadcast(message: Uint8Array, except: unknown): void {
    for (const peer of this.peers.keys()) {
      if (peer !== except) peer.send(message);
    }
  }
}
