/**
 * The device's end of the workspace manifest channel: one WebSocket per workspace
 * that tells which documents changed on the server (by digest), so the engine opens
 * only those. Reconnects with backoff and jitter; a refused token asks for a new one.
 */
import { type DocDigest, MANIFEST_CHANNEL, ManifestMessage, SYNC_CLOSE } from '@flowstage/shared';
import WebSocket from 'ws';
import { backoffDelay } from './backoff';

export interface ManifestHandlers {
  /** The full manifest (on every (re)connection). */
  onManifest(docs: Map<string, DocDigest>): void;
  onChanged(docId: string, digest: DocDigest): void;
  onConnection(connected: boolean): void;
  /** The server refused the token (expired, revoked): get a new one, then `connect()` again. */
  onUnauthorized(): void;
  /** A refusal that a new token will not fix. */
  onRefused(code: number, reason: string): void;
}

/** Largest manifest frame accepted (a workspace of thousands of documents fits easily). */
const MAX_FRAME_BYTES = 8 * 2 ** 20;

export class ManifestClient {
  private socket: WebSocket | null = null;
  private attempts = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  connected = false;

  constructor(
    private readonly url: (token: string) => string,
    private readonly token: () => string | null,
    private readonly h: ManifestHandlers,
  ) {}

  static urlFor(syncUrl: string, workspaceId: string): (token: string) => string {
    const base = syncUrl.replace(/\/+$/, '');
    return (token) => `${base}/${workspaceId}/${MANIFEST_CHANNEL}?token=${encodeURIComponent(token)}`;
  }

  connect(): void {
    if (this.stopped || this.socket) return;
    const token = this.token();
    if (!token) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const socket = new WebSocket(this.url(token), { maxPayload: MAX_FRAME_BYTES });
    this.socket = socket;
    socket.on('message', (data, isBinary) => {
      // Frames still buffered after stop() or a reconnection belong to a dead socket.
      if (isBinary || this.socket !== socket) return;
      let json: unknown;
      try {
        json = JSON.parse(data.toString());
      } catch {
        return;
      }
      const msg = ManifestMessage.safeParse(json);
      if (!msg.success) return;
      if (msg.data.type === 'manifest') {
        this.attempts = 0;
        this.setConnected(true);
        this.h.onManifest(new Map(Object.entries(msg.data.docs)));
      } else {
        this.h.onChanged(msg.data.docId, msg.data.digest);
      }
    });
    socket.on('error', () => {
      // 'close' follows and schedules the reconnection.
    });
    socket.on('close', (code, reason) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.setConnected(false);
      if (this.stopped) return;
      if (code === SYNC_CLOSE.unauthorized) {
        this.h.onUnauthorized();
        return;
      }
      if (code === SYNC_CLOSE.forbidden || code === SYNC_CLOSE.badMessage) {
        this.h.onRefused(code, reason.toString());
        return;
      }
      this.attempts++;
      this.timer = setTimeout(() => this.connect(), backoffDelay(this.attempts, 250, 10_000));
      this.timer.unref();
    });
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const s = this.socket;
    this.socket = null;
    s?.close(1000);
    this.setConnected(false);
  }

  private setConnected(connected: boolean): void {
    if (this.connected === connected) return;
    this.connected = connected;
    this.h.onConnection(connected);
  }
}
