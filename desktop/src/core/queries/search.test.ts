import { collectionMap, ROOT_DOC, venueDocId, writeFields } from '@flowstage/shared';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type Device, device, put } from '../../../test/device';
import { artist, contact, deal, venue } from '../../../test/fixtures';
import { verifyWorkspace } from '../docs/verify';
import { listRoster } from './roster';
import { matchExpression, search } from './search';

const open: Device[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});

function agency(): Device {
  const d = device();
  open.push(d);
  put(
    d,
    'artists',
    artist('a1', { name: 'Les Nuits Blanches', genres: ['électro', 'house'], homeCity: 'Genève' }),
  );
  put(d, 'artists', artist('a2', { name: 'Électrons Libres', genres: ['rock'], homeCity: 'Lyon' }));
  put(d, 'artists', artist('a3', { name: 'Quatuor Zéphyr', genres: ['classique'], homeCity: 'Montréal' }));
  put(d, 'venues', venue('v1', { name: "L'Olympia", city: 'Paris' }));
  put(d, 'venues', venue('v2', { name: 'Le Transbordeur', city: 'Villeurbanne' }));
  put(
    d,
    'contacts',
    contact('c1', {
      firstName: 'Zoé',
      lastName: 'Dupré',
      email: 'zoe@lolympia.fr',
      company: 'Olympia Productions',
    }),
  );
  put(d, 'deals', deal('d1', 'a3', { venueId: 'v1', notes: 'Backline fournie, catering végétarien' }));
  return d;
}

const ids = (hits: { collection: string; id: string }[]) => hits.map((h) => `${h.collection}:${h.id}`).sort();

describe('search', () => {
  it('folds accents both ways and matches word prefixes', () => {
    const d = agency();
    expect(ids(search(d.db.sqlite, 'electro'))).toEqual(['artists:a1', 'artists:a2']);
    expect(ids(search(d.db.sqlite, 'ÉLECTRO'))).toEqual(['artists:a1', 'artists:a2']);
    expect(search(d.db.db, 'électro')).toEqual(search(d.db.sqlite, 'electro'));
    expect(ids(search(d.db.sqlite, 'geneve'))).toEqual(['artists:a1']);
    expect(ids(search(d.db.sqlite, 'zephyr'))).toEqual(['artists:a3', 'deals:d1']);
    expect(ids(search(d.db.sqlite, 'vegetar'))).toEqual(['deals:d1']);
    expect(ids(search(d.db.sqlite, 'nuits bl'))).toEqual(['artists:a1']);
    expect(search(d.db.sqlite, 'nuits rock')).toEqual([]);
  });

  it('covers venues, contacts (name, e-mail, company) and deals (artist, venue, notes) with typed hits', () => {
    const d = agency();
    expect(search(d.db.sqlite, 'transbordeur')).toEqual([
      { collection: 'venues', id: 'v2', title: 'Le Transbordeur', subtitle: 'Villeurbanne, FR' },
    ]);
    expect(ids(search(d.db.sqlite, 'zoe'))).toEqual(['contacts:c1']);
    expect(ids(search(d.db.sqlite, 'zoe@lolympia'))).toEqual(['contacts:c1']);
    expect(ids(search(d.db.sqlite, 'olympia'))).toEqual(['contacts:c1', 'deals:d1', 'venues:v1']);
    const [dealHit] = search(d.db.sqlite, 'backline');
    expect(dealHit).toEqual({
      collection: 'deals',
      id: 'd1',
      title: "Quatuor Zéphyr @ L'Olympia",
      subtitle: '2026-03-01 · confirmed',
    });
  });

  it('ranks name matches first, honours the limit and the collection filter', () => {
    const d = agency();
    // "olympia" is the venue's name and the deal's venue name, but only the contact's company.
    const hits = search(d.db.sqlite, 'olympia');
    expect(hits.at(-1)?.collection).toBe('contacts');
    expect(search(d.db.sqlite, 'olympia', { limit: 1 })).toHaveLength(1);
    expect(ids(search(d.db.sqlite, 'olympia', { collections: ['venues', 'contacts'] }))).toEqual([
      'contacts:c1',
      'venues:v1',
    ]);
    expect(search(d.db.sqlite, 'olympia', { collections: [] })).toEqual([]);
  });

  it('follows renames, soft deletes and restores in the same transaction as the projection', () => {
    const d = agency();
    d.docs.mutate(venueDocId('v1'), (doc) =>
      writeFields('venues', collectionMap(doc, 'venues').get('v1')!, { name: 'La Cigale' }),
    );
    expect(ids(search(d.db.sqlite, 'cigale'))).toEqual(['deals:d1', 'venues:v1']);
    expect(search(d.db.sqlite, 'backline')[0]?.title).toBe('Quatuor Zéphyr @ La Cigale');
    const setDeleted = (value: string | null) =>
      d.docs.mutate(ROOT_DOC, (doc) =>
        writeFields('artists', collectionMap(doc, 'artists').get('a2')!, { deletedAt: value }),
      );
    setDeleted('2026-02-01T00:00:00.000Z');
    expect(ids(search(d.db.sqlite, 'electro'))).toEqual(['artists:a1']);
    setDeleted(null);
    expect(ids(search(d.db.sqlite, 'electro'))).toEqual(['artists:a1', 'artists:a2']);
  });

  it('indexes a deal with the names known when its batch ends, whichever document arrives first', () => {
    // The deal's document arrives before its venue's (another device's first sync order).
    const d = device();
    open.push(d);
    put(d, 'artists', artist('a1', { name: 'Quatuor Zéphyr' }));
    put(d, 'deals', deal('d1', 'a1', { venueId: 'v9', notes: 'Backline fournie' }));
    expect(search(d.db.sqlite, 'backline')[0]?.title).toBe('Quatuor Zéphyr @ unknown venue');
    put(d, 'venues', venue('v9', { name: 'Le Grand Rex' }));
    expect(search(d.db.sqlite, 'backline')[0]?.title).toBe('Quatuor Zéphyr @ Le Grand Rex');
    expect(ids(search(d.db.sqlite, 'grand rex'))).toEqual(['deals:d1', 'venues:v9']);
    // One document holding the artist and its deals: the deal sees the new name at once.
    d.docs.mutate(ROOT_DOC, (doc) =>
      writeFields('artists', collectionMap(doc, 'artists').get('a1')!, { name: 'Zéphyr Quartet' }),
    );
    expect(search(d.db.sqlite, 'backline')[0]?.title).toBe('Zéphyr Quartet @ Le Grand Rex');
    expect(verifyWorkspace(d.db.sqlite)).toMatchObject({ problems: [], differences: [] });
  });

  it("keys each search row to its record's projection row, and drops it with the record", () => {
    const d = agency();
    const rowids = () =>
      d.db.sqlite
        .prepare(
          `SELECT f.collection || ':' || f.record_id AS key, f.rowid = t.rowid * 4 + 3 AS linked
           FROM search_fts f JOIN deals t ON t.id = f.record_id WHERE f.collection = 'deals'`,
        )
        .all();
    expect(rowids()).toEqual([{ key: 'deals:d1', linked: 1 }]);
    d.docs.mutate('artist.a3', (doc) => collectionMap(doc, 'deals').delete('d1'));
    expect(search(d.db.sqlite, 'backline')).toEqual([]);
    expect(rowids()).toEqual([]);
    expect(verifyWorkspace(d.db.sqlite)).toMatchObject({ problems: [], differences: [] });
  });

  it('never passes user input to FTS5 as syntax', () => {
    const d = agency();
    for (const q of [
      '"',
      '*',
      '-',
      '"electro',
      'electro"',
      'electro*',
      '-electro',
      'NEAR(electro',
      'a OR',
      'AND',
      '(',
      ')',
      '^',
      ':',
      'name:electro',
      "l'olympia",
      '\\',
      '',
      '   ',
      '🎸',
      '""*',
      '* -',
      '{ }',
    ]) {
      expect(() => search(d.db.sqlite, q), q).not.toThrow();
      expect(() => listRoster(d.db.db, q, '2026-01-01'), q).not.toThrow();
    }
    expect(ids(search(d.db.sqlite, '"electro'))).toEqual(['artists:a1', 'artists:a2']);
    expect(ids(search(d.db.sqlite, '-electro*'))).toEqual(['artists:a1', 'artists:a2']);
    expect(ids(search(d.db.sqlite, "l'olympia"))).toEqual(['contacts:c1', 'deals:d1', 'venues:v1']);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (q) => {
        expect(Array.isArray(search(d.db.sqlite, q))).toBe(true);
        const m = matchExpression(q);
        expect(m === null || /^("[^"]+"\* ?)+$/.test(m)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('drives the roster search: accents, prefixes, genres and city; no word lists everyone', () => {
    const d = agency();
    const names = (q?: string) => listRoster(d.db.db, q, '2026-01-01').map((r) => r.name);
    expect(names('electro')).toEqual(['Électrons Libres', 'Les Nuits Blanches']);
    expect(names('montre')).toEqual(['Quatuor Zéphyr']);
    expect(names('--')).toEqual(names());
    expect(names()).toHaveLength(3);
  });
});
