/**
 * Projection of document records into SQLite tables (what the UI reads). Every
 * record is validated with its shared zod schema; a record that fails (newer app
 * version, corrupted edit) stays in the documents and is listed in
 * `invalid_records` instead of being dropped.
 */
import {
  type Collection,
  collectionMap,
  isCollection,
  type RecordOf,
  RECORD_SCHEMAS,
  readFields,
} from '@flowstage/shared';
import * as Y from 'yjs';
import type { Sqlite } from '../db/open';
import { isSearchCollection, SearchIndexer } from './search-index';

/**
 * Version of the projection's shape. When the stored one differs (an older app made
 * the tables, e.g. before the search index existed), the projection is rebuilt.
 */
export const PROJECTION_VERSION = 2;
export const PROJECTION_VERSION_KEY = 'projection.version';

/** Tables derived from the documents, cleared and refilled by a rebuild. */
export const PROJECTION_TABLES = [
  'artists',
  'venues',
  'contacts',
  'deals',
  'events',
  'invalid_records',
  'search_docs',
] as const;

/**
 * Defaults for fields that documents written before schema version 2 may lack (see
 * schema-version.ts): the projection reads such records as the migration would write them.
 */
export function withDefaults(fields: Record<string, unknown>): Record<string, unknown> {
  return 'deletedAt' in fields ? fields : { ...fields, deletedAt: null };
}

type SqlValue = string | number | null;
type Columns<C extends Collection> = (r: RecordOf<C>) => Record<string, SqlValue>;

const COLUMNS: { [C in Collection]: Columns<C> } = {
  artists: (r) => ({
    name: r.name,
    kind: r.kind,
    genres: r.genres.join(', '),
    fee_min: r.feeMin,
    fee_max: r.feeMax,
    currency: r.currency,
    draw: r.draw,
    home_city: r.homeCity,
    home_country: r.homeCountry,
  }),
  venues: (r) => ({
    name: r.name,
    kind: r.kind,
    city: r.city,
    country: r.country,
    capacity: Math.max(r.capacityStanding, r.capacitySeated),
  }),
  contacts: (r) => ({
    name: `${r.firstName} ${r.lastName}`.trim(),
    role: r.role,
    email: r.email,
    venue_id: r.venueId,
  }),
  deals: (r) => ({
    artist_id: r.artistId,
    venue_id: r.venueId,
    date: r.date,
    stage: r.stage,
    hold_level: r.holdLevel,
    guarantee: r.guarantee,
    currency: r.currency,
  }),
  events: (r) => ({
    artist_id: r.artistId,
    kind: r.kind,
    start: r.start,
    end: r.end,
    deal_id: r.dealId,
  }),
};

interface Statements {
  upsert: (values: Record<string, SqlValue>) => void;
}

export class Projector {
  private readonly statements = new Map<Collection, Statements>();
  private readonly markInvalid;
  private readonly clearInvalid;
  private readonly search: SearchIndexer;

  constructor(private readonly sqlite: Sqlite) {
    this.search = new SearchIndexer(sqlite);
    this.markInvalid = sqlite.prepare(
      `INSERT INTO invalid_records (key, collection, doc_id, error, data) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET error = excluded.error, data = excluded.data, doc_id = excluded.doc_id`,
    );
    this.clearInvalid = sqlite.prepare('DELETE FROM invalid_records WHERE key = ?');
  }

  /** Statements are prepared on first use, from the column names the extractor returns. */
  private statementsFor(collection: Collection, columns: Record<string, SqlValue>): Statements {
    let s = this.statements.get(collection);
    if (s) return s;
    const cols = ['id', 'doc_id', 'updated_at', 'deleted_at', 'data', ...Object.keys(columns)];
    const upsert = this.sqlite.prepare(
      `INSERT INTO ${collection} (${cols.map((c) => `"${c}"`).join(', ')})
       VALUES (${cols.map((c) => `@${c}`).join(', ')})
       ON CONFLICT(id) DO UPDATE SET ${cols
         .filter((c) => c !== 'id')
         .map((c) => `"${c}" = excluded."${c}"`)
         .join(', ')}`,
    );
    s = { upsert: (v) => void upsert.run(v) };
    this.statements.set(collection, s);
    return s;
  }

  /** Project one record (raw fields read from its Y.Map), or remove it when `fields` is null. */
  project(collection: Collection, id: string, docId: string, raw: Record<string, unknown> | null): void {
    const key = `${collection}:${id}`;
    const fields = raw === null ? null : withDefaults(raw);
    const parsed = fields === null ? null : RECORD_SCHEMAS[collection].safeParse(fields);
    const named = collection === 'artists' || collection === 'venues' ? collection : null;
    const before = named ? this.search.nameOf(named, id) : '';
    if (parsed === null || !parsed.success) {
      this.sqlite.prepare(`DELETE FROM ${collection} WHERE id = ?`).run(id);
      if (parsed === null) this.clearInvalid.run(key);
      else this.markInvalid.run(key, collection, docId, parsed.error.message, JSON.stringify(fields));
      if (isSearchCollection(collection)) this.search.index(collection, id, null);
      if (named && before !== '') this.search.refreshDealsOf(named, id);
      return;
    }
    const record = parsed.data as RecordOf<typeof collection>;
    const columns = (COLUMNS[collection] as Columns<typeof collection>)(record);
    this.statementsFor(collection, columns).upsert({
      id,
      doc_id: docId,
      updated_at: record.updatedAt,
      deleted_at: record.deletedAt,
      data: JSON.stringify(fields),
      ...columns,
    });
    this.clearInvalid.run(key);
    if (isSearchCollection(collection))
      this.search.index(collection, id, record as RecordOf<typeof collection>);
    if (named && before !== this.search.nameOf(named, id)) this.search.refreshDealsOf(named, id);
  }

  /** Project every record of a document; returns how many. */
  projectDoc(docId: string, doc: Y.Doc): number {
    let count = 0;
    for (const [name] of doc.share) {
      if (!isCollection(name)) continue;
      for (const [id, ymap] of collectionMap(doc, name)) {
        this.project(name, id, docId, ymap instanceof Y.Map ? readFields(ymap) : null);
        count++;
      }
    }
    return count;
  }

  /** Empty every projection table (the caller owns the transaction and refills them). */
  clearAll(): void {
    for (const table of PROJECTION_TABLES) this.sqlite.exec(`DELETE FROM ${table}`);
  }

  /** Record that the tables now have the current projection's shape. */
  markCurrent(): void {
    this.sqlite
      .prepare(
        `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(PROJECTION_VERSION_KEY, JSON.stringify(PROJECTION_VERSION), Date.now());
  }

  /** Whether the tables were made by this projection version. */
  isCurrent(): boolean {
    const row = this.sqlite
      .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
      .get(PROJECTION_VERSION_KEY);
    return row !== undefined && JSON.parse(row.value) === PROJECTION_VERSION;
  }
}
