import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, Harness, ROOT_ROOM } from './helpers';

describe('server restart', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('a new server on the same SQLite file serves the document to a fresh client', async () => {
    const a = await h.client(ROOT_ROOM);
    await a.synced();
    a.doc.getText('t').insert(0, 'survives restarts');
    a.doc.getMap('artists').set('a1', 'Nina');
    await eventually(() => expect(h.server.metrics().updatesStored).toBe(2));
    a.provider.destroy();

    await h.stop();
    await h.reopen({ port: 0 });

    const fresh = await h.client(ROOT_ROOM);
    await fresh.synced();
    expect(fresh.text()).toBe('survives restarts');
    expect(fresh.doc.getMap('artists').get('a1')).toBe('Nina');
  });

  it('clients see 4503 on shutdown and resync after the restart', async () => {
    const a = await h.client(ROOT_ROOM);
    await a.synced();
    const closes: number[] = [];
    a.provider.on('connection-close', (event) => {
      if (event) closes.push(event.code);
    });
    a.doc.getText('t').insert(0, 'x');
    await eventually(() => expect(h.storedText(ROOT_ROOM)).toBe('x'));

    await h.stop();
    expect(closes[0]).toBe(4503);
    await h.reopen();
    await a.synced();
    a.doc.getText('t').insert(1, 'y');
    await eventually(() => expect(h.storedText(ROOT_ROOM)).toBe('xy'));
  });
});
