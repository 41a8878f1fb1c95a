import { measureStored } from './digest';
import { assertRoom } from './rooms';
import type { DocStore } from './types';
import { assertValidUpdate } from '../updates';

/**
 * Writes a generated Yjs (v1) update into a room before any client connects — how the
 * demo orchestrator seeds a fresh workspace. Equivalent to `store.append` after checking
 * the room name and that the update decodes, followed by recording the room's digest (so
 * the workspace manifest lists it without recomputing). Resolves with the update's
 * sequence number once it is durable. Seeding a room that a running server has open is
 * also safe for the store, but that server's clients only see the seed after the room is
 * reloaded.
 */
export async function seedRoom(store: DocStore, room: string, update: Uint8Array): Promise<number> {
  assertRoom(room);
  assertValidUpdate(update);
  const seq = await store.append(room, update);
  const stored = await store.loadRoom(room);
  await store.setDigest(room, { seq: stored.seq, ...measureStored(stored.updates) });
  return seq;
}
