/**
 * Browser shell transport: JSON RPC over one WebSocket, reconnecting with exponential
 * backoff when the socket drops. Calls made while disconnected wait for the next
 * connection (up to their timeout); calls in flight when it drops fail with
 * `disconnected`, because the core may or may not have run them.
 */
import type { RpcEventMessage, RpcEventName, RpcMethod, RpcParams, RpcResponse } from '@flowstage/shared';
import { RpcCallError } from './errors';
import type { ConnectionState, RpcTransport } from './transport';

export interface SocketHandlers {
  onOpen(): void;
  onMessage(text: string): void;
  onClose(): void;
}

export interface SocketLike {
  send(text: string): void;
  close(): void;
}

/** Opens a socket and reports its life through the handlers (adapts browser or Node sockets). */
export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketLike;

export const browserSocketFactory: SocketFactory = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.onopen = () => handlers.onOpen();
  socket.onmessage = (event: MessageEvent<unknown>) => {
    if (typeof event.data === 'string') handlers.onMessage(event.data);
  };
  socket.onclose = () => handlers.onClose();
  return { send: (text) => socket.send(text), close: () => socket.close() };
};

export interface WebSocketTransportOptions {
  url: string;
  socketFactory?: SocketFactory;
  /** First retry delay and ceiling, in ms. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  requestTimeoutMs?: number;
  /** Jitter source in [0, 1). */
  random?: () => number;
}

interface Pending {
  text: string;
  sent: boolean;
  resolve(response: RpcResponse): void;
  reject(error: RpcCallError): void;
  timer: ReturnType<typeof setTimeout>;
}

function isEventMessage(value: unknown): value is RpcEventMessage {
  return typeof value === 'object' && value !== null && 'event' in value && typeof value.event === 'string';
}

function isResponse(value: unknown): value is RpcResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    typeof value.id === 'number' &&
    'ok' in value
  );
}

export function backoffDelay(attempt: number, initialMs: number, maxMs: number, random: number): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

export class WebSocketTransport implements RpcTransport {
  readonly kind = 'browser';
  private currentState: ConnectionState = 'connecting';
  private socket: SocketLike | null = null;
  private nextId = 1;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private readonly pending = new Map<number, Pending>();
  private readonly eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly factory: SocketFactory;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly requestTimeoutMs: number;
  private readonly random: () => number;

  constructor(private readonly options: WebSocketTransportOptions) {
    this.factory = options.socketFactory ?? browserSocketFactory;
    this.initialBackoffMs = options.initialBackoffMs ?? 250;
    this.maxBackoffMs = options.maxBackoffMs ?? 8000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
    this.random = options.random ?? Math.random;
    this.connect();
  }

  get state(): ConnectionState {
    return this.currentState;
  }

  request<M extends RpcMethod>(method: M, params: RpcParams<M>): Promise<RpcResponse> {
    if (this.closed) return Promise.reject(new RpcCallError('closed', 'the connection is closed'));
    const id = this.nextId++;
    const text = JSON.stringify({ id, method, params });
    return new Promise<RpcResponse>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new RpcCallError('timeout', `${method} did not answer in time`));
      }, this.requestTimeoutMs);
      const entry: Pending = { text, sent: false, resolve, reject, timer };
      this.pending.set(id, entry);
      if (this.currentState === 'open') this.transmit(entry);
    });
  }

  on(event: RpcEventName, listener: (payload: unknown) => void): () => void {
    let set = this.eventListeners.get(event);
    if (!set) {
      set = new Set();
      this.eventListeners.set(event, set);
    }
    set.add(listener);
    return () => {
      this.eventListeners.get(event)?.delete(listener);
    };
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => {
      this.stateListeners.delete(listener);
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.failPending(() => true, new RpcCallError('closed', 'the connection is closed'));
    const socket = this.socket;
    this.socket = null;
    socket?.close();
  }

  private connect(): void {
    this.retryTimer = null;
    if (this.closed) return;
    let socket: SocketLike | null = null;
    const handlers: SocketHandlers = {
      onOpen: () => {
        if (this.socket !== socket) return;
        this.attempt = 0;
        this.setState('open');
        for (const entry of this.pending.values()) if (!entry.sent) this.transmit(entry);
      },
      onMessage: (text) => {
        if (this.socket === socket) this.receive(text);
      },
      onClose: () => {
        if (this.socket !== socket) return;
        this.socket = null;
        this.failPending(
          (entry) => entry.sent,
          new RpcCallError('disconnected', 'the connection to the core was interrupted'),
        );
        this.scheduleRetry();
      },
    };
    try {
      socket = this.factory(this.options.url, handlers);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
  }

  private scheduleRetry(): void {
    if (this.closed) return;
    this.setState('reconnecting');
    const delay = backoffDelay(this.attempt, this.initialBackoffMs, this.maxBackoffMs, this.random());
    this.attempt += 1;
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  private transmit(entry: Pending): void {
    if (!this.socket) return;
    entry.sent = true;
    this.socket.send(entry.text);
  }

  private receive(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (isEventMessage(message)) {
      for (const listener of this.eventListeners.get(message.event) ?? []) listener(message.payload);
      return;
    }
    if (!isResponse(message)) return;
    const entry = this.pending.get(message.id);
    if (!entry) return;
    this.pending.delete(message.id);
    clearTimeout(entry.timer);
    entry.resolve(message);
  }

  private failPending(match: (entry: Pending) => boolean, error: RpcCallError): void {
    for (const [id, entry] of this.pending) {
      if (!match(entry)) continue;
      this.pending.delete(id);
      clearTimeout(entry.timer);
      entry.reject(error);
    }
  }

  private setState(state: ConnectionState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    for (const listener of this.stateListeners) listener(state);
  }
}
