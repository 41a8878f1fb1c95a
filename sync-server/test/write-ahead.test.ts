import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import type { DocStore } from '../src/store/types';
import { eventually, Harness, ROOT_ROOM, roundTrip } from './helpers';

describe('every accepted update is stored before it is relayed', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('B receives an edit of A only once the SQLite file holds it', async () => {
    const a = await h.client(ROOT_ROOM);
    const b = await h.client(ROOT_ROOM);
    await Promise.all([a.synced(), b.synced()]);

    // Checked synchronously, in the very event where B applies what the server relayed.
    const seenByB: Array<{ received: string; stored: string }> = [];
    b.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== b.provider) return;
      seenByB.push({ received: b.text(), stored: h.storedText(ROOT_ROOM) });
    });

    for (const word of ['one ', 'two ', 'three ']) {
      a.doc.getText('t').insert(a.doc.getText('t').length, word);
    }
    await eventually(() => expect(b.text()).toBe('one two three '));

    expect(seenByB.length).toBeGreaterThan(0);
    for (const { received, stored } of seenByB) {
      expect(stored.startsWith(received)).toBe(true);
    }
  });

  it('relays nothing while the store has not confirmed the append', async () => {
    await h.server.close();
    const appends: Array<{ room: string; update: Uint8Array; release: () => void }> = [];
    const sqlite = h.store;
    const gated: DocStore = {
      load: (room) => sqlite.load(room),
      loadRoom: (room) => sqlite.loadRoom(room),
      setDigest: (room, record) => sqlite.setDigest(room, record),
      compact: (room) => sqlite.compact(room),
      listRooms: (ws) => sqlite.listRooms(ws),
      close: () => sqlite.close(),
      append: (room, update) =>
        new Promise<number>((resolve, reject) => {
          appends.push({ room, update, release: () => sqlite.append(room, update).then(resolve, reject) });
        }),
    };
    await h.listen({ store: gated });
    onTestFinished(() => {
      for (const append of appends) append.release();
    });
    const a = await h.client(ROOT_ROOM);
    const b = await h.client(ROOT_ROOM);
    await Promise.all([a.synced(), b.synced()]);

    a.doc.getText('t').insert(0, 'held');
    await eventually(() => expect(appends).toHaveLength(1));
    // Had the server relayed the update on arrival, it would have reached B before the
    // answer to B's later request.
    await roundTrip(b);
    expect(b.text()).toBe('');
    expect(h.storedText(ROOT_ROOM)).toBe('');

    appends.shift()!.release();
    await eventually(() => expect(b.text()).toBe('held'));
    expect(h.storedText(ROOT_ROOM)).toBe('held');
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
  });
});
