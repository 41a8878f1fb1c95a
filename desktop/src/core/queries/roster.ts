/** Roster queries on the projection (the UI never reads Yjs). */
import {
  type ArtistRecord,
  type ArtistRow,
  ArtistRecord as ArtistSchema,
  SHOW_STAGES,
} from '@flowstage/shared';
import { and, asc, count, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { artists, contacts, deals, events, venues } from '../db/schema';

function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function listRoster(db: Db, search: string | undefined, today: string): ArtistRow[] {
  const q = search?.trim();
  const pattern = q ? likePattern(q) : null;
  const rows = db
    .select({
      data: artists.data,
      dealCount: sql<number>`(SELECT count(*) FROM deals d WHERE d.artist_id = ${artists.id} AND d.deleted_at IS NULL)`,
      nextShow: sql<string | null>`(SELECT min(d.date) FROM deals d WHERE d.artist_id = ${artists.id}
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
        pattern
          ? or(
              sql`${artists.name} LIKE ${pattern} ESCAPE '\\'`,
              sql`${artists.genres} LIKE ${pattern} ESCAPE '\\'`,
              sql`${artists.homeCity} LIKE ${pattern} ESCAPE '\\'`,
            )
          : undefined,
      ),
    )
    .orderBy(asc(sql`${artists.name} COLLATE NOCASE`))
    .all();
  return rows.map((r) => {
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
