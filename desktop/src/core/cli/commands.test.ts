import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { device, put } from '../../../test/device';
import { artist, deal, venue } from '../../../test/fixtures';
import { openDatabase } from '../db/open';
import { runCli } from './commands';

const DESKTOP = join(dirname(fileURLToPath(import.meta.url)), '../../..');

function workspaceFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'fs-cli-')), 'w.db');
  const d = device(file);
  put(d, 'artists', artist('a1', { name: 'Électro Vibes' }));
  put(d, 'venues', venue('v1', { name: 'Le Sucre' }));
  put(d, 'deals', deal('d1', 'a1', { venueId: 'v1' }));
  d.close();
  return file;
}

function run(argv: string[], cwd = '/') {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd });
  return { code, out, err };
}

function tamper(file: string, sql: string): void {
  const db = openDatabase(file);
  db.sqlite.exec(sql);
  db.close();
}

describe('core CLI', () => {
  it('verify passes on a consistent database', () => {
    const file = workspaceFile();
    const r = run(['verify', '--db', file]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      `verified ${file}: 3 documents, 3 records`,
      'ok: the projection matches the documents',
    ]);
  });

  it('verify prints each difference, and rebuild-projection repairs them', () => {
    const file = workspaceFile();
    tamper(
      file,
      `UPDATE artists SET name = 'Wrong', draw = 1 WHERE id = 'a1';
       DELETE FROM deals WHERE id = 'd1';
       INSERT INTO venues (id, doc_id, updated_at, deleted_at, data, name, kind, city, country, capacity)
         VALUES ('ghost', 'venues.00', 'x', NULL, '{}', 'Ghost', 'club', 'Nowhere', 'FR', 1);`,
    );
    const bad = run(['verify', `--db=${file}`]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(
      'artists a1: name: stored "Wrong", rebuilt "Électro Vibes"; draw: stored 1, rebuilt 300',
    );
    expect(bad.out).toContain('deals d1: missing from the stored projection');
    expect(bad.out).toContain('venues ghost: stored but not in the documents');
    // The deleted deal's search row no longer points at a projection row.
    expect(bad.out).toContain("problem: search index: 1 deals rows do not point at their record's row");
    expect(bad.out.at(-1)).toBe('3 differences, 1 problems (fix with: rebuild-projection)');

    const fixed = run(['rebuild-projection', '--db', file]);
    expect(fixed).toMatchObject({
      code: 0,
      out: [`rebuilt the projection of ${file}: 3 records from 3 documents`],
    });
    expect(run(['verify', '--db', file]).code).toBe(0);
  });

  it('reports undecodable log rows as problems', () => {
    const file = workspaceFile();
    tamper(
      file,
      `INSERT INTO ydoc_updates (doc_id, "update", origin, created_at) VALUES ('root', x'ff', 'local', 0)`,
    );
    const r = run(['verify', '--db', file]);
    expect(r.code).toBe(1);
    expect(r.out.some((l) => /^problem: ydoc_updates seq \d+ \(root\) does not decode$/.test(l))).toBe(true);
  });

  it('rejects bad usage with exit code 2', () => {
    expect(run([]).code).toBe(2);
    expect(run(['verify']).err[0]).toMatch(/^missing --db/);
    expect(run(['explode', '--db', 'x']).err[0]).toMatch(/^unknown command: explode/);
    expect(run(['verify', '--db', 'x', '--force']).err[0]).toMatch(/^unexpected argument: --force/);
    expect(run(['verify', '--db', 'nope.db'], '/tmp').err).toEqual(['no database at /tmp/nope.db']);
  });

  it('runs as a program, resolving --db against the directory it was started in', async () => {
    const file = workspaceFile();
    const result = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'src/core/cli/main.ts', 'verify', '--db', 'w.db'],
        {
          cwd: DESKTOP,
          env: { ...process.env, INIT_CWD: dirname(file) },
        },
      );
      let stdout = '';
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString('utf8');
      });
      child.on('error', reject);
      child.on('exit', (code) => resolve({ code, stdout }));
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`verified ${file}`);
  });
});
