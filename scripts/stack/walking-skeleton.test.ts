/**
 * The walking skeleton end to end, in one process: the real cloud API (PGlite), the
 * real sync server (SQLite store), and two desktop cores with their own data folders.
 */
import { ROOT_DOC, roomName } from '@flowstage/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core, InProcessStack, until } from './in-process';

let stack: InProcessStack;
const names = async (core: Core) => (await core.handlers['roster.list']({})).map((a) => a.name);

beforeAll(async () => {
  stack = await InProcessStack.start({ artists: 6, venues: 20, contacts: 20, deals: 40, events: 60 });
});

afterAll(async () => {
  await stack?.stop();
});

describe('walking skeleton', () => {
  it('refuses a wrong password with a clear error', async () => {
    const core = await stack.device('refused');
    await expect(
      core.handlers['session.signIn']({ email: 'demo@flowstage.app', password: 'not-the-password' }),
    ).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect((await core.handlers['session.get']({})).signedIn).toBe(false);
  });

  it('signs in, syncs the workspace down, and shows the roster from SQLite', async () => {
    const a = await stack.device('a');
    const state = await a.handlers['session.signIn']({
      email: 'demo@flowstage.app',
      password: 'flowstage-demo',
    });
    expect(state.workspace?.id).toBe(stack.workspaceId);
    await until('roster on A', async () => (await names(a)).length === 6);
    await until('A synced', async () => (await a.handlers['sync.status']({})).overall === 'synced');
    const counts = await a.handlers['workspace.counts']({});
    expect(counts).toMatchObject({ artists: 6, venues: 20, contacts: 20, deals: 40 });
  });

  it('propagates an edit from A to B, and an edit made while the server is down after it restarts', async () => {
    const [a] = stack.cores.slice(-1);
    const b = await stack.device('b');
    await b.handlers['session.signIn']({ email: 'demo@flowstage.app', password: 'flowstage-demo' });
    await until('roster on B', async () => (await names(b)).length === 6);
    const [first, second] = await a!.handlers['roster.list']({});

    await a!.handlers['artist.update']({
      id: first!.id,
      patch: { name: 'Nuit Blanche', genres: ['électro'] },
    });
    await until('edit on B', async () => (await names(b)).includes('Nuit Blanche'));

    const port = stack.sync.port;
    await stack.sync.close();
    await until('A offline', async () => (await a!.handlers['sync.status']({})).overall === 'offline');
    await a!.handlers['artist.update']({ id: second!.id, patch: { feeMin: 100_00, feeMax: 200_00 } });
    expect((await a!.handlers['sync.status']({})).pendingUpdates).toBeGreaterThan(0);
    await stack.startSync(port);
    await until('offline edit on B', async () => {
      const artist = await b.handlers['artist.get']({ id: second!.id });
      return artist.feeMin === 100_00 && artist.feeMax === 200_00;
    });
    // Acknowledged by the server: durable in its store.
    const stored = await stack.store.load(roomName(stack.workspaceId, ROOT_DOC));
    expect(stored.length).toBeGreaterThan(1);
  });

  it('keeps the session and edits across a restart, and works offline from local data', async () => {
    const a = stack.cores[1]!;
    await a.close();
    await stack.sync.close();
    const again = await stack.device('a');
    expect((await again.handlers['session.get']({})).signedIn).toBe(true);
    expect(await names(again)).toContain('Nuit Blanche');
    await stack.startSync();
  });

  it('rejects invalid edits without touching the data', async () => {
    const a = stack.cores[stack.cores.length - 1]!;
    const [artist] = await a.handlers['roster.list']({});
    await expect(
      a.handlers['artist.update']({ id: artist!.id, patch: { feeMin: 900_00, feeMax: 100_00 } }),
    ).rejects.toMatchObject({ code: 'invalid_record' });
    await expect(a.handlers['artist.update']({ id: artist!.id, patch: { name: '' } })).rejects.toMatchObject({
      code: 'invalid_record',
    });
    expect((await a.handlers['artist.get']({ id: artist!.id })).name).toBe(artist!.name);
  });
});
