import { docDigest, EMPTY_DIGEST, SYNC_CLOSE } from '@flowstage/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedRoom } from '../src/store/seed';
import { eventually, Harness, manifestSocket, ROOT_ROOM, rawSocket, WS } from './helpers';

function seedDoc(text: string): { doc: Y.Doc; update: Uint8Array } {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return { doc, update: Y.encodeStateAsUpdate(doc) };
}

describe('the workspace manifest channel', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('sends the digest of every document, then a change with the digest of the edited document', async () => {
    const root = seedDoc('seeded root');
    const venues = seedDoc('venues');
    await seedRoom(h.store, ROOT_ROOM, root.update);
    await seedRoom(h.store, `${WS}/venues.0a`, venues.update);
    await seedRoom(h.store, 'other-ws/root', seedDoc('not ours').update);

    const watcher = manifestSocket(h.server.wsUrl, WS, await h.token());
    expect(await watcher.manifest()).toEqual({
      root: docDigest(root.doc),
      'venues.0a': docDigest(venues.doc),
    });

    const editor = await h.client(ROOT_ROOM);
    await editor.synced();
    editor.doc.getText('t').insert(0, 'edited: ');
    await eventually(() => expect(watcher.digests.get('root')).toBe(docDigest(editor.doc)));
    expect(watcher.received.at(-1)).toEqual({
      type: 'changed',
      docId: 'root',
      digest: docDigest(editor.doc),
    });
    expect(h.server.metrics().manifestConnections).toBe(1);

    // A document that did not exist yet appears through a change; the store agrees on every digest.
    const venuesClient = await h.client(`${WS}/venues.0b`);
    await venuesClient.synced();
    venuesClient.doc.getMap('venues').set('v1', 'Olympia');
    await eventually(() => expect(watcher.digests.get('venues.0b')).toBe(docDigest(venuesClient.doc)));
    const heads = await h.store.listRooms(WS);
    expect(Object.fromEntries(heads.map((r) => [r.docId, r.digest]))).toEqual(
      Object.fromEntries(watcher.digests),
    );
  });

  it('an agent is told about root, directories and its own artists only', async () => {
    for (const docId of ['root', 'venues.00', 'contacts.0f', 'artist.nina', 'artist.carla']) {
      await seedRoom(h.store, `${WS}/${docId}`, seedDoc(docId).update);
    }
    const agent = manifestSocket(h.server.wsUrl, WS, await h.token({ role: 'agent', artists: ['nina'] }));
    expect(Object.keys(await agent.manifest()).sort()).toEqual([
      'artist.nina',
      'contacts.0f',
      'root',
      'venues.00',
    ]);

    const carla = await h.client(`${WS}/artist.carla`);
    const root = await h.client(ROOT_ROOM);
    await Promise.all([carla.synced(), root.synced()]);
    carla.doc.getText('t').insert(0, 'secret ');
    await eventually(() => expect(h.server.metrics().updatesStored).toBe(1));
    root.doc.getText('t').insert(0, 'public ');
    // Changes are sent in order: once root's arrived, carla's would have come before it.
    await eventually(() => expect(agent.digests.get('root')).toBe(docDigest(root.doc)));
    expect(
      agent.received.filter((m) => m.type === 'changed').map((m) => m.type === 'changed' && m.docId),
    ).toEqual(['root']);
    const assistant = manifestSocket(h.server.wsUrl, WS, await h.token({ role: 'assistant' }));
    expect(Object.keys(await assistant.manifest())).toHaveLength(5);
  });

  it('an empty workspace has an empty manifest', async () => {
    const watcher = manifestSocket(h.server.wsUrl, WS, await h.token());
    expect(await watcher.manifest()).toEqual({});
    const client = await h.client(ROOT_ROOM);
    await client.synced();
    // Syncing an empty document stores nothing and announces nothing.
    expect(h.server.metrics().updatesStored).toBe(0);
    expect(docDigest(client.doc)).toBe(EMPTY_DIGEST);
  });

  it('is authenticated like a room: 4401 without a valid token, 4403 for another workspace', async () => {
    const url = `${h.server.wsUrl}/${WS}/_manifest`;
    expect((await rawSocket(url).closed).code).toBe(SYNC_CLOSE.unauthorized);
    expect((await rawSocket(`${url}?token=garbage`).closed).code).toBe(SYNC_CLOSE.unauthorized);
    const elsewhere = await h.token({ ws: 'another-ws' });
    expect(await rawSocket(`${url}?token=${elsewhere}`).closed).toEqual({
      code: SYNC_CLOSE.forbidden,
      reason: 'token is for another workspace',
    });
    const token = await h.token();
    expect((await rawSocket(`${url}/extra?token=${token}`).closed).code).toBe(SYNC_CLOSE.badMessage);
    expect((await rawSocket(`${h.server.wsUrl}/_manifest?token=${token}`).closed).code).toBe(
      SYNC_CLOSE.badMessage,
    );
  });

  it('ignores small JSON from the client and closes on garbage, never affecting others', async () => {
    const token = await h.token();
    const polite = manifestSocket(h.server.wsUrl, WS, token);
    await polite.manifest();
    polite.ws.send(JSON.stringify({ hello: 'server' }));

    const cases: Array<[string | Uint8Array, number]> = [
      ['{not json', SYNC_CLOSE.badMessage],
      [new Uint8Array([0, 0, 1]), SYNC_CLOSE.badMessage],
      [JSON.stringify({ pad: 'x'.repeat(2000) }), SYNC_CLOSE.tooLarge],
    ];
    for (const [payload, code] of cases) {
      const rude = manifestSocket(h.server.wsUrl, WS, token);
      await rude.manifest();
      rude.ws.send(payload);
      expect((await rude.closed).code).toBe(code);
    }
    const flood = manifestSocket(h.server.wsUrl, WS, token);
    await flood.manifest();
    for (let i = 0; i < 50; i++) flood.ws.send('{}');
    expect((await flood.closed).code).toBe(SYNC_CLOSE.rateLimited);

    const editor = await h.client(ROOT_ROOM);
    await editor.synced();
    editor.doc.getText('t').insert(0, 'still served');
    await eventually(() => expect(polite.digests.get('root')).toBe(docDigest(editor.doc)));
    expect(polite.ws.readyState).toBe(polite.ws.OPEN);
  });

  it('digests survive a restart; shutdown closes manifest clients with 4503', async () => {
    const editor = await h.client(ROOT_ROOM);
    await editor.synced();
    editor.doc.getText('t').insert(0, 'kept');
    editor.doc.getText('t').delete(0, 1);
    await eventually(() => expect(h.storedText(ROOT_ROOM)).toBe('ept'));
    const watcher = manifestSocket(h.server.wsUrl, WS, await h.token());
    await watcher.manifest();

    await h.stop();
    expect((await watcher.closed).code).toBe(SYNC_CLOSE.shuttingDown);
    await h.reopen();
    expect((await h.store.loadRoom(ROOT_ROOM)).digest).toBe(docDigest(editor.doc));
    const again = manifestSocket(h.server.wsUrl, WS, await h.token());
    expect(await again.manifest()).toEqual({ root: docDigest(editor.doc) });
  });
});
