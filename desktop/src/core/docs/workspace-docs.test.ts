import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artistDocId, collectionMap, ROOT_DOC, upsertRecord, writeFields } from '@flowstage/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { artist, deal } from '../../../test/fixtures';
import { openDatabase, type OpenedDb } from '../db/open';
import { type DocsChange, WorkspaceDocs } from './workspace-docs';

const opened: OpenedDb[] = [];
function device(file = ':memory:') {
  const db = openDatabase(file);
  opened.push(db);
  const changes: DocsChange[] = [];
  const docs = new WorkspaceDocs(db.sqlite, (c) => changes.push(c));
  return { db, docs, changes };
}
afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

const count = (db: OpenedDb, sql: string) => (db.sqlite.prepare(sql).get() as { n: number }).n;

describe('WorkspaceDocs', () => {
  it('writes the update and its projection in one transaction', () => {
    const { db, docs, changes } = device();
    docs.mutate(ROOT_DOC, (doc) =>
      upsertRecord(doc, 'artists', 'a1', artist('a1', { name: 'Les Nuits Blanches' })),
    );
    expect(count(db, 'SELECT count(*) n FROM ydoc_updates')).toBe(1);
    const row = db.sqlite.prepare('SELECT name, fee_min FROM artists WHERE id = ?').get('a1');
    expect(row).toEqual({ name: 'Les Nuits Blanches', fee_min: 150_000 });
    expect(changes).toEqual([{ docId: ROOT_DOC, collections: new Set(['artists']), origin: 'local' }]);
  });

  it('rolls back the log when the projection fails', () => {
    const { db, docs } = device();
    db.sqlite.exec('DROP TABLE artists');
    expect(() => docs.mutate(ROOT_DOC, (doc) => upsertRecord(doc, 'artists', 'a1', artist('a1')))).toThrow();
    expect(count(db, 'SELECT count(*) n FROM ydoc_updates')).toBe(0);
  });

  it('reloads documents from the log after a restart', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fs-docs-')), 'w.db');
    const a = device(file);
    a.docs.mutate(ROOT_DOC, (doc) => upsertRecord(doc, 'artists', 'a1', artist('a1')));
    a.docs.mutate(ROOT_DOC, (doc) => {
      const m = collectionMap(doc, 'artists').get('a1')!;
      writeFields('artists', m, { name: 'Renamed', bio: 'Formed in Lyon in 2019.' });
    });
    a.db.close();
    opened.length = 0;
    const b = device(file);
    const m = collectionMap(b.docs.get(ROOT_DOC), 'artists').get('a1')!;
    expect(m.get('name')).toBe('Renamed');
    expect((m.get('bio') as Y.Text).toString()).toBe('Formed in Lyon in 2019.');
  });

  it('projects remote updates and keeps two devices equal, field by field', () => {
    const a = device();
    const b = device();
    a.docs.mutate(ROOT_DOC, (doc) => upsertRecord(doc, 'artists', 'a1', artist('a1')));
    const sync = () => {
      for (const [from, to] of [
        [a, b],
        [b, a],
      ] as const) {
        const sv = Y.encodeStateVector(to.docs.get(ROOT_DOC));
        Y.applyUpdate(to.docs.get(ROOT_DOC), Y.encodeStateAsUpdate(from.docs.get(ROOT_DOC), sv), 'remote');
        to.docs.commitRemote();
      }
    };
    sync();
    // Concurrent edits of different fields of the same record both survive.
    a.docs.mutate(ROOT_DOC, (doc) =>
      writeFields('artists', collectionMap(doc, 'artists').get('a1')!, { name: 'A' }),
    );
    b.docs.mutate(ROOT_DOC, (doc) =>
      writeFields('artists', collectionMap(doc, 'artists').get('a1')!, { draw: 999 }),
    );
    sync();
    for (const d of [a, b]) {
      expect(d.db.sqlite.prepare('SELECT name, draw FROM artists').get()).toEqual({ name: 'A', draw: 999 });
    }
    expect(b.changes.some((c) => c.origin === 'remote')).toBe(true);
    expect(count(b.db, "SELECT count(*) n FROM ydoc_updates WHERE origin = 'remote'")).toBeGreaterThan(0);
  });

  it('keeps unknown fields and lists invalid records instead of dropping them', () => {
    const { db, docs } = device();
    docs.mutate(ROOT_DOC, (doc) =>
      upsertRecord(doc, 'artists', 'a1', { ...artist('a1'), futureField: { x: 1 } }),
    );
    const data = JSON.parse((db.sqlite.prepare('SELECT data FROM artists').get() as { data: string }).data);
    expect(data.futureField).toEqual({ x: 1 });
    docs.mutate(ROOT_DOC, (doc) => upsertRecord(doc, 'artists', 'a2', { ...artist('a2'), feeMin: -5 }));
    expect(count(db, 'SELECT count(*) n FROM artists')).toBe(1);
    expect(count(db, 'SELECT count(*) n FROM invalid_records')).toBe(1);
  });

  it('rebuilds the projection from the documents', () => {
    const { db, docs } = device();
    docs.mutate(ROOT_DOC, (doc) => upsertRecord(doc, 'artists', 'a1', artist('a1')));
    docs.mutate(artistDocId('a1'), (doc) => upsertRecord(doc, 'deals', 'd1', deal('d1', 'a1')));
    db.sqlite.exec('DELETE FROM artists; DELETE FROM deals');
    expect(docs.rebuildProjection()).toBe(2);
    expect(count(db, 'SELECT count(*) n FROM artists')).toBe(1);
    expect(count(db, 'SELECT count(*) n FROM deals')).toBe(1);
  });

  it('compacts a long log into a snapshot on load, without losing content', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fs-docs-')), 'w.db');
    const a = device(file);
    a.docs.mutate(ROOT_DOC, (doc) => upsertRecord(doc, 'artists', 'a1', artist('a1')));
    for (let i = 0; i < 250; i++) {
      a.docs.mutate(ROOT_DOC, (doc) =>
        writeFields('artists', collectionMap(doc, 'artists').get('a1')!, { draw: i }),
      );
    }
    a.db.close();
    opened.length = 0;
    const b = device(file);
    expect(collectionMap(b.docs.get(ROOT_DOC), 'artists').get('a1')!.get('draw')).toBe(249);
    expect(count(b.db, 'SELECT count(*) n FROM ydoc_updates')).toBe(0);
    expect(count(b.db, 'SELECT count(*) n FROM ydoc_snapshots')).toBe(1);
    b.db.close();
    opened.length = 0;
    const c = device(file);
    expect(collectionMap(c.docs.get(ROOT_DOC), 'artists').get('a1')!.get('draw')).toBe(249);
  });
});
