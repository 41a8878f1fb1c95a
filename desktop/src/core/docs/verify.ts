/**
 * Checks a workspace database without changing it: every stored update and snapshot
 * decodes, SQLite's and the FTS index's integrity checks pass, and the projection
 * tables equal a projection rebuilt from the documents into a fresh database.
 */
import * as Y from 'yjs';
import { type OpenedDb, openDatabase, type Sqlite } from '../db/open';
import { PROJECTION_TABLES, Projector } from './projection';
import { projectStoredDocs, type RebuildResult } from './rebuild';
import { searchRowid } from './search-index';
import { DocStore } from './store';

type Row = Record<string, unknown>;

export interface ProjectionDifference {
  table: (typeof PROJECTION_TABLES)[number];
  key: string;
  /** The row in the database (null: missing there). */
  stored: Row | null;
  /** The row a rebuild produces (null: the database has a row it should not). */
  rebuilt: Row | null;
}

export interface VerifyReport {
  documents: number;
  records: number;
  /** Storage problems: undecodable log rows or snapshots, failed integrity checks. */
  problems: string[];
  differences: ProjectionDifference[];
}

/** Key column of each projection table, and columns left out of the comparison. */
const KEYS: Record<(typeof PROJECTION_TABLES)[number], string> = {
  artists: 'id',
  venues: 'id',
  contacts: 'id',
  deals: 'id',
  events: 'id',
  invalid_records: 'key',
  search_fts: 'key',
};
/** How rows are read for the comparison (the FTS rowid is an allocation detail, not content). */
const SELECTS: Partial<Record<(typeof PROJECTION_TABLES)[number], string>> = {
  search_fts: `SELECT collection || ':' || record_id AS key, collection, record_id, title, subtitle, name, terms
    FROM search_fts`,
};
const JSON_COLUMNS = new Set(['data']);

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Row = {};
    for (const k of Object.keys(value).sort()) out[k] = canonical((value as Row)[k]);
    return out;
  }
  return value;
}

function tableRows(sqlite: Sqlite, table: (typeof PROJECTION_TABLES)[number]): Map<string, Row> {
  const key = KEYS[table];
  const out = new Map<string, Row>();
  for (const raw of sqlite.prepare<[], Row>(SELECTS[table] ?? `SELECT * FROM ${table}`).all()) {
    const row: Row = {};
    for (const [col, value] of Object.entries(raw)) {
      // Key order inside a record's JSON follows Yjs integration order: compare content.
      row[col] = JSON_COLUMNS.has(col) && typeof value === 'string' ? canonical(JSON.parse(value)) : value;
    }
    out.set(String(raw[key]), row);
  }
  return out;
}

/** Storage problems of the log and snapshots, and of SQLite's own structures. */
export function storageProblems(sqlite: Sqlite): string[] {
  const problems: string[] = [];
  const integrity = sqlite.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`sqlite integrity_check: ${String(integrity)}`);
  try {
    sqlite.prepare("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)").run();
  } catch (err) {
    problems.push(`search index: ${err instanceof Error ? err.message : String(err)}`);
  }
  for (const collection of ['artists', 'venues', 'contacts', 'deals'] as const) {
    const stray = sqlite
      .prepare<[string, number], { n: number }>(
        `SELECT count(*) AS n FROM search_fts f WHERE f.collection = ? AND NOT EXISTS
          (SELECT 1 FROM ${collection} t WHERE t.id = f.record_id AND f.rowid = t.rowid * 4 + ?)`,
      )
      .get(collection, searchRowid(collection, 0));
    if (stray && stray.n > 0)
      problems.push(`search index: ${stray.n} ${collection} rows do not point at their record's row`);
  }
  const decodes = (bytes: Uint8Array) => {
    try {
      Y.decodeUpdate(bytes);
      return bytes.length > 0;
    } catch {
      return false;
    }
  };
  for (const r of sqlite
    .prepare<[], { seq: number; docId: string; update: Buffer }>(
      'SELECT seq, doc_id AS docId, "update" FROM ydoc_updates ORDER BY seq',
    )
    .iterate()) {
    if (!decodes(r.update)) problems.push(`ydoc_updates seq ${r.seq} (${r.docId}) does not decode`);
  }
  for (const r of sqlite
    .prepare<[], { docId: string; state: Buffer }>('SELECT doc_id AS docId, state FROM ydoc_snapshots')
    .iterate()) {
    if (!decodes(r.state)) problems.push(`ydoc_snapshots ${r.docId} does not decode`);
  }
  return problems;
}

/** Rebuild the projection of `source`'s documents into a fresh in-memory database. */
export function rebuildInto(source: Sqlite): { target: OpenedDb } & RebuildResult {
  const target = openDatabase(':memory:');
  const projector = new Projector(target.sqlite);
  const result = target.sqlite.transaction(() => {
    const r = projectStoredDocs(new DocStore(source), projector);
    projector.markCurrent();
    return r;
  })();
  return { target, ...result };
}

export function verifyWorkspace(sqlite: Sqlite): VerifyReport {
  const problems = storageProblems(sqlite);
  let rebuilt: ReturnType<typeof rebuildInto>;
  try {
    rebuilt = rebuildInto(sqlite);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    problems.push(`the documents cannot be loaded and projected: ${reason}`);
    return { documents: new DocStore(sqlite).docIds().length, records: 0, problems, differences: [] };
  }
  const { target, documents, records } = rebuilt;
  const differences: ProjectionDifference[] = [];
  try {
    for (const table of PROJECTION_TABLES) {
      const stored = tableRows(sqlite, table);
      const fresh = tableRows(target.sqlite, table);
      for (const key of new Set([...stored.keys(), ...fresh.keys()])) {
        const s = stored.get(key) ?? null;
        const r = fresh.get(key) ?? null;
        if (JSON.stringify(s) !== JSON.stringify(r)) differences.push({ table, key, stored: s, rebuilt: r });
      }
    }
  } finally {
    target.close();
  }
  differences.sort((a, b) => a.table.localeCompare(b.table) || a.key.localeCompare(b.key));
  return { documents, records, problems, differences };
}
