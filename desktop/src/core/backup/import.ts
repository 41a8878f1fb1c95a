/**
 * Import a backup file as a new workspace database on this device. The whole file is
 * validated (format.ts) BEFORE anything is written; the database is then built under a
 * temporary name (documents as snapshots, projection rebuilt) and linked into place only
 * when complete, so a refused or failed import leaves nothing behind, and an existing
 * workspace database is never overwritten.
 */
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BackupSummary } from '@flowstage/shared';
import { openDatabase } from '../db/open';
import { rebuildProjection } from '../docs/rebuild';
import { DocStore } from '../docs/store';
import { BackupError, type DecodedBackup, decodeBackup } from './format';

/** Read and fully validate a backup file. */
export function readBackup(path: string): DecodedBackup {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BackupError('not_found', `no file at ${path}`);
    throw new BackupError('unreadable', `cannot read ${path}: ${code ?? String(err)}`);
  }
  return decodeBackup(file);
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

/** Move `from` to `to` unless `to` exists (a hard link where the filesystem has them). */
function placeNoClobber(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw err;
    if (existsSync(to)) throw Object.assign(new Error(`${to} exists`), { code: 'EEXIST' });
    renameSync(from, to);
  }
}

/**
 * Create the workspace database for the backup at `dbPathFor(workspaceId)`.
 * Refused (BackupError) when the file is not a valid backup or that database exists.
 */
export function importBackup(path: string, dbPathFor: (workspaceId: string) => string): BackupSummary {
  const backup = readBackup(path);
  const { header } = backup;
  const dbPath = dbPathFor(header.workspaceId);
  const exists = () =>
    new BackupError(
      'exists',
      `workspace ${header.workspaceId} (${header.name}) is already on this device: its database was left as it is`,
    );
  if (existsSync(dbPath)) throw exists();
  mkdirSync(dirname(dbPath), { recursive: true });
  const tmp = `${dbPath}.import-${process.pid}`;
  removeDatabaseFiles(tmp);
  try {
    const db = openDatabase(tmp);
    try {
      const store = new DocStore(db.sqlite);
      db.sqlite.transaction(() => {
        for (const [docId, state] of backup.states) store.writeSnapshot(docId, state);
      })();
      rebuildProjection(db.sqlite);
      // One self-contained file: checkpoint and drop the WAL before linking it into place.
      db.sqlite.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    placeNoClobber(tmp, dbPath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw exists();
    const reason = err instanceof Error ? err.message : String(err);
    throw new BackupError('write_failed', `could not create the workspace database: ${reason}`);
  } finally {
    removeDatabaseFiles(tmp);
  }
  return {
    path: dbPath,
    workspaceId: header.workspaceId,
    name: header.name,
    createdAt: header.createdAt,
    documents: backup.states.size,
    bytes: backup.bytes,
  };
}
