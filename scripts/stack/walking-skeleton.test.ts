/**
 * The walking skeleton end to end, in one process: the real cloud API (PGlite), the
 * real sync server (SQLite store), and two desktop cores with their own data folders.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT_DOC, roomName } from '@flowstage/shared';
import { buildWorkspaceUpdates, generateDemoAgency } from '@flowstage/shared/demo/index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudApi, createCloudApi } from '../../cloud-api/src/index';
import { TEST_SCRYPT } from '../../cloud-api/src/testing/harness';
import { createCore } from '../../desktop/src/core/index';
import {
  createPemVerifier,
  createSyncServer,
  SqliteDocStore,
  type SyncServer,
  seedRoom,
} from '../../sync-server/src/index';
import { loadDemoInputs } from './seed';

type Core = Awaited<ReturnType<typeof createCore>>;

const root = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'fs-skeleton-'));
let cloud: CloudApi;
let store: SqliteDocStore;
let sync: SyncServer;
let workspaceId: string;
const cores: Core[] = [];

async function startSync(port = 0): Promise<void> {
  sync = await createSyncServer({ port, store, auth: await createPemVerifier(cloud.publicKeyPem) });
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function device(name: string): Promise<Core> {
  const core = await createCore({
    dataDir: join(dir, name),
    cloudUrl: cloud.url,
    syncUrl: sync.wsUrl,
  });
  cores.push(core);
  return core;
}

const names = async (core: Core) => (await core.handlers['roster.list']({})).map((a) => a.name);

beforeAll(async () => {
  cloud = await createCloudApi({ dataDir: ':memory:', passwordHashing: TEST_SCRYPT });
  const demo = await cloud.ensureDemoAgency();
  workspaceId = demo.workspaceId;
  store = new SqliteDocStore(join(dir, 'sync.db'));
  const data = generateDemoAgency(loadDemoInputs(root), {
    artists: 6,
    venues: 20,
    contacts: 20,
    deals: 40,
    events: 60,
  });
  for (const [docId, update] of buildWorkspaceUpdates(data))
    await seedRoom(store, roomName(workspaceId, docId), update);
  await startSync();
});

afterAll(async () => {
  for (const c of cores) await c.close();
  await sync?.close();
  await store?.close();
  await cloud?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('walking skeleton', () => {
  it('refuses a wrong password with a clear error', async () => {
    const core = await device('refused');
    await expect(
      core.handlers['session.signIn']({ email: 'demo@flowstage.app', password: 'not-the-password' }),
    ).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect((await core.handlers['session.get']({})).signedIn).toBe(false);
  });

  it('signs in, syncs the workspace down, and shows the roster from SQLite', async () => {
    const a = await device('a');
    const state = await a.handlers['session.signIn']({
      email: 'demo@flowstage.app',
      password: 'flowstage-demo',
    });
    expect(state.workspace?.id).toBe(workspaceId);
    await until('roster on A', async () => (await names(a)).length === 6);
    await until('A synced', async () => (await a.handlers['sync.status']({})).overall === 'synced');
    const counts = await a.handlers['workspace.counts']({});
    expect(counts).toMatchObject({ artists: 6, venues: 20, contacts: 20, deals: 40 });
  });

  it('propagates an edit from A to B, and an edit made while the server is down after it restarts', async () => {
    const [a] = cores.slice(-1);
    const b = await device('b');
    await b.handlers['session.signIn']({ email: 'demo@flowstage.app', password: 'flowstage-demo' });
    await until('roster on B', async () => (await names(b)).length === 6);
    const [first, second] = await a!.handlers['roster.list']({});

    await a!.handlers['artist.update']({
      id: first!.id,
      patch: { name: 'Nuit Blanche', genres: ['électro'] },
    });
    await until('edit on B', async () => (await names(b)).includes('Nuit Blanche'));

    const port = sync.port;
    await sync.close();
    await until('A offline', async () => (await a!.handlers['sync.status']({})).overall === 'offline');
    await a!.handlers['artist.update']({ id: second!.id, patch: { feeMin: 100_00, feeMax: 200_00 } });
    expect((await a!.handlers['sync.status']({})).pendingUpdates).toBeGreaterThan(0);
    await startSync(port);
    await until('offline edit on B', async () => {
      const artist = await b.handlers['artist.get']({ id: second!.id });
      return artist.feeMin === 100_00 && artist.feeMax === 200_00;
    });
    // Acknowledged by the server: durable in its store.
    const stored = await store.load(roomName(workspaceId, ROOT_DOC));
    expect(stored.length).toBeGreaterThan(1);
  });

  it('keeps the session and edits across a restart, and works offline from local data', async () => {
    const a = cores[1]!;
    await a.close();
    await sync.close();
    const again = await device('a');
    expect((await again.handlers['session.get']({})).signedIn).toBe(true);
    expect(await names(again)).toContain('Nuit Blanche');
    await startSync();
  });

  it('rejects invalid edits without touching the data', async () => {
    const a = cores[cores.length - 1]!;
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
