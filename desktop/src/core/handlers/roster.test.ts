import { ArtistPatch, rpcContract } from '@flowstage/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { type Device, device, put } from '../../../test/device';
import { artist } from '../../../test/fixtures';
import type { CoreContext } from '../context';
import { RpcError } from '../rpc/dispatch';
import { rosterHandlers } from './roster';

const open: Device[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});

const NOW = () => new Date('2026-02-01T00:00:00.000Z');

function handlers() {
  const d = device();
  open.push(d);
  put(d, 'artists', artist('a1', { name: 'Électro Vibes' }));
  const ctx = { workspace: { id: 'ws-1', db: d.db, docs: d.docs } } as unknown as CoreContext;
  return rosterHandlers(ctx, NOW);
}

describe('artist.update', () => {
  it('saves the technical rider, media links, line-up, agent and radius clause', async () => {
    const h = handlers();
    const patch = ArtistPatch.parse({
      technicalRider: 'Console 24 voies, 6 retours',
      mediaLinks: [
        { label: 'Live', url: 'https://video.example.org/watch?v=1' },
        { label: '', url: 'http://press.example.fr/kit.pdf' },
      ],
      lineupSize: 6,
      agentId: 'agent-1',
      radiusKm: 80,
      radiusDaysBefore: 20,
      radiusDaysAfter: 10,
    });
    const saved = await h['artist.update']({ id: 'a1', patch });
    expect(saved.technicalRider).toBe('Console 24 voies, 6 retours');
    expect(saved.updatedAt).toBe('2026-02-01T00:00:00.000Z');
    const again = await h['artist.get']({ id: 'a1' });
    expect(again).toMatchObject({ lineupSize: 6, agentId: 'agent-1', radiusKm: 80, radiusDaysAfter: 10 });
    expect(again.mediaLinks).toHaveLength(2);
    const list = await h['roster.list']({});
    expect(list.map((r) => r.name)).toEqual(['Électro Vibes']);
  });

  it('the contract refuses links that are not http(s) and unknown fields', () => {
    const params = rpcContract['artist.update'].params;
    for (const url of ['javascript:alert(1)', 'ftp://files.example.org/a', 'not a url'])
      expect(params.safeParse({ id: 'a1', patch: { mediaLinks: [{ label: 'x', url }] } }).success).toBe(
        false,
      );
    expect(params.safeParse({ id: 'a1', patch: { lat: 1 } }).success).toBe(false);
    expect(params.safeParse({ id: 'a1', patch: { mediaLinks: [] } }).success).toBe(true);
  });

  it('refuses an unknown artist and a minimum fee above the maximum', async () => {
    const h = handlers();
    await expect(h['artist.update']({ id: 'nope', patch: {} })).rejects.toBeInstanceOf(RpcError);
    await expect(h['artist.update']({ id: 'a1', patch: { feeMin: 900_000, feeMax: 100 } })).rejects.toThrow(
      /minimum fee/,
    );
  });
});

describe('artist.create', () => {
  it('adds a roster artist from a name, projected and undoable', async () => {
    const d = device();
    open.push(d);
    const ctx = { workspace: { id: 'ws-1', db: d.db, docs: d.docs } } as unknown as CoreContext;
    const h = rosterHandlers(ctx, NOW);
    const created = await h['artist.create']({ name: '  Nouvelle Vague ', kind: 'solo' });
    expect(created).toMatchObject({ name: 'Nouvelle Vague', kind: 'solo', createdAt: NOW().toISOString() });
    expect(await h['artist.get']({ id: created.id })).toEqual(created);
    expect(d.docs.undo()?.records).toEqual([
      { collection: 'artists', id: created.id, fields: [], created: true },
    ]);
    await expect(h['artist.get']({ id: created.id })).rejects.toThrow(RpcError);
  });
});
