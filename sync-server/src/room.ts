/**
 * One open document: its `Y.Doc`, the presence (awareness) of its clients, and the
 * write pipeline that stores every accepted update before applying and relaying it.
 *
 * Invariant: the in-memory document only ever holds stored state. It is built from the
 * store when the room opens, and an update reaches it only after `store.append` resolved
 * — here, or on another server instance that relayed it through the fan-out after storing
 * it (`applyRemote`), or read back from the store (`refresh`). So answering a sync step 1
 * from it answers "from the stored state".
 *
 * The room knows the digest of its document (`docDigest`) and the latest sequence number
 * it holds, and tells its owner what changed (`RoomEvents`). Relaying to local clients is
 * immediate, but the digest — a walk over the whole document, milliseconds for a large
 * one — is computed once per event-loop turn, after every update applied in that turn,
 * and the owner hears of them together.
 */
import type { DocDigest } from '@flowstage/shared';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { encodeAwareness, encodeUpdate } from './protocol';
import { type DigestRecord, measure } from './store/digest';
import type { DocStore } from './store/types';
import { decodeValidUpdate } from './updates';

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
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** Updates stored by this room since it opened. */
  appended = 0;
  /** The latest sequence number this room's document is known to hold. */
  seq = 0;
  /** `docDigest(this.doc)`, current after every flush (see RoomEvents). */
  digest: DocDigest;
  /** The content weight of `this.doc` (src/store/digest.ts), with `digest`. */
  weight: number;
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
  ) {
    this.doc = new Y.Doc({ gc: true });
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.changes++;
      this.broadcast(encodeUpdate(update), origin);
    });
    this.awareness.on('update', this.onAwarenessUpdate);
    ({ digest: this.digest, weight: this.weight } = measure(this.doc));
  }

  /** What the store records for this room now. */
  get digestRecord(): DigestRecord {
    return { seq: this.seq, digest: this.digest, weight: this.weight };
  }

  /**
   * Opens a room from everything stored for it. A digest the store is missing (or holds
   * for an older sequence number) is recorded; one that disagrees with the content is
   * corrected and announced.
   */
  static async load(
    name: string,
    store: DocStore,
    log: (line: string) => void,
    events: RoomEvents,
  ): Promise<Room> {
    const stored = await store.loadRoom(name);
    const room = new Room(name, store, log, events);
    room.restore(stored.updates);
    room.seq = stored.seq;
    ({ digest: room.digest, weight: room.weight } = measure(room.doc));
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

  private restore(stored: Uint8Array[]): void {
    if (stored.length === 0) return;
    try {
      Y.applyUpdate(this.doc, stored.length === 1 ? stored[0]! : Y.mergeUpdates(stored), REMOTE_ORIGIN);
      return;
    } catch (error) {
      this.log(`room ${this.name}: merged load failed (${(error as Error).message}), replaying one by one`);
    }
    let failed = 0;
    for (const update of stored) {
      try {
        Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
      } catch {
        failed++;
      }
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
    this.applyChange(() => Y.applyUpdate(this.doc, update, REMOTE_ORIGIN), announced);
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
    this.applyChange(() => this.restore(stored.updates), null);
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
    if (this.destroyed || (accepted.length === 0 && !remote)) return;
    ({ digest: this.digest, weight: this.weight } = measure(this.doc));
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
          Y.applyUpdate(this.doc, update, origin);
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
    this.doc.destroy();
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
