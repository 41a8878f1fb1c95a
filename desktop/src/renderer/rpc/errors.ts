/** A failed RPC call, as the UI sees it: a stable code and a human-readable message. */
export class RpcCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'RpcCallError';
  }
}

export function toRpcCallError(err: unknown): RpcCallError {
  if (err instanceof RpcCallError) return err;
  return new RpcCallError('internal', err instanceof Error ? err.message : String(err));
}
