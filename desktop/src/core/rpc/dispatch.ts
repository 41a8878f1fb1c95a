/**
 * The core's RPC boundary: every request from a renderer (Electron IPC or the browser
 * shell's WebSocket) goes through `dispatch`, which validates the envelope and the
 * params against the shared contract before a handler runs, and turns every failure
 * into a typed error response (never a thrown exception across the boundary).
 */
import {
  isRpcMethod,
  RpcRequest,
  type RpcEventMessage,
  type RpcHandlers,
  type RpcMethod,
  type RpcResponse,
  rpcContract,
} from '@flowstage/shared';
import { z } from 'zod';

/** An error a handler throws on purpose: its code and message reach the renderer. */
export class RpcError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

/** What a transport (shell WebSocket, Electron IPC) needs from the core. */
export interface CoreHost {
  handlers: RpcHandlers;
  /** Subscribe to pushed events; returns the unsubscribe function. */
  onEvent(listener: (message: RpcEventMessage) => void): () => void;
  close(): Promise<void>;
}

type AnyHandler = (params: unknown) => Promise<unknown>;

export async function dispatch(handlers: RpcHandlers, raw: unknown): Promise<RpcResponse> {
  const envelope = RpcRequest.safeParse(raw);
  if (!envelope.success) {
    const id =
      typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'number' ? raw.id : -1;
    return { id, ok: false, error: { code: 'bad_request', message: 'malformed RPC request' } };
  }
  const { id, method, params } = envelope.data;
  if (!isRpcMethod(method)) {
    return { id, ok: false, error: { code: 'unknown_method', message: `unknown method: ${method}` } };
  }
  const parsed = rpcContract[method].params.safeParse(params ?? {});
  if (!parsed.success) {
    return {
      id,
      ok: false,
      error: { code: 'invalid_params', message: z.prettifyError(parsed.error), details: parsed.error.issues },
    };
  }
  try {
    const handler = handlers[method as RpcMethod] as AnyHandler;
    const result = await handler(parsed.data);
    return { id, ok: true, result };
  } catch (err) {
    if (err instanceof RpcError) {
      return { id, ok: false, error: { code: err.code, message: err.message, details: err.details } };
    }
    const message = err instanceof Error ? err.message : String(err);
    return { id, ok: false, error: { code: 'internal', message } };
  }
}
