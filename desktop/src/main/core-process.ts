/**
 * Entry of the Electron utilityProcess that runs the core, so a long sync or import
 * never freezes a window. The main process relays the renderer's RPC requests here;
 * they go through `dispatch` (params validated against the shared contract) and the
 * responses and core events go back over the parent port.
 */
import type { RpcResponse } from '@flowstage/shared';
import type { MessageEvent } from 'electron';
import { createCore } from '../core/index';
import { type CoreHost, dispatch } from '../core/rpc/dispatch';
import type { CoreToMain, MainToCore } from './core-protocol';

const port = process.parentPort;
let core: Promise<CoreHost> | null = null;

function post(message: CoreToMain): void {
  port.postMessage(message);
}

function requestId(request: unknown): number {
  return typeof request === 'object' && request !== null && 'id' in request && typeof request.id === 'number'
    ? request.id
    : -1;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function answer(seq: number, request: unknown): Promise<void> {
  let response: RpcResponse;
  if (!core) {
    response = {
      id: requestId(request),
      ok: false,
      error: { code: 'core_not_ready', message: 'core not started' },
    };
  } else {
    try {
      response = await dispatch((await core).handlers, request);
    } catch (err) {
      response = {
        id: requestId(request),
        ok: false,
        error: { code: 'internal', message: errorMessage(err) },
      };
    }
  }
  post({ type: 'rpc', seq, response });
}

async function start(options: Extract<MainToCore, { type: 'init' }>['options']): Promise<void> {
  if (core) return;
  const starting: Promise<CoreHost> = createCore({ ...options, shell: 'electron' });
  core = starting;
  try {
    const host = await starting;
    host.onEvent((message) => post({ type: 'event', message }));
    post({ type: 'ready' });
  } catch (err) {
    post({ type: 'fatal', message: errorMessage(err) });
    process.exit(1);
  }
}

async function shutdown(): Promise<void> {
  try {
    if (core) await (await core).close();
  } finally {
    post({ type: 'closed' });
    process.exit(0);
  }
}

port.on('message', (event: MessageEvent) => {
  const message = event.data as MainToCore;
  switch (message.type) {
    case 'init':
      void start(message.options);
      return;
    case 'rpc':
      void answer(message.seq, message.request);
      return;
    case 'shutdown':
      void shutdown();
      return;
  }
});
