import { afterEach, describe, expect, it } from 'vitest';
import { type Device, device, put } from '../../../test/device';
import { contact, venue } from '../../../test/fixtures';
import { directoryHandlers } from './directory';
import { directoryRecordHandlers } from './directory-records';
import { editsHandlers } from './edits';

const open: Device[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});

function setup() {
  const d = device();
  open.push(d);
  put(d, 'venues', venue('v1', { name: "L'Olympia", city: 'Paris' }));
  put(d, 'contacts', contact('c1', { firstName: 'Zoé', lastName: 'Dupré', email: 'zoe@olympia.fr' }));
  let n = 0;
  const now = () => new Date('2026-11-24T08:00:00.000Z');
  const newId = () => `new-${++n}`;
  const h = { ...directoryHandlers(() => d, now, newId), ...directoryRecordHandlers(() => d, now, newId) };
  return { d, h, edits: editsHandlers(() => d) };
}

describe('directory record handlers', () => {
  it('creates a venue with defaults and the city coordinates, listed and searchable', async () => {
    const { h } = setup();
    const v = await h['venue.create']({ name: ' La Cigale ', city: 'Paris', capacityStanding: 1400 });
    expect(v).toMatchObject({
      id: 'new-1',
      name: 'La Cigale',
      kind: 'club',
      country: 'FR',
      currency: 'EUR',
      lat: 48.8566,
      lon: 2.3522,
      deletedAt: null,
    });
    expect((await h['venues.list']({ search: 'cigale' })).map((r) => r.id)).toEqual(['new-1']);
    const ch = await h['venue.create']({ name: 'Les Docks', city: 'Nowhere', country: 'CH' });
    expect(ch).toMatchObject({ currency: 'CHF', lat: 0, lon: 0 });
  });

  it('refuses a duplicate venue (name + city, accents and case folded) unless allowed', async () => {
    const { h } = setup();
    await expect(h['venue.create']({ name: "l'olympia", city: 'PARIS' })).rejects.toMatchObject({
      code: 'duplicate_venue',
    });
    const again = await h['venue.create']({ name: "l'olympia", city: 'PARIS', allowDuplicate: true });
    expect(again).toMatchObject({ name: "l'olympia", city: 'PARIS' });
    await expect(h['venue.create']({ name: 'X', email: 'nope' })).rejects.toMatchObject({
      code: 'invalid_email',
    });
  });

  it('creates a contact linked to a venue, refuses duplicate e-mails and unknown venues', async () => {
    const { h } = setup();
    const c = await h['contact.create']({ firstName: 'Léa', lastName: 'Martin', venueId: 'v1' });
    expect(c).toMatchObject({ venueId: 'v1', company: "L'Olympia", city: 'Paris', role: 'programmer' });
    expect((await h['venue.get']({ id: 'v1' })).contacts.map((r) => r.id)).toEqual([c.id]);
    await expect(h['contact.create']({ lastName: 'Autre', email: 'ZOE@olympia.fr' })).rejects.toMatchObject({
      code: 'duplicate_contact',
    });
    await expect(h['contact.create']({ lastName: 'X', venueId: 'nope' })).rejects.toMatchObject({
      code: 'invalid_record',
    });
    await expect(h['contact.create']({})).rejects.toMatchObject({ code: 'needs_name' });
  });

  it('deletes and restores (round trip), the deleted record leaving lists and detail', async () => {
    const { h } = setup();
    const deleted = await h['contact.delete']({ id: 'c1' });
    expect(deleted.deletedAt).toBe('2026-11-24T08:00:00.000Z');
    expect(await h['contacts.list']({})).toEqual([]);
    await expect(h['contact.get']({ id: 'c1' })).rejects.toMatchObject({ code: 'not_found' });
    // Its e-mail is free again while it is deleted.
    expect(await h['contact.create']({ lastName: 'Z', email: 'zoe@olympia.fr' })).toMatchObject({
      id: 'new-1',
    });
    const restored = await h['contact.restore']({ id: 'c1' });
    expect(restored).toMatchObject({ deletedAt: null, firstName: 'Zoé' });
    expect((await h['contacts.list']({})).map((r) => r.id).sort()).toEqual(['c1', 'new-1']);
    await h['venue.delete']({ id: 'v1' });
    expect(await h['venues.list']({})).toEqual([]);
    await h['venue.restore']({ id: 'v1' });
    expect((await h['venues.list']({})).map((r) => r.id)).toEqual(['v1']);
  });

  it('a creation is in the undo list, and undoing it removes the record', async () => {
    const { h, edits } = setup();
    await h['venue.create']({ name: 'Le Bikini', city: 'Toulouse' });
    const recent = await edits['edits.recent']({});
    expect(recent.undo[0]).toMatchObject({ collection: 'venues', recordId: 'new-1', created: true });
    await edits['edits.undo']({});
    expect((await h['venues.list']({})).map((r) => r.id)).toEqual(['v1']);
  });
});
