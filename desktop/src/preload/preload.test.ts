import { beforeEach, describe, expect, it, vi } from 'vitest';

const exposed = new Map<string, unknown>();
const handlers = new Map<string, (event: unknown, message: unknown) => void>();
const invoke = vi.fn(async (_channel: string, _payload: unknown) => ({ id: 1, ok: true, result: null }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: (channel: string, payload: unknown) => invoke(channel, payload),
    on: (channel: string, fn: (event: unknown, message: unknown) => void) => handlers.set(channel, fn),
  },
}));

interface Bridge {
  shell: string;
  rpc(method: string, params: unknown): Promise<unknown>;
  on(event: string, cb: (payload: unknown) => void): () => void;
  onShellEvent(cb: (event: unknown) => void): () => void;
  setLanguage(lang: string): Promise<void>;
}

describe('preload bridge', () => {
  beforeEach(async () => {
    await import('./preload');
  });

  it('exposes exactly one object with functions only (no Electron or Node object)', () => {
    expect([...exposed.keys()]).toEqual(['flowstage']);
    const bridge = exposed.get('flowstage') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['on', 'onShellEvent', 'rpc', 'setLanguage', 'shell']);
    for (const [key, value] of Object.entries(bridge)) {
      if (key !== 'shell') expect(typeof value).toBe('function');
    }
  });

  it('sends RPC calls as numbered envelopes on the single RPC channel', async () => {
    const bridge = exposed.get('flowstage') as Bridge;
    await bridge.rpc('app.info', {});
    await bridge.rpc('search.global', { query: 'x' });
    expect(invoke.mock.calls.map((c) => c[0])).toEqual(['flowstage:rpc', 'flowstage:rpc']);
    const [a, b] = invoke.mock.calls.map((c) => c[1] as { id: number; method: string });
    expect(a?.method).toBe('app.info');
    expect((b?.id ?? 0) > (a?.id ?? 0)).toBe(true);
  });

  it('delivers core events and shell events to subscribers until they unsubscribe', () => {
    const bridge = exposed.get('flowstage') as Bridge;
    const got: unknown[] = [];
    const off = bridge.on('data.changed', (p) => got.push(p));
    const offShell = bridge.onShellEvent((e) => got.push(e));
    handlers.get('flowstage:event')?.({}, { event: 'data.changed', payload: { collections: ['artists'] } });
    handlers.get('flowstage:event')?.({}, { event: 'sync.status', payload: {} });
    handlers.get('flowstage:shell-event')?.({}, { type: 'menu', command: 'search' });
    off();
    offShell();
    handlers.get('flowstage:event')?.({}, { event: 'data.changed', payload: {} });
    handlers.get('flowstage:shell-event')?.({}, { type: 'menu', command: 'undo' });
    expect(got).toEqual([{ collections: ['artists'] }, { type: 'menu', command: 'search' }]);
  });
});
