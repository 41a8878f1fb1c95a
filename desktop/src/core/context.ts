/**
 * The core's state shared by the feature handlers: cloud client, session, the open
 * workspace, and the event emitter towards renderers.
 */
import type {
  RpcEventMessage,
  RpcEventName,
  RpcEventPayload,
  SessionState,
  SyncStatus,
} from '@flowstage/shared';
import { CloudClient, CloudError } from './cloud/client';
import { startHoldSweeper } from './handlers/hold-sweep';
import { RpcError } from './rpc/dispatch';
import { Session } from './session/session';
import { Workspace } from './workspace';

export interface CoreOptions {
  dataDir: string;
  cloudUrl: string;
  syncUrl: string;
  shell?: 'electron' | 'browser';
  version?: string;
  /** The clock of the hold sweep (tests). */
  now?: () => Date;
}

const OFFLINE: SyncStatus = {
  overall: 'offline',
  docs: 0,
  synced: 0,
  pendingUpdates: 0,
  lastError: null,
  openDocs: 0,
  peakOpenDocs: 0,
};

export class CoreContext {
  readonly cloud: CloudClient;
  readonly session: Session;
  private ws: Workspace | null = null;
  private stopHoldSweep: (() => void) | null = null;
  private readonly listeners = new Set<(m: RpcEventMessage) => void>();

  constructor(readonly options: CoreOptions) {
    this.cloud = new CloudClient(options.cloudUrl);
    this.session = new Session(options.dataDir, this.cloud);
    const selected = this.session.current?.workspaceId;
    if (selected) this.openWorkspace(selected);
  }

  get workspace(): Workspace {
    if (!this.ws) throw new RpcError('no_workspace', 'no workspace is open: sign in first');
    return this.ws;
  }

  get openedWorkspace(): Workspace | null {
    return this.ws;
  }

  syncStatus(): SyncStatus {
    return this.ws?.sync.status() ?? OFFLINE;
  }

  sessionState(): SessionState {
    const s = this.session.current;
    return {
      signedIn: s !== null,
      cloudUrl: this.options.cloudUrl,
      user: s?.user ?? null,
      workspace: s?.workspaces.find((w) => w.id === s.workspaceId) ?? null,
      workspaces: s?.workspaces ?? [],
    };
  }

  openWorkspace(workspaceId: string): void {
    if (this.ws?.id === workspaceId) return;
    this.closeWorkspace();
    const ws = new Workspace(workspaceId, {
      dataDir: this.options.dataDir,
      workspaceId,
      syncUrl: this.options.syncUrl,
      fetchToken: async () => {
        const access = await this.session.accessToken();
        const t = await this.cloud.syncToken(access, workspaceId);
        return { token: t.token, expiresAt: Date.parse(t.expiresAt) };
      },
      isNetworkError: (err) => err instanceof CloudError && err.code === 'network',
      onDataChanged: (collections) => this.emit('data.changed', { collections }),
      onSyncStatus: (status) => this.emit('sync.status', status),
    });
    this.ws = ws;
    ws.sync.start();
    // Holds past their expiry and lapsed challenges: now, then every minute.
    this.stopHoldSweep = startHoldSweeper(() => (this.ws === ws ? ws : null), this.options.now);
  }

  closeWorkspace(): void {
    this.stopHoldSweep?.();
    this.stopHoldSweep = null;
    this.ws?.close();
    this.ws = null;
  }

  emit<E extends RpcEventName>(event: E, payload: RpcEventPayload<E>): void {
    for (const l of this.listeners) l({ event, payload });
  }

  onEvent(listener: (m: RpcEventMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Turn a cloud failure into an RPC error the renderer can show. */
export function asRpcError(err: unknown): never {
  if (err instanceof CloudError) throw new RpcError(err.code, err.message);
  throw err;
}
