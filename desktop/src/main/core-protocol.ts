/**
 * Messages between the Electron main process and the core's utilityProcess.
 * Plain structured-clone data; RPC requests and responses travel unchanged inside.
 */
import type { RpcEventMessage, RpcResponse } from '@flowstage/shared';

export interface CoreOptions {
  dataDir: string;
  cloudUrl: string;
  syncUrl: string;
  /** The app's version, reported by `app.info`. */
  version: string;
}

export type MainToCore =
  | { type: 'init'; options: CoreOptions }
  | { type: 'rpc'; seq: number; request: unknown }
  | { type: 'shutdown' };

export type CoreToMain =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'rpc'; seq: number; response: RpcResponse }
  | { type: 'event'; message: RpcEventMessage }
  | { type: 'closed' };
