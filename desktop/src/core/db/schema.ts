/**
 * The workspace database (one SQLite file per workspace, WAL):
 *  - the Yjs update log and snapshots (the source of truth on this device);
 *  - projection tables derived from the documents (what the UI reads; rebuildable);
 *  - local-only tables (settings).
 * Generate a migration after a change: `npm run db:generate -w @flowstage/desktop`.
 */
import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const ydocUpdates = sqliteTable(
  'ydoc_updates',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    docId: text('doc_id').notNull(),
    update: blob('update', { mode: 'buffer' }).notNull(),
    /** 'local' (made on this device) or 'remote' (received through sync). */
    origin: text('origin', { enum: ['local', 'remote'] }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('ydoc_updates_doc').on(t.docId, t.seq)],
);

export const ydocSnapshots = sqliteTable('ydoc_snapshots', {
  docId: text('doc_id').primaryKey(),
  /** Highest ydoc_updates.seq merged into this snapshot. */
  upToSeq: integer('up_to_seq').notNull(),
  state: blob('state', { mode: 'buffer' }).notNull(),
  updatedAt: integer('updated_at').notNull(),
});

const recordColumns = {
  id: text('id').primaryKey(),
  docId: text('doc_id').notNull(),
  updatedAt: text('updated_at').notNull(),
  deletedAt: text('deleted_at'),
  /** The whole record as JSON (known and unknown fields). */
  data: text('data', { mode: 'json' }).notNull(),
};

export const artists = sqliteTable(
  'artists',
  {
    ...recordColumns,
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    genres: text('genres').notNull(),
    feeMin: integer('fee_min').notNull(),
    feeMax: integer('fee_max').notNull(),
    currency: text('currency').notNull(),
    draw: integer('draw').notNull(),
    homeCity: text('home_city').notNull(),
    homeCountry: text('home_country').notNull(),
  },
  (t) => [index('artists_name').on(t.name)],
);

export const venues = sqliteTable(
  'venues',
  {
    ...recordColumns,
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    city: text('city').notNull(),
    country: text('country').notNull(),
    capacity: integer('capacity').notNull(),
  },
  (t) => [index('venues_name').on(t.name), index('venues_city').on(t.city)],
);

export const contacts = sqliteTable(
  'contacts',
  {
    ...recordColumns,
    name: text('name').notNull(),
    role: text('role').notNull(),
    email: text('email').notNull(),
    venueId: text('venue_id'),
  },
  (t) => [index('contacts_name').on(t.name), index('contacts_venue').on(t.venueId)],
);

export const deals = sqliteTable(
  'deals',
  {
    ...recordColumns,
    artistId: text('artist_id').notNull(),
    venueId: text('venue_id').notNull(),
    date: text('date').notNull(),
    stage: text('stage').notNull(),
    holdLevel: integer('hold_level'),
    guarantee: integer('guarantee').notNull(),
    currency: text('currency').notNull(),
  },
  (t) => [
    index('deals_artist_date').on(t.artistId, t.date),
    index('deals_stage').on(t.stage),
    index('deals_venue').on(t.venueId),
  ],
);

export const events = sqliteTable(
  'events',
  {
    ...recordColumns,
    artistId: text('artist_id').notNull(),
    kind: text('kind').notNull(),
    start: text('start').notNull(),
    end: text('end').notNull(),
    dealId: text('deal_id'),
  },
  (t) => [index('events_artist_start').on(t.artistId, t.start)],
);

/*
 * The global search index is the FTS5 table `search_fts` (drizzle/0004_search_fts_content.sql),
 * not declared here: drizzle cannot describe virtual tables. It holds one row per live
 * searchable record (accents folded, prefix search), keyed by a rowid derived from the
 * record's projection row (see docs/search-index.ts).
 */

/** Records that are in the documents but failed validation (kept, shown as needing repair). */
export const invalidRecords = sqliteTable('invalid_records', {
  key: text('key').primaryKey(),
  collection: text('collection').notNull(),
  docId: text('doc_id').notNull(),
  error: text('error').notNull(),
  data: text('data', { mode: 'json' }).notNull(),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: integer('updated_at').notNull().default(sql`(unixepoch() * 1000)`),
});

/** Per-document sync bookkeeping (local-only): the digest the server last confirmed. */
export const docSync = sqliteTable('doc_sync', {
  docId: text('doc_id').primaryKey(),
  /** Digest of this device's state when it last matched the server's (null: never). */
  confirmedDigest: text('confirmed_digest'),
  /** Digest of this device's state when the document was last unloaded. */
  localDigest: text('local_digest'),
  /** Local updates made since the server last confirmed this document. */
  pendingUpdates: integer('pending_updates').notNull().default(0),
  updatedAt: integer('updated_at').notNull(),
});
