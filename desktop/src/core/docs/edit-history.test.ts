import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artistDocId, collectionMap, ROOT_DOC, upsertRecord, writeFields } from '@flowstage/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Device, device } from '../../../test/device';
import { REMOTE_ORIGIN, transactionChanged, transactionUpdate } from './transactions';
import { artist, deal } from '../../../test/fixtures';

const open: Device[] = [];
function dev(file?: string): Device {
  const d = device(file);
  open.push(d);
  return d;
}
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});

const rec = (d: Device, docId: string, collection: 'artists' | 'deals', id: string) =>
  collectionMap(d.docs.get(docId), collection).get(id) as Y.Map<unknown>;
const setArtist = (d: Device, fields: Record<string, unknown>) =>
  d.docs.mutate(ROOT_DOC, () => writeFields('artists', rec(d, ROOT_DOC, 'artists', 'a1'), fields));
const setDeal = (d: Device, fields: Record<string, unknown>) =>
  d.docs.mutate(artistDocId('a1'), () =>
    writeFields('deals', rec(d, artistDocId('a1'), 'deals', 'd1'), fields),
  );
const row = (d: Device, sql: string) => d.db.sqlite.prepare(sql).get();

function seeded(file?: string): Device {
  const d = dev(file);
  d.docs.mutate(
    ROOT_DOC,
    (doc) => upsertRecord(doc, 'artists', 'a1', artist('a1', { name: 'Avant' })),
    false,
  );
  d.docs.mutate(artistDocId('a1'), (doc) => upsertRecord(doc, 'deals', 'd1', deal('d1', 'a1')), false);
  return d;
}

/** Exchange every missing update of a document both ways (as sync does). */
function sync(a: Device, b: Device, docId: string): void {
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    const sv = Y.encodeStateVector(to.docs.get(docId));
    to.docs.applyRemote(docId, Y.encodeStateAsUpdate(from.docs.get(docId), sv));
    to.docs.commitRemote();
  }
}

describe('local undo history', () => {
  it('undoes the most recent local edit whichever document it was in, then redoes', () => {
    const d = seeded();
    setArtist(d, { name: 'Après' });
    setDeal(d, { stage: 'contract_sent', updatedAt: '2026-02-01T00:00:00.000Z' });
    const recent = d.docs.edits.recent().undo;
    expect(recent.map((e) => e.docId)).toEqual([artistDocId('a1'), ROOT_DOC]);
    expect(recent[0]?.records).toEqual([
      { collection: 'deals', id: 'd1', fields: ['stage'], created: false },
    ]);
    expect(recent[1]?.records).toEqual([
      { collection: 'artists', id: 'a1', fields: ['name'], created: false },
    ]);

    expect(d.docs.undo()?.docId).toBe(artistDocId('a1'));
    expect(row(d, 'SELECT stage FROM deals')).toEqual({ stage: 'confirmed' });
    expect(row(d, 'SELECT name FROM artists')).toEqual({ name: 'Après' });
    expect(d.docs.undo()?.docId).toBe(ROOT_DOC);
    expect(row(d, 'SELECT name FROM artists')).toEqual({ name: 'Avant' });
    expect(d.docs.undo()).toBeNull();

    expect(d.docs.redo()?.docId).toBe(ROOT_DOC);
    expect(row(d, 'SELECT name FROM artists')).toEqual({ name: 'Après' });
    expect(d.docs.edits.recent().redo.map((e) => e.docId)).toEqual([artistDocId('a1')]);
    // Undo and redo are local edits: logged as such and announced as local changes.
    const last = d.changes.at(-1);
    expect(last).toEqual({ docId: ROOT_DOC, collections: new Set(['artists']), origin: 'local' });
    expect(row(d, "SELECT count(*) n FROM ydoc_updates WHERE origin = 'local'")).toEqual({ n: 7 });
  });

  it('a new edit clears what could be redone, in every document', () => {
    const d = seeded();
    setDeal(d, { stage: 'contract_sent' });
    d.docs.undo();
    expect(d.docs.edits.recent().redo).toHaveLength(1);
    setArtist(d, { draw: 12 });
    expect(d.docs.edits.recent().redo).toHaveLength(0);
    expect(d.docs.redo()).toBeNull();
    expect(row(d, 'SELECT stage FROM deals')).toEqual({ stage: 'confirmed' });
  });

  it('never undoes an edit received from another device', () => {
    const a = seeded();
    const b = dev();
    sync(a, b, ROOT_DOC);
    setArtist(a, { name: 'Par A' });
    sync(a, b, ROOT_DOC);
    setArtist(b, { draw: 999 });
    sync(a, b, ROOT_DOC);
    expect(a.docs.undo()?.docId).toBe(ROOT_DOC);
    sync(a, b, ROOT_DOC);
    for (const d of [a, b])
      expect(row(d, 'SELECT name, draw FROM artists')).toEqual({ name: 'Avant', draw: 999 });
    // B's own history holds only its edit; A has nothing more to undo.
    expect(a.docs.undo()).toBeNull();
    expect(b.docs.edits.recent().undo).toHaveLength(1);
  });

  it('leaves a later remote edit of the same field in place', () => {
    const a = seeded();
    const b = dev();
    sync(a, b, ROOT_DOC);
    setArtist(a, { name: 'Par A' });
    sync(a, b, ROOT_DOC);
    setArtist(b, { name: 'Par B' });
    sync(a, b, ROOT_DOC);
    a.docs.undo();
    sync(a, b, ROOT_DOC);
    for (const d of [a, b]) expect(row(d, 'SELECT name FROM artists')).toEqual({ name: 'Par B' });
  });

  it('sends the undo to other devices as any local edit (what the sync provider sends)', () => {
    const a = seeded();
    const b = dev();
    sync(a, b, artistDocId('a1'));
    // As doc-provider.ts: every transaction that is not a received one goes to the server.
    const sent: Uint8Array[] = [];
    const doc = a.docs.get(artistDocId('a1'));
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin !== REMOTE_ORIGIN && transactionChanged(tr)) sent.push(transactionUpdate(doc, tr));
    });
    setDeal(a, { stage: 'offer' });
    a.docs.undo();
    expect(sent).toHaveLength(2);
    for (const u of sent) b.docs.applyRemote(artistDocId('a1'), u);
    b.docs.commitRemote();
    expect(row(b, 'SELECT stage FROM deals')).toEqual({ stage: 'confirmed' });
    expect(a.changes.at(-1)?.origin).toBe('local');
  });

  it('persists the undo: the reopened workspace has it, in its log and its projection', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fs-undo-')), 'w.db');
    const a = seeded(file);
    setDeal(a, { guarantee: 999_00 });
    a.docs.undo();
    a.close();
    open.length = 0;
    const b = dev(file);
    expect(row(b, 'SELECT guarantee FROM deals')).toEqual({ guarantee: 200_000 });
    expect(rec(b, artistDocId('a1'), 'deals', 'd1').get('guarantee')).toBe(200_000);
    expect(b.docs.rebuildProjection()).toBe(2);
    expect(row(b, 'SELECT guarantee FROM deals')).toEqual({ guarantee: 200_000 });
  });

  it('creates a manager only for documents edited here, and keeps them loaded while undoable', () => {
    const d = seeded();
    for (let i = 0; i < 20; i++) d.docs.get(artistDocId(`x${i}`));
    expect(d.docs.edits.retains(artistDocId('x1'))).toBe(false);
    expect(d.docs.edits.retains(ROOT_DOC)).toBe(false); // seeding was not undoable
    setArtist(d, { name: 'Après' });
    expect(d.docs.edits.retains(ROOT_DOC)).toBe(true);
    expect(d.docs.unload(ROOT_DOC)).toBe(true);
    expect(d.docs.isOpen(ROOT_DOC)).toBe(true);
    expect(d.docs.unload(artistDocId('x1'))).toBe(true);
    expect(d.docs.isOpen(artistDocId('x1'))).toBe(false);
    d.docs.undo();
    expect(row(d, 'SELECT name FROM artists')).toEqual({ name: 'Avant' });
  });

  it('names the records and fields an edit changed, a created record without fields', () => {
    const d = seeded();
    d.docs.mutate(ROOT_DOC, (doc) => upsertRecord(doc, 'artists', 'a2', artist('a2')));
    d.docs.mutate(ROOT_DOC, () =>
      writeFields('artists', rec(d, ROOT_DOC, 'artists', 'a1'), { bio: 'Lyon, 2019.' }),
    );
    const [bio, created] = d.docs.edits.recent().undo;
    expect(bio?.records).toEqual([{ collection: 'artists', id: 'a1', fields: ['bio'], created: false }]);
    expect(created?.records).toEqual([{ collection: 'artists', id: 'a2', fields: [], created: true }]);
    d.docs.undo();
    d.docs.undo();
    expect(row(d, 'SELECT count(*) n FROM artists')).toEqual({ n: 1 });
  });
});
