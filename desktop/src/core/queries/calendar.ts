/**
 * Calendar queries on the projection: the live deals and events of a date range (one
 * artist or the whole roster), through the `deals_artist_date` / `events_artist_start`
 * indexes, as typed calendar items with artist and venue names.
 */
import {
  addDays,
  type CalendarItem,
  type CalendarItemKind,
  DealRecord,
  EventRecord,
  eventDays,
  FIRM_STAGES,
  SHOW_STAGES,
} from '@flowstage/shared';
import { and, gt, gte, inArray, isNull, lt, lte } from 'drizzle-orm';
import type { Db } from '../db/open';
import { artists, deals, events } from '../db/schema';
import { namesOf } from './deals';

/** Agencies of the app work on French, Belgian and Swiss time. */
export const AGENCY_TIME_ZONE = 'Europe/Paris';

/**
 * The artists a query covers: one, or every live artist of the roster. Listing them lets
 * SQLite use the (artist, date) indexes for a roster-wide range (IN on the first column,
 * range on the second) and leaves out the dates of deleted artists.
 */
export function artistScope(db: Db, artistId?: string): string[] {
  if (artistId) return [artistId];
  return db
    .select({ id: artists.id })
    .from(artists)
    .where(isNull(artists.deletedAt))
    .all()
    .map((r) => r.id);
}

/** Live deals dated in [from, to], optionally of one artist. */
export function dealsInRange(db: Db, from: string, to: string, artistId?: string): DealRecord[] {
  return db
    .select({ data: deals.data })
    .from(deals)
    .where(
      and(
        inArray(deals.artistId, artistScope(db, artistId)),
        isNull(deals.deletedAt),
        gte(deals.date, from),
        lte(deals.date, to),
      ),
    )
    .all()
    .flatMap((r) => {
      const p = DealRecord.safeParse(r.data);
      return p.success ? [p.data] : [];
    });
}

/** Most days an event is looked back for (a multi-day day off or tour leg starting earlier). */
const EVENT_LOOKBACK_DAYS = 31;

/** Live events touching [from, to] (local dates), optionally of one artist, with their days. */
export function eventsInRange(
  db: Db,
  from: string,
  to: string,
  artistId?: string,
): { event: EventRecord; from: string; to: string }[] {
  // Instants are UTC: widen by a day each side for the time zone, then filter by local date.
  const lo = `${addDays(from, -EVENT_LOOKBACK_DAYS)}T00:00:00`;
  const hi = `${addDays(to, 2)}T00:00:00`;
  const rows = db
    .select({ data: events.data })
    .from(events)
    .where(
      and(
        inArray(events.artistId, artistScope(db, artistId)),
        isNull(events.deletedAt),
        gte(events.start, lo),
        lt(events.start, hi),
        gt(events.end, `${addDays(from, -1)}T00:00:00`),
      ),
    )
    .all();
  return rows.flatMap((r) => {
    const p = EventRecord.safeParse(r.data);
    if (!p.success) return [];
    const days = eventDays(p.data, AGENCY_TIME_ZONE);
    return days.to < from || days.from > to ? [] : [{ event: p.data, ...days }];
  });
}

/** Which of these ids are deals in the projection (live or not): their calendar is the deal's. */
export function existingDealIds(db: Db, ids: readonly string[]): Set<string> {
  const out = new Set<string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    for (const r of db.select({ id: deals.id }).from(deals).where(inArray(deals.id, chunk)).all()) {
      out.add(r.id);
    }
  }
  return out;
}

/** The calendar kind of a deal, or null when it is not on the calendar (dead deals). */
export function dealKind(stage: DealRecord['stage']): CalendarItemKind | null {
  if (stage === 'hold') return 'hold';
  if (stage === 'request') return 'request';
  if (SHOW_STAGES.has(stage)) return 'show';
  if (FIRM_STAGES.has(stage)) return 'offer';
  return null;
}

/**
 * Calendar items of [from, to]: deals as holds, shows, offers and requests; events as
 * travel, days off, promo and rehearsal. A `show` or `hold` event tied to a known deal is
 * the deal's own entry and is not shown twice (its time is lent to the deal's item).
 */
export function calendarItems(
  db: Db,
  p: { from: string; to: string; artistId?: string; kinds?: readonly CalendarItemKind[] },
): CalendarItem[] {
  const wanted = p.kinds && p.kinds.length > 0 ? new Set(p.kinds) : null;
  const dealRows = dealsInRange(db, p.from, p.to, p.artistId).flatMap((d) => {
    const kind = dealKind(d.stage);
    return kind && (!wanted || wanted.has(kind)) ? [{ d, kind }] : [];
  });
  const eventRows = eventsInRange(db, p.from, p.to, p.artistId);
  const linked = eventRows.flatMap((e) =>
    (e.event.kind === 'show' || e.event.kind === 'hold') && e.event.dealId ? [e.event.dealId] : [],
  );
  const known = existingDealIds(db, linked);
  const showTimes = new Map<string, { start: string; end: string }>();
  const eventItems = eventRows.flatMap(({ event: e, from, to }) => {
    if ((e.kind === 'show' || e.kind === 'hold') && e.dealId && known.has(e.dealId)) {
      if (e.kind === 'show' && !e.allDay) showTimes.set(e.dealId, { start: e.start, end: e.end });
      return [];
    }
    const kind: CalendarItemKind = e.kind;
    if (wanted && !wanted.has(kind)) return [];
    return [{ e, kind, from, to }];
  });
  const names = namesOf(
    db,
    [...new Set([...dealRows.map((r) => r.d.artistId), ...eventItems.map((r) => r.e.artistId)])],
    [...new Set(dealRows.map((r) => r.d.venueId))],
  );
  const items: CalendarItem[] = dealRows.map(({ d, kind }) => {
    const v = names.venue.get(d.venueId);
    const time = kind === 'show' ? showTimes.get(d.id) : undefined;
    return {
      id: d.id,
      kind,
      dealId: d.id,
      artistId: d.artistId,
      artistName: names.artist.get(d.artistId) ?? '',
      title: v?.name ?? '',
      city: v?.city ?? '',
      date: d.date,
      endDate: d.date,
      start: time?.start ?? null,
      end: time?.end ?? null,
      stage: d.stage,
      holdLevel: kind === 'hold' ? d.holdLevel : null,
      holdExpiresAt: kind === 'hold' ? d.holdExpiresAt : null,
    };
  });
  for (const { e, kind, from, to } of eventItems) {
    items.push({
      id: `event:${e.id}`,
      kind,
      dealId: e.dealId,
      artistId: e.artistId,
      artistName: names.artist.get(e.artistId) ?? '',
      title: e.title,
      city: e.city,
      date: from,
      endDate: to,
      start: e.allDay ? null : e.start,
      end: e.allDay ? null : e.end,
      stage: null,
      holdLevel: null,
      holdExpiresAt: null,
    });
  }
  return items.sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      (a.start ?? '').localeCompare(b.start ?? '') ||
      a.artistName.localeCompare(b.artistName, 'fr') ||
      (a.id < b.id ? -1 : 1),
  );
}
