/**
 * Undo of recent edits: this device's local edit history (docs/edit-history.ts), described
 * from the projection. Undo and redo are local edits (written, projected, synced), so the
 * renderer's screens refresh through the usual `data.changed` event.
 */
import type { EditCollection, EditStepResult, EditSummary, RpcHandlers } from '@flowstage/shared';
import type { OpenedDb, Sqlite } from '../db/open';
import type { EditEntry } from '../docs/edit-history';
import { PersistError, type WorkspaceDocs } from '../docs/workspace-docs';
import { RpcError } from '../rpc/dispatch';

type EditsHandlers = Pick<RpcHandlers, 'edits.recent' | 'edits.undo' | 'edits.redo'>;

/** Shown per collection, most useful first. */
const TITLE_SQL: Record<EditCollection, string> = {
  artists: 'SELECT name AS t FROM artists WHERE id = ?',
  venues: "SELECT name || CASE WHEN city <> '' THEN ', ' || city ELSE '' END AS t FROM venues WHERE id = ?",
  contacts: 'SELECT name AS t FROM contacts WHERE id = ?',
  deals: `SELECT coalesce(a.name, '') || ' — ' || coalesce(v.name || ', ' || v.city, '') || ', ' || d.date AS t
          FROM deals d LEFT JOIN artists a ON a.id = d.artist_id LEFT JOIN venues v ON v.id = d.venue_id
          WHERE d.id = ?`,
  events: "SELECT json_extract(data, '$.title') AS t FROM events WHERE id = ?",
};

/**
 * The record's title from the projection; for a record that is gone (an undone creation),
 * the last title seen (`seen`), else its id.
 */
export function recordTitle(
  db: Sqlite,
  collection: EditCollection,
  id: string,
  seen: Map<string, string> = new Map(),
): string {
  const row = db.prepare(TITLE_SQL[collection]).get(id) as { t: string | null } | undefined;
  const key = `${collection}:${id}`;
  const title = row?.t?.trim();
  if (title) seen.set(key, title);
  return title || seen.get(key) || id;
}

export function describeEdit(db: Sqlite, e: EditEntry, seen?: Map<string, string>): EditSummary {
  const first = e.records[0];
  const collection: EditCollection = first?.collection ?? 'artists';
  const recordId = first?.id ?? '';
  const title = first ? recordTitle(db, collection, recordId, seen) : e.docId;
  const fields = first?.fields ?? [];
  const created = first?.created ?? false;
  const more = e.records.length > 1 ? ` (+${e.records.length - 1})` : '';
  return {
    seq: e.seq,
    docId: e.docId,
    at: e.at,
    collection,
    recordId,
    records: e.records.length,
    title,
    fields,
    created,
    label: `${title}${fields.length > 0 ? ` — ${fields.join(', ')}` : ''}${more}`,
  };
}

export function editsHandlers(workspace: () => { db: OpenedDb; docs: WorkspaceDocs }): EditsHandlers {
  // Titles of records seen in edits, for those an undo removed (bounded by the history's size).
  const seen = new Map<string, string>();
  const step = (kind: 'undo' | 'redo'): EditStepResult => {
    const ws = workspace();
    if (seen.size > 1000) seen.clear();
    // An edit is named as it reads with the edit applied: before an undo, after a redo.
    const top = kind === 'undo' ? ws.docs.edits.recent().undo[0] : undefined;
    const before = top ? describeEdit(ws.db.sqlite, top, seen) : null;
    let done: EditEntry | null;
    try {
      done = kind === 'undo' ? ws.docs.undo() : ws.docs.redo();
    } catch (err) {
      if (err instanceof PersistError) throw new RpcError('edit_not_saved', err.message);
      throw err;
    }
    const { undo, redo } = ws.docs.edits.recent();
    return {
      done: done ? (before?.seq === done.seq ? before : describeEdit(ws.db.sqlite, done, seen)) : null,
      canUndo: undo.length > 0,
      canRedo: redo.length > 0,
    };
  };
  return {
    'edits.recent': async () => {
      const ws = workspace();
      const { undo, redo } = ws.docs.edits.recent();
      const db = ws.db.sqlite;
      return {
        undo: undo.map((e) => describeEdit(db, e, seen)),
        redo: redo.map((e) => describeEdit(db, e, seen)),
      };
    },
    'edits.undo': async () => step('undo'),
    'edits.redo': async () => step('redo'),
  };
}
