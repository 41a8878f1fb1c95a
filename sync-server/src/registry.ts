/**
 * The open rooms. A room is loaded from the store by its first `acquire`, and unloaded once
 * its last holder released it and every update it accepted was stored and applied. A room
 * being unloaded is not reused: `acquire` waits for the unload and loads it afresh (all of
 * its state is in the store by then).
 *
 * With a fan-out, a room is watched (`watch`) before its load reads the store, so an
 * update another instance stores meanwhile arrives either in the load or as a message;
 * messages for a room still loading are applied once it has loaded.
 */
import { Room, type RoomEvents } from './room';
import type { DocStore } from './store/types';

function noop(): void {}

interface Entry {
  ready: Promise<Room>;
  refs: number;
  closing: Promise<void> | null;
}

export interface RoomRegistryOptions {
  store: DocStore;
  log: (line: string) => void;
  events: RoomEvents;
  /** Called before a room is loaded (e.g. to subscribe to its fan-out channel). Must not reject. */
  watch?: (name: string) => Promise<void>;
  /** Called after a room was unloaded (e.g. to unsubscribe, schedule its compaction). */
  onUnloaded?: (room: Room) => void;
}

export class RoomRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: RoomRegistryOptions) {}

  get size(): number {
    return this.entries.size;
  }

  /** The open room, loading it if needed. Every successful call must be paired with `release`. */
  async acquire(name: string): Promise<Room> {
    for (;;) {
      const existing = this.entries.get(name);
      if (existing?.closing) {
        await existing.closing;
        continue;
      }
      const entry = existing ?? this.open(name);
      entry.refs++;
      try {
        return await entry.ready;
      } catch (error) {
        entry.refs--;
        throw error;
      }
    }
  }

  release(room: Room): void {
    const entry = this.entries.get(room.name);
    if (!entry || entry.closing) return;
    entry.refs--;
    if (entry.refs > 0) return;
    entry.closing = this.unload(room).finally(() => {
      if (this.entries.get(room.name) === entry) this.entries.delete(room.name);
    });
  }

  /**
   * Runs `apply` on the room if it is open, once it has loaded if it is loading; not on a
   * room being unloaded (everything stored is in the store for its next load).
   */
  deliver(name: string, apply: (room: Room) => void): void {
    const entry = this.entries.get(name);
    if (!entry || entry.closing) return;
    entry.ready.then((room) => {
      if (this.entries.get(name) === entry && !entry.closing) apply(room);
    }, noop);
  }

  /** The rooms open now (loaded and not unloading). */
  async openRooms(): Promise<Room[]> {
    const entries = [...this.entries.values()].filter((e) => !e.closing);
    const settled = await Promise.allSettled(entries.map((e) => e.ready));
    return settled.flatMap((r, i) => (r.status === 'fulfilled' && !entries[i]!.closing ? [r.value] : []));
  }

  /**
   * Resolves once every room that was released has been unloaded. Rooms still held are
   * left open (their holders must release them first), so this never waits forever.
   */
  async idle(): Promise<void> {
    for (;;) {
      const settling = [...this.entries.values()].filter((e) => e.closing !== null || e.refs === 0);
      if (settling.length === 0) return;
      await Promise.all(settling.map((e) => e.closing ?? e.ready.then(noop, noop)));
    }
  }

  private open(name: string): Entry {
    const { store, log, events, watch } = this.options;
    const entry: Entry = {
      ready: (watch ? watch(name) : Promise.resolve()).then(() => Room.load(name, store, log, events)),
      refs: 0,
      closing: null,
    };
    this.entries.set(name, entry);
    entry.ready.catch((error: unknown) => {
      this.options.log(`room ${name}: load failed: ${(error as Error).message}`);
      if (this.entries.get(name) === entry) this.entries.delete(name);
    });
    return entry;
  }

  private async unload(room: Room): Promise<void> {
    await room.drain();
    room.destroy();
    this.options.onUnloaded?.(room);
  }
}
