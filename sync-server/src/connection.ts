/**
 * One accepted client socket in one room. Every message is checked (binary, size, rate,
 * strict parse) before it touches the room; any failure closes this connection only.
 *
 * Reading from the socket is paused while the client's updates wait for the store
 * (backpressure) and while it is over its rate limit (throttling: messages that arrived
 * anyway are held, in order, and handled as tokens come back).
 */
import { SYNC_CLOSE } from '@flowstage/shared';
import type { WebSocket } from 'ws';
import type { Access } from './access';
import type { Counters } from './metrics';
import {
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  type IncomingMessage,
  ProtocolError,
  parseMessage,
} from './protocol';
import type { TokenBucket } from './ratelimit';
import { ApplyFailedError, type Room, type RoomPeer } from './room';

/** Standard close codes used besides the SYNC_CLOSE ones. */
export const CLOSE_INTERNAL_ERROR = 1011;
export const CLOSE_TRY_AGAIN_LATER = 1013;

export interface ConnectionOptions {
  maxMessageBytes: number;
  /** Above this many bytes sent but not yet flushed to the client, it is dropped. */
  maxBufferedBytes: number;
  rateLimiter: TokenBucket | null;
  counters: Counters;
  log: (line: string) => void;
  /** Called once, when the connection left its room. */
  onClosed: (connection: Connection) => void;
}

type PauseReason = 'store' | 'rate';

export class Connection implements RoomPeer {
  private disposed = false;
  private inflightBytes = 0;
  private readonly pausedFor = new Set<PauseReason>();
  private held: Array<[WebSocket.RawData, boolean]> = [];
  private heldBytes = 0;
  private drainTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ws: WebSocket,
    readonly room: Room,
    readonly access: Access,
    /** The token's subject, for logs. */
    readonly userId: string,
    private readonly options: ConnectionOptions,
  ) {}

  /** Joins the room and starts the sync: server's step 1, then the current presence. */
  start(): void {
    this.ws.on('message', (data, isBinary) => this.receive(data, isBinary));
    this.ws.on('close', () => this.dispose());
    this.room.addPeer(this);
    this.send(encodeSyncStep1(this.room.stateVector()));
    const presence = this.room.encodeAllAwareness();
    if (presence) this.send(presence);
  }

  /**
   * Reads from the socket (paused during admission) unless this connection paused it
   * itself; a closed one reads too, for the client's answer to the close frame.
   */
  read(): void {
    if (this.disposed || this.pausedFor.size === 0) this.ws.resume();
  }

  send(message: Uint8Array): void {
    if (this.disposed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.options.maxBufferedBytes) {
      this.options.log(`room ${this.room.name}: dropping a client that does not read (user ${this.userId})`);
      this.dispose();
      this.ws.terminate();
      return;
    }
    this.options.counters.bytesSent += message.byteLength;
    this.ws.send(message, { binary: true }, (error) => {
      if (error) this.options.log(`room ${this.room.name}: send failed: ${error.message}`);
    });
  }

  close(code: number, reason: string): void {
    if (this.disposed) return;
    this.dispose();
    // A paused socket would never read the client's answer to the close frame.
    if (this.pausedFor.size > 0) this.ws.resume();
    this.ws.close(code, closeReason(reason));
  }

  private dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.drainTimer) clearTimeout(this.drainTimer);
    this.held = [];
    this.room.removePeer(this);
    this.options.onClosed(this);
  }

  /** Handles one message from the client (called for every message, in order). */
  receive(data: WebSocket.RawData, isBinary: boolean): void {
    if (this.disposed) return;
    const limiter = this.options.rateLimiter;
    if (limiter?.throttles && (this.held.length > 0 || !limiter.take())) {
      this.hold(data, isBinary);
      return;
    }
    this.process(data, isBinary);
  }

  /** Keeps a message until the rate limit allows it, and stops reading meanwhile. */
  private hold(data: WebSocket.RawData, isBinary: boolean): void {
    this.options.counters.messagesThrottled++;
    this.held.push([data, isBinary]);
    this.heldBytes += byteLength(data);
    // Paused sockets deliver at most what was already read; more means a client that
    // does not let itself be paused.
    if (this.heldBytes > 8 * this.options.maxMessageBytes) {
      this.reject(SYNC_CLOSE.rateLimited, 'too many messages');
      return;
    }
    this.setPaused('rate', true);
    this.drainTimer ??= setTimeout(this.drainHeld, this.options.rateLimiter?.msUntilToken() ?? 0);
  }

  private readonly drainHeld = (): void => {
    this.drainTimer = null;
    const limiter = this.options.rateLimiter;
    while (!this.disposed && this.held.length > 0) {
      if (limiter && !limiter.take()) {
        this.drainTimer = setTimeout(this.drainHeld, limiter.msUntilToken());
        return;
      }
      const [data, isBinary] = this.held.shift()!;
      this.heldBytes -= byteLength(data);
      this.process(data, isBinary);
    }
    if (!this.disposed) this.setPaused('rate', false);
  };

  private process(data: WebSocket.RawData, isBinary: boolean): void {
    try {
      const checked = this.check(data, isBinary);
      if ('refusal' in checked) this.reject(checked.code, checked.refusal);
      else this.handle(checked.message);
    } catch (error) {
      this.options.log(
        `room ${this.room.name}: unexpected error: ${(error as Error).stack ?? String(error)}`,
      );
      this.close(CLOSE_INTERNAL_ERROR, 'internal error');
    }
  }

  private check(
    data: WebSocket.RawData,
    isBinary: boolean,
  ): { message: IncomingMessage } | { code: number; refusal: string } {
    if (!isBinary) return { code: SYNC_CLOSE.badMessage, refusal: 'text messages are not supported' };
    if (byteLength(data) > this.options.maxMessageBytes) {
      return { code: SYNC_CLOSE.tooLarge, refusal: 'message too large' };
    }
    const limiter = this.options.rateLimiter;
    if (limiter && !limiter.throttles && !limiter.take()) {
      return { code: SYNC_CLOSE.rateLimited, refusal: 'too many messages' };
    }
    const bytes = ownedCopy(data);
    this.options.counters.bytesReceived += bytes.byteLength;
    try {
      return { message: parseMessage(bytes) };
    } catch (error) {
      if (error instanceof ProtocolError) return { code: SYNC_CLOSE.badMessage, refusal: error.message };
      throw error;
    }
  }

  private handle(message: IncomingMessage): void {
    switch (message.kind) {
      case 'sync-step1':
        this.send(encodeSyncStep2(this.room.diff(message.stateVector)));
        return;
      case 'sync-step2':
      case 'update':
        this.handleUpdate(message);
        return;
      case 'awareness':
        try {
          this.room.applyAwareness(this, message.update);
        } catch {
          this.reject(SYNC_CLOSE.badMessage, 'invalid awareness update');
        }
        return;
      case 'query-awareness': {
        const presence = this.room.encodeAllAwareness();
        if (presence) this.send(presence);
        return;
      }
    }
  }

  private handleUpdate(message: Extract<IncomingMessage, { kind: 'sync-step2' | 'update' }>): void {
    if (this.access === 'read') {
      // A read-only client's step 2 usually carries nothing new (it only echoes what it
      // received); only a real change is refused out loud.
      if (this.room.changedBy(message.decoded)) {
        this.options.counters.updatesRefused++;
        this.send(encodePermissionDenied('read-only member: updates are not accepted'));
      }
      return;
    }
    // A reconnecting client's step 2 repeats its whole delete set: store it only if it
    // brings something new. Live updates skip the check (it scans the document's deletions).
    if (message.kind === 'sync-step2' && !this.room.changedBy(message.decoded)) return;
    this.track(message.update.byteLength);
    this.room.submit(this, message.update).then(
      () => {
        this.options.counters.updatesStored++;
        this.untrack(message.update.byteLength);
      },
      (error: unknown) => {
        this.untrack(message.update.byteLength);
        if (error instanceof ApplyFailedError) {
          this.reject(SYNC_CLOSE.badMessage, 'update rejected');
          return;
        }
        this.options.log(`room ${this.room.name}: update not stored: ${(error as Error).message}`);
        this.close(CLOSE_INTERNAL_ERROR, 'storage unavailable');
      },
    );
  }

  /** Backpressure: stop reading from a client whose updates wait for the store. */
  private track(bytes: number): void {
    this.inflightBytes += bytes;
    if (this.inflightBytes > 4 * this.options.maxMessageBytes) this.setPaused('store', true);
  }

  private untrack(bytes: number): void {
    this.inflightBytes -= bytes;
    if (this.inflightBytes <= this.options.maxMessageBytes) this.setPaused('store', false);
  }

  /** Reads from the socket only while nothing asks to pause it. */
  private setPaused(reason: PauseReason, paused: boolean): void {
    const before = this.pausedFor.size;
    if (paused) this.pausedFor.add(reason);
    else this.pausedFor.delete(reason);
    if (this.disposed) return;
    if (before === 0 && this.pausedFor.size > 0) this.ws.pause();
    else if (before > 0 && this.pausedFor.size === 0) this.ws.resume();
  }

  private reject(code: number, reason: string): void {
    this.options.counters.messagesRejected++;
    this.options.log(`room ${this.room.name}: closing connection of ${this.userId} (${code}: ${reason})`);
    this.close(code, reason);
  }
}

function byteLength(data: WebSocket.RawData): number {
  if (Array.isArray(data)) return data.reduce((n, chunk) => n + chunk.byteLength, 0);
  return data.byteLength;
}

/** A copy that owns its buffer exactly (see `parseMessage`). */
function ownedCopy(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) {
    const out = new Uint8Array(byteLength(data));
    let offset = 0;
    for (const chunk of data) {
      out.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return out;
  }
  return data instanceof ArrayBuffer ? new Uint8Array(data.slice(0)) : new Uint8Array(data);
}

/** A close reason must fit the 123 bytes a close frame allows. */
export function closeReason(reason: string): string {
  let r = reason;
  while (Buffer.byteLength(r) > 123) r = r.slice(0, -1);
  return r;
}
