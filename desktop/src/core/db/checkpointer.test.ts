import { mkdtempSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Checkpointer } from './checkpointer';
import { type OpenedDb, openDatabase } from './open';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function fixture(): { db: OpenedDb; file: string; checkpointer: Checkpointer } {
  const file = join(mkdtempSync(join(tmpdir(), 'fs-ckpt-')), 'w.db');
  const db = openDatabase(file);
  const checkpointer = Checkpointer.start(db.sqlite, file);
  if (!checkpointer) throw new Error('the checkpoint worker did not start');
  cleanup.push(
    () => {
      if (db.sqlite.open) db.close();
    },
    () => checkpointer.stop(),
  );
  return { db, file, checkpointer };
}

const write = (db: OpenedDb, rows: number) =>
  db.sqlite.transaction(() => {
    const insert = db.sqlite.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)');
    for (let i = 0; i < rows; i++) insert.run(`k${Math.random()}`, JSON.stringify('x'.repeat(500)), 0);
  })();

describe('Checkpointer', () => {
  it('turns off automatic checkpoints and checkpoints the WAL from its worker', async () => {
    const { db, file, checkpointer } = fixture();
    expect(db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    write(db, 2_000);
    const before = statSync(file).size;
    const r = await checkpointer.request();
    expect(r.ok).toBe(true);
    expect(r.log).toBeGreaterThan(0);
    expect(r.checkpointed).toBe(r.log);
    // The pages are in the database file now.
    expect(statSync(file).size).toBeGreaterThan(before);
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 2_000 });
  });

  it('coalesces requests made while a checkpoint runs, and checkpoints every few writes', async () => {
    const { db, checkpointer } = fixture();
    write(db, 500);
    const results = await Promise.all([
      checkpointer.request(),
      checkpointer.request(),
      checkpointer.request(),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    write(db, 500);
    const next = checkpointer.request();
    for (let i = 0; i < 3; i++) checkpointer.written();
    expect((await next).ok).toBe(true);
  });

  it('answers requests after it stopped, and the database keeps working', async () => {
    const { db, checkpointer } = fixture();
    await checkpointer.stop();
    expect(await checkpointer.request()).toMatchObject({ ok: false });
    write(db, 10);
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 10 });
  });

  it('is not started for an in-memory database', () => {
    const db = openDatabase(':memory:');
    cleanup.push(() => db.close());
    expect(Checkpointer.start(db.sqlite, ':memory:')).toBeNull();
    expect(db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(8192);
  });
});

describe('Checkpointer failure', () => {
  it('turns automatic checkpoints back on when its worker cannot open the database', async () => {
    const { db, file, checkpointer } = fixture();
    // The worker opens the database with its first checkpoint: make that impossible.
    renameSync(file, `${file}.moved`);
    const logged: unknown[] = [];
    const spy = console.error;
    console.error = (...args: unknown[]) => logged.push(args[0]);
    try {
      expect(await checkpointer.request()).toMatchObject({ ok: false });
    } finally {
      console.error = spy;
      renameSync(`${file}.moved`, file);
    }
    expect(String(logged[0])).toMatch(/back on the main thread/);
    expect(db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(8192);
  });
});
