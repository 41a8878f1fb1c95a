import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, Harness, ROOT_ROOM } from './helpers';

describe('offline edits', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('an edit made while the server was down reaches the other client after reconnecting', async () => {
    const a = await h.client(ROOT_ROOM);
    const b = await h.client(ROOT_ROOM);
    await Promise.all([a.synced(), b.synced()]);
    a.doc.getText('t').insert(0, 'online. ');
    await eventually(() => expect(b.text()).toBe('online. '));

    await h.stop();
    await eventually(() => expect(a.provider.wsconnected || b.provider.wsconnected).toBe(false));
    a.doc.getText('t').insert(a.doc.getText('t').length, 'offline by A.');
    a.doc.getMap('artists').set('new', 'signed offline');

    await h.reopen();
    await eventually(() => {
      expect(b.text()).toBe('online. offline by A.');
      expect(b.doc.getMap('artists').get('new')).toBe('signed offline');
    });
    expect(h.storedText(ROOT_ROOM)).toBe('online. offline by A.');
  });

  it('a client that edited offline while the other was connected also converges', async () => {
    const a = await h.client(ROOT_ROOM);
    const b = await h.client(ROOT_ROOM);
    await Promise.all([a.synced(), b.synced()]);

    a.provider.disconnect();
    a.doc.getText('t').insert(0, 'A offline');
    b.doc.getText('t').insert(0, 'B online ');
    await eventually(() => expect(h.storedText(ROOT_ROOM)).toBe('B online '));

    a.provider.connect();
    await eventually(() => {
      expect(a.text()).toBe(b.text());
      expect(b.text()).toContain('A offline');
      expect(b.text()).toContain('B online ');
    });
  });
});
