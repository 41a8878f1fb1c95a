import type { RpcEventName, RpcMethod, RpcParams, RpcResponse } from '@flowstage/shared';

/** `open`: calls go through; `connecting`: first connection; `reconnecting`: lost, retrying. */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting';

/**
 * Carries RPC requests to the core and events back. Resolves with the response
 * envelope; rejects with an RpcCallError only for transport failures.
 */
export interface RpcTransport {
  readonly kind: 'electron' | 'browser';
  readonly state: ConnectionState;
  request<M extends RpcMethod>(method: M, params: RpcParams<M>): Promise<RpcResponse>;
  on(event: RpcEventName, listener: (payload: unknown) => void): () => void;
  onState(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}
