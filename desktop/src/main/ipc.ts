/**
 * The Electron IPC handlers, pure: the single RPC channel (validated here for sender,
 * size and JSON shape, then by the core's `dispatch` for method and params) and the
 * shell channel the renderer uses to tell main its language. Every refusal is a coded
 * RpcResponse, never a throw, so the channel keeps serving.
 */
import type { RpcResponse } from '@flowstage/shared';
import { z } from 'zod';

/** Same limit as the browser shell's WebSocket. */
export const MAX_IPC_MESSAGE_BYTES = 1024 * 1024;

export interface RpcForwarder {
  call(request: unknown): Promise<RpcResponse>;
}

function idOf(value: unknown): number {
  return typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'number'
    ? value.id
    : -1;
}

function refuse(id: number, code: string, message: string): RpcResponse {
  return { id, ok: false, error: { code, message } };
}

/** Approximate serialized size; refuses unserializable values (cycles, BigInt). */
function jsonSize(value: unknown): number | null {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? null : Buffer.byteLength(text, 'utf8');
  } catch {
    return null;
  }
}

export async function handleRpcInvoke(
  trustedSender: boolean,
  request: unknown,
  core: RpcForwarder,
): Promise<RpcResponse> {
  const id = idOf(request);
  if (!trustedSender) return refuse(-1, 'forbidden', 'untrusted sender');
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return refuse(id, 'bad_request', 'malformed RPC request');
  }
  const size = jsonSize(request);
  if (size === null) return refuse(id, 'bad_request', 'message is not serializable as JSON');
  if (size > MAX_IPC_MESSAGE_BYTES) {
    return refuse(id, 'too_large', `message exceeds ${MAX_IPC_MESSAGE_BYTES} bytes`);
  }
  try {
    return await core.call(request);
  } catch (err) {
    return refuse(id, 'internal', err instanceof Error ? err.message : String(err));
  }
}

/** Messages from the renderer to main on the shell channel. */
export const ShellRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('setLanguage'), lang: z.enum(['fr', 'en']) }).strict(),
]);
export type ShellRequest = z.infer<typeof ShellRequest>;

export type ShellReply = { ok: true } | { ok: false; error: { code: string; message: string } };

export function handleShellMessage(
  trustedSender: boolean,
  message: unknown,
  actions: { setLanguage(lang: 'fr' | 'en'): void },
): ShellReply {
  if (!trustedSender) return { ok: false, error: { code: 'forbidden', message: 'untrusted sender' } };
  const parsed = ShellRequest.safeParse(message);
  if (!parsed.success) {
    return { ok: false, error: { code: 'bad_request', message: 'malformed shell message' } };
  }
  actions.setLanguage(parsed.data.lang);
  return { ok: true };
}
