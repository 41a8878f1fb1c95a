import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artistDocId, collectionMap, type GuestEntry, readFields, upsertRecord } from '@flowstage/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Device, device, put } from '../../../test/device';
import { artist, contact, deal, venue } from '../../../test/fixtures';
import { pdfText } from '../export/pdf/pdf-text';
import { RpcError } from '../rpc/dispatch';
import { advancingHandlers, dropGuest, pushGuest } from './advancing';

const open: Device[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tmp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'flowstage-advancing-'));
  dirs.push(dir);
  return dir;
}

function setup() {
  const d = device();
  open.push(d);
  put(d, 'artists', artist('a1', { name: 'Zaz', homeCity: 'Lyon', lat: 45.764, lon: 4.8357 }));
  put(d, 'artists', artist('a2', { name: 'Angèle' }));
  put(
    d,
    'venues',
    venue('v1', {
      name: "L'Olympia",
      address: '28 boulevard des Capucines',
      postalCode: '75009',
      city: 'Paris',
      lat: 48.8708,
      lon: 2.3284,
      phone: '+33 1 47 42 25 49',
      capacityStanding: 1985,
    }),
  );
  put(d, 'venues', venue('v2', { name: 'Le Transbordeur', city: 'Villeurbanne', lat: 45.7837, lon: 4.8602 }));
  put(
    d,
    'contacts',
    contact('c1', {
      firstName: 'Élise',
      lastName: 'Martin',
      venueId: 'v1',
      role: 'production',
      phone: '06 11 22 33 44',
    }),
  );
  put(d, 'contacts', contact('c2', { firstName: 'Paul', lastName: 'Durand', role: 'promoter' }));
  put(
    d,
    'deals',
    deal('d1', 'a1', {
      venueId: 'v1',
      date: '2026-12-05',
      stage: 'confirmed',
      contactId: 'c2',
      guarantee: 250_050,
    }),
  );
  put(d, 'deals', deal('d2', 'a1', { venueId: 'v2', date: '2026-12-07', stage: 'contract_signed' }));
  put(d, 'deals', deal('d3', 'a1', { venueId: 'v2', date: '2026-12-06', stage: 'hold', holdLevel: 1 }));
  put(d, 'deals', deal('d4', 'a2', { venueId: 'v2', date: '2026-10-01', stage: 'confirmed' }));
  put(d, 'events', {
    id: 'e1',
    createdAt: '2026-01-15T10:00:00.000Z',
    updatedAt: '2026-01-15T10:00:00.000Z',
    deletedAt: null,
    artistId: 'a1',
    kind: 'travel',
    title: 'Train Lyon → Paris',
    start: '2026-12-05T09:00:00.000Z',
    end: '2026-12-05T11:00:00.000Z',
    allDay: false,
    dealId: 'd1',
    venueId: 'v1',
    city: 'Paris',
  });
  put(d, 'events', {
    id: 'e2',
    createdAt: '2026-01-15T10:00:00.000Z',
    updatedAt: '2026-01-15T10:00:00.000Z',
    deletedAt: null,
    artistId: 'a1',
    kind: 'day_off',
    title: 'Day off in Lyon',
    start: '2026-12-06T00:00:00.000Z',
    end: '2026-12-07T00:00:00.000Z',
    allDay: true,
    dealId: null,
    venueId: null,
    city: 'Lyon',
  });
  let n = 0;
  const h = advancingHandlers(
    () => d,
    () => new Date('2026-11-24T08:00:00.000Z'),
    () => `g${++n}`,
  );
  return { d, h };
}

describe('advancing handlers', () => {
  it('lists upcoming firm shows from today with their completeness', async () => {
    const { h } = setup();
    const rows = await h['advancing.list']({});
    expect(rows.map((r) => r.id)).toEqual(['d1', 'd2']);
    expect(rows[0]).toMatchObject({ artistName: 'Zaz', venueName: "L'Olympia", venueCity: 'Paris' });
    expect(rows[0]?.summary).toEqual({
      schedule: 0,
      production: false,
      hospitality: false,
      contacts: 0,
      guests: 0,
      guestHeads: 0,
    });
    expect((await h['advancing.list']({ from: '2026-01-01', artistId: 'a2' })).map((r) => r.id)).toEqual([
      'd4',
    ]);
    expect((await h['advancing.list']({ to: '2026-12-06' })).map((r) => r.id)).toEqual(['d1']);
  });

  it('gets a show day: venue, suggested contacts, the day’s events', async () => {
    const { h } = setup();
    const got = await h['advancing.get']({ dealId: 'd1' });
    expect(got.venue?.address).toBe('28 boulevard des Capucines');
    expect(got.dayContacts).toEqual([]);
    expect(got.suggestedContacts.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(got.events.map((e) => e.id)).toEqual(['e1']);
    await expect(h['advancing.get']({ dealId: 'nope' })).rejects.toBeInstanceOf(RpcError);
  });

  it('updates schedule, texts and contacts in one document edit; refuses bad data', async () => {
    const { d, h } = setup();
    const before = d.changes.length;
    const got = await h['advancing.update']({
      dealId: 'd1',
      patch: {
        schedule: [
          { time: '21:00', label: 'Set' },
          { time: '16:00', label: 'Load-in' },
        ],
        production: 'PA: d&b, 2 wedges',
        hospitality: 'Dinner for 6',
        dayContactIds: ['c1', 'c2', 'c1'],
      },
    });
    expect(d.changes.length - before).toBe(1);
    expect(got.deal.production).toBe('PA: d&b, 2 wedges');
    expect(got.dayContacts.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(got.suggestedContacts).toEqual([]);
    expect(got.summary).toMatchObject({ schedule: 2, production: true, hospitality: true, contacts: 2 });
    const ymap = collectionMap(d.docs.get(artistDocId('a1')), 'deals').get('d1') as Y.Map<unknown>;
    expect(ymap.get('production')).toBeInstanceOf(Y.Text);
    // Nothing changed: no edit.
    const n = d.changes.length;
    await h['advancing.update']({ dealId: 'd1', patch: { production: 'PA: d&b, 2 wedges' } });
    expect(d.changes.length).toBe(n);
    await expect(
      h['advancing.update']({ dealId: 'd1', patch: { dayContactIds: ['ghost'] } }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      h['advancing.update']({ dealId: 'd1', patch: { schedule: [{ time: '25:00', label: 'x' }] } }),
    ).rejects.toMatchObject({ code: 'invalid_record' });
    expect((await h['advancing.get']({ dealId: 'd1' })).deal.schedule).toHaveLength(2);
  });

  it('adds and removes guests (a Y.Array in the deal), with totals', async () => {
    const { d, h } = setup();
    await h['advancing.addGuest']({ dealId: 'd1', guest: { name: ' Léa ', plusOnes: 1, note: 'press' } });
    const got = await h['advancing.addGuest']({
      dealId: 'd1',
      guest: { name: 'Tom', plusOnes: 0, note: '' },
    });
    expect(got.deal.guestList?.map((g) => [g.id, g.name])).toEqual([
      ['g1', 'Léa'],
      ['g2', 'Tom'],
    ]);
    expect(got.summary).toMatchObject({ guests: 2, guestHeads: 3 });
    const ymap = collectionMap(d.docs.get(artistDocId('a1')), 'deals').get('d1') as Y.Map<unknown>;
    expect(ymap.get('guestList')).toBeInstanceOf(Y.Array);
    const after = await h['advancing.removeGuest']({ dealId: 'd1', guestId: 'g1' });
    expect(after.deal.guestList?.map((g) => g.id)).toEqual(['g2']);
    await expect(h['advancing.removeGuest']({ dealId: 'd1', guestId: 'g1' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('writes a day sheet and a tour book PDF in French and English', async () => {
    const { h } = setup();
    await h['advancing.update']({
      dealId: 'd1',
      patch: {
        schedule: [
          { time: '00:30', label: 'Curfew' },
          { time: '20:00', label: 'Doors' },
          { time: '15:00', label: 'Load-in' },
        ],
        hospitality: 'Loges chauffées',
        dayContactIds: ['c1'],
      },
    });
    await h['advancing.addGuest']({ dealId: 'd1', guest: { name: 'Léa Moreau', plusOnes: 2, note: '' } });
    const dir = tmp();
    const fr = await h['advancing.daySheetPdf']({ dealId: 'd1', lang: 'fr', path: join(dir, 'jour.pdf') });
    const bytes = readFileSync(fr.path);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(fr.bytes).toBe(bytes.length);
    const text = pdfText(bytes);
    for (const s of [
      'Feuille de route — Zaz',
      'samedi 5 décembre 2026',
      '28 boulevard des Capucines',
      'Loges chauffées',
      'Élise Martin',
      'Léa Moreau',
      'Train Lyon -> Paris',
    ]) {
      expect(text).toContain(s);
    }
    // Sorted as the show day runs: 00:30 is after the night's doors.
    expect(text.indexOf('Load-in')).toBeLessThan(text.indexOf('Doors'));
    expect(text.indexOf('Doors')).toBeLessThan(text.indexOf('Curfew'));
    // No money on the crew's day sheet.
    expect(text).not.toContain('€');

    const en = await h['advancing.tourBookPdf']({
      artistId: 'a1',
      from: '2026-12-01',
      to: '2026-12-31',
      lang: 'en',
      path: join(dir, 'book.pdf'),
    });
    expect(en.count).toBe(3); // cover + two shows
    const book = pdfText(readFileSync(en.path));
    expect(book).toMatch(/Saturday,? 5 December 2026/);
    for (const s of [
      'Tour book — Zaz',
      'Day off in Lyon',
      'from home (Lyon)',
      'Paris -> Villeurbanne',
      '€2,500.50',
      'Day sheet — Zaz',
    ]) {
      expect(book).toContain(s);
    }
    await expect(
      h['advancing.tourBookPdf']({
        artistId: 'a1',
        from: '2026-01-01',
        to: '2028-01-01',
        lang: 'en',
        path: join(dir, 'x.pdf'),
      }),
    ).rejects.toMatchObject({ code: 'invalid_params' });
  });
});

describe('guest list merge', () => {
  function dealDoc(): Y.Doc {
    const doc = new Y.Doc();
    doc.transact(() => {
      const ymap = upsertRecord(doc, 'deals', 'd1', deal('d1', 'a1'));
      pushGuest(ymap, { id: 'g0', name: 'First', plusOnes: 0, note: '' });
    });
    return doc;
  }
  const guests = (doc: Y.Doc) =>
    (readFields(collectionMap(doc, 'deals').get('d1') as Y.Map<unknown>).guestList as GuestEntry[]).map(
      (g) => g.id,
    );

  it('keeps both guests added on two devices at once', () => {
    const a = dealDoc();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const mapOf = (doc: Y.Doc) => collectionMap(doc, 'deals').get('d1') as Y.Map<unknown>;
    const sa = Y.encodeStateVector(a);
    const sb = Y.encodeStateVector(b);
    a.transact(() => pushGuest(mapOf(a), { id: 'ga', name: 'From A', plusOnes: 1, note: '' }));
    b.transact(() => pushGuest(mapOf(b), { id: 'gb', name: 'From B', plusOnes: 0, note: '' }));
    b.transact(() => dropGuest(mapOf(b), 'g0'));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, sb));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, sa));
    expect(guests(a).sort()).toEqual(['ga', 'gb']);
    expect(guests(b).sort()).toEqual(['ga', 'gb']);
  });
});

describe('guest list on two devices', () => {
  it('both guests stay when two devices add one at once, through the handlers and the projection', async () => {
    const { d: a, h: ha } = setup();
    // The first advancing edit makes the guest list's Y.Array.
    await ha['advancing.update']({ dealId: 'd1', patch: { production: 'PA' } });
    const b = device();
    open.push(b);
    const docIds = a.docs.storedDocIds();
    const sync = (from: Device, to: Device) => {
      for (const id of docIds) to.docs.applyRemote(id, Y.encodeStateAsUpdate(from.docs.get(id)));
      to.docs.commitRemote();
    };
    sync(a, b);
    const hb = advancingHandlers(
      () => b,
      () => new Date('2026-11-24T08:00:00.000Z'),
      () => 'gb',
    );
    await ha['advancing.addGuest']({ dealId: 'd1', guest: { name: 'From A', plusOnes: 1, note: '' } });
    await hb['advancing.addGuest']({ dealId: 'd1', guest: { name: 'From B', plusOnes: 0, note: '' } });
    sync(a, b);
    sync(b, a);
    for (const h of [ha, hb]) {
      const got = await h['advancing.get']({ dealId: 'd1' });
      expect(got.deal.guestList?.map((g) => g.name).sort()).toEqual(['From A', 'From B']);
      expect(got.summary.guestHeads).toBe(3);
    }
  });
});
