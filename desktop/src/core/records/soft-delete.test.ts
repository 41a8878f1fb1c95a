import { collectionMap, ROOT_DOC, readFields, writeFields } from '@flowstage/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Device, device, put } from '../../../test/device';
import { artist } from '../../../test/fixtures';
import { getArtist, listRoster, workspaceCounts } from '../queries/roster';
import { search } from '../queries/search';
import { RpcError } from '../rpc/dispatch';
import { deleteArtist, restoreArtist } from './soft-delete';

const open: Device[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});
function dev(): Device {
  const d = device();
  open.push(d);
  return d;
}

/** Exchange the root document's missing updates both ways, as sync would. */
function exchange(a: Device, b: Device): void {
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    const target = to.docs.get(ROOT_DOC);
    Y.applyUpdate(
      target,
      Y.encodeStateAsUpdate(from.docs.get(ROOT_DOC), Y.encodeStateVector(target)),
      'sync',
    );
    // Received updates are written at the end of the turn; a test writes them now.
    to.docs.commitRemote();
  }
}

const roster = (d: Device) => listRoster(d.db.db, undefined, '2026-01-01').map((r) => r.name);
const T1 = new Date('2026-02-01T09:00:00.000Z');
const T2 = new Date('2026-02-02T09:00:00.000Z');

describe('soft delete and restore', () => {
  it('takes a deleted artist out of the roster, counts and search, and keeps it in the documents', () => {
    const d = dev();
    put(d, 'artists', artist('a1', { name: 'Électro Vibes' }));
    put(d, 'artists', artist('a2', { name: 'Zéphyr' }));
    const deleted = deleteArtist(d.docs, 'a1', T1);
    expect(deleted.deletedAt).toBe(T1.toISOString());
    expect(deleted.updatedAt).toBe(T1.toISOString());
    expect(roster(d)).toEqual(['Zéphyr']);
    expect(workspaceCounts(d.db.db).artists).toBe(1);
    expect(search(d.db.sqlite, 'electro')).toEqual([]);
    expect(getArtist(d.db.db, 'a1')?.deletedAt).toBe(T1.toISOString());
    expect(collectionMap(d.docs.get(ROOT_DOC), 'artists').get('a1')?.get('name')).toBe('Électro Vibes');

    // Deleting again keeps the first deletion time and writes nothing.
    const rows = d.db.sqlite.prepare('SELECT count(*) AS n FROM ydoc_updates').get();
    expect(deleteArtist(d.docs, 'a1', T2).deletedAt).toBe(T1.toISOString());
    expect(d.db.sqlite.prepare('SELECT count(*) AS n FROM ydoc_updates').get()).toEqual(rows);

    const restored = restoreArtist(d.docs, 'a1', T2);
    expect(restored.deletedAt).toBeNull();
    expect(roster(d)).toEqual(['Électro Vibes', 'Zéphyr']);
    expect(search(d.db.sqlite, 'electro').map((h) => h.id)).toEqual(['a1']);
  });

  it('refuses unknown artists with not_found', () => {
    const d = dev();
    put(d, 'artists', artist('a1'));
    for (const act of [deleteArtist, restoreArtist]) {
      const err = (() => {
        try {
          act(d.docs, 'nope');
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(RpcError);
      expect((err as RpcError).code).toBe('not_found');
    }
  });

  it('keeps an edit made on another device while the record was deleted, and restores it', () => {
    const a = dev();
    const b = dev();
    put(a, 'artists', artist('a1', { name: 'Les Nuits Blanches', bio: 'Formed in Lyon.' }));
    exchange(a, b);
    expect(roster(b)).toEqual(['Les Nuits Blanches']);

    // Offline: A deletes the artist, B renames it and extends the bio.
    deleteArtist(a.docs, 'a1', T1);
    b.docs.mutate(ROOT_DOC, (doc) =>
      writeFields('artists', collectionMap(doc, 'artists').get('a1')!, {
        name: 'Nuits Blanches',
        bio: 'Formed in Lyon in 2019.',
      }),
    );
    exchange(a, b);
    for (const d of [a, b]) {
      const fields = readFields(collectionMap(d.docs.get(ROOT_DOC), 'artists').get('a1')!);
      expect(fields.deletedAt).toBe(T1.toISOString());
      expect(fields.name).toBe('Nuits Blanches');
      expect(fields.bio).toBe('Formed in Lyon in 2019.');
      expect(roster(d)).toEqual([]);
      expect(getArtist(d.db.db, 'a1')?.name).toBe('Nuits Blanches');
    }

    // Restored on B: both devices have it back, with B's edit.
    restoreArtist(b.docs, 'a1', T2);
    exchange(a, b);
    for (const d of [a, b]) {
      expect(roster(d)).toEqual(['Nuits Blanches']);
      expect(getArtist(d.db.db, 'a1')).toMatchObject({ deletedAt: null, bio: 'Formed in Lyon in 2019.' });
    }
  });
});
