/**
 * The renderer's typed RPC client. The transport is chosen at runtime: the Electron
 * preload's `window.flowstage` when present, otherwise a WebSocket to the browser
 * shell authenticated by the launch token from the URL fragment.
 */
import type { RpcEventName, RpcEventPayload, RpcMethod, RpcParams, RpcResult } from '@flowstage/shared';
import { RpcCallError } from './errors';
import { IpcTransport } from './ipc-transport';
import { browserTokenEnvironment, takeShellToken } from './token';
import type { ConnectionState, RpcTransport } from './transport';
import { WebSocketTransport } from './ws-transport';

export { RpcCallError } from './errors';
export type { ConnectionState } from './transport';

export class RpcClient {
  constructor(readonly transport: RpcTransport) {}

  get kind(): 'electron' | 'browser' {
    return this.transport.kind;
  }

  get connection(): ConnectionState {
    return this.transport.state;
  }

  /** Calls a core method; rejects with an RpcCallError carrying the core's error code. */
  async call<M extends RpcMethod>(method: M, params: RpcParams<M>): Promise<RpcResult<M>> {
    const response = await this.transport.request(method, params);
    if (!response.ok) {
      throw new RpcCallError(response.error.code, response.error.message, response.error.details);
    }
    // The core validated the params and produced the result from the same contract.
    return response.result as RpcResult<M>;
  }

  /** Subscribes to a core event; returns the unsubscribe function. */
  on<E extends RpcEventName>(event: E, callback: (payload: RpcEventPayload<E>) => void): () => void {
    return this.transport.on(event, (payload) => callback(payload as RpcEventPayload<E>));
  }

  onConnection(callback: (state: ConnectionState) => void): () => void {
    return this.transport.onState(callback);
  }

  close(): void {
    this.transport.close();
  }
}

export type ConnectResult = { ok: true; client: RpcClient } | { ok: false; reason: 'missing_token' };

function createTransport(): RpcTransport | null {
  if (window.flowstage) return new IpcTransport(window.flowstage);
  const token = takeShellToken(browserTokenEnvironment());
  if (!token) return null;
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const url = `${scheme}://${window.location.host}/rpc?token=${encodeURIComponent(token)}`;
  return new WebSocketTransport({ url });
}

let shared: RpcClient | null = null;

/**
 * The window's client (Electron bridge or browser shell socket), created once.
 * `missing_token`: a shell tab opened without the link the shell printed.
 */
export function connectRpc(): ConnectResult {
  if (!shared) {
    const transport = createTransport();
    if (!transport) return { ok: false, reason: 'missing_token' };
    shared = new RpcClient(transport);
  }
  return { ok: true, client: shared };
}

export function getRpcClient(): RpcClient {
  const result = connectRpc();
  if (!result.ok) throw new RpcCallError(result.reason, 'open the link printed by Flow Stage to connect');
  return result.client;
}

export function call<M extends RpcMethod>(method: M, params: RpcParams<M>): Promise<RpcResult<M>> {
  return getRpcClient().call(method, params);
}

export function on<E extends RpcEventName>(
  event: E,
  callback: (payload: RpcEventPayload<E>) => void,
): () => void {
  return getRpcClient().on(event, callback);
}
