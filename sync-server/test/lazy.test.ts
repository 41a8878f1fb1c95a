/**
 * Rooms answer catch-ups from the stored bytes (src/room.ts): y-websocket clients must not
 * tell the difference, whatever they hold.
 */
import { docDigest } from '@flowstage/shared';
import * as authProtocol from 'y-protocols/auth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedRoom } from '../src/store/seed';
import { eventually, Harness, ROOT_ROOM, roundTrip } from './helpers';

describe('a room served from its stored bytes', () => {
  let h: Harness;
  let seeded: Y.Doc;
  let updates: Uint8Array[];
  beforeEach(async () => {
    h = await Harness.start();
    seeded = new Y.Doc();
    updates = [];
    seeded.on('update', (u: Uint8Array) => updates.push(u));
    seeded.getText('t').insert(0, 'seeded text, partly deleted');
    seeded.getMap('artists').set('a1', 'Nina');
    seeded.getText('t').delete(11, 16);
    await seedRoom(h.store, ROOT_ROOM, Y.encodeStateAsUpdate(seeded));
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('gives a fresh client the stored document, and a returning one what it lacks, keeping its edits', async () => {
    const fresh = await h.client(ROOT_ROOM);
    await fresh.synced();
    expect(docDigest(fresh.doc)).toBe(docDigest(seeded));

    // A device that synced the first update only, then edited offline.
    const held = new Y.Doc();
    Y.applyUpdate(held, updates[0]!);
    held.getMap('artists').set('a2', 'offline edit');
    const returning = await h.client(ROOT_ROOM, undefined, held);
    await returning.synced();
    await eventually(() => expect(fresh.doc.getMap('artists').get('a2')).toBe('offline edit'));
    expect(returning.text()).toBe('seeded text');
    expect(docDigest(returning.doc)).toBe(docDigest(fresh.doc));
    await eventually(() =>
      expect(h.storedDoc(ROOT_ROOM).getMap('artists').toJSON()).toEqual(fresh.doc.getMap('artists').toJSON()),
    );
  });

  it('lets a read-only client holding everything catch up without being refused', async () => {
    const held = new Y.Doc();
    Y.applyUpdate(held, Y.encodeStateAsUpdate(seeded));
    const assistant = await h.client(ROOT_ROOM, await h.token({ role: 'assistant', sub: 'assistant' }), held);
    const denials: string[] = [];
    assistant.provider.messageHandlers[2] = (_encoder, decoder, provider) => {
      authProtocol.readAuthMessage(decoder, provider.doc, (_doc, reason) => denials.push(reason));
    };
    await assistant.synced();
    await roundTrip(assistant);
    expect(denials).toEqual([]);
    expect(h.server.metrics()).toMatchObject({ updatesRefused: 0, updatesStored: 0 });
    expect(docDigest(assistant.doc)).toBe(docDigest(seeded));
  });
});
