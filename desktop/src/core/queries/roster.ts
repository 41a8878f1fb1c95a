/** Roster queries on the projection (the UI never reads Yjs). */
import {
  type ArtistRecord,
  type ArtistRow,
  ArtistRecord as ArtistSchema,
  SHOW_STAGES,
} from '@flowstage/shared';
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { artists, contacts, deals, events, venues } from '../db/schema';
import { matchExpression } from './search';

const NAME_ORDER = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/**
 * Live roster artists, by name. `search` goes through the FTS index (name, genres, home
 * city; accents folded; every word a prefix); input without any word lists everyone.
 */
export function listRoster(db: Db, search: string | undefined, today: string): ArtistRow[] {
  const match = search ? matchExpression(search) : null;
  const rows = db
    .select({
      data: artists.data,
      // Qualified by hand: drizzle renders ${artists.id} as a bare "id", which inside the
      // subquery would name the deal's own id (every count 0).
      dealCount: sql<number>`(SELECT count(*) FROM deals d WHERE d.artist_id = "artists"."id" AND d.deleted_at IS NULL)`,
      nextShow: sql<string | null>`(SELECT min(d.date) FROM deals d WHERE d.artist_id = "artists"."id"
        AND d.deleted_at IS NULL AND d.date >= ${today}
        AND d.stage IN (${sql.join(
          [...SHOW_STAGES].map((s) => sql`${s}`),
          sql`, `,
        )}))`,
    })
    .from(artists)
    .where(
      and(
        isNull(artists.deletedAt),
        match
          ? sql`${artists.id} IN (SELECT record_id FROM search_fts
              WHERE search_fts MATCH ${match} AND collection = 'artists')`
          : undefined,
      ),
    )
    .orderBy(asc(sql`${artists.name} COLLATE NOCASE`))
    .all();
  const list = rows.map((r) => {
    const a = ArtistSchema.parse(r.data);
    return {
      id: a.id,
      name: a.name,
      kind: a.kind,
      genres: a.genres,
      feeMin: a.feeMin,
      feeMax: a.feeMax,
      currency: a.currency,
      draw: a.draw,
      homeCity: a.homeCity,
      homeCountry: a.homeCountry,
      updatedAt: a.updatedAt,
      dealCount: Number(r.dealCount),
      nextShow: r.nextShow,
    };
  });
  // SQLite's NOCASE only folds ASCII: order by name as people read it (É with E).
  return list.sort((a, b) => NAME_ORDER.compare(a.name, b.name));
}

export function getArtist(db: Db, id: string): ArtistRecord | null {
  const row = db.select({ data: artists.data }).from(artists).where(eq(artists.id, id)).get();
  return row ? ArtistSchema.parse(row.data) : null;
}

export function workspaceCounts(db: Db) {
  const n = (table: typeof artists | typeof venues | typeof contacts | typeof deals | typeof events) =>
    db.select({ n: count() }).from(table).where(isNull(table.deletedAt)).get()?.n ?? 0;
  return {
    artists: n(artists),
    venues: n(venues),
    contacts: n(contacts),
    deals: n(deals),
    events: n(events),
  };
}
