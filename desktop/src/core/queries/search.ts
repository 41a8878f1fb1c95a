/**
 * Global search (Ctrl-K) over the FTS5 index `search_fts` (accents folded, prefix
 * search). User input is never passed to FTS5 as syntax: it is split into words and
 * every word becomes a quoted prefix term, all required (`"word"*`). Quotes, `*`, `-`,
 * `NEAR`, `OR` or parentheses in the input are therefore plain text, never an error.
 */
import {
  type SearchCollection,
  type SearchHit,
  SearchCollection as SearchCollectionSchema,
} from '@flowstage/shared';
import type { Db, Sqlite } from '../db/open';

export interface SearchOptions {
  limit?: number;
  collections?: readonly SearchCollection[];
}

export const DEFAULT_SEARCH_LIMIT = 20;
const MAX_LIMIT = 200;
const MAX_TERMS = 12;
const MAX_TERM_LENGTH = 64;

/** Words as FTS5's unicode61 tokenizer sees them: letters, marks and digits. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The FTS5 MATCH expression for user input, or null when it has no searchable word. */
export function matchExpression(input: string): string | null {
  const words = input.normalize('NFC').match(WORD) ?? [];
  const terms = words.slice(0, MAX_TERMS).map((w) => `"${w.slice(0, MAX_TERM_LENGTH)}"*`);
  return terms.length > 0 ? terms.join(' ') : null;
}

/** Anything that runs SQL: the better-sqlite3 handle or the drizzle wrapper around it. */
export type SearchSource = Sqlite | Db;

function sqliteOf(source: SearchSource): Sqlite {
  return '$client' in source ? source.$client : source;
}

/** Best matches first (name matches weigh ten times more than other text). */
export function search(source: SearchSource, query: string, options: SearchOptions = {}): SearchHit[] {
  const match = matchExpression(query);
  if (match === null) return [];
  const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(options.limit ?? DEFAULT_SEARCH_LIMIT)));
  const collections = options.collections?.filter((c) => SearchCollectionSchema.safeParse(c).success);
  if (collections && collections.length === 0) return [];
  const filter = collections ? `AND collection IN (${collections.map(() => '?').join(', ')})` : '';
  const rows = sqliteOf(source)
    .prepare<unknown[], SearchHit>(
      `SELECT collection, record_id AS id, title, subtitle
       FROM search_fts
       WHERE search_fts MATCH ? ${filter}
       ORDER BY bm25(search_fts, 10.0, 1.0), title COLLATE NOCASE
       LIMIT ?`,
    )
    .all(match, ...(collections ?? []), limit);
  return rows;
}
