/** RPC handlers of the local store: global search, soft delete and restore, backups. */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RpcHandlers, SessionState } from '@flowstage/shared';
import { exportBackup } from '../backup/export';
import { BackupError } from '../backup/format';
import { importBackup } from '../backup/import';
import type { OpenedDb } from '../db/open';
import type { WorkspaceDocs } from '../docs/workspace-docs';
import { search } from '../queries/search';
import { deleteArtist, restoreArtist } from '../records/soft-delete';
import { RpcError } from '../rpc/dispatch';
import { workspaceDbPath } from '../workspace';

type StorageHandlers = Pick<
  RpcHandlers,
  | 'search.global'
  | 'artist.delete'
  | 'artist.restore'
  | 'backup.export'
  | 'backup.import'
  | 'backup.defaultPath'
>;

/** What these handlers need of the core's context (CoreContext provides it). */
export interface StorageContext {
  /** The open workspace; throws RpcError('no_workspace') when none is. */
  readonly workspace: { readonly id: string; readonly db: OpenedDb; readonly docs: WorkspaceDocs };
  readonly options: { readonly dataDir: string; readonly version?: string };
  /**
   * The session (CoreContext provides it). When signed in, an import of a workspace the
   * account is not a member of is refused before anything is written.
   */
  sessionState?(): SessionState;
}

/** Where backups go by default: `<home>/Flow Stage/Backups`. */
export function defaultBackupFolder(home: string): string {
  return join(home, 'Flow Stage', 'Backups');
}

/** A file name from a workspace name: no path separators, reserved or control characters. */
export function backupFileStem(name: string): string {
  const stem = name
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
    .slice(0, 80)
    .trim();
  return stem === '' ? 'workspace' : stem;
}

/** `<folder>/<workspace name>-<YYYY-MM-DD>.flowstage`, the date in local time. */
export function defaultBackupPath(home: string, workspaceName: string, date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return join(defaultBackupFolder(home), `${backupFileStem(workspaceName)}-${day}.flowstage`);
}

function asBackupRpcError(err: unknown): never {
  if (err instanceof BackupError) throw new RpcError(`backup_${err.code}`, err.message);
  throw err;
}

export function storageHandlers(
  ctx: StorageContext,
  now: () => Date = () => new Date(),
  home: () => string = homedir,
): StorageHandlers {
  /** Refuse a backup of a workspace the signed-in account cannot open (before any write). */
  const assertMember = (workspaceId: string) => {
    const session = ctx.sessionState?.();
    if (!session?.signedIn || session.workspaces.some((w) => w.id === workspaceId)) return;
    throw new RpcError(
      'backup_not_member',
      `this backup belongs to workspace ${workspaceId}, which this account is not a member of`,
    );
  };
  /** The workspace's name in the signed-in account's list. */
  const listedName = (workspaceId: string): string | undefined =>
    ctx.sessionState?.().workspaces.find((w) => w.id === workspaceId)?.name;
  return {
    'search.global': async ({ query, limit }) => search(ctx.workspace.db.sqlite, query, { limit }),
    'artist.delete': async ({ id }) => deleteArtist(ctx.workspace.docs, id, now()),
    'artist.restore': async ({ id }) => restoreArtist(ctx.workspace.docs, id, now()),
    'backup.export': async ({ path }) => {
      const ws = ctx.workspace;
      // The name the account knows the workspace by; else the root document's.
      const name = listedName(ws.id);
      try {
        try {
          mkdirSync(dirname(path), { recursive: true });
        } catch (err) {
          const reason = (err as NodeJS.ErrnoException).code ?? String(err);
          throw new BackupError('write_failed', `cannot create the folder of ${path}: ${reason}`);
        }
        return exportBackup(ws.docs, path, {
          workspaceId: ws.id,
          ...(name === undefined ? {} : { name }),
          appVersion: ctx.options.version ?? '0.1.0',
          now: now(),
        });
      } catch (err) {
        return asBackupRpcError(err);
      }
    },
    'backup.import': async ({ path }) => {
      try {
        // Called once the file is validated and before anything is written.
        return importBackup(path, (workspaceId) => {
          assertMember(workspaceId);
          return workspaceDbPath(ctx.options.dataDir, workspaceId);
        });
      } catch (err) {
        return asBackupRpcError(err);
      }
    },
    'backup.defaultPath': async () => {
      const ws = ctx.workspace;
      return { path: defaultBackupPath(home(), listedName(ws.id) ?? ws.id, now()) };
    },
  };
}
