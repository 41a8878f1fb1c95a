/**
 * Keeps a workspace's documents in sync without holding a socket per document:
 *  - one manifest channel tells the server's digest of every document;
 *  - a document is opened (one y-websocket room) only when its digest differs from
 *    this device's, when it has local edits to send, or while it is pinned/in use;
 *  - at most `maxOpen` catch-up documents are open at once; a document that matches
 *    the server is closed (and unloaded) once idle.
 * A local edit counts as pending until the server's digest equals this device's.
 */
import { type DocDigest, docDigest, type SyncState, type SyncStatus, sortDocIds } from '@flowstage/shared';
import type { WorkspaceDocs } from '../docs/workspace-docs';
import { backoffDelay } from './backoff';
import { DocProvider } from './doc-provider';
import { type DocSyncRow, DocSyncStore } from './doc-sync-store';
import { ManifestClient } from './manifest-client';

/** Catch-up documents open at once: while a batch of received documents is written, the next ones are on their way. */
export const DEFAULT_MAX_OPEN = 16;

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
  isNetworkError: (err: unknown) => boolean;
  /** Catch-up documents open at once (default DEFAULT_MAX_OPEN). */
  maxOpen?: number;
  /** A document with local activity stays open this long after its last edit (default 20 s). */
  idleMs?: number;
}

export type DocSyncState = { docId: string; state: SyncState; open: boolean; pendingUpdates: number };

export class SyncEngine {
  private readonly store: DocSyncStore;
  private readonly rows: Map<string, DocSyncRow>;
  private readonly server = new Map<string, DocDigest>();
  private readonly open = new Map<string, { p: DocProvider; lastActivity: number }>();
  private readonly queue = new Set<string>();
  private readonly differs = new Set<string>();
  private readonly pinned = new Set<string>();
  private readonly recheck = new Set<string>();
  private readonly hot = new Set<string>();
  private readonly manifest: ManifestClient;
  private token: SyncToken | null = null;
  private tokenFailures = 0;
  private lastError: string | null = null;
  private tokenOffline = false;
  private stopped = false;
  private renewTimer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private lastEmitted = '';
  private peakOpen = 0;
  private readonly maxOpen: number;
  private readonly idleMs: number;

  constructor(private readonly o: SyncEngineOptions) {
    this.store = new DocSyncStore(o.docs.sqlite);
    this.rows = this.store.all();
    this.maxOpen = o.maxOpen ?? DEFAULT_MAX_OPEN;
    this.idleMs = o.idleMs ?? 20_000;
    this.manifest = new ManifestClient(
      ManifestClient.urlFor(o.syncUrl, o.workspaceId),
      () => this.token?.token ?? null,
      {
        onManifest: (docs) => this.onManifest(docs),
        onChanged: (docId, digest) => {
          this.server.set(docId, digest);
          this.hot.add(docId);
          this.evaluate(docId);
          this.closeIfCaughtUp(docId);
          this.emit();
        },
        onConnection: () => this.emit(),
        onUnauthorized: () => void this.renewToken(),
        onRefused: (code, reason) => this.refused(`manifest refused (${code}${reason ? `: ${reason}` : ''})`),
      },
    );
  }

  start(): void {
    this.idleTimer = setInterval(() => this.closeIdle(), Math.max(250, Math.min(this.idleMs / 2, 5_000)));
    this.idleTimer.unref();
    void this.renewToken();
  }

  stop(): void {
    this.stopped = true;
    if (this.renewTimer) clearTimeout(this.renewTimer);
    if (this.idleTimer) clearInterval(this.idleTimer);
    this.manifest.stop();
    for (const docId of [...this.open.keys()]) this.close(docId);
    this.store.flush();
  }

  /** A local edit was committed: send it, and count it as pending until confirmed. */
  noteLocalUpdate(docId: string): void {
    this.store.localUpdate(docId);
    const row = this.row(docId);
    row.pendingUpdates++;
    row.localDigest = null;
    this.differs.add(docId);
    const open = this.open.get(docId);
    if (open) open.lastActivity = Date.now();
    else this.want(docId, true);
    this.emit();
  }

  /**
   * An update from the server was applied. The room socket and the manifest socket are
   * two connections: the `changed` digest may have been handled before this update
   * landed, so a differing document is checked again once the burst is applied.
   */
  noteRemoteUpdate(docId: string): void {
    if (!this.differs.has(docId) || this.recheck.has(docId)) return;
    this.recheck.add(docId);
    setImmediate(() => {
      this.recheck.delete(docId);
      if (this.stopped) return;
      this.evaluate(docId);
      this.closeIfCaughtUp(docId);
      this.emit();
    });
  }

  /** Keep a document open while the UI uses it. */
  pin(docId: string): void {
    this.pinned.add(docId);
    this.want(docId, true);
  }

  unpin(docId: string): void {
    this.pinned.delete(docId);
  }

  status(): SyncStatus {
    let pendingUpdates = 0;
    for (const r of this.rows.values()) pendingUpdates += r.pendingUpdates;
    const known = new Set([...this.server.keys(), ...this.rows.keys()]);
    let overall: SyncState;
    if (this.stopped || this.tokenOffline) overall = 'offline';
    else if (this.lastError) overall = 'error';
    else if (!this.manifest.connected) overall = 'offline';
    else if (this.differs.size > 0 || this.queue.size > 0) overall = 'syncing';
    else overall = 'synced';
    return {
      overall,
      docs: known.size,
      synced: known.size - this.differs.size,
      pendingUpdates,
      lastError: this.lastError,
      openDocs: this.open.size,
      peakOpenDocs: this.peakOpen,
    };
  }

  documents(): DocSyncState[] {
    const overall = this.status().overall;
    const ids = [...new Set([...this.server.keys(), ...this.rows.keys()])].sort();
    return ids.map((docId) => ({
      docId,
      state:
        overall === 'offline' || overall === 'error'
          ? overall
          : this.differs.has(docId)
            ? 'syncing'
            : 'synced',
      open: this.open.has(docId),
      pendingUpdates: this.rows.get(docId)?.pendingUpdates ?? 0,
    }));
  }

  private row(docId: string): DocSyncRow {
    let r = this.rows.get(docId);
    if (!r) {
      r = { docId, confirmedDigest: null, localDigest: null, pendingUpdates: 0 };
      this.rows.set(docId, r);
    }
    return r;
  }

  private onManifest(docs: Map<string, DocDigest>): void {
    this.server.clear();
    for (const [id, d] of docs) this.server.set(id, d);
    // Queued in docOrder: venues are fetched before the deals that show their names.
    for (const docId of sortDocIds(
      new Set([...docs.keys(), ...this.rows.keys(), ...this.o.docs.storedDocIds()]),
    )) {
      this.evaluate(docId);
    }
    this.emit();
  }

  /** This device's digest of a document, without loading it when it is known. */
  private localDigest(docId: string): DocDigest | null {
    if (this.o.docs.isOpen(docId)) return docDigest(this.o.docs.get(docId));
    const r = this.rows.get(docId);
    if (r && r.pendingUpdates === 0 && (r.localDigest ?? r.confirmedDigest))
      return r.localDigest ?? r.confirmedDigest;
    return this.o.docs.hasData(docId) ? docDigest(this.o.docs.get(docId)) : null;
  }

  private evaluate(docId: string): void {
    if (this.stopped) return;
    const server = this.server.get(docId) ?? null;
    const local = this.localDigest(docId);
    // Received updates not written yet: not caught up until they are (they are then re-evaluated).
    if (local !== null && local === server && !this.o.docs.hasUnflushed(docId)) {
      this.differs.delete(docId);
      this.hot.delete(docId);
      const r = this.row(docId);
      if (r.confirmedDigest !== local || r.pendingUpdates > 0) {
        this.store.confirm(docId, local);
        Object.assign(r, { confirmedDigest: local, localDigest: local, pendingUpdates: 0 });
      }
      return;
    }
    if (server === null && local === null) return;
    this.differs.add(docId);
    this.want(docId, false);
  }

  /**
   * `active`: opened for a local edit or a pinned use — it stays open while in use.
   * Otherwise it is queued; documents that changed live on the server are "hot" and
   * also stay open for a while (their next change then arrives on the open room),
   * while documents from the initial manifest close as soon as they caught up.
   */
  private want(docId: string, active: boolean): void {
    if (this.open.has(docId)) return;
    if (active) this.openDoc(docId);
    else {
      this.queue.add(docId);
      this.pump();
    }
  }

  private pump(): void {
    if (!this.token || this.stopped) return;
    for (const docId of this.queue) {
      if (this.open.size >= this.maxOpen + this.pinned.size && !this.evictOne()) break;
      this.queue.delete(docId);
      this.openDoc(docId, false);
    }
  }

  /** Make room for a queued document: close the least recently used caught-up one. */
  private evictOne(): boolean {
    let victim: string | null = null;
    let oldest = Number.POSITIVE_INFINITY;
    for (const [docId, { p, lastActivity }] of this.open) {
      if (this.pinned.has(docId) || this.differs.has(docId) || !p.synced) continue;
      if (lastActivity < oldest) {
        oldest = lastActivity;
        victim = docId;
      }
    }
    if (victim === null) return false;
    this.close(victim);
    return true;
  }

  private openDoc(docId: string, active = true): void {
    if (this.stopped || this.open.has(docId)) return;
    if (!this.token) {
      this.queue.add(docId);
      return;
    }
    this.queue.delete(docId);
    const p = new DocProvider(
      docId,
      this.o.docs.get(docId),
      { syncUrl: this.o.syncUrl, workspaceId: this.o.workspaceId, token: this.token.token },
      {
        applyRemote: (id, update) => this.o.docs.applyRemote(id, update),
        onSynced: (id) => {
          this.evaluate(id);
          this.closeIfCaughtUp(id);
          this.emit();
        },
        onStatus: () => this.emit(),
        onUnauthorized: () => void this.renewToken(),
        onRefused: (id, code, reason) =>
          this.refused(`sync refused for ${id} (${code}${reason ? `: ${reason}` : ''})`),
      },
    );
    const live = active || this.hot.has(docId);
    this.hot.delete(docId);
    this.open.set(docId, { p, lastActivity: live ? Date.now() : 0 });
    this.peakOpen = Math.max(this.peakOpen, this.open.size);
  }

  private close(docId: string): void {
    const open = this.open.get(docId);
    if (!open) return;
    open.p.destroy();
    this.open.delete(docId);
    if (this.o.docs.isOpen(docId)) {
      const digest = docDigest(this.o.docs.get(docId));
      // Only a document whose updates are all written may be known by its digest alone.
      if (!this.o.docs.unload(docId)) return;
      this.store.setLocal(docId, digest);
      this.row(docId).localDigest = digest;
    }
  }

  /** A document opened only to catch up is closed as soon as it matches the server. */
  private closeIfCaughtUp(docId: string): void {
    const open = this.open.get(docId);
    if (open?.lastActivity !== 0 || this.pinned.has(docId)) return;
    if (this.differs.has(docId) || !open.p.synced) return;
    this.close(docId);
    this.pump();
  }

  /** Close documents that match the server and had no local activity lately. */
  private closeIdle(): void {
    const now = Date.now();
    for (const [docId, { p, lastActivity }] of this.open) {
      if (this.pinned.has(docId) || this.differs.has(docId) || !p.synced) continue;
      if (now - lastActivity >= this.idleMs) this.close(docId);
    }
    this.pump();
    this.emit();
  }

  private async renewToken(): Promise<void> {
    if (this.stopped) return;
    try {
      this.token = await this.o.fetchToken();
      this.tokenFailures = 0;
      this.tokenOffline = false;
      this.lastError = null;
      for (const { p } of this.open.values()) p.setToken(this.token.token);
      this.manifest.connect();
      this.pump();
      this.scheduleRenew(Math.max(5_000, (this.token.expiresAt - Date.now()) * 0.8));
    } catch (err) {
      if (this.stopped) return;
      this.tokenFailures++;
      this.tokenOffline = this.o.isNetworkError(err);
      this.lastError = this.tokenOffline ? null : err instanceof Error ? err.message : String(err);
      this.scheduleRenew(backoffDelay(this.tokenFailures));
    }
    this.emit();
  }

  private scheduleRenew(ms: number): void {
    if (this.renewTimer) clearTimeout(this.renewTimer);
    this.renewTimer = setTimeout(() => void this.renewToken(), ms);
    this.renewTimer.unref();
  }

  private refused(message: string): void {
    this.lastError = message;
    this.emit();
  }

  private emit(): void {
    const status = this.status();
    const key = JSON.stringify(status);
    if (key === this.lastEmitted) return;
    this.lastEmitted = key;
    this.o.onStatus(status);
  }
}
