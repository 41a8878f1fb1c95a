import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventually, Harness, ROOT_ROOM, WS } from './helpers';

describe('two clients on one room', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('converge on concurrent edits to text and maps', async () => {
    const a = await h.client(ROOT_ROOM);
    const b = await h.client(ROOT_ROOM);
    await Promise.all([a.synced(), b.synced()]);

    a.doc.getText('t').insert(0, 'hello');
    b.doc.getMap('artists').set('a1', 'Nina');
    a.doc.transact(() => {
      const rec = new Y.Map<string>();
      rec.set('name', 'La Cigale');
      a.doc.getMap('venues').set('v1', rec);
    });
    b.doc.getText('t').insert(0, 'well, ');

    await eventually(() => {
      expect(a.text()).toBe(b.text());
      expect(a.doc.getMap('artists').get('a1')).toBe('Nina');
      expect((b.doc.getMap('venues').get('v1') as Y.Map<string> | undefined)?.get('name')).toBe('La Cigale');
    });
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
    expect(a.text()).toContain('hello');
    expect(a.text()).toContain('well, ');
  });

  it('keeps rooms apart and relays presence', async () => {
    const a = await h.client(ROOT_ROOM);
    const b = await h.client(ROOT_ROOM);
    const other = await h.client(`${WS}/venues.0a`);
    await Promise.all([a.synced(), b.synced(), other.synced()]);

    a.provider.awareness.setLocalStateField('user', { name: 'Ada' });
    a.doc.getText('t').insert(0, 'root only');

    await eventually(() => {
      expect(b.text()).toBe('root only');
      expect(b.provider.awareness.getStates().get(a.doc.clientID)).toEqual({ user: { name: 'Ada' } });
    });
    expect(other.text()).toBe('');
    expect(h.server.metrics()).toMatchObject({ rooms: 2, connections: 3 });

    a.provider.destroy();
    await eventually(() => expect(b.provider.awareness.getStates().has(a.doc.clientID)).toBe(false));
  });

  it('serves a late joiner the stored state', async () => {
    const a = await h.client(ROOT_ROOM);
    await a.synced();
    a.doc.getText('t').insert(0, 'before you came');
    await eventually(() => expect(h.storedText(ROOT_ROOM)).toBe('before you came'));

    const late = await h.client(ROOT_ROOM);
    await late.synced();
    expect(late.text()).toBe('before you came');
  });
});
