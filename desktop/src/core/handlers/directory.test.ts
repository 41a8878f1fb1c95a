import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { venueDocId } from '@flowstage/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Device, device, put } from '../../../test/device';
import { contact, venue } from '../../../test/fixtures';
import { directoryHandlers } from './directory';

const open: Device[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const d = device();
  open.push(d);
  put(d, 'venues', venue('v1', { name: "L'Olympia", city: 'Paris', tags: ['salle'] }));
  put(d, 'venues', venue('v2', { name: 'Le Transbordeur', city: 'Villeurbanne' }));
  put(d, 'venues', venue('v3', { name: 'Épicerie Moderne', city: 'Feyzin', tags: ['SMAC'] }));
  put(
    d,
    'contacts',
    contact('c1', { firstName: 'Zoé', lastName: 'Dupré', venueId: 'v1', email: 'zoe@olympia.fr' }),
  );
  let n = 0;
  const h = directoryHandlers(
    () => d,
    () => new Date('2026-11-24T08:00:00.000Z'),
    () => `new-${++n}`,
  );
  return { d, h };
}

describe('directory handlers', () => {
  it('lists venues sorted, searched and filtered by tag, with linked contacts on the detail', async () => {
    const { h } = setup();
    expect((await h['venues.list']({})).map((v) => v.name)).toEqual([
      'Épicerie Moderne',
      "L'Olympia",
      'Le Transbordeur',
    ]);
    expect((await h['venues.list']({ sort: 'city', desc: true })).map((v) => v.id)).toEqual([
      'v2',
      'v1',
      'v3',
    ]);
    expect((await h['venues.list']({ search: 'epicerie' })).map((v) => v.id)).toEqual(['v3']);
    expect((await h['venues.list']({ tag: 'smac' })).map((v) => v.id)).toEqual(['v3']);
    expect(await h['venues.tags']({})).toEqual(['salle', 'SMAC']);
    const detail = await h['venue.get']({ id: 'v1' });
    expect(detail.contacts.map((c) => c.id)).toEqual(['c1']);
  });

  it('edits with validation, cleans tags, and keeps interactions newest first', async () => {
    const { d, h } = setup();
    const updated = await h['venue.update']({
      id: 'v2',
      patch: { name: 'Transbordeur', tags: [' rock ', 'Rock', 'jazz'] },
    });
    expect(updated.tags).toEqual(['rock', 'jazz']);
    // A patch without tags keeps them.
    expect((await h['venue.update']({ id: 'v2', patch: { city: 'Lyon' } })).tags).toEqual(['rock', 'jazz']);
    expect((await h['contact.update']({ id: 'c1', patch: { phone: '+33 6 00 00 00 00' } })).venueId).toBe(
      'v1',
    );
    expect((await h['venues.list']({ tag: 'jazz' })).map((v) => v.name)).toEqual(['Transbordeur']);
    await expect(h['venue.update']({ id: 'v2', patch: { name: '  ' } })).rejects.toMatchObject({
      code: 'invalid_record',
    });
    await expect(h['venue.update']({ id: 'nope', patch: { name: 'x' } })).rejects.toMatchObject({
      code: 'not_found',
    });
    await h['venue.addInteraction']({
      id: 'v2',
      interaction: { kind: 'call', date: '2026-11-01', text: 'Appel' },
    });
    const list = await h['venue.addInteraction']({
      id: 'v2',
      interaction: { kind: 'meeting', date: '2026-11-20', text: 'Rendez-vous' },
    });
    expect(list.map((i) => i.kind)).toEqual(['meeting', 'call']);
    expect((await h['venue.get']({ id: 'v2' })).venue.interactions?.map((i) => i.text)).toEqual([
      'Rendez-vous',
      'Appel',
    ]);
    const count = d.db.sqlite.prepare("SELECT data FROM venues WHERE id = 'v2'").get() as { data: string };
    expect(JSON.parse(count.data).interactions).toHaveLength(2);
    const c = await h['contact.addInteraction']({
      id: 'c1',
      interaction: { kind: 'email', date: '2026-10-02', text: 'Devis' },
    });
    expect(c).toHaveLength(1);
    await expect(h['contact.update']({ id: 'c1', patch: { venueId: 'missing' } })).rejects.toMatchObject({
      code: 'invalid_record',
    });
  });

  it('keeps interactions added on two devices at once', async () => {
    const { d, h } = setup();
    await h['venue.addInteraction']({
      id: 'v1',
      interaction: { kind: 'note', date: '2026-11-01', text: 'Premier' },
    });
    const docId = venueDocId('v1');
    const d2 = device();
    open.push(d2);
    d2.docs.applyRemote(docId, Y.encodeStateAsUpdate(d.docs.get(docId)));
    d2.docs.commitRemote();
    const h2 = directoryHandlers(() => d2);
    const before1 = Y.encodeStateVector(d.docs.get(docId));
    const before2 = Y.encodeStateVector(d2.docs.get(docId));
    await h['venue.addInteraction']({
      id: 'v1',
      interaction: { kind: 'call', date: '2026-11-02', text: 'A' },
    });
    await h2['venue.addInteraction']({
      id: 'v1',
      interaction: { kind: 'email', date: '2026-11-03', text: 'B' },
    });
    d2.docs.applyRemote(docId, Y.encodeStateAsUpdate(d.docs.get(docId), before2));
    d.docs.applyRemote(docId, Y.encodeStateAsUpdate(d2.docs.get(docId), before1));
    d.docs.commitRemote();
    d2.docs.commitRemote();
    for (const hh of [h, h2]) {
      expect((await hh['venue.get']({ id: 'v1' })).venue.interactions?.map((i) => i.text)).toEqual([
        'B',
        'A',
        'Premier',
      ]);
    }
  });

  it('imports all or nothing, reporting errors and duplicates', async () => {
    const { h } = setup();
    const bad =
      'nom;ville;capacité\nLa Cigale;Paris;1000\nLe Sonic;Lyon;beaucoup\n"olympia";Paris;\nl\'olympia;PARIS;10';
    const preview = await h['directory.importPreview']({ collection: 'venues', text: bad });
    expect(preview.counts).toEqual({ ok: 2, error: 1, duplicate: 1 });
    await expect(h['directory.importCommit']({ collection: 'venues', text: bad })).rejects.toMatchObject({
      code: 'import_invalid',
    });
    expect(await h['venues.list']({})).toHaveLength(3);
    const good = bad.replace('beaucoup', '250');
    const result = await h['directory.importCommit']({ collection: 'venues', text: good });
    expect(result).toMatchObject({ created: 3, skippedDuplicates: 1 });
    expect(await h['venues.list']({})).toHaveLength(6);
    // Importing the same file again only finds duplicates.
    expect((await h['directory.importPreview']({ collection: 'venues', text: good })).counts.ok).toBe(0);
  });

  it('reads a Windows-1252 file and exports the filtered list as CSV with a BOM', async () => {
    const { h } = setup();
    const dir = mkdtempSync(join(tmpdir(), 'fs-dir-'));
    dirs.push(dir);
    const path = join(dir, 'venues.csv');
    await h['directory.export']({ collection: 'venues', format: 'csv', path, tag: 'SMAC' });
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('\ufeffname;kind;')).toBe(true);
    expect(text).toContain('Épicerie Moderne');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(2);
    await expect(
      h['directory.importPreview']({ collection: 'venues', path: join(dir, 'missing.csv') }),
    ).rejects.toMatchObject({
      code: 'file_unreadable',
    });
    const latin1 = join(dir, 'latin1.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(latin1, Buffer.from('nom;ville\nThéâtre;Genève\n', 'latin1'));
    const p = await h['directory.importPreview']({ collection: 'venues', path: latin1 });
    expect(p.lines[0]?.label).toBe('Théâtre, Genève');
  });
});
