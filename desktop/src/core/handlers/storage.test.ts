import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rpcContract } from '@flowstage/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { type Device, device, put } from '../../../test/device';
import { artist } from '../../../test/fixtures';
import { listRoster } from '../queries/roster';
import { RpcError } from '../rpc/dispatch';
import { workspaceDbPath } from '../workspace';
import { type StorageContext, storageHandlers } from './storage';

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
    expect(await rpcError(storageHandlers(ctx)['backup.export']({ path: '/nonexistent-dir/x.backup' }))).toBe(
      'backup_write_failed',
    );
  });
});
