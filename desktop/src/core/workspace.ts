/**
 * One open workspace on this device: its SQLite database, its documents, and (when
 * signed in) the sync engine.
 */
import { join } from 'node:path';
import type { Collection, SyncStatus } from '@flowstage/shared';
import { Checkpointer } from './db/checkpointer';
import { type OpenedDb, openDatabase } from './db/open';
import { WorkspaceDocs } from './docs/workspace-docs';
import { SyncEngine, type SyncToken } from './sync/engine';

export interface WorkspaceOptions {
  dataDir: string;
  workspaceId: string;
  syncUrl: string;
  fetchToken: () => Promise<SyncToken>;
  isNetworkError: (err: unknown) => boolean;
  onDataChanged: (collections: Collection[]) => void;
  onSyncStatus: (status: SyncStatus) => void;
}

export function workspaceDbPath(dataDir: string, workspaceId: string): string {
  return join(dataDir, 'workspaces', `${workspaceId}.db`);
}

export class Workspace {
  readonly db: OpenedDb;
  readonly docs: WorkspaceDocs;
  readonly sync: SyncEngine;
  private readonly checkpointer: Checkpointer | null;
  private changed = new Set<Collection>();
  private flushScheduled = false;

  constructor(
    readonly id: string,
    o: WorkspaceOptions,
  ) {
    const file = workspaceDbPath(o.dataDir, o.workspaceId);
    this.db = openDatabase(file);
    this.checkpointer = Checkpointer.start(this.db.sqlite, file);
    this.docs = new WorkspaceDocs(
      this.db.sqlite,
      (change) => {
        this.checkpointer?.written();
        if (change.origin === 'local') this.sync.noteLocalUpdate(change.docId);
        else this.sync.noteRemoteUpdate(change.docId);
        for (const c of change.collections) this.changed.add(c);
        // Coalesce a burst of updates (first sync) into one event per tick.
        if (!this.flushScheduled && this.changed.size > 0) {
          this.flushScheduled = true;
          setImmediate(() => {
            this.flushScheduled = false;
            const collections = [...this.changed];
            this.changed.clear();
            if (collections.length > 0) o.onDataChanged(collections);
          });
        }
      },
      (docId, err) => {
        console.error(`flowstage core: could not persist an update of ${docId}:`, err);
      },
    );
    this.sync = new SyncEngine({
      syncUrl: o.syncUrl,
      workspaceId: o.workspaceId,
      docs: this.docs,
      fetchToken: o.fetchToken,
      isNetworkError: o.isNetworkError,
      onStatus: o.onSyncStatus,
    });
  }

  close(): void {
    this.sync.stop();
    this.docs.close();
    this.db.close();
    // Its connection, now the last one, checkpoints the WAL as it closes.
    void this.checkpointer?.stop();
  }
}
