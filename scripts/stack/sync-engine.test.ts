/**
 * The sync engine against the real sync server: documents are opened from the
 * manifest only when they differ, catch-up sockets stay bounded, idle documents are
 * closed, and a local edit stays pending until the server's digest confirms it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { roomName } from '@flowstage/shared';
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
const dir = mkdtempSync(join(tmpdir(), 'fs-engine-'));
let cloud: CloudApi;
let store: SqliteDocStore;
let sync: SyncServer;
let docCount = 0;
const cores: Core[] = [];

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function signedIn(name: string): Promise<Core> {
  const core = await createCore({ dataDir: join(dir, name), cloudUrl: cloud.url, syncUrl: sync.wsUrl });
  cores.push(core);
  await core.handlers['session.signIn']({ email: 'demo@flowstage.app', password: 'flowstage-demo' });
  return core;
}

const status = (c: Core) => c.handlers['sync.status']({});

beforeAll(async () => {
  cloud = await createCloudApi({ dataDir: ':memory:', passwordHashing: TEST_SCRYPT });
  const { workspaceId } = await cloud.ensureDemoAgency();
  store = new SqliteDocStore(join(dir, 'sync.db'));
  const data = generateDemoAgency(loadDemoInputs(root), {
    artists: 30,
    venues: 60,
    contacts: 60,
    deals: 120,
    events: 200,
  });
  const updates = buildWorkspaceUpdates(data);
  docCount = updates.size;
  for (const [docId, update] of updates) await seedRoom(store, roomName(workspaceId, docId), update);
  sync = await createSyncServer({ store, auth: await createPemVerifier(cloud.publicKeyPem) });
});

afterAll(async () => {
  for (const c of cores) await c.close();
  await sync?.close();
  await store?.close();
  await cloud?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sync engine', () => {
  it('catches a fresh device up with a bounded number of sockets, then closes them', async () => {
    const a = await signedIn('a');
    const s = await until('A synced', async () => {
      const st = await status(a);
      return st.overall === 'synced' && st.docs === docCount && st;
    });
    expect(s.synced).toBe(docCount);
    expect(s.peakOpenDocs).toBeGreaterThan(0);
    expect(s.peakOpenDocs).toBeLessThanOrEqual(8);
    expect((await a.handlers['roster.list']({})).length).toBe(30);
    await until('catch-up sockets closed', async () => (await status(a)).openDocs === 0);
    const docs = await a.handlers['sync.documents']({});
    expect(docs.every((d) => d.state === 'synced' && !d.open)).toBe(true);
  });

  it('opens only the changed document when another device edits, and confirms local edits', async () => {
    const [a] = cores;
    const b = await signedIn('b');
    await until('B synced', async () => (await status(b)).overall === 'synced');
    const [artist] = await b.handlers['roster.list']({});
    await b.handlers['artist.update']({ id: artist!.id, patch: { name: 'Orchestre du Léman' } });
    expect((await status(b)).pendingUpdates).toBeGreaterThan(0);
    await until('B edit confirmed by the server', async () => (await status(b)).pendingUpdates === 0);
    await until('edit on A', async () =>
      (await a!.handlers['roster.list']({})).some((r) => r.name === 'Orchestre du Léman'),
    );
    const st = await status(a!);
    expect(st.peakOpenDocs).toBeLessThanOrEqual(8);
  });

  it('restarts without re-downloading: a cold device that matches the server opens nothing', async () => {
    const a = cores[0]!;
    await until(
      'A idle',
      async () => (await status(a)).openDocs === 0 && (await status(a)).overall === 'synced',
    );
    await a.close();
    const again = await createCore({ dataDir: join(dir, 'a'), cloudUrl: cloud.url, syncUrl: sync.wsUrl });
    cores.push(again);
    await until('A synced again', async () => (await status(again)).overall === 'synced');
    expect((await status(again)).peakOpenDocs).toBe(0);
  });
});
