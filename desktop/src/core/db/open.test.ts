import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { renderMigrations } from '../../../scripts/gen-migrations.mjs';
import { MIGRATIONS } from './migrations.gen';
import { migrate } from './open';

describe('migrations', () => {
  it('are embedded up to date with desktop/drizzle', () => {
    const embedded = readFileSync(new URL('./migrations.gen.ts', import.meta.url), 'utf8');
    expect(embedded).toBe(renderMigrations());
  });

  it('apply from scratch and record the schema version', () => {
    const db = new Database(':memory:');
    expect(migrate(db, ':memory:')).toBe(MIGRATIONS.length);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  });

  it('back up the database first, and a failed migration leaves the old one usable', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fs-mig-')), 'w.db');
    const db = new Database(file);
    migrate(db, file);
    db.prepare("INSERT INTO settings (key, value) VALUES ('k', '\"v\"')").run();
    const broken = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        tag: 'broken',
        statements: ['CREATE TABLE x (a int)', 'SELECT nope FROM nothing'],
      },
    ];
    expect(() => migrate(db, file, broken)).toThrow();
    expect(existsSync(`${file}.v${MIGRATIONS.length}.bak`)).toBe(true);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'k'").get()).toEqual({ value: '"v"' });
    expect(db.prepare("SELECT count(*) n FROM sqlite_master WHERE name = 'x'").get()).toEqual({ n: 0 });
  });
});
