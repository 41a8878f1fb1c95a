/**
 * Main-process side of the core's utilityProcess: starts it, relays RPC requests
 * (matched to responses by a sequence number) and fans its events out.
 */
import type { RpcEventMessage, RpcResponse } from '@flowstage/shared';
import { utilityProcess } from 'electron';
import type { CoreOptions, CoreToMain, MainToCore } from './core-protocol';

export interface CoreProcess {
  /** Resolves when the core is ready, rejects if it failed to start. */
  ready: Promise<void>;
  call(request: unknown): Promise<RpcResponse>;
  onEvent(listener: (message: RpcEventMessage) => void): () => void;
  /** Asks the core to close its databases and exit; kills it after a grace period. */
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 5000;

function requestId(request: unknown): number {
  return typeof request === 'object' && request !== null && 'id' in request && typeof request.id === 'number'
    ? request.id
    : -1;
}

export function startCoreProcess(modulePath: string, options: CoreOptions): CoreProcess {
  const child = utilityProcess.fork(modulePath, [], { serviceName: 'Flow Stage core', stdio: 'inherit' });
  const pending = new Map<number, { id: number; resolve: (response: RpcResponse) => void }>();
  const listeners = new Set<(message: RpcEventMessage) => void>();
  let seq = 0;
  let exited = false;
  let resolveExit: () => void = () => undefined;
  const exit = new Promise<void>((resolve) => {
    resolveExit = resolve;
  });
  let resolveReady: () => void = () => undefined;
  let rejectReady: (err: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // Observed by whoever awaits `ready`; never an unhandled rejection.
  ready.catch(() => undefined);

  const post = (message: MainToCore): void => {
    child.postMessage(message);
  };

  child.on('message', (message: CoreToMain) => {
    switch (message.type) {
      case 'ready':
        resolveReady();
        return;
      case 'fatal':
        rejectReady(new Error(message.message));
        return;
      case 'rpc': {
        const waiter = pending.get(message.seq);
        pending.delete(message.seq);
        waiter?.resolve(message.response);
        return;
      }
      case 'event':
        for (const listener of listeners) listener(message.message);
        return;
      case 'closed':
        return;
    }
  });

  child.on('exit', (code) => {
    exited = true;
    rejectReady(new Error(`core process exited with code ${code}`));
    for (const [, waiter] of pending) {
      waiter.resolve({
        id: waiter.id,
        ok: false,
        error: { code: 'core_exited', message: 'the core stopped' },
      });
    }
    pending.clear();
    resolveExit();
  });

  post({ type: 'init', options });

  return {
    ready,
    call(request) {
      const id = requestId(request);
      if (exited) {
        return Promise.resolve({
          id,
          ok: false,
          error: { code: 'core_exited', message: 'the core stopped' },
        });
      }
      seq += 1;
      const current = seq;
      return new Promise((resolve) => {
        pending.set(current, { id, resolve });
        post({ type: 'rpc', seq: current, request });
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      if (exited) return;
      post({ type: 'shutdown' });
      const timer = setTimeout(() => child.kill(), STOP_GRACE_MS);
      await exit;
      clearTimeout(timer);
    },
  };
}
