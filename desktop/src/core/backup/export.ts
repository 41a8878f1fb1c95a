/**
 * Export a workspace to one backup file (format.ts): every document stored on this
 * device, as its merged state. The file is written beside its destination, flushed to
 * disk, then renamed into place, so a crash never leaves a half-written backup at `path`.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { type BackupSummary, LAYOUT_VERSION, META_MAP, ROOT_DOC, SCHEMA_VERSION } from '@flowstage/shared';
import * as Y from 'yjs';
import type { WorkspaceDocs } from '../docs/workspace-docs';
import { BackupError, encodeBackup } from './format';

export interface ExportOptions {
  workspaceId: string;
  appVersion: string;
  /** Defaults to the root document's `meta.name`, else the workspace id. */
  name?: string;
  now?: Date;
}

/** Write `bytes` to `path` durably and atomically (temporary file, fsync, rename). */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Every stored document's merged state, in document id order. */
export function collectStates(docs: WorkspaceDocs): Map<string, Uint8Array> {
  for (const docId of docs.unflushedDocIds()) docs.flush(docId);
  const states = new Map<string, Uint8Array>();
  for (const docId of docs.storedDocIds()) {
    const open = docs.isOpen(docId) ? docs.get(docId) : null;
    const doc = open ?? docs.store.loadDetached(docId);
    try {
      states.set(docId, Y.encodeStateAsUpdate(doc));
    } finally {
      if (!open) doc.destroy();
    }
  }
  return states;
}

export function exportBackup(docs: WorkspaceDocs, path: string, options: ExportOptions): BackupSummary {
  const states = collectStates(docs);
  if (!states.has(ROOT_DOC)) throw new BackupError('missing_root', 'this workspace has no root document yet');
  const storedName = docs.get(ROOT_DOC).getMap(META_MAP).get('name');
  const name = options.name ?? (typeof storedName === 'string' ? storedName : options.workspaceId);
  const createdAt = (options.now ?? new Date()).toISOString();
  const file = encodeBackup(
    {
      workspaceId: options.workspaceId,
      name,
      createdAt,
      appVersion: options.appVersion,
      layoutVersion: LAYOUT_VERSION,
      schemaVersion: SCHEMA_VERSION,
    },
    states,
  );
  try {
    writeFileAtomic(path, file);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new BackupError('write_failed', `could not write the backup to ${path}: ${reason}`);
  }
  return {
    path,
    workspaceId: options.workspaceId,
    name,
    createdAt,
    documents: states.size,
    bytes: file.length,
  };
}
