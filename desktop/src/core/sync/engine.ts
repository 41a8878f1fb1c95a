/**
 * Keeps the workspace's documents in sync with the sync server, one y-websocket room
 * per document: the root, the directory buckets, and one document per roster artist
 * (discovered from the root's artist index). Sync tokens come from the cloud and are
 * renewed before they expire or when the server refuses one.
 */
import {
  allDirectoryDocIds,
  artistDocId,
  ROOT_DOC,
  roomName,
  SYNC_CLOSE,
  type SyncState,
  type SyncStatus,
} from '@flowstage/shared';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { WorkspaceDocs } from '../docs/workspace-docs';
import { backoffDelay } from './backoff';

export interface SyncToken {
  token: string;
  expiresAt: number;
}

export interface SyncEngineOptions {
  syncUrl: string;
  workspaceId: string;
  docs: WorkspaceDocs;
  fetchToken: () => Promise<SyncToken>;
  onStatus: (status: SyncStatus) => void;
  /** Whether a token failure means "offline" (cloud unreachable) rather than an error. */
  isNetworkError: (err: unknown) => boolean;
}

export class SyncEngine {
  private readonly providers = new Map<string, WebsocketProvider>();
  private readonly pending = new Map<string, number>();
  private token: SyncToken | null = null;
  private tokenFailures = 0;
  private lastError: string | null = null;
  private tokenOffline = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private lastEmitted = '';
  private unobserveRoot: (() => void) | null = null;

  constructor(private readonly o: SyncEngineOptions) {}

  start(): void {
    void this.renewToken();
  }

  /** Count a local edit as pending until its document is synced again. */
  noteLocalUpdate(docId: string): void {
    const p = this.providers.get(docId);
    if (p?.synced && p.wsconnected) return;
    this.pending.set(docId, (this.pending.get(docId) ?? 0) + 1);
    this.emit();
  }

  status(): SyncStatus {
    const all = [...this.providers.values()];
    const synced = all.filter((p) => p.synced).length;
    const connected = all.filter((p) => p.wsconnected).length;
    let overall: SyncState;
    if (this.stopped) overall = 'offline';
    else if (this.lastError && !this.tokenOffline) overall = 'error';
    else if (this.tokenOffline || (all.length > 0 && connected === 0)) overall = 'offline';
    else if (all.length > 0 && synced === all.length) overall = 'synced';
    else overall = 'syncing';
    let pendingUpdates = 0;
    for (const n of this.pending.values()) pendingUpdates += n;
    return { overall, docs: all.length, synced, pendingUpdates, lastError: this.lastError };
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.unobserveRoot?.();
    for (const p of this.providers.values()) p.destroy();
    process.setMaxListeners(Math.max(10, process.getMaxListeners() - this.providers.size));
    this.providers.clear();
  }

  private async renewToken(): Promise<void> {
    if (this.stopped) return;
    try {
      this.token = await this.o.fetchToken();
      this.tokenFailures = 0;
      this.tokenOffline = false;
      this.lastError = null;
      for (const p of this.providers.values()) {
        p.params = { token: this.token.token };
        if (!p.shouldConnect) p.connect();
      }
      this.connectAll();
      // Renew at 80% of the token's lifetime.
      this.schedule(Math.max(5_000, (this.token.expiresAt - Date.now()) * 0.8));
    } catch (err) {
      if (this.stopped) return;
      this.tokenFailures++;
      this.tokenOffline = this.o.isNetworkError(err);
      this.lastError = err instanceof Error ? err.message : String(err);
      this.schedule(backoffDelay(this.tokenFailures));
    }
    this.emit();
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.renewToken(), ms);
    this.timer.unref();
  }

  private connectAll(): void {
    const root = this.o.docs.get(ROOT_DOC);
    this.connect(ROOT_DOC);
    for (const id of allDirectoryDocIds()) this.connect(id);
    const artists = root.getMap('artists');
    for (const artistId of artists.keys()) this.connect(artistDocId(artistId));
    if (!this.unobserveRoot) {
      const observer = (e: Y.YMapEvent<unknown>) => {
        for (const key of e.keysChanged) if (artists.has(key)) this.connect(artistDocId(key));
      };
      artists.observe(observer);
      this.unobserveRoot = () => artists.unobserve(observer);
    }
  }

  private connect(docId: string): void {
    if (this.providers.has(docId) || !this.token || this.stopped) return;
    const doc = this.o.docs.get(docId);
    const provider = new WebsocketProvider(this.o.syncUrl, roomName(this.o.workspaceId, docId), doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: { token: this.token.token },
      disableBc: true,
      maxBackoffTime: 3_000,
    });
    // Each provider listens for process exit: make room so Node does not warn about a leak.
    process.setMaxListeners(process.getMaxListeners() + 1);
    provider.on('status', () => this.emit());
    provider.on('sync', (isSynced: boolean) => {
      if (isSynced) this.pending.delete(docId);
      this.emit();
    });
    provider.on('closed', (event: { code: number; reason: string }) => {
      if (event.code === SYNC_CLOSE.unauthorized) {
        // Token expired or revoked: get a new one, then reconnect (renewToken reconnects).
        void this.renewToken();
      } else {
        this.lastError = `sync refused for ${docId}: ${event.reason || event.code}`;
        this.emit();
      }
    });
    this.providers.set(docId, provider);
  }

  private emit(): void {
    const status = this.status();
    const key = JSON.stringify(status);
    if (key === this.lastEmitted) return;
    this.lastEmitted = key;
    this.o.onStatus(status);
  }
}
