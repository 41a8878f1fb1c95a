/**
 * The workspace manifest channel (`/<workspaceId>/_manifest`, shared/src/sync/manifest.ts):
 * JSON text frames from the server only. On connect, `{type:'manifest', docs}` with the
 * digest of every stored document the token may read; then `{type:'changed', docId,
 * digest}` after every accepted update in the workspace, from this instance or (through
 * the fan-out) any other. After the fan-out lost messages, a full manifest is sent again.
 *
 * Changes that happen while the manifest is being read are queued and sent after it, so
 * none falls between the listing and the live feed. The client is not expected to send
 * anything: a small JSON text frame is ignored; a binary frame or text that is not JSON
 * closes with 4400, a frame over 1 KiB with 4413, a flood with 4429.
 */
import type { DocDigest, ManifestMessage, SyncTokenClaims } from '@flowstage/shared';
import { SYNC_CLOSE } from '@flowstage/shared';
import type { WebSocket } from 'ws';
import { authorize } from './access';
import { CLOSE_INTERNAL_ERROR, closeReason } from './connection';
import type { Fanout } from './fanout';
import type { Counters } from './metrics';
import { TokenBucket } from './ratelimit';
import type { DocStore } from './store/types';

/** Largest frame accepted from a manifest client. */
export const MAX_MANIFEST_CLIENT_FRAME = 1024;

export interface ManifestHubOptions {
  store: DocStore;
  fanout: Fanout | null;
  counters: Counters;
  log: (line: string) => void;
  /** Above this many bytes sent but not yet flushed to a client, it is dropped. */
  maxBufferedBytes: number;
}

export class ManifestConnection {
  private listing = 0;
  private queued: Array<[string, DocDigest]> = [];
  private disposed = false;
  private readonly limiter = new TokenBucket({ messagesPerSecond: 5, burst: 20 });

  constructor(
    private readonly ws: WebSocket,
    readonly claims: SyncTokenClaims,
    readonly workspaceId: string,
    private readonly hub: ManifestHub,
  ) {}

  /** Starts the feed: from now on changes are queued, and the manifest is read and sent. */
  start(): void {
    this.ws.on('message', (data, isBinary) => this.receive(data, isBinary));
    this.ws.on('close', () => this.dispose());
    void this.sendManifest();
  }

  /** Reads from the socket (paused during admission; a closed one reads its close answer). */
  read(): void {
    this.ws.resume();
  }

  /** Reads the workspace's documents and sends the full manifest, then what was queued. */
  async sendManifest(): Promise<void> {
    this.listing++;
    try {
      const heads = await this.hub.list(this.workspaceId);
      const docs: Record<string, DocDigest> = {};
      for (const head of heads) if (this.mayRead(head.docId)) docs[head.docId] = head.digest;
      this.send({ type: 'manifest', docs });
    } catch (error) {
      this.hub.log(`manifest ${this.workspaceId}: listing failed: ${(error as Error).message}`);
      this.close(CLOSE_INTERNAL_ERROR, 'manifest unavailable');
      return;
    } finally {
      this.listing--;
    }
    if (this.listing > 0) return;
    const queued = this.queued;
    this.queued = [];
    for (const [docId, digest] of queued) this.send({ type: 'changed', docId, digest });
  }

  changed(docId: string, digest: DocDigest): void {
    if (this.disposed || !this.mayRead(docId)) return;
    if (this.listing > 0) this.queued.push([docId, digest]);
    else this.send({ type: 'changed', docId, digest });
  }

  receive(data: WebSocket.RawData, isBinary: boolean): void {
    if (this.disposed) return;
    const size = Array.isArray(data) ? data.reduce((n, c) => n + c.byteLength, 0) : data.byteLength;
    this.hub.counters.bytesReceived += size;
    const refusal = this.check(data, isBinary, size);
    if (refusal) this.reject(refusal[0], refusal[1]);
  }

  private check(data: WebSocket.RawData, isBinary: boolean, size: number): [number, string] | null {
    if (size > MAX_MANIFEST_CLIENT_FRAME) return [SYNC_CLOSE.tooLarge, 'message too large'];
    if (!this.limiter.take()) return [SYNC_CLOSE.rateLimited, 'too many messages'];
    if (isBinary) return [SYNC_CLOSE.badMessage, 'the manifest channel takes no binary messages'];
    const text = Array.isArray(data)
      ? Buffer.concat(data).toString('utf8')
      : Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('utf8');
    try {
      JSON.parse(text);
      return null;
    } catch {
      return [SYNC_CLOSE.badMessage, 'not JSON'];
    }
  }

  close(code: number, reason: string): void {
    if (this.disposed) return;
    this.dispose();
    this.ws.close(code, closeReason(reason));
  }

  private mayRead(docId: string): boolean {
    return authorize(this.claims, { workspaceId: this.workspaceId, docId }).ok;
  }

  private send(message: ManifestMessage): void {
    if (this.disposed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.hub.maxBufferedBytes) {
      this.hub.log(
        `manifest ${this.workspaceId}: dropping a client that does not read (user ${this.claims.sub})`,
      );
      this.dispose();
      this.ws.terminate();
      return;
    }
    const text = JSON.stringify(message);
    this.hub.counters.bytesSent += Buffer.byteLength(text);
    this.ws.send(text, (error) => {
      if (error) this.hub.log(`manifest ${this.workspaceId}: send failed: ${error.message}`);
    });
  }

  private reject(code: number, reason: string): void {
    this.hub.counters.messagesRejected++;
    this.hub.log(
      `manifest ${this.workspaceId}: closing connection of ${this.claims.sub} (${code}: ${reason})`,
    );
    this.close(code, reason);
  }

  private dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.queued = [];
    this.hub.remove(this);
  }
}

/** The open manifest connections of this instance, by workspace. */
export class ManifestHub {
  readonly counters: Counters;
  readonly log: (line: string) => void;
  readonly maxBufferedBytes: number;
  private readonly byWorkspace = new Map<string, Set<ManifestConnection>>();
  /** Per workspace with clients: its fan-out subscription (one per workspace). */
  private readonly watching = new Map<string, Promise<void>>();
  private count = 0;

  constructor(private readonly options: ManifestHubOptions) {
    this.counters = options.counters;
    this.log = options.log;
    this.maxBufferedBytes = options.maxBufferedBytes;
  }

  get size(): number {
    return this.count;
  }

  /** A connection for an admitted client (not started). */
  connection(ws: WebSocket, claims: SyncTokenClaims, workspaceId: string): ManifestConnection {
    return new ManifestConnection(ws, claims, workspaceId, this);
  }

  /** Registers a connection before it starts, so it misses no change. */
  add(connection: ManifestConnection): void {
    const { workspaceId } = connection;
    let set = this.byWorkspace.get(workspaceId);
    if (!set) {
      set = new Set();
      this.byWorkspace.set(workspaceId, set);
      this.watching.set(workspaceId, this.options.fanout?.watchWorkspace(workspaceId) ?? Promise.resolve());
    }
    set.add(connection);
    this.count++;
  }

  remove(connection: ManifestConnection): void {
    const set = this.byWorkspace.get(connection.workspaceId);
    if (!set?.delete(connection)) return;
    this.count--;
    if (set.size > 0) return;
    this.byWorkspace.delete(connection.workspaceId);
    this.watching.delete(connection.workspaceId);
    this.options.fanout?.unwatchWorkspace(connection.workspaceId);
  }

  /**
   * The workspace's stored documents, read once this instance follows the workspace's
   * changes on the fan-out (so a change stored meanwhile is in the listing or in the feed).
   */
  async list(workspaceId: string): Promise<Array<{ docId: string; digest: DocDigest }>> {
    await this.watching.get(workspaceId);
    return this.options.store.listRooms(workspaceId);
  }

  changed(workspaceId: string, docId: string, digest: DocDigest): void {
    for (const connection of this.byWorkspace.get(workspaceId) ?? []) connection.changed(docId, digest);
  }

  /** Sends every client a full manifest again (changes may have been lost). */
  resendAll(): void {
    for (const set of this.byWorkspace.values()) for (const c of set) void c.sendManifest();
  }

  closeAll(code: number, reason: string): void {
    for (const set of [...this.byWorkspace.values()]) for (const c of [...set]) c.close(code, reason);
  }
}
