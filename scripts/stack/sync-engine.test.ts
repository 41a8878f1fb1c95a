/**
 * The sync engine against the real sync server: documents are opened from the
 * manifest only when they differ, catch-up sockets stay bounded, idle documents are
 * closed, and a local edit stays pending until the server's digest confirms it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_OPEN } from '../../desktop/src/core/sync/engine';
import { type Core, InProcessStack, until } from './in-process';

let stack: InProcessStack;
const status = (c: Core) => c.handlers['sync.status']({});

beforeAll(async () => {
  stack = await InProcessStack.start({ artists: 30, venues: 60, contacts: 60, deals: 120, events: 200 });
});

afterAll(async () => {
  await stack?.stop();
});

describe('sync engine', () => {
  it('catches a fresh device up with a bounded number of sockets, then closes them', async () => {
    const a = await stack.signedIn('a');
    const s = await until('A synced', async () => {
      const st = await status(a);
      return st.overall === 'synced' && st.docs === stack.docCount && st;
    });
    expect(s.synced).toBe(stack.docCount);
    expect(s.peakOpenDocs).toBeGreaterThan(0);
    expect(s.peakOpenDocs).toBeLessThanOrEqual(DEFAULT_MAX_OPEN);
    expect((await a.handlers['roster.list']({})).length).toBe(30);
    await until('catch-up sockets closed', async () => (await status(a)).openDocs === 0);
    const docs = await a.handlers['sync.documents']({});
    expect(docs.every((d) => d.state === 'synced' && !d.open)).toBe(true);
  });

  it('opens only the changed document when another device edits, and confirms local edits', async () => {
    const [a] = stack.cores;
    const b = await stack.signedIn('b');
    await until('B synced', async () => (await status(b)).overall === 'synced');
    const [artist] = await b.handlers['roster.list']({});
    await b.handlers['artist.update']({ id: artist!.id, patch: { name: 'Orchestre du Léman' } });
    expect((await status(b)).pendingUpdates).toBeGreaterThan(0);
    await until('B edit confirmed by the server', async () => (await status(b)).pendingUpdates === 0);
    await until('edit on A', async () =>
      (await a!.handlers['roster.list']({})).some((r) => r.name === 'Orchestre du Léman'),
    );
    const st = await status(a!);
    expect(st.peakOpenDocs).toBeLessThanOrEqual(DEFAULT_MAX_OPEN);
  });

  it('restarts without re-downloading: a cold device that matches the server opens nothing', async () => {
    const a = stack.cores[0]!;
    await until(
      'A idle',
      async () => (await status(a)).openDocs === 0 && (await status(a)).overall === 'synced',
    );
    await a.close();
    const again = await stack.device('a');
    await until('A synced again', async () => (await status(again)).overall === 'synced');
    expect((await status(again)).peakOpenDocs).toBe(0);
  });
});
