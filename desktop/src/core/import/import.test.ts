import { collectionMap, venueDocId, VenueRecord } from '@flowstage/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type Device, device } from '../../../test/device';
import { commitRecords } from './commit';
import { guessMapping } from './mapping';
import { buildImport, foldKey, venueKey } from './preview';

const NOW = '2026-11-24T08:00:00.000Z';
let n = 0;
const options = (venues: string[] = [], emails: string[] = []) => ({
  existing: { venues: new Set(venues), contactEmails: new Set(emails) },
  now: NOW,
  newId: () => `id-${++n}`,
});

describe('guessMapping', () => {
  it('maps French and English headers, whatever their case and accents', () => {
    expect(
      guessMapping('venues', [
        'Nom',
        'Ville',
        'Code postal',
        'Capacité',
        'E-mail',
        'Téléphone',
        'Étiquettes',
      ]),
    ).toMatchObject({
      name: 0,
      city: 1,
      postalCode: 2,
      capacityStanding: 3,
      email: 4,
      phone: 5,
      tags: 6,
      kind: null,
    });
    expect(
      guessMapping('contacts', ['First name', 'Last name', 'Email', 'Company', 'Téléphone portable']),
    ).toMatchObject({
      firstName: 0,
      lastName: 1,
      email: 2,
      company: 3,
      phone: 4,
    });
    expect(guessMapping('contacts', ['Prénom', 'Nom', 'Fonction'])).toMatchObject({
      firstName: 0,
      lastName: 1,
      role: 2,
    });
  });
});

describe('buildImport', () => {
  it('validates each line and finds duplicates (name + city folded; e-mail)', () => {
    const csv = [
      'Nom;Ville;Pays;Capacité;Email;Tags',
      "L'Épicerie Moderne;Feyzin;France;450;prog@epicerie.fr;SMAC, rock",
      'Le Sonic;Lyon;FR;deux cents;;',
      'le  sonic;LYON;FR;200;;',
      "L'epicerie moderne;feyzin;FR;;;",
      ';Genève;CH;10;;',
      'Usine;Genève;Suisse;1 200;bad-mail;',
    ].join('\r\n');
    const { preview, rows } = buildImport('venues', csv, options([venueKey('Le Sonic', 'Lyon')]));
    expect(preview.separator).toBe(';');
    expect(preview.lines.map((l) => [l.line, l.status])).toEqual([
      [2, 'ok'],
      [3, 'error'],
      [4, 'duplicate'],
      [5, 'duplicate'],
      [6, 'error'],
      [7, 'error'],
    ]);
    expect(preview.counts).toEqual({ ok: 1, error: 3, duplicate: 2 });
    expect(preview.lines[1]?.errors[0]).toContain('capacityStanding');
    expect(preview.lines[1]?.issues).toEqual([
      { field: 'capacityStanding', code: 'not_number', value: 'deux cents' },
    ]);
    expect(preview.lines[2]?.issues[0]?.code).toBe('duplicate_existing');
    expect(preview.lines[3]?.issues[0]?.code).toBe('duplicate_in_file');
    expect(preview.lines[4]?.errors.join()).toContain('name');
    expect(preview.lines[5]?.errors.join()).toContain('email');
    const record = VenueRecord.parse(rows[0]?.record);
    expect(record).toMatchObject({
      name: "L'Épicerie Moderne",
      city: 'Feyzin',
      capacityStanding: 450,
      tags: ['SMAC', 'rock'],
      currency: 'EUR',
    });
  });

  it('dedupes contacts by e-mail, case-insensitively, and accepts a user mapping', () => {
    const csv = 'a,b,c\nZoé,Dupré,ZOE@x.fr\nAnne,Roy,anne@x.fr\nA,B,anne@X.fr';
    const { preview } = buildImport('contacts', csv, {
      ...options([], ['zoe@x.fr']),
      mapping: { firstName: 0, lastName: 1, email: 2, phone: 99 },
    });
    expect(preview.mapping.phone).toBeNull();
    expect(preview.lines.map((l) => l.status)).toEqual(['duplicate', 'ok', 'duplicate']);
  });

  it('never throws on garbage', () => {
    for (const text of ['', '\ufeff', '"', ';;;\n;;;', 'a\n"b', '\0\0\n\u2028']) {
      expect(() => buildImport('venues', text, options())).not.toThrow();
      expect(() => buildImport('contacts', text, options())).not.toThrow();
    }
    expect(foldKey("  L'ÉPICERIE-moderne ")).toBe('l epicerie moderne');
  });
});

describe('commitRecords', () => {
  const open: Device[] = [];
  afterEach(() => {
    for (const d of open.splice(0)) d.close();
  });

  const venues = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      ...buildImport('venues', `name;city\nSalle ${i};Lyon`, options()).rows[0]?.record,
      id: `v${i}`,
    })) as (VenueRecord & { id: string })[];

  it('writes every record, one edit per document', () => {
    const d = device();
    open.push(d);
    const records = venues(20);
    expect(commitRecords(d.docs, 'venues', records)).toBe(20);
    const count = d.db.sqlite.prepare('SELECT count(*) AS n FROM venues').get() as { n: number };
    expect(count.n).toBe(20);
  });

  it('leaves nothing behind when a document write fails half-way', () => {
    const d = device();
    open.push(d);
    const records = venues(20);
    const docIds = [...new Set(records.map((r) => venueDocId(r.id)))];
    expect(docIds.length).toBeGreaterThan(2);
    let calls = 0;
    const failing = {
      mutate(docId: string, edit: (doc: Y.Doc) => void) {
        calls++;
        if (calls === 3) throw new Error('disk full');
        d.docs.mutate(docId, edit);
      },
    };
    expect(() => commitRecords(failing, 'venues', records)).toThrow('disk full');
    const count = d.db.sqlite.prepare('SELECT count(*) AS n FROM venues').get() as { n: number };
    expect(count.n).toBe(0);
    for (const docId of docIds) expect(collectionMap(d.docs.get(docId), 'venues').size).toBe(0);
  });
});
