/** Directory queries (venues, contacts) on the projection (the UI never reads Yjs). */
import {
  ContactRecord,
  type ContactRow,
  type DirectoryListParams,
  VenueRecord,
  type VenueRow,
} from '@flowstage/shared';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { contacts, venues } from '../db/schema';
import { emailKey, type ExistingKeys, venueKey } from '../import/preview';
import { matchExpression } from './search';

const ORDER = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

function ftsFilter(
  collection: 'venues' | 'contacts',
  id: typeof venues.id | typeof contacts.id,
  search: string | undefined,
) {
  const match = search ? matchExpression(search) : null;
  return match
    ? sql`${id} IN (SELECT record_id FROM search_fts WHERE search_fts MATCH ${match} AND collection = ${collection})`
    : undefined;
}

function hasTag(tags: readonly string[], tag: string | undefined): boolean {
  if (!tag) return true;
  const t = tag.trim().toLocaleLowerCase('fr');
  return tags.some((x) => x.toLocaleLowerCase('fr') === t);
}

function sortRows<T extends { updatedAt: string }>(
  rows: T[],
  name: (r: T) => string,
  city: (r: T) => string,
  params: DirectoryListParams,
): T[] {
  const by = params.sort ?? 'name';
  const cmp =
    by === 'updatedAt'
      ? (a: T, b: T) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0)
      : by === 'city'
        ? (a: T, b: T) => ORDER.compare(city(a), city(b)) || ORDER.compare(name(a), name(b))
        : (a: T, b: T) => ORDER.compare(name(a), name(b));
  rows.sort(cmp);
  return params.desc ? rows.reverse() : rows;
}

export function venueRow(v: VenueRecord): VenueRow {
  return {
    id: v.id,
    name: v.name,
    kind: v.kind,
    city: v.city,
    country: v.country,
    capacityStanding: v.capacityStanding,
    capacitySeated: v.capacitySeated,
    email: v.email,
    tags: v.tags,
    updatedAt: v.updatedAt,
  };
}

export function contactRow(c: ContactRecord): ContactRow {
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    role: c.role,
    company: c.company,
    email: c.email,
    phone: c.phone,
    city: c.city,
    country: c.country,
    venueId: c.venueId,
    tags: c.tags,
    updatedAt: c.updatedAt,
  };
}

/** Live venues matching the search (FTS: accents folded, word prefixes) and tag, sorted. */
export function listVenueRecords(db: Db, params: DirectoryListParams): VenueRecord[] {
  const rows = db
    .select({ data: venues.data })
    .from(venues)
    .where(and(isNull(venues.deletedAt), ftsFilter('venues', venues.id, params.search)))
    .all();
  const list = rows.map((r) => VenueRecord.parse(r.data)).filter((v) => hasTag(v.tags, params.tag));
  return sortRows(
    list,
    (v) => v.name,
    (v) => v.city,
    params,
  );
}

export function listContactRecords(db: Db, params: DirectoryListParams): ContactRecord[] {
  const rows = db
    .select({ data: contacts.data })
    .from(contacts)
    .where(and(isNull(contacts.deletedAt), ftsFilter('contacts', contacts.id, params.search)))
    .all();
  const list = rows.map((r) => ContactRecord.parse(r.data)).filter((c) => hasTag(c.tags, params.tag));
  return sortRows(
    list,
    (c) => `${c.lastName} ${c.firstName}`,
    (c) => c.city,
    params,
  );
}

export function listVenues(db: Db, params: DirectoryListParams): VenueRow[] {
  return listVenueRecords(db, params).map(venueRow);
}

export function listContacts(db: Db, params: DirectoryListParams): ContactRow[] {
  return listContactRecords(db, params).map(contactRow);
}

export function getVenue(db: Db, id: string): VenueRecord | null {
  const row = db.select({ data: venues.data }).from(venues).where(eq(venues.id, id)).get();
  return row ? VenueRecord.parse(row.data) : null;
}

export function getContact(db: Db, id: string): ContactRecord | null {
  const row = db.select({ data: contacts.data }).from(contacts).where(eq(contacts.id, id)).get();
  return row ? ContactRecord.parse(row.data) : null;
}

export function contactsOfVenue(db: Db, venueId: string): ContactRow[] {
  const rows = db
    .select({ data: contacts.data })
    .from(contacts)
    .where(and(isNull(contacts.deletedAt), eq(contacts.venueId, venueId)))
    .all();
  return rows
    .map((r) => contactRow(ContactRecord.parse(r.data)))
    .sort((a, b) => ORDER.compare(`${a.lastName} ${a.firstName}`, `${b.lastName} ${b.firstName}`));
}

/** Every tag in use in a collection, sorted as people read them. */
export function directoryTags(db: Db, collection: 'venues' | 'contacts'): string[] {
  const table = collection === 'venues' ? venues : contacts;
  const rows = db.select({ data: table.data }).from(table).where(isNull(table.deletedAt)).all();
  const tags = new Map<string, string>();
  for (const r of rows) {
    for (const t of ((r.data as { tags?: unknown }).tags as string[] | undefined) ?? []) {
      if (typeof t === 'string' && !tags.has(t.toLocaleLowerCase('fr')))
        tags.set(t.toLocaleLowerCase('fr'), t);
    }
  }
  return [...tags.values()].sort(ORDER.compare);
}

/** Dedupe keys of the live directory (venue name + city, contact e-mails). */
export function existingKeys(db: Db): ExistingKeys {
  const v = db
    .select({ name: venues.name, city: venues.city })
    .from(venues)
    .where(isNull(venues.deletedAt))
    .all();
  const c = db.select({ email: contacts.email }).from(contacts).where(isNull(contacts.deletedAt)).all();
  return {
    venues: new Set(v.map((r) => venueKey(r.name, r.city))),
    contactEmails: new Set(c.map((r) => emailKey(r.email)).filter((e) => e !== '')),
  };
}
