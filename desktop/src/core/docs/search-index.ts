/**
 * Maintains the FTS5 table `search_fts` from projected records, inside the projection's
 * transaction, so the search index agrees with the tables after a crash too.
 * Soft-deleted records are not indexed.
 *
 * A row's rowid is derived from its record's projection row (`searchRowid`), so a record
 * is found, replaced or removed without a lookup table. A deal is found by its artist's
 * and venue's names: deals are indexed when the batch ends (`flush`), once each, with the
 * names as they are then — also the deals of an artist or venue renamed in the batch.
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

const CODES: Record<SearchCollection, number> = { artists: 0, venues: 1, contacts: 2, deals: 3 };

/** The `search_fts` rowid of a record whose projection row has `tableRowid`. */
export function searchRowid(collection: SearchCollection, tableRowid: number): number {
  return tableRowid * 4 + CODES[collection];
}

type Named = 'artists' | 'venues';

export class SearchIndexer {
  private readonly current;
  private readonly replace;
  private readonly remove;
  private readonly names: Record<Named, ReturnType<Sqlite['prepare']>>;
  private readonly dealsOf: Record<Named, ReturnType<Sqlite['prepare']>>;
  /** Deals to index when the batch ends, by projection rowid. */
  private readonly deals = new Map<number, RecordOf<'deals'>>();
  /** Artists and venues whose name changed in the batch. */
  private readonly renamed: { collection: Named; id: string }[] = [];

  constructor(sqlite: Sqlite) {
    this.current = sqlite.prepare<[number], SearchRow & { id: string }>(
      'SELECT record_id AS id, title, subtitle, name, terms FROM search_fts WHERE rowid = ?',
    );
    this.replace = sqlite.prepare<[number, string, string, string, string, string, string]>(
      `INSERT OR REPLACE INTO search_fts (rowid, name, terms, collection, record_id, title, subtitle)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.remove = sqlite.prepare<[number]>('DELETE FROM search_fts WHERE rowid = ?');
    this.names = {
      artists: sqlite.prepare('SELECT name FROM artists WHERE id = ?'),
      venues: sqlite.prepare('SELECT name FROM venues WHERE id = ?'),
    };
    this.dealsOf = {
      artists: sqlite.prepare('SELECT rowid, data FROM deals WHERE artist_id = ? AND deleted_at IS NULL'),
      venues: sqlite.prepare('SELECT rowid, data FROM deals WHERE venue_id = ? AND deleted_at IS NULL'),
    };
  }

  /**
   * Index a validated record whose projection row is `tableRowid`, or drop it from the
   * index (null, or soft-deleted). Deals wait for `flush`.
   */
  index<C extends SearchCollection>(collection: C, tableRowid: number, record: RecordOf<C> | null): void {
    const rowid = searchRowid(collection, tableRowid);
    if (record === null || record.deletedAt !== null) {
      if (collection === 'deals') this.deals.delete(tableRowid);
      this.remove.run(rowid);
      return;
    }
    if (collection === 'deals') {
      this.deals.set(tableRowid, record as RecordOf<'deals'>);
      return;
    }
    const row =
      collection === 'artists'
        ? artistSearchRow(record as RecordOf<'artists'>)
        : collection === 'venues'
          ? venueSearchRow(record as RecordOf<'venues'>)
          : contactSearchRow(record as RecordOf<'contacts'>);
    this.write(rowid, collection, record.id, row);
  }

  /** The name of a projected artist or venue ('' when absent). */
  nameOf(collection: Named, id: string): string {
    return (this.names[collection].get(id) as { name: string } | undefined)?.name ?? '';
  }

  /** An artist's or venue's name changed: its deals are re-indexed when the batch ends. */
  noteRenamed(collection: Named, id: string): void {
    this.renamed.push({ collection, id });
  }

  /** End of a batch: index its deals and those of renamed artists and venues, once each. */
  flush(): void {
    for (const { collection, id } of this.renamed.splice(0)) {
      for (const r of this.dealsOf[collection].all(id) as { rowid: number; data: string }[]) {
        if (!this.deals.has(r.rowid)) this.deals.set(r.rowid, DealRecord.parse(JSON.parse(r.data)));
      }
    }
    const names = new Map<string, string>();
    const cachedName = (collection: Named, id: string) => {
      const key = `${collection}:${id}`;
      let name = names.get(key);
      if (name === undefined) {
        name = this.nameOf(collection, id);
        names.set(key, name);
      }
      return name;
    };
    for (const [tableRowid, deal] of this.deals) {
      const row = dealSearchRow(
        deal,
        cachedName('artists', deal.artistId),
        cachedName('venues', deal.venueId),
      );
      this.write(searchRowid('deals', tableRowid), 'deals', deal.id, row);
    }
    this.deals.clear();
  }

  /** Forget a batch that was rolled back. */
  discard(): void {
    this.deals.clear();
    this.renamed.length = 0;
  }

  private write(rowid: number, collection: SearchCollection, id: string, row: SearchRow): void {
    const now = this.current.get(rowid);
    if (
      now &&
      now.id === id &&
      now.title === row.title &&
      now.subtitle === row.subtitle &&
      now.name === row.name &&
      now.terms === row.terms
    )
      return;
    this.replace.run(rowid, row.name, row.terms, collection, id, row.title, row.subtitle);
  }
}
