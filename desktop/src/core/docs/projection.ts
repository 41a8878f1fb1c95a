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
export const PROJECTION_VERSION = 3;
export const PROJECTION_VERSION_KEY = 'projection.version';

/** Tables derived from the documents, cleared and refilled by a rebuild. */
export const PROJECTION_TABLES = [
  'artists',
  'venues',
  'contacts',
  'deals',
  'events',
  'invalid_records',
  'search_fts',
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

/** Insert or update a record's row (values in the extractor's column order); returns its rowid. */
type Upsert = (values: SqlValue[]) => number;
/** Remove a record's row; returns its rowid (null when there was none). */
type Remove = (id: string) => number | null;

/**
 * Writes records into the projection tables. Writes happen inside the caller's
 * transaction, grouped in batches: `batch(fn)` runs `fn` and then indexes what waits for
 * the end of the batch (deals, see search-index.ts). Call `project` only inside `batch`.
 */
export class Projector {
  private readonly upserts = new Map<Collection, Upsert>();
  private readonly removes = new Map<Collection, Remove>();
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

  /** Run `fn` (which projects records) and finish the batch; the caller owns the transaction. */
  batch<T>(fn: () => T): T {
    try {
      const result = fn();
      this.search.flush();
      return result;
    } catch (err) {
      this.search.discard();
      throw err;
    }
  }

  /** Prepared on first use, from the column names the extractor returns. */
  private upsertFor(collection: Collection, columns: Record<string, SqlValue>): Upsert {
    let s = this.upserts.get(collection);
    if (s) return s;
    const cols = ['id', 'doc_id', 'updated_at', 'deleted_at', 'data', ...Object.keys(columns)];
    const upsert = this.sqlite.prepare<SqlValue[], { rowid: number }>(
      `INSERT INTO ${collection} (${cols.map((c) => `"${c}"`).join(', ')})
       VALUES (${cols.map(() => '?').join(', ')})
       ON CONFLICT(id) DO UPDATE SET ${cols
         .filter((c) => c !== 'id')
         .map((c) => `"${c}" = excluded."${c}"`)
         .join(', ')}
       RETURNING rowid`,
    );
    s = (values) => (upsert.get(...values) as { rowid: number }).rowid;
    this.upserts.set(collection, s);
    return s;
  }

  private removeFor(collection: Collection): Remove {
    let s = this.removes.get(collection);
    if (s) return s;
    const remove = this.sqlite.prepare<[string], { rowid: number }>(
      `DELETE FROM ${collection} WHERE id = ? RETURNING rowid`,
    );
    s = (id) => remove.get(id)?.rowid ?? null;
    this.removes.set(collection, s);
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
      const rowid = this.removeFor(collection)(id);
      if (parsed === null) this.clearInvalid.run(key);
      else this.markInvalid.run(key, collection, docId, parsed.error.message, JSON.stringify(fields));
      if (rowid !== null && isSearchCollection(collection)) this.search.index(collection, rowid, null);
      if (named && before !== '') this.search.noteRenamed(named, id);
      return;
    }
    const record = parsed.data as RecordOf<typeof collection>;
    const columns = (COLUMNS[collection] as Columns<typeof collection>)(record);
    const rowid = this.upsertFor(
      collection,
      columns,
    )([id, docId, record.updatedAt, record.deletedAt, JSON.stringify(fields), ...Object.values(columns)]);
    this.clearInvalid.run(key);
    if (isSearchCollection(collection))
      this.search.index(collection, rowid, record as RecordOf<typeof collection>);
    if (named && before !== (record as RecordOf<typeof named>).name) this.search.noteRenamed(named, id);
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
