/**
 * Where a document change goes once a room applied it (rooms report once per event-loop
 * turn, with the digest after everything applied in it):
 *  - updates clients sent, stored and applied here (`accepted`): the digest is recorded
 *    in the store, local manifest clients are told, and the updates (merged into one) and
 *    the change are published to the other instances;
 *  - an update another instance stored (fan-out `update`): applied to the room if it is
 *    open here, relayed to its local clients by the room, not stored again. Only if this
 *    room's document then differs from the sender's (a concurrent update the sender had not
 *    seen yet) is the digest recorded and announced — so the last digest announced for a
 *    document is one of a document holding everything stored;
 *  - a manifest change from another instance (fan-out `changed`): told to local manifest
 *    clients;
 *  - lost messages (`resync`, `missed`): rooms are read back from the store, manifests sent again.
 */
import { type DocDigest, parseRoomName } from '@flowstage/shared';
import * as Y from 'yjs';
import type { Fanout, FanoutHandlers } from './fanout';
import type { ManifestHub } from './manifest';
import type { RoomRegistry } from './registry';
import type { AcceptedUpdate, Room, RoomEvents } from './room';
import type { DocStore } from './store/types';

export interface ChangeFeedParts {
  registry: RoomRegistry;
  manifests: ManifestHub;
  fanout: Fanout | null;
}

export class ChangeFeed implements RoomEvents, FanoutHandlers {
  private parts: ChangeFeedParts | null = null;
  private readonly writes = new Set<Promise<void>>();

  constructor(
    private readonly store: DocStore,
    private readonly log: (line: string) => void,
  ) {}

  /** The parts are built after the feed (they take it as their event sink). */
  connect(parts: ChangeFeedParts): void {
    this.parts = parts;
  }

  accepted(room: Room, updates: AcceptedUpdate[]): void {
    const fanout = this.parts?.fanout;
    if (fanout) {
      const merged = updates.length === 1 ? updates[0]!.update : Y.mergeUpdates(updates.map((u) => u.update));
      fanout.publishUpdate(room.name, merged, Math.max(...updates.map((u) => u.seq)), room.digest);
    }
    this.announce(room);
  }

  remoteChanged(room: Room): void {
    this.announce(room);
  }

  presence(room: Room, update: Uint8Array): void {
    this.parts?.fanout?.publishAwareness(room.name, update);
  }

  update(roomName: string, update: Uint8Array, seq: number, digest: DocDigest): void {
    this.parts?.registry.deliver(roomName, (room) => room.applyRemote(update, seq, digest));
  }

  awareness(roomName: string, update: Uint8Array): void {
    this.parts?.registry.deliver(roomName, (room) => room.applyRemoteAwareness(update));
  }

  resync(roomName: string): void {
    this.parts?.registry.deliver(roomName, (room) => void this.refresh(room));
  }

  changed(workspaceId: string, docId: string, digest: DocDigest): void {
    this.parts?.manifests.changed(workspaceId, docId, digest);
  }

  missed(): void {
    const parts = this.parts;
    if (!parts) return;
    this.log('catching up after a fan-out interruption: refreshing open rooms and manifests');
    void parts.registry.openRooms().then((rooms) => Promise.all(rooms.map((room) => this.refresh(room))));
    parts.manifests.resendAll();
  }

  /** Resolves once every digest write started so far has settled. */
  async idle(): Promise<void> {
    while (this.writes.size > 0) await Promise.all([...this.writes]);
  }

  private async refresh(room: Room): Promise<void> {
    try {
      await room.refresh();
    } catch (error) {
      this.log(`room ${room.name}: refresh failed: ${(error as Error).message}`);
    }
  }

  /** Records this room's digest and tells every manifest client, here and on other instances. */
  private announce(room: Room): void {
    const parts = this.parts;
    const parsed = parseRoomName(room.name);
    if (!parts || !parsed) return;
    this.record(room);
    parts.manifests.changed(parsed.workspaceId, parsed.docId, room.digest);
    parts.fanout?.publishChanged(parsed.workspaceId, parsed.docId, room.digest);
  }

  private record(room: Room): void {
    if (room.seq < 1) return;
    const write = this.store
      .setDigest(room.name, room.digestRecord)
      .catch((error: unknown) =>
        this.log(`room ${room.name}: digest not recorded: ${(error as Error).message}`),
      )
      .finally(() => this.writes.delete(write));
    this.writes.add(write);
  }
}
