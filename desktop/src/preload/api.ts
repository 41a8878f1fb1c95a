/**
 * The only API the Electron preload exposes to the renderer, as `window.flowstage`.
 * In the browser shell it is absent and the renderer talks over a WebSocket instead.
 */
import type { RpcEventName, RpcEventPayload, RpcMethod, RpcParams, RpcResponse } from '@flowstage/shared';

export const RPC_CHANNEL = 'flowstage:rpc';
export const EVENT_CHANNEL = 'flowstage:event';

export interface FlowstageBridge {
  readonly shell: 'electron';
  /** Sends one RPC call to the core; resolves with the response envelope (never rejects on RPC errors). */
  rpc<M extends RpcMethod>(method: M, params: RpcParams<M>): Promise<RpcResponse>;
  /** Subscribes to a core event; returns the unsubscribe function. */
  on<E extends RpcEventName>(event: E, callback: (payload: RpcEventPayload<E>) => void): () => void;
}

declare global {
  interface Window {
    flowstage?: FlowstageBridge;
  }
}
