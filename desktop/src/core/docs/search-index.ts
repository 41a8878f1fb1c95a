/**
 * Maintains `search_docs` (and through its triggers the FTS5 index `search_fts`) from
 * projected records. Called by the Projector inside the projection's transaction, so
 * the search index agrees with the tables after a crash too. Soft-deleted records are
 * not indexed. A deal is found by its artist's and venue's names: when one of those
 * is renamed (or disappears), the deals that reference it are re-indexed.
 */
import { DealRecord, type RecordOf, type SearchCollection } from '@flowstage/shared';
import type { Sqlite } from '../db/open';

export interface SearchRow {
  title: string;
  subtitle: string;
  name: string;
  terms: string;
}

const join = (sep: string, parts: readonly string[]) => parts.filter((p) => p.trim() !== '').join(sep);

export function artistSearchRow(r: RecordOf<'artists'>): SearchRow {
  return {
    title: r.name,
    subtitle: join(' · ', [r.genres.join(', '), r.homeCity]),
    name: r.name,
    terms: join(' ', [...r.genres, r.homeCity]),
  };
}

export function venueSearchRow(r: RecordOf<'venues'>): SearchRow {
  return {
    title: r.name,
    subtitle: join(', ', [r.city, r.country]),
    name: r.name,
    terms: r.city,
  };
}

export function contactSearchRow(r: RecordOf<'contacts'>): SearchRow {
  const name = join(' ', [r.firstName, r.lastName]);
  return {
    title: name || r.email || r.company,
    subtitle: join(' · ', [r.company, r.email]),
    name,
    terms: join(' ', [r.email, r.company]),
  };
}

export function dealSearchRow(r: RecordOf<'deals'>, artistName: string, venueName: string): SearchRow {
  return {
    title: `${artistName || 'Unknown artist'} @ ${venueName || 'unknown venue'}`,
    subtitle: `${r.date} · ${r.stage}`,
    name: join(' ', [artistName, venueName]),
    terms: r.notes,
  };
}

export function isSearchCollection(c: string): c is SearchCollection {
  return c === 'artists' || c === 'venues' || c === 'contacts' || c === 'deals';
}

export class SearchIndexer {
  private readonly upsert;
  private readonly remove;
  private readonly artistName;
  private readonly venueName;
  private readonly dealsOfArtist;
  private readonly dealsOfVenue;

  constructor(sqlite: Sqlite) {
    this.upsert = sqlite.prepare<[string, string, string, string, string, string, string]>(
      `INSERT INTO search_docs (key, collection, record_id, title, subtitle, name, terms)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET title = excluded.title, subtitle = excluded.subtitle,
         name = excluded.name, terms = excluded.terms
       WHERE search_docs.title IS NOT excluded.title OR search_docs.subtitle IS NOT excluded.subtitle
         OR search_docs.name IS NOT excluded.name OR search_docs.terms IS NOT excluded.terms`,
    );
    this.remove = sqlite.prepare<[string]>('DELETE FROM search_docs WHERE key = ?');
    this.artistName = sqlite.prepare<[string], { name: string }>('SELECT name FROM artists WHERE id = ?');
    this.venueName = sqlite.prepare<[string], { name: string }>('SELECT name FROM venues WHERE id = ?');
    this.dealsOfArtist = sqlite.prepare<[string], { data: string }>(
      'SELECT data FROM deals WHERE artist_id = ?',
    );
    this.dealsOfVenue = sqlite.prepare<[string], { data: string }>(
      'SELECT data FROM deals WHERE venue_id = ?',
    );
  }

  /** Index a validated record, or drop it from the index (null, or soft-deleted). */
  index<C extends SearchCollection>(collection: C, id: string, record: RecordOf<C> | null): void {
    const key = `${collection}:${id}`;
    if (record === null || record.deletedAt !== null) {
      this.remove.run(key);
      return;
    }
    const row = this.rowFor(collection, record);
    this.upsert.run(key, collection, id, row.title, row.subtitle, row.name, row.terms);
  }

  /** The name of a projected artist or venue ('' when absent). */
  nameOf(collection: 'artists' | 'venues', id: string): string {
    const stmt = collection === 'artists' ? this.artistName : this.venueName;
    return stmt.get(id)?.name ?? '';
  }

  /** Re-index the deals that show this artist's or venue's name. */
  refreshDealsOf(collection: 'artists' | 'venues', id: string): void {
    const rows = (collection === 'artists' ? this.dealsOfArtist : this.dealsOfVenue).all(id);
    for (const r of rows) {
      const deal = DealRecord.parse(JSON.parse(r.data));
      this.index('deals', deal.id, deal);
    }
  }

  private rowFor(collection: SearchCollection, record: RecordOf<SearchCollection>): SearchRow {
    switch (collection) {
      case 'artists':
        return artistSearchRow(record as RecordOf<'artists'>);
      case 'venues':
        return venueSearchRow(record as RecordOf<'venues'>);
      case 'contacts':
        return contactSearchRow(record as RecordOf<'contacts'>);
      case 'deals': {
        const deal = record as RecordOf<'deals'>;
        return dealSearchRow(
          deal,
          this.nameOf('artists', deal.artistId),
          this.nameOf('venues', deal.venueId),
        );
      }
    }
  }
}
