/** RPC handlers of the local store: global search, soft delete and restore, backups. */
import type { RpcHandlers } from '@flowstage/shared';
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
  'search.global' | 'artist.delete' | 'artist.restore' | 'backup.export' | 'backup.import'
>;

/** What these handlers need of the core's context (CoreContext provides it). */
export interface StorageContext {
  /** The open workspace; throws RpcError('no_workspace') when none is. */
  readonly workspace: { readonly id: string; readonly db: OpenedDb; readonly docs: WorkspaceDocs };
  readonly options: { readonly dataDir: string; readonly version?: string };
}

function asBackupRpcError(err: unknown): never {
  if (err instanceof BackupError) throw new RpcError(`backup_${err.code}`, err.message);
  throw err;
}

export function storageHandlers(ctx: StorageContext, now: () => Date = () => new Date()): StorageHandlers {
  return {
    'search.global': async ({ query, limit }) => search(ctx.workspace.db.sqlite, query, { limit }),
    'artist.delete': async ({ id }) => deleteArtist(ctx.workspace.docs, id, now()),
    'artist.restore': async ({ id }) => restoreArtist(ctx.workspace.docs, id, now()),
    'backup.export': async ({ path }) => {
      const ws = ctx.workspace;
      try {
        return exportBackup(ws.docs, path, {
          workspaceId: ws.id,
          appVersion: ctx.options.version ?? '0.1.0',
          now: now(),
        });
      } catch (err) {
        return asBackupRpcError(err);
      }
    },
    'backup.import': async ({ path }) => {
      try {
        return importBackup(path, (workspaceId) => workspaceDbPath(ctx.options.dataDir, workspaceId));
      } catch (err) {
        return asBackupRpcError(err);
      }
    },
  };
}
