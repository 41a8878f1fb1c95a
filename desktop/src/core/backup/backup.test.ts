import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectionMap, docDigest, META_MAP, ROOT_DOC, writeFields } from '@flowstage/shared';
import { createRng } from '@flowstage/shared/demo/index';
import { afterEach, describe, expect, it } from 'vitest';
import { type Device, device, put } from '../../../test/device';
import { artist, contact, deal, venue } from '../../../test/fixtures';
import { openDatabase } from '../db/open';
import { verifyWorkspace } from '../docs/verify';
import { listRoster } from '../queries/roster';
import { search } from '../queries/search';
import { deleteArtist } from '../records/soft-delete';
import { exportBackup } from './export';
import {
  BACKUP_MAGIC,
  BackupError,
  type BackupErrorCode,
  decodeBackup,
  encodeBackup,
  sha256,
} from './format';
import { importBackup } from './import';

const open: Device[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});

const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

function workspace(): Device {
  const d = device(join(tmp('fs-bk-src-'), 'w.db'));
  open.push(d);
  d.docs.mutate(ROOT_DOC, (doc) => doc.getMap(META_MAP).set('name', 'Agence Étoile'));
  put(d, 'artists', artist('a1', { name: 'Électro Vibes', bio: 'Formed in Lyon.' }));
  put(d, 'artists', artist('a2', { name: 'Zéphyr' }));
  put(d, 'venues', venue('v1', { name: "L'Olympia" }));
  put(d, 'contacts', contact('c1', { firstName: 'Zoé' }));
  put(d, 'deals', deal('d1', 'a1', { venueId: 'v1', notes: 'Backline fournie' }));
  d.docs.mutate(ROOT_DOC, (doc) =>
    writeFields('artists', collectionMap(doc, 'artists').get('a1')!, { bio: 'Formed in Lyon in 2019.' }),
  );
  deleteArtist(d.docs, 'a2');
  return d;
}

const INFO = {
  workspaceId: 'ws-1',
  name: 'Agence',
  createdAt: '2026-01-01T00:00:00.000Z',
  appVersion: 'test',
  layoutVersion: 1,
  schemaVersion: 2,
};

function refusal(run: () => unknown): BackupErrorCode {
  try {
    run();
  } catch (err) {
    if (err instanceof BackupError) return err.code;
    throw err;
  }
  throw new Error('expected a BackupError');
}

describe('backup', () => {
  it('round-trips a workspace into a new database with equal documents and projection', () => {
    const src = workspace();
    const file = join(tmp('fs-bk-file-'), 'agence.flowstage-backup');
    const summary = exportBackup(src.docs, file, {
      workspaceId: 'ws-1',
      appVersion: '1.2.3',
      now: new Date(0),
    });
    expect(summary).toMatchObject({ path: file, workspaceId: 'ws-1', name: 'Agence Étoile', documents: 4 });
    expect(readdirSync(join(file, '..'))).toEqual(['agence.flowstage-backup']);

    const dataDir = tmp('fs-bk-dst-');
    const imported = importBackup(file, (id) => join(dataDir, 'workspaces', `${id}.db`));
    expect(imported).toMatchObject({ workspaceId: 'ws-1', name: 'Agence Étoile', documents: 4 });
    expect(readdirSync(join(dataDir, 'workspaces'))).toEqual(['ws-1.db']);

    const dst = device(imported.path);
    open.push(dst);
    for (const docId of src.docs.storedDocIds()) {
      expect(docDigest(dst.docs.get(docId)), docId).toBe(docDigest(src.docs.get(docId)));
    }
    expect(dst.docs.storedDocIds()).toEqual(src.docs.storedDocIds());
    const report = verifyWorkspace(dst.db.sqlite);
    expect(report).toMatchObject({ problems: [], differences: [], records: 5 });
    const names = (d: Device) => listRoster(d.db.db, undefined, '2026-01-01').map((r) => r.name);
    expect(names(dst)).toEqual(names(src));
    expect(search(dst.db.sqlite, 'backline')).toEqual(search(src.db.sqlite, 'backline'));
    // The new device edits on top of the restored state like on any other.
    put(dst, 'artists', artist('a3'));
    expect(names(dst)).toHaveLength(2);
  });

  it('refuses every flipped byte, every truncation and foreign files, and writes nothing', () => {
    const src = workspace();
    const file = join(tmp('fs-bk-file-'), 'b.bin');
    exportBackup(src.docs, file, { workspaceId: 'ws-1', appVersion: 'test' });
    const good = readFileSync(file);
    const dataDir = tmp('fs-bk-dst-');
    const target = (id: string) => join(dataDir, `${id}.db`);
    const bad = join(tmp('fs-bk-bad-'), 'bad.bin');
    const attempt = (bytes: Buffer) => {
      writeFileSync(bad, bytes);
      const code = refusal(() => importBackup(bad, target));
      expect(readdirSync(dataDir)).toEqual([]);
      return code;
    };

    const flipped = new Set<BackupErrorCode>();
    for (let i = 0; i < good.length; i++) {
      const copy = Buffer.from(good);
      copy[i] = copy[i]! ^ (1 << (i % 8));
      flipped.add(attempt(copy));
    }
    // Mostly 'corrupt'; a flip in the magic or version says so, one in a length may read as a cut.
    expect(flipped).toContain('corrupt');
    for (const code of flipped)
      expect(['corrupt', 'not_a_backup', 'unsupported_version', 'truncated']).toContain(code);

    const rng = createRng(7);
    const cuts = [0, 1, 16, 17, 20, 25, 40, good.length - 33, good.length - 32, good.length - 1];
    for (let i = 0; i < 40; i++) cuts.push(rng.int(0, good.length - 1));
    for (const n of cuts) {
      const code = attempt(good.subarray(0, n));
      expect(['truncated', 'not_a_backup', 'corrupt']).toContain(code);
      if (n >= 17 + 8 + 32) expect(code, `cut at ${n}`).toBe('truncated');
    }
    expect(attempt(Buffer.alloc(0))).toBe('not_a_backup');
    expect(attempt(Buffer.concat([Buffer.from('FLOWSTAGE-BACKUQ\n'), good.subarray(17)]))).toBe(
      'not_a_backup',
    );
    expect(attempt(Buffer.from('SQLite format 3\0 and the rest of a database'))).toBe('not_a_backup');
    expect(attempt(Buffer.concat([good, Buffer.from([0])]))).toBe('corrupt');
    // Nothing of the source workspace changed either.
    expect(verifyWorkspace(src.db.sqlite).differences).toEqual([]);
  });

  it('refuses well-formed files whose content is wrong: bad documents, no root, bad header', () => {
    const dataDir = tmp('fs-bk-dst-');
    const target = (id: string) => join(dataDir, `${id}.db`);
    const dir = tmp('fs-bk-file-');
    const write = (name: string, bytes: Buffer) => {
      const p = join(dir, name);
      writeFileSync(p, bytes);
      return p;
    };
    const garbage = write(
      'garbage.bin',
      encodeBackup(INFO, new Map([[ROOT_DOC, Uint8Array.from([1, 2, 3, 4, 5])]])),
    );
    expect(refusal(() => importBackup(garbage, target))).toBe('invalid_document');
    const noRoot = write('noroot.bin', encodeBackup(INFO, new Map([['venues.00', Uint8Array.from([0, 0])]])));
    expect(refusal(() => importBackup(noRoot, target))).toBe('missing_root');
    expect(() =>
      encodeBackup({ ...INFO, workspaceId: '../etc' }, new Map([[ROOT_DOC, Uint8Array.from([0, 0])]])),
    ).toThrow();
    // A header that is valid JSON but not a backup header, with correct checksums around it.
    const header = Buffer.from(JSON.stringify({ format: 'something-else' }));
    const fixed = Buffer.alloc(8);
    fixed.writeUInt32BE(1, 0);
    fixed.writeUInt32BE(header.length, 4);
    const body = Buffer.concat([BACKUP_MAGIC, fixed, header]);
    const forged = Buffer.concat([body, sha256(body)]);
    expect(refusal(() => decodeBackup(forged))).toBe('invalid_header');
    expect(refusal(() => importBackup(join(dir, 'missing.bin'), target))).toBe('not_found');
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('never overwrites a workspace database that exists', () => {
    const src = workspace();
    const file = join(tmp('fs-bk-file-'), 'b.bin');
    exportBackup(src.docs, file, { workspaceId: 'ws-1', appVersion: 'test' });
    const dataDir = tmp('fs-bk-dst-');
    mkdirSync(dataDir, { recursive: true });
    const existing = openDatabase(join(dataDir, 'ws-1.db'));
    existing.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('mine', '1')").run();
    existing.close();
    expect(refusal(() => importBackup(file, (id) => join(dataDir, `${id}.db`)))).toBe('exists');
    const after = openDatabase(join(dataDir, 'ws-1.db'));
    expect(after.sqlite.prepare("SELECT value FROM settings WHERE key = 'mine'").get()).toEqual({
      value: '1',
    });
    expect(after.sqlite.prepare('SELECT count(*) AS n FROM ydoc_snapshots').get()).toEqual({ n: 0 });
    after.close();
    expect(existsSync(join(dataDir, `ws-1.db.import-${process.pid}`))).toBe(false);
  });
});
