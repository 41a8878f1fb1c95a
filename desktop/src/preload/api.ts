/**
 * The only API the Electron preload exposes to the renderer, as `window.flowstage`.
 * In the browser shell it is absent and the renderer talks over a WebSocket instead.
 */
import type {
  RpcEventName,
  RpcEventPayload,
  RpcMethod,
  RpcParams,
  RpcResponse,
  ShellEvent,
} from '@flowstage/shared';

export const RPC_CHANNEL = 'flowstage:rpc';
export const EVENT_CHANNEL = 'flowstage:event';
/** Shell events (menu commands, deep links) from main, validated there with zod. */
export const SHELL_EVENT_CHANNEL = 'flowstage:shell-event';
/** Renderer → main shell messages (the app language, for the native menu). */
export const SHELL_CHANNEL = 'flowstage:shell';

export interface FlowstageBridge {
  readonly shell: 'electron';
  /** Sends one RPC call to the core; resolves with the response envelope (never rejects on RPC errors). */
  rpc<M extends RpcMethod>(method: M, params: RpcParams<M>): Promise<RpcResponse>;
  /** Subscribes to a core event; returns the unsubscribe function. */
  on<E extends RpcEventName>(event: E, callback: (payload: RpcEventPayload<E>) => void): () => void;
  /** Subscribes to shell events (menu commands, deep links); returns the unsubscribe function. */
  onShellEvent(callback: (event: ShellEvent) => void): () => void;
  /** Tells main the app language so the native menu follows it. */
  setLanguage(lang: 'fr' | 'en'): Promise<void>;
}

declare global {
  interface Window {
    flowstage?: FlowstageBridge;
  }
}
