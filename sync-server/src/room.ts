/**
 * One open document: its `Y.Doc`, the presence (awareness) of its clients, and the
 * write pipeline that stores every accepted update before applying and relaying it.
 *
 * Invariant: the in-memory document only ever holds stored state. It is built from the
 * store when the room opens, and an update reaches it only after `store.append` resolved.
 * So answering a sync step 1 from it answers "from the stored state".
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { encodeAwareness, encodeUpdate } from './protocol';
import type { DocStore } from './store/types';

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

export class Room {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** Updates stored by this room since it opened. */
  appended = 0;
  private readonly peers = new Map<RoomPeer, Set<number>>();
  private tail: Promise<void> = Promise.resolve();
  private destroyed = false;

  private constructor(
    readonly name: string,
    private readonly store: DocStore,
    private readonly log: (line: string) => void,
  ) {
    this.doc = new Y.Doc({ gc: true });
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.broadcast(encodeUpdate(update), origin);
    });
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** Opens a room from everything stored for it. */
  static async load(name: string, store: DocStore, log: (line: string) => void): Promise<Room> {
    const stored = await store.load(name);
    const room = new Room(name, store, log);
    room.restore(stored);
    return room;
  }

  private restore(stored: Uint8Array[]): void {
    if (stored.length === 0) return;
    try {
      Y.applyUpdate(this.doc, stored.length === 1 ? stored[0]! : Y.mergeUpdates(stored), this);
      return;
    } catch (error) {
      this.log(`room ${this.name}: merged load failed (${(error as Error).message}), replaying one by one`);
    }
    let failed = 0;
    for (const update of stored) {
      try {
        Y.applyUpdate(this.doc, update, this);
      } catch {
        failed++;
      }
    }
    if (failed > 0)
      this.log(`room ${this.name}: ${failed} of ${stored.length} stored updates failed to apply`);
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
      () => {
        this.appended++;
        return null;
      },
      (error: unknown) => new StoreFailedError((error as Error).message ?? String(error)),
    );
    const applied = this.tail
      .then(() => durable)
      .then((failure) => {
        if (failure) throw failure;
        try {
          Y.applyUpdate(this.doc, update, origin);
        } catch (error) {
          this.log(`room ${this.name}: a stored update failed to apply: ${(error as Error).message}`);
          throw new ApplyFailedError('update could not be applied');
        }
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

  /** Resolves once every submitted update has been stored and applied (or failed). */
  async drain(): Promise<void> {
    for (;;) {
      const tail = this.tail;
      await tail;
      if (tail === this.tail) return;
    }
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
    this.broadcast(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)), origin);
  };

  private broadcast(message: Uint8Array, except: unknown): void {
    for (const peer of this.peers.keys()) {
      if (peer !== except) peer.send(message);
    }
  }
}
