import { artistDocId, collectionMap, writeFields } from '@flowstage/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type Device, device, put } from '../../../test/device';
import { artist, deal, venue } from '../../../test/fixtures';
import { editsHandlers } from './edits';

const open: Device[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});

function setup() {
  const d = device();
  open.push(d);
  put(d, 'artists', artist('a1', { name: 'Zaz' }));
  put(d, 'venues', venue('v1', { name: "L'Olympia", city: 'Paris' }));
  put(d, 'deals', deal('d1', 'a1', { venueId: 'v1', date: '2026-05-01', stage: 'hold', holdLevel: 1 }));
  return { d, h: editsHandlers(() => d) };
}

describe('edits handlers', () => {
  it('describes recent edits from the projection, undoes and redoes them', async () => {
    const { d, h } = setup();
    d.docs.mutate(artistDocId('a1'), (doc) =>
      writeFields('deals', collectionMap(doc, 'deals').get('d1') as Y.Map<unknown>, { stage: 'offer' }),
    );
    const recent = await h['edits.recent']({});
    expect(recent.undo[0]).toMatchObject({
      collection: 'deals',
      recordId: 'd1',
      title: "Zaz — L'Olympia, Paris, 2026-05-01",
      fields: ['stage'],
      label: "Zaz — L'Olympia, Paris, 2026-05-01 — stage",
    });
    expect(recent.undo[1]).toMatchObject({
      collection: 'deals',
      created: true,
      label: "Zaz — L'Olympia, Paris, 2026-05-01",
    });
    expect(recent.undo[2]).toMatchObject({ collection: 'venues', label: "L'Olympia, Paris" });

    const undone = await h['edits.undo']({});
    expect(undone).toMatchObject({
      done: { recordId: 'd1', fields: ['stage'] },
      canUndo: true,
      canRedo: true,
    });
    expect(d.db.sqlite.prepare('SELECT stage FROM deals').get()).toEqual({ stage: 'hold' });
    const redone = await h['edits.redo']({});
    expect(redone).toMatchObject({ done: { recordId: 'd1' }, canRedo: false });
    expect(d.db.sqlite.prepare('SELECT stage FROM deals').get()).toEqual({ stage: 'offer' });
  });

  it('answers done: null when nothing is left to undo or redo', async () => {
    const { h } = setup();
    expect(await h['edits.redo']({})).toEqual({ done: null, canUndo: true, canRedo: false });
    // An undone creation is still named (as it read before the undo removed the record).
    const undone = await h['edits.undo']({});
    expect(undone.done).toMatchObject({ created: true, label: "Zaz — L'Olympia, Paris, 2026-05-01" });
    expect((await h['edits.recent']({})).redo[0]?.label).toBe("Zaz — L'Olympia, Paris, 2026-05-01");
    for (let i = 0; i < 2; i++) await h['edits.undo']({});
    expect(await h['edits.undo']({})).toMatchObject({ done: null, canUndo: false, canRedo: true });
  });
});
