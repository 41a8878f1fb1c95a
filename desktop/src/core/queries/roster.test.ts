import { collectionMap, ROOT_DOC, upsertRecord } from '@flowstage/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { type Device, device, put } from '../../../test/device';
import { artist, deal } from '../../../test/fixtures';
import { getArtist, listRoster, workspaceCounts } from './roster';

const open: Device[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});

function fresh(): Device {
  const d = device();
  open.push(d);
  return d;
}

const TODAY = '2026-02-01';

describe('listRoster', () => {
  it('lists live artists by name as people read it, with deal counts and next shows', () => {
    const d = fresh();
    put(d, 'artists', artist('a1', { name: 'Zéphyr' }));
    put(d, 'artists', artist('a2', { name: 'Électrons Libres', genres: ['électro'] }));
    put(d, 'artists', artist('a3', { name: 'Artist 10' }));
    put(d, 'artists', artist('a4', { name: 'artist 9' }));
    put(d, 'artists', artist('gone', { name: 'Aaa', deletedAt: '2026-01-02T00:00:00.000Z' }));
    put(d, 'deals', deal('d1', 'a2', { date: '2026-03-01', stage: 'confirmed' }));
    put(d, 'deals', deal('d2', 'a2', { date: '2026-01-01', stage: 'confirmed' }));
    put(d, 'deals', deal('d3', 'a2', { date: '2026-02-10', stage: 'confirmed' }));
    const rows = listRoster(d.db.db, undefined, TODAY);
    expect(rows.map((r) => r.name)).toEqual(['artist 9', 'Artist 10', 'Électrons Libres', 'Zéphyr']);
    const electrons = rows.find((r) => r.id === 'a2');
    expect(electrons?.dealCount).toBe(3);
    expect(electrons?.nextShow).toBe('2026-02-10');
    expect(rows.find((r) => r.id === 'a1')?.nextShow).toBeNull();
  });

  it('filters by search (accents folded, word prefixes) and lists everyone for empty input', () => {
    const d = fresh();
    put(d, 'artists', artist('a1', { name: 'Les Nuits Blanches', genres: ['house'], homeCity: 'Genève' }));
    put(d, 'artists', artist('a2', { name: 'Électrons Libres', genres: ['rock'], homeCity: 'Lyon' }));
    expect(listRoster(d.db.db, 'electr', TODAY).map((r) => r.id)).toEqual(['a2']);
    expect(listRoster(d.db.db, 'geneve', TODAY).map((r) => r.id)).toEqual(['a1']);
    expect(listRoster(d.db.db, 'hou', TODAY).map((r) => r.id)).toEqual(['a1']);
    expect(listRoster(d.db.db, 'nothing-like-it', TODAY)).toEqual([]);
    expect(listRoster(d.db.db, '  ', TODAY)).toHaveLength(2);
  });

  it('reads artists written before the rider and media links existed, and with them', () => {
    const d = fresh();
    put(d, 'artists', artist('old'));
    put(
      d,
      'artists',
      artist('new', {
        technicalRider: '2 DI, 4 retours',
        mediaLinks: [{ label: 'Live', url: 'https://video.example.org/live' }],
      }),
    );
    expect(getArtist(d.db.db, 'old')?.technicalRider).toBeUndefined();
    expect(getArtist(d.db.db, 'new')?.mediaLinks).toEqual([
      { label: 'Live', url: 'https://video.example.org/live' },
    ]);
    expect(listRoster(d.db.db, undefined, TODAY)).toHaveLength(2);
  });

  it('answers 10 000 artists', () => {
    const d = fresh();
    d.docs.mutate(ROOT_DOC, (doc) => {
      for (let i = 0; i < 10_000; i++)
        upsertRecord(doc, 'artists', `x${i}`, artist(`x${i}`, { name: `Band ${(i * 7919) % 10_000}` }));
    });
    expect(collectionMap(d.docs.get(ROOT_DOC), 'artists').size).toBe(10_000);
    const start = performance.now();
    const rows = listRoster(d.db.db, undefined, TODAY);
    const ms = performance.now() - start;
    expect(rows).toHaveLength(10_000);
    expect(rows[0]?.name).toBe('Band 0');
    expect(rows[9_999]?.name).toBe('Band 9999');
    expect(ms).toBeLessThan(5_000);
    expect(workspaceCounts(d.db.db).artists).toBe(10_000);
    expect(listRoster(d.db.db, 'band 42', TODAY).map((r) => r.name)).toContain('Band 42');
  });
});
