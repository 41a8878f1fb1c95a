/** Deal queries on the projection (the pipeline): rows with artist and venue names. */
import {
  ArtistRecord,
  DealRecord,
  type DealRow,
  type DealsListParams,
  type VenueRecord,
} from '@flowstage/shared';
import { and, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '../db/open';
import { artists, deals, venues } from '../db/schema';

const ORDER = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Lower-case, accents folded: "Épicerie" matches "epicerie". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');
}

export function namesOf(db: Db, artistIds: string[], venueIds: string[]) {
  const a = artistIds.length
    ? db
        .select({ id: artists.id, name: artists.name })
        .from(artists)
        .where(inArray(artists.id, artistIds))
        .all()
    : [];
  const v = venueIds.length
    ? db.select({ id: venues.id, data: venues.data }).from(venues).where(inArray(venues.id, venueIds)).all()
    : [];
  return {
    artist: new Map(a.map((r) => [r.id, r.name])),
    venue: new Map(
      v.map((r) => {
        const rec = r.data as Partial<VenueRecord>;
        return [
          r.id,
          {
            name: rec.name ?? '',
            city: rec.city ?? '',
            country: rec.country,
            lat: rec.lat ?? 0,
            lon: rec.lon ?? 0,
          },
        ];
      }),
    ),
  };
}

/** Live deals matching the filters, sorted (default: by date, then artist). */
export function listDeals(db: Db, params: DealsListParams): DealRow[] {
  const rows = db
    .select({ data: deals.data })
    .from(deals)
    .where(
      and(
        isNull(deals.deletedAt),
        params.stage ? eq(deals.stage, params.stage) : undefined,
        params.artistId ? eq(deals.artistId, params.artistId) : undefined,
        params.from ? gte(deals.date, params.from) : undefined,
        params.to ? lte(deals.date, params.to) : undefined,
      ),
    )
    .all();
  const records = rows.flatMap((r) => {
    const p = DealRecord.safeParse(r.data);
    return p.success ? [p.data] : [];
  });
  const names = namesOf(
    db,
    [...new Set(records.map((d) => d.artistId))],
    [...new Set(records.map((d) => d.venueId))],
  );
  let list: DealRow[] = records.map((d) => {
    const v = names.venue.get(d.venueId);
    return {
      id: d.id,
      artistId: d.artistId,
      venueId: d.venueId,
      date: d.date,
      stage: d.stage,
      holdLevel: d.holdLevel,
      holdExpiresAt: d.holdExpiresAt,
      challengeDeadline: d.challenge?.deadline ?? null,
      challengerId: d.challenge?.challengerId ?? null,
      dealType: d.dealType,
      guarantee: d.guarantee,
      currency: d.currency,
      updatedAt: d.updatedAt,
      artistName: names.artist.get(d.artistId) ?? '',
      venueName: v?.name ?? '',
      venueCity: v?.city ?? '',
    };
  });
  const q = params.search?.trim() ? fold(params.search.trim()) : '';
  if (q) {
    const notes = new Map(records.map((d) => [d.id, d.notes]));
    list = list.filter((r) =>
      fold(`${r.artistName} ${r.venueName} ${r.venueCity} ${notes.get(r.id) ?? ''}`).includes(q),
    );
  }
  const by = params.sort ?? 'date';
  const cmp = (a: DealRow, b: DealRow): number => {
    const byArtist = ORDER.compare(a.artistName, b.artistName);
    const byDate = a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
    if (by === 'artist') return byArtist || byDate;
    if (by === 'guarantee') return a.guarantee - b.guarantee || byDate;
    if (by === 'updatedAt') return a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0;
    return byDate || byArtist || (a.id < b.id ? -1 : 1);
  };
  list.sort(cmp);
  return params.desc ? list.reverse() : list;
}

export function getDeal(db: Db, id: string): DealRecord | null {
  const row = db.select({ data: deals.data }).from(deals).where(eq(deals.id, id)).get();
  return row ? DealRecord.parse(row.data) : null;
}

/** Every live deal of an artist (for holds and radius clauses). */
export function dealsOfArtist(db: Db, artistId: string): DealRecord[] {
  return db
    .select({ data: deals.data })
    .from(deals)
    .where(and(isNull(deals.deletedAt), eq(deals.artistId, artistId)))
    .all()
    .flatMap((r) => {
      const p = DealRecord.safeParse(r.data);
      return p.success ? [p.data] : [];
    });
}

export function getArtist(db: Db, id: string): ArtistRecord | null {
  const row = db.select({ data: artists.data }).from(artists).where(eq(artists.id, id)).get();
  return row ? ArtistRecord.parse(row.data) : null;
}
