import {
  collectionMap,
  META_MAP,
  ROOT_DOC,
  readFields,
  SCHEMA_VERSION,
  upsertRecord,
} from '@flowstage/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Device, device } from '../../../test/device';
import { artist } from '../../../test/fixtures';
import { DOC_MIGRATIONS, docSchemaVersion, migrateDoc, SCHEMA_VERSION_KEY } from './schema-version';

const open: Device[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});
function dev(migrateOnLoad = false): Device {
  const d = device(':memory:', { migrateOnLoad });
  open.push(d);
  return d;
}

/** A root document as an app of schema version 1 wrote it: no schemaVersion, records without deletedAt. */
function v1Root(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    doc.getMap(META_MAP).set('layoutVersion', 1);
    const { deletedAt: _a, ...a1 } = artist('a1');
    const { deletedAt: _b, ...a2 } = artist('a2');
    upsertRecord(doc, 'artists', 'a1', a1);
    upsertRecord(doc, 'artists', 'a2', a2);
    upsertRecord(doc, 'artists', 'a3', artist('a3', { deletedAt: '2026-01-20T00:00:00.000Z' }));
  });
  return doc;
}

const logRows = (d: Device) =>
  d.db.sqlite.prepare('SELECT origin FROM ydoc_updates ORDER BY seq').all() as { origin: string }[];

describe('document schema version', () => {
  it('migrates an older document at load (migrateOnLoad), in one local update, and projects it', () => {
    const d = dev(true);
    // Received through sync while loaded (projected as it is), then loaded again later.
    Y.applyUpdate(d.docs.get(ROOT_DOC), Y.encodeStateAsUpdate(v1Root()), 'sync');
    d.docs.commitRemote();
    expect(docSchemaVersion(d.docs.get(ROOT_DOC))).toBe(1);
    expect(d.docs.unload(ROOT_DOC)).toBe(true);
    const doc = d.docs.get(ROOT_DOC);
    expect(docSchemaVersion(doc)).toBe(SCHEMA_VERSION);
    const artists = collectionMap(doc, 'artists');
    expect(artists.get('a1')!.get('deletedAt')).toBeNull();
    expect(artists.get('a2')!.get('deletedAt')).toBeNull();
    expect(artists.get('a3')!.get('deletedAt')).toBe('2026-01-20T00:00:00.000Z');
    expect(logRows(d)).toEqual([{ origin: 'remote' }, { origin: 'local' }]);
    expect(d.changes.map((c) => c.origin)).toEqual(['remote', 'local']);
    expect(d.db.sqlite.prepare('SELECT id, deleted_at AS deletedAt FROM artists ORDER BY id').all()).toEqual([
      { id: 'a1', deletedAt: null },
      { id: 'a2', deletedAt: null },
      { id: 'a3', deletedAt: '2026-01-20T00:00:00.000Z' },
    ]);
  });

  it('by default migrates an older document with its first local edit, in an update of its own', () => {
    const d = dev();
    Y.applyUpdate(d.docs.get(ROOT_DOC), Y.encodeStateAsUpdate(v1Root()), 'sync');
    d.docs.commitRemote();
    d.docs.unload(ROOT_DOC);
    const doc = d.docs.get(ROOT_DOC);
    expect(docSchemaVersion(doc)).toBe(1);
    expect(logRows(d)).toHaveLength(1);
    // Read as migrated meanwhile: the projection defaults the missing deletedAt.
    expect(d.db.sqlite.prepare('SELECT count(*) AS n FROM artists WHERE deleted_at IS NULL').get()).toEqual({
      n: 2,
    });
    d.docs.mutate(ROOT_DOC, (x) => collectionMap(x, 'artists').get('a1')!.set('draw', 7));
    // The migration is written just before the edit, so that undoing the edit never undoes it.
    expect(logRows(d)).toEqual([{ origin: 'remote' }, { origin: 'local' }, { origin: 'local' }]);
    expect(docSchemaVersion(doc)).toBe(SCHEMA_VERSION);
    expect(collectionMap(doc, 'artists').get('a2')!.get('deletedAt')).toBeNull();
    // Explicitly, on a document that is already current: nothing is written.
    d.docs.migrate(ROOT_DOC);
    expect(logRows(d)).toHaveLength(3);
  });

  it('is idempotent, and two devices migrating concurrently converge', () => {
    const base = Y.encodeStateAsUpdate(v1Root());
    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, base);
    Y.applyUpdate(b, base);
    expect(migrateDoc(a)).toEqual({ status: 'migrated', from: 1, to: SCHEMA_VERSION });
    expect(migrateDoc(b).status).toBe('migrated');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    expect(a.toJSON()).toEqual(b.toJSON());
    expect(readFields(collectionMap(a, 'artists').get('a1')!).deletedAt).toBeNull();
    let updates = 0;
    a.on('update', () => updates++);
    a.transact(() => expect(migrateDoc(a)).toEqual({ status: 'current', version: SCHEMA_VERSION }));
    a.transact(() => DOC_MIGRATIONS[0]!.migrate(a));
    expect(updates).toBe(0);
  });

  it('leaves a document from a newer version untouched and still projects the fields it knows', () => {
    const d = dev(true);
    const newer = new Y.Doc();
    newer.transact(() => {
      newer.getMap(META_MAP).set(SCHEMA_VERSION_KEY, SCHEMA_VERSION + 7);
      newer.getMap('futureCollection').set('x', 1);
      upsertRecord(newer, 'artists', 'a1', { ...artist('a1'), futureField: { tier: 'gold' } });
    });
    d.docs.store.append(ROOT_DOC, Y.encodeStateAsUpdate(newer), 'remote');
    const doc = d.docs.get(ROOT_DOC);
    expect(logRows(d)).toHaveLength(1);
    expect(docSchemaVersion(doc)).toBe(SCHEMA_VERSION + 7);
    expect(migrateDoc(doc)).toEqual({ status: 'newer', version: SCHEMA_VERSION + 7 });
    d.docs.mutate(ROOT_DOC, (x) => upsertRecord(x, 'artists', 'a1', { name: 'Renamed' }));
    expect(docSchemaVersion(doc)).toBe(SCHEMA_VERSION + 7);
    expect(readFields(collectionMap(doc, 'artists').get('a1')!).futureField).toEqual({ tier: 'gold' });
    expect(doc.getMap('futureCollection').get('x')).toBe(1);
    const row = d.db.sqlite.prepare('SELECT name, data FROM artists').get() as { name: string; data: string };
    expect(row.name).toBe('Renamed');
    expect(JSON.parse(row.data).futureField).toEqual({ tier: 'gold' });
  });

  it('writes nothing when an empty document is loaded, and stamps a new one with its first edit', () => {
    const d = dev();
    const doc = d.docs.get('venues.0a');
    expect(logRows(d)).toHaveLength(0);
    d.docs.mutate(ROOT_DOC, (x) => upsertRecord(x, 'artists', 'a1', artist('a1')));
    expect(logRows(d)).toHaveLength(1);
    expect(docSchemaVersion(d.docs.get(ROOT_DOC))).toBe(SCHEMA_VERSION);
    expect(docSchemaVersion(doc)).toBe(1);
  });

  it('projects records that still lack deletedAt (merged in after the migration) as live', () => {
    const d = dev();
    d.docs.mutate(ROOT_DOC, (x) => upsertRecord(x, 'artists', 'a0', artist('a0')));
    const old = new Y.Doc();
    const { deletedAt: _d, ...a9 } = artist('a9');
    old.transact(() => upsertRecord(old, 'artists', 'a9', a9));
    Y.applyUpdate(d.docs.get(ROOT_DOC), Y.encodeStateAsUpdate(old), 'sync');
    d.docs.commitRemote();
    expect(d.db.sqlite.prepare("SELECT deleted_at AS deletedAt FROM artists WHERE id = 'a9'").get()).toEqual({
      deletedAt: null,
    });
    expect(d.db.sqlite.prepare('SELECT count(*) AS n FROM invalid_records').get()).toEqual({ n: 0 });
  });

  it('refuses a registry with a gap', () => {
    const doc = new Y.Doc();
    doc.getMap(META_MAP).set(SCHEMA_VERSION_KEY, 1);
    expect(() => migrateDoc(doc, [], 3)).toThrow(/no document migration from schema version 1/);
  });
});
