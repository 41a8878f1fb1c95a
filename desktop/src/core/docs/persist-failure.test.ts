/**
 * What happens when the SQLite write of an update fails (disk full, locked): before the
 * fix, an exception thrown inside Yjs's update handler left the document unable to emit
 * any later update, so every later edit was acknowledged but never saved.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectionMap, ROOT_DOC, upsertRecord } from '@flowstage/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Device, device, put } from '../../../test/device';
import { artist } from '../../../test/fixtures';
import { openDatabase } from '../db/open';
import { verifyWorkspace } from './verify';
import { PersistError, WorkspaceDocs } from './workspace-docs';

const open: Device[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});

const failWrites = (d: Device) =>
  d.db.sqlite.exec(
    "CREATE TRIGGER fail_writes BEFORE INSERT ON ydoc_updates BEGIN SELECT RAISE(ABORT, 'disk full'); END",
  );
const allowWrites = (d: Device) => d.db.sqlite.exec('DROP TRIGGER fail_writes');
const ids = (d: Device) =>
  (d.db.sqlite.prepare('SELECT id FROM artists ORDER BY id').all() as { id: string }[]).map((r) => r.id);

describe('a failed write', () => {
  it('is reported, refuses further local edits, and is written first by the next commit', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fs-fail-')), 'w.db');
    const d = device(file);
    open.push(d);
    put(d, 'artists', artist('a0'));
    failWrites(d);
    expect(() => put(d, 'artists', artist('a1'))).toThrow(PersistError);
    expect(d.docs.unflushedDocIds()).toEqual([ROOT_DOC]);
    // While writes fail, a new local edit is refused before it touches the document.
    expect(() => put(d, 'artists', artist('a2'))).toThrow(/disk full/);
    expect(collectionMap(d.docs.get(ROOT_DOC), 'artists').has('a2')).toBe(false);
    expect(d.docs.unload(ROOT_DOC)).toBe(false);

    allowWrites(d);
    put(d, 'artists', artist('a3'));
    expect(d.docs.unflushedDocIds()).toEqual([]);
    expect(ids(d)).toEqual(['a0', 'a1', 'a3']);
    expect(verifyWorkspace(d.db.sqlite)).toMatchObject({ problems: [], differences: [] });
    d.close();
    open.length = 0;

    const again = device(file);
    open.push(again);
    expect([...collectionMap(again.docs.get(ROOT_DOC), 'artists').keys()].sort()).toEqual(['a0', 'a1', 'a3']);
  });

  it('of a remote update goes to onPersistError and is written by flush', async () => {
    const db = openDatabase(':memory:');
    const errors: string[] = [];
    const docs = new WorkspaceDocs(
      db.sqlite,
      () => {},
      (docId, err) => errors.push(`${docId}: ${String(err)}`),
    );
    const d: Device = {
      db,
      docs,
      changes: [],
      close: () => {
        docs.close();
        db.close();
      },
    };
    open.push(d);
    const remote = new Y.Doc();
    remote.transact(() => upsertRecord(remote, 'artists', 'r1', artist('r1')));
    failWrites(d);
    Y.applyUpdate(docs.get(ROOT_DOC), Y.encodeStateAsUpdate(remote), 'sync');
    // Received updates are written at the end of the turn: not yet.
    expect(docs.hasUnflushed(ROOT_DOC)).toBe(true);
    expect(ids(d)).toEqual([]);
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(errors).toEqual(['root: SqliteError: disk full']);
    expect(docs.hasUnflushed(ROOT_DOC)).toBe(true);
    expect(() => docs.flush(ROOT_DOC)).toThrow(/disk full/);
    allowWrites(d);
    docs.flush(ROOT_DOC);
    expect(ids(d)).toEqual(['r1']);
    expect(db.sqlite.prepare('SELECT origin FROM ydoc_updates').all()).toEqual([{ origin: 'remote' }]);
  });

  it('does not happen because a change listener throws', () => {
    const db = openDatabase(':memory:');
    const docs = new WorkspaceDocs(db.sqlite, () => {
      throw new Error('listener bug');
    });
    const d: Device = {
      db,
      docs,
      changes: [],
      close: () => {
        docs.close();
        db.close();
      },
    };
    open.push(d);
    const spy = console.error;
    const logged: unknown[] = [];
    console.error = (...args: unknown[]) => logged.push(args[0]);
    try {
      put(d, 'artists', artist('a1'));
      put(d, 'artists', artist('a2'));
    } finally {
      console.error = spy;
    }
    expect(ids(d)).toEqual(['a1', 'a2']);
    expect(logged).toHaveLength(2);
  });
});

describe('projection version', () => {
  it('rebuilds the projection (search index included) when the tables are older than the app', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fs-pv-')), 'w.db');
    const d = device(file);
    put(d, 'artists', artist('a1', { name: 'Électro Vibes' }));
    d.db.sqlite.exec(
      "DELETE FROM search_fts; DELETE FROM artists; DELETE FROM settings WHERE key = 'projection.version'",
    );
    d.close();
    const again = device(file);
    open.push(again);
    expect(ids(again)).toEqual(['a1']);
    expect(again.db.sqlite.prepare('SELECT title FROM search_fts').all()).toEqual([
      { title: 'Électro Vibes' },
    ]);
  });
});
