/**
 * Sandboxed preload: exposes exactly one object, `window.flowstage` (see api.ts), with
 * one RPC function and an event subscription. No Node or Electron object leaks through.
 * Bundled to CommonJS (sandboxed preloads cannot load other files).
 */
import type { RpcEventMessage, RpcEventName, RpcRequest, RpcResponse, ShellEvent } from '@flowstage/shared';
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_CHANNEL, type FlowstageBridge, RPC_CHANNEL, SHELL_CHANNEL, SHELL_EVENT_CHANNEL } from './api';

type Listener = (payload: unknown) => void;
const listeners = new Map<RpcEventName, Set<Listener>>();
const shellListeners = new Set<(event: ShellEvent) => void>();
let nextId = 1;

ipcRenderer.on(SHELL_EVENT_CHANNEL, (_event, message: ShellEvent) => {
  for (const listener of shellListeners) listener(message);
});

ipcRenderer.on(EVENT_CHANNEL, (_event, message: RpcEventMessage) => {
  const set = listeners.get(message.event);
  if (!set) return;
  for (const listener of set) listener(message.payload);
});

const bridge: FlowstageBridge = {
  shell: 'electron',
  rpc(method, params) {
    const request: RpcRequest = { id: nextId++, method, params };
    return ipcRenderer.invoke(RPC_CHANNEL, request) as Promise<RpcResponse>;
  },
  on(event, callback) {
    const listener = callback as Listener;
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
    }
    set.add(listener);
    return () => {
      listeners.get(event)?.delete(listener);
    };
  },
  onShellEvent(callback) {
    shellListeners.add(callback);
    return () => {
      shellListeners.delete(callback);
    };
  },
  async setLanguage(lang) {
    await ipcRenderer.invoke(SHELL_CHANNEL, { type: 'setLanguage', lang });
  },
};

contextBridge.exposeInMainWorld('flowstage', bridge);
