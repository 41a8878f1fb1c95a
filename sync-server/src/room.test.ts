import { docDigest } from '@flowstage/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseMessage } from './protocol';
import { type AcceptedUpdate, Room, type RoomEvents, type RoomPeer } from './room';
import { measureStored } from './store/digest';
import { seedRoom } from './store/seed';
import { SqliteDocStore } from './store/sqlite';
import { decodeValidUpdate } from './updates';

const ROOM = 'ws-1/root';

/** What the room told its owner: accepted updates, and the digests it announced as remote changes. */
function recorder(): RoomEvents & { batches: AcceptedUpdate[][]; remote: string[] } {
  const batches: AcceptedUpdate[][] = [];
  const remote: string[] = [];
  return {
    batches,
    remote,
    accepted: (_room, updates) => batches.push(updates),
    remoteChanged: (room) => remote.push(room.digest),
    presence: () => {},
  };
}

class Peer implements RoomPeer {
  readonly received: Uint8Array[] = [];
  send(message: Uint8Array): void {
    this.received.push(message);
  }
  /** The updates relayed to this peer. */
  updates(): Uint8Array[] {
    return this.received
      .map((m) => parseMessage(new Uint8Array(m)))
      .flatMap((m) => (m.kind === 'update' ? [m.update] : []));
  }
}

/** A document with text, a map, a deletion: and each of its changes as an update. */
function source(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  doc.getText('t').insert(0, 'hello lazy world');
  doc.getMap('artists').set('a1', 'Nina');
  doc.getText('t').delete(0, 6);
  doc.getMap('artists').set('a1', 'Nina Simone');
  return { doc, updates };
}

function docOf(...updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}

/** Whatever a fresh client gets from `room` as its sync step 2. */
function catchUp(room: Room, client = new Y.Doc()): Y.Doc {
  Y.applyUpdate(client, room.diff(Y.encodeStateVector(client)));
  return client;
}

describe('a lazy room', () => {
  let store: SqliteDocStore;
  let events: ReturnType<typeof recorder>;
  let rooms: Room[];
  const load = async () => {
    const room = await Room.load(ROOM, store, () => {}, events);
    rooms.push(room);
    return room;
  };
  /** Stores the updates as a log (not compacted), with the digest a server would record. */
  const storeLog = async (updates: Uint8Array[]) => {
    let seq = 0;
    for (const u of updates) seq = await store.append(ROOM, u);
    await store.setDigest(ROOM, { seq, ...measureStored(updates) });
    return seq;
  };

  beforeEach(() => {
    store = new SqliteDocStore(':memory:', { compactAfter: 1000, digestDelayMs: 0 });
    events = recorder();
    rooms = [];
  });
  afterEach(async () => {
    for (const room of rooms) room.destroy();
    await store.close();
  });

  it('serves a catch-up from the stored bytes, never building a document', async () => {
    const { doc } = source();
    await seedRoom(store, ROOM, Y.encodeStateAsUpdate(doc));
    const room = await load();
    const peer = new Peer();
    room.addPeer(peer);
    // What a connection does for a fresh y-websocket client: step 1 both ways, its empty step 2.
    expect(Y.decodeStateVector(room.stateVector())).toEqual(Y.decodeStateVector(Y.encodeStateVector(doc)));
    // (The client answers the server's step 1, which arrives first, while it is still empty.)
    const client = new Y.Doc();
    expect(room.changedBy(decodeValidUpdate(Y.encodeStateAsUpdate(client, room.stateVector())))).toBe(false);
    catchUp(room, client);
    room.removePeer(peer);
    await room.drain();
    expect(docDigest(client)).toBe(docDigest(doc));
    expect(room.digest).toBe(docDigest(doc));
    expect(room.materialized).toBe(false);
    expect(events.remote).toEqual([]);
  });

  it('serves what a materialized room serves', async () => {
    const { doc, updates } = source();
    // No digest recorded: the room materializes at once, and records it.
    await store.append(ROOM, Y.encodeStateAsUpdate(doc));
    const built = await load();
    expect(built.materialized).toBe(true);
    expect((await store.loadRoom(ROOM)).recorded).toMatchObject({ digest: docDigest(doc) });
    const lazy = await load();
    expect(lazy.materialized).toBe(false);
    for (const held of [[], updates.slice(0, 1), updates.slice(0, 3), updates]) {
      const a = catchUp(lazy, docOf(...held));
      const b = catchUp(built, docOf(...held));
      expect(Y.encodeStateAsUpdate(a)).toEqual(Y.encodeStateAsUpdate(b));
      expect(docDigest(a)).toBe(docDigest(doc));
    }
    expect(Y.decodeStateVector(lazy.stateVector())).toEqual(Y.decodeStateVector(built.stateVector()));
    expect(lazy.digestRecord).toEqual(built.digestRecord);
    expect(lazy.materialized).toBe(false);
  });

  it('serves several stored updates (not compacted) merged', async () => {
    const { doc, updates } = source();
    const seq = await storeLog(updates);
    expect((await store.loadRoom(ROOM)).updates).toHaveLength(updates.length);
    const room = await load();
    expect(room.materialized).toBe(false);
    expect(room.seq).toBe(seq);
    expect(docDigest(catchUp(room))).toBe(docDigest(doc));
    expect(docDigest(catchUp(room, docOf(updates[0]!, updates[2]!)))).toBe(docDigest(doc));
    expect(Y.decodeStateVector(room.stateVector())).toEqual(Y.decodeStateVector(Y.encodeStateVector(doc)));
    expect(room.materialized).toBe(false);
  });

  it('stores, applies and relays a client update, relaying only the update', async () => {
    const { doc } = source();
    await seedRoom(store, ROOM, Y.encodeStateAsUpdate(doc));
    const room = await load();
    const [writer, reader] = [new Peer(), new Peer()];
    room.addPeer(writer);
    room.addPeer(reader);
    const client = catchUp(room);
    let update: Uint8Array | null = null;
    client.on('update', (u: Uint8Array) => {
      update = u;
    });
    client.getText('t').insert(0, 'edited: ');
    expect(update).not.toBeNull();
    expect(room.changedBy(decodeValidUpdate(update!))).toBe(true);
    await room.submit(writer, update!);
    await room.drain();
    expect(room.materialized).toBe(true);
    const stored = await store.loadRoom(ROOM);
    expect(stored.updates).toHaveLength(2);
    expect(docDigest(docOf(...stored.updates))).toBe(docDigest(client));
    expect(events.batches).toEqual([[{ update, seq: stored.seq }]]);
    expect(room.digestRecord).toMatchObject({ seq: stored.seq, digest: docDigest(client) });
    expect(writer.received).toEqual([]);
    expect(reader.updates()).toEqual([update]);
    expect(docDigest(catchUp(room))).toBe(docDigest(client));
    expect(events.remote).toEqual([]);
  });

  it('applies and relays an update relayed from another instance (applyRemote)', async () => {
    const { doc } = source();
    await seedRoom(store, ROOM, Y.encodeStateAsUpdate(doc));
    const room = await load();
    const peer = new Peer();
    room.addPeer(peer);
    // Another instance stores an update and relays it with the digest of its document.
    const other = docOf(Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(other);
    other.getMap('artists').set('a2', 'Ibrahim');
    const update = Y.encodeStateAsUpdate(other, before);
    const seq = await store.append(ROOM, update);
    room.applyRemote(update, seq, docDigest(other));
    expect(room.materialized).toBe(true);
    await room.drain();
    expect(peer.updates()).toHaveLength(1);
    expect(docDigest(docOf(Y.encodeStateAsUpdate(doc), ...peer.updates()))).toBe(docDigest(other));
    expect(room.seq).toBe(seq);
    expect(room.digest).toBe(docDigest(other));
    expect(events.remote).toEqual([]); // the sender announced this digest already
  });

  it('catches up from the store on refresh, and announces the result', async () => {
    const { doc, updates } = source();
    await storeLog(updates.slice(0, 2));
    const room = await load();
    const peer = new Peer();
    room.addPeer(peer);
    await room.refresh(); // nothing new stored
    await room.drain();
    expect(peer.updates()).toEqual([]);
    expect(events.remote).toEqual([]);
    // Stored by another instance whose relays were lost.
    for (const u of updates.slice(2)) await store.append(ROOM, u);
    await room.refresh();
    await room.drain();
    expect(room.materialized).toBe(true);
    expect(docDigest(docOf(...updates.slice(0, 2), ...peer.updates()))).toBe(docDigest(doc));
    expect(room.digest).toBe(docDigest(doc));
    expect(events.remote).toEqual([docDigest(doc)]);
  });

  it('opens an empty room lazily, and materializes it for its first update', async () => {
    const room = await load();
    expect(room.materialized).toBe(false);
    expect(docDigest(catchUp(room))).toBe(docDigest(new Y.Doc()));
    const { updates } = source();
    const peer = new Peer();
    room.addPeer(peer);
    await room.submit(peer, updates[0]!);
    await room.drain();
    expect(room.materialized).toBe(true);
    expect(room.digest).toBe(docDigest(docOf(updates[0]!)));
    expect(events.batches).toHaveLength(1);
  });

  it('corrects a wrong recorded digest once it materializes', async () => {
    const { doc, updates } = source();
    const seq = await store.append(ROOM, Y.encodeStateAsUpdate(doc));
    const wrong = docDigest(docOf(updates[0]!));
    await store.setDigest(ROOM, { seq, digest: wrong, weight: 1000 });
    const room = await load();
    expect(room.digest).toBe(wrong); // trusted while only serving reads
    // A returning client's step 2 carries its delete set: only a document can tell.
    expect(room.changedBy(decodeValidUpdate(Y.encodeStateAsUpdate(doc)))).toBe(false);
    expect(room.materialized).toBe(true);
    await room.drain();
    expect(events.remote).toEqual([docDigest(doc)]);
    expect(room.digest).toBe(docDigest(doc));
  });
});
