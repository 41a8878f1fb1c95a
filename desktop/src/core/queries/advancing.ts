/**
 * Advancing queries on the projection: upcoming firm shows with their completeness, and a
 * show's day (deal, artist, venue, contacts, events) for the editor and the PDFs.
 */
import {
  type AdvancingDetail,
  type AdvancingListParams,
  type AdvancingRow,
  advancingSummary,
  ContactRecord,
  type DayContact,
  DealRecord,
  EventRecord,
  eventDays,
  FIRM_STAGES,
  VenueRecord,
} from '@flowstage/shared';
import { and, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '../db/open';
import { contacts, deals, events, venues } from '../db/schema';
import { getArtist, namesOf } from './deals';

const ORDER = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Live firm deals (FIRM_STAGES) in [from, to], optionally of one artist, by date then artist. */
export function firmDeals(db: Db, params: AdvancingListParams & { from: string }): DealRecord[] {
  return db
    .select({ data: deals.data })
    .from(deals)
    .where(
      and(
        isNull(deals.deletedAt),
        inArray(deals.stage, [...FIRM_STAGES]),
        gte(deals.date, params.from),
        params.to ? lte(deals.date, params.to) : undefined,
        params.artistId ? eq(deals.artistId, params.artistId) : undefined,
      ),
    )
    .all()
    .flatMap((r) => {
      const p = DealRecord.safeParse(r.data);
      return p.success ? [p.data] : [];
    });
}

export function listAdvancing(db: Db, params: AdvancingListParams & { from: string }): AdvancingRow[] {
  const list = firmDeals(db, params);
  const names = namesOf(
    db,
    [...new Set(list.map((d) => d.artistId))],
    [...new Set(list.map((d) => d.venueId))],
  );
  return list
    .map((d) => {
      const v = names.venue.get(d.venueId);
      return {
        id: d.id,
        artistId: d.artistId,
        venueId: d.venueId,
        date: d.date,
        stage: d.stage,
        artistName: names.artist.get(d.artistId) ?? '',
        venueName: v?.name ?? '',
        venueCity: v?.city ?? '',
        summary: advancingSummary(d),
      };
    })
    .sort(
      (a, b) =>
        (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
        ORDER.compare(a.artistName, b.artistName) ||
        (a.id < b.id ? -1 : 1),
    );
}

function dayContact(c: ContactRecord): DayContact {
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    role: c.role,
    company: c.company,
    email: c.email,
    phone: c.phone,
    venueId: c.venueId,
  };
}

/** Live contacts by id, in the order asked (unknown and deleted ones left out). */
export function contactsById(db: Db, ids: readonly string[]): DayContact[] {
  if (ids.length === 0) return [];
  const rows = db
    .select({ data: contacts.data })
    .from(contacts)
    .where(and(isNull(contacts.deletedAt), inArray(contacts.id, [...ids])))
    .all();
  const byId = new Map(
    rows.flatMap((r) => {
      const p = ContactRecord.safeParse(r.data);
      return p.success ? [[p.data.id, dayContact(p.data)] as const] : [];
    }),
  );
  return ids.flatMap((id) => {
    const c = byId.get(id);
    return c ? [c] : [];
  });
}

function venueContacts(db: Db, venueId: string): DayContact[] {
  return db
    .select({ data: contacts.data })
    .from(contacts)
    .where(and(isNull(contacts.deletedAt), eq(contacts.venueId, venueId)))
    .all()
    .flatMap((r) => {
      const p = ContactRecord.safeParse(r.data);
      return p.success ? [dayContact(p.data)] : [];
    })
    .sort((a, b) => ORDER.compare(`${a.lastName} ${a.firstName}`, `${b.lastName} ${b.firstName}`));
}

export function venueOf(db: Db, id: string): VenueRecord | null {
  const row = db.select({ data: venues.data }).from(venues).where(eq(venues.id, id)).get();
  const p = row ? VenueRecord.safeParse(row.data) : null;
  return p?.success && !p.data.deletedAt ? p.data : null;
}

/** Live events of an artist touching [from, to] (local dates), by start; show holds left out. */
export function eventsBetween(db: Db, artistId: string, from: string, to: string): EventRecord[] {
  // A coarse prefilter on the stored instants (a day either side for time zones), then exact days.
  const lo = new Date(Date.parse(`${from}T00:00:00Z`) - 2 * 86_400_000).toISOString();
  const hi = new Date(Date.parse(`${to}T00:00:00Z`) + 2 * 86_400_000).toISOString();
  return db
    .select({ data: events.data })
    .from(events)
    .where(
      and(
        isNull(events.deletedAt),
        eq(events.artistId, artistId),
        lte(events.start, hi),
        gte(events.end, lo),
      ),
    )
    .all()
    .flatMap((r) => {
      const p = EventRecord.safeParse(r.data);
      if (!p.success || p.data.kind === 'hold') return [];
      const days = eventDays(p.data);
      return days.from <= to && days.to >= from ? [p.data] : [];
    })
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** A show's day: the deal with everything a day sheet prints. */
export function advancingDetail(db: Db, deal: DealRecord): AdvancingDetail {
  const artist = getArtist(db, deal.artistId);
  const venue = venueOf(db, deal.venueId);
  const chosen = contactsById(db, deal.dayContactIds ?? []);
  const chosenIds = new Set(chosen.map((c) => c.id));
  const suggested = [
    ...venueContacts(db, deal.venueId),
    ...contactsById(db, deal.contactId ? [deal.contactId] : []),
  ];
  const seen = new Set<string>();
  const events = eventsBetween(db, deal.artistId, deal.date, deal.date);
  // The travel to this show may leave the day before (an overnight trip): keep it too.
  const own = eventsBetween(db, deal.artistId, shiftDate(deal.date, -1), deal.date).filter(
    (e) => e.dealId === deal.id && !events.some((x) => x.id === e.id),
  );
  return {
    deal,
    artist: {
      id: deal.artistId,
      name: artist?.name ?? '',
      homeCity: artist?.homeCity ?? '',
      lineupSize: artist?.lineupSize ?? 1,
    },
    venue,
    dayContacts: chosen,
    suggestedContacts: suggested.filter((c) => {
      if (chosenIds.has(c.id) || seen.has(c.id)) return false;
      seen.add(c.id);
      return true;
    }),
    events: [...own, ...events],
    summary: advancingSummary(deal),
  };
}

/** YYYY-MM-DD plus `days`. */
export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
