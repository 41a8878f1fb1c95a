import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rpcContract, type SessionState } from '@flowstage/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { type Device, device, put } from '../../../test/device';
import { artist } from '../../../test/fixtures';
import { listRoster } from '../queries/roster';
import { RpcError } from '../rpc/dispatch';
import { workspaceDbPath } from '../workspace';
import { backupFileStem, defaultBackupPath, type StorageContext, storageHandlers } from './storage';

const open: Device[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});

function context(): { ctx: StorageContext; d: Device } {
  const dataDir = mkdtempSync(join(tmpdir(), 'fs-rpc-'));
  const d = device(workspaceDbPath(dataDir, 'ws-1'));
  open.push(d);
  put(d, 'artists', artist('a1', { name: 'Électro Vibes' }));
  return {
    d,
    ctx: { workspace: { id: 'ws-1', db: d.db, docs: d.docs }, options: { dataDir, version: '9.9.9' } },
  };
}

async function rpcError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof RpcError) return err.code;
    throw err;
  }
  throw new Error('expected an RpcError');
}

const NOW = () => new Date('2026-02-01T00:00:00.000Z');

describe('storage RPC', () => {
  it('validates params at the contract', () => {
    const ok = (m: keyof typeof rpcContract, p: unknown) => rpcContract[m].params.safeParse(p).success;
    expect(ok('search.global', { query: 'électro', limit: 5 })).toBe(true);
    expect(ok('search.global', { query: 'x', limit: 0 })).toBe(false);
    expect(ok('search.global', { query: 'x'.repeat(201) })).toBe(false);
    expect(ok('backup.export', { path: '/tmp/a.backup' })).toBe(true);
    expect(ok('backup.export', { path: 'C:\\Users\\a.backup' })).toBe(true);
    expect(ok('backup.export', { path: 'relative/a.backup' })).toBe(false);
    expect(ok('backup.import', { path: '/tmp/a\0b' })).toBe(false);
    expect(ok('artist.delete', { id: 'a1', extra: 1 })).toBe(false);
    expect(ok('backup.defaultPath', {})).toBe(true);
    expect(ok('backup.defaultPath', { path: '/tmp' })).toBe(false);
  });

  it('searches, deletes and restores artists', async () => {
    const { ctx, d } = context();
    const h = storageHandlers(ctx, NOW);
    expect(await h['search.global']({ query: 'electro' })).toEqual([
      { collection: 'artists', id: 'a1', title: 'Électro Vibes', subtitle: 'rock · Lyon' },
    ]);
    expect((await h['artist.delete']({ id: 'a1' })).deletedAt).toBe('2026-02-01T00:00:00.000Z');
    expect(listRoster(d.db.db, undefined, '2026-01-01')).toEqual([]);
    expect(await h['search.global']({ query: 'electro' })).toEqual([]);
    expect((await h['artist.restore']({ id: 'a1' })).deletedAt).toBeNull();
    expect(await rpcError(h['artist.delete']({ id: 'zz' }))).toBe('not_found');
  });

  it('exports and imports backups, with backup_* error codes', async () => {
    const { ctx } = context();
    const file = join(mkdtempSync(join(tmpdir(), 'fs-rpc-bk-')), 'ws.backup');
    const exported = await storageHandlers(ctx, NOW)['backup.export']({ path: file });
    expect(exported).toMatchObject({
      path: file,
      workspaceId: 'ws-1',
      createdAt: '2026-02-01T00:00:00.000Z',
    });

    const other: StorageContext = {
      ...ctx,
      options: { dataDir: mkdtempSync(join(tmpdir(), 'fs-rpc-new-')) },
    };
    const imported = await storageHandlers(other)['backup.import']({ path: file });
    expect(imported).toMatchObject({ path: workspaceDbPath(other.options.dataDir, 'ws-1'), documents: 1 });
    expect(await rpcError(storageHandlers(other)['backup.import']({ path: file }))).toBe('backup_exists');
    const junk = join(mkdtempSync(join(tmpdir(), 'fs-rpc-junk-')), 'junk.backup');
    writeFileSync(junk, 'not a backup');
    expect(await rpcError(storageHandlers(other)['backup.import']({ path: junk }))).toBe(
      'backup_not_a_backup',
    );
    // A folder that cannot be created (a file is in the way).
    expect(
      await rpcError(storageHandlers(ctx)['backup.export']({ path: join(junk, 'sub', 'x.backup') })),
    ).toBe('backup_write_failed');
  });

  it('creates missing folders when exporting', async () => {
    const { ctx } = context();
    const file = join(mkdtempSync(join(tmpdir(), 'fs-rpc-dir-')), 'Flow Stage', 'Backups', 'ws.flowstage');
    const exported = await storageHandlers(ctx, NOW)['backup.export']({ path: file });
    expect(existsSync(file)).toBe(true);
    expect(exported.bytes).toBe(readFileSync(file).length);
    expect(readdirSync(join(file, '..'))).toEqual(['ws.flowstage']);
  });

  it('refuses, before writing anything, a backup of a workspace the signed-in account cannot open', async () => {
    const { ctx } = context();
    const file = join(mkdtempSync(join(tmpdir(), 'fs-rpc-bk-')), 'ws.backup');
    // Named as the account knows the workspace.
    const exported = await storageHandlers({ ...ctx, sessionState: () => session(['ws-1'], 'Agence') }, NOW)[
      'backup.export'
    ]({ path: file });
    expect(exported.name).toBe('Agence');
    const dataDir = mkdtempSync(join(tmpdir(), 'fs-rpc-member-'));
    const member = (ids: string[]): StorageContext => ({
      ...ctx,
      options: { dataDir },
      sessionState: () => session(ids),
    });
    expect(await rpcError(storageHandlers(member(['ws-2']))['backup.import']({ path: file }))).toBe(
      'backup_not_member',
    );
    expect(existsSync(workspaceDbPath(dataDir, 'ws-1'))).toBe(false);
    expect(readdirSync(dataDir)).toEqual([]);
    // A corrupt file is refused as such, whatever the account.
    const truncated = `${file}.truncated`;
    writeFileSync(truncated, readFileSync(file).subarray(0, 100));
    expect(await rpcError(storageHandlers(member(['ws-2']))['backup.import']({ path: truncated }))).toBe(
      'backup_truncated',
    );
    expect(readdirSync(dataDir)).toEqual([]);
    const imported = await storageHandlers(member(['ws-2', 'ws-1']))['backup.import']({ path: file });
    expect(imported).toMatchObject({ workspaceId: 'ws-1', name: 'Agence' });
    expect(existsSync(workspaceDbPath(dataDir, 'ws-1'))).toBe(true);
  });

  it('proposes a default backup path named after the workspace and the day', async () => {
    const { ctx } = context();
    const home = '/home/ada';
    const h = storageHandlers(
      { ...ctx, sessionState: () => session(['ws-1'], 'Agence Démo / Lyon') },
      () => new Date(2026, 1, 3, 23, 30),
      () => home,
    );
    expect(await h['backup.defaultPath']({})).toEqual({
      path: join(home, 'Flow Stage', 'Backups', 'Agence Démo - Lyon-2026-02-03.flowstage'),
    });
    // Without a session, the workspace id names the file.
    const bare = storageHandlers(
      ctx,
      () => new Date(2026, 0, 9),
      () => home,
    );
    expect((await bare['backup.defaultPath']({})).path).toBe(
      join(home, 'Flow Stage', 'Backups', 'ws-1-2026-01-09.flowstage'),
    );
  });

  it('makes safe file names', () => {
    expect(backupFileStem('Agence: "Démo"?')).toBe('Agence- -Démo');
    expect(backupFileStem('../..')).toBe('workspace');
    expect(backupFileStem('  \u0000 ')).toBe('workspace');
    expect(backupFileStem('x'.repeat(200))).toHaveLength(80);
    expect(defaultBackupPath('/h', 'A', new Date(2026, 11, 31))).toBe(
      join('/h', 'Flow Stage', 'Backups', 'A-2026-12-31.flowstage'),
    );
  });
});

function session(workspaceIds: string[], name = 'Agence'): SessionState {
  const workspaces = workspaceIds.map((id) => ({ id, name, role: 'owner' as const }));
  return {
    signedIn: true,
    cloudUrl: 'http://127.0.0.1:1',
    user: { id: 'u1', email: 'a@b.c', name: 'Ada' },
    workspace: workspaces[0] ?? null,
    workspaces,
  };
}
