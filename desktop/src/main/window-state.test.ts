import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  parseWindowState,
  type Rect,
  resolveWindowBounds,
  serializeWindowState,
  type TrackedWindow,
  trackWindowState,
  type WindowState,
} from './window-state';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 900 };
const external: Rect = { x: 1440, y: 0, width: 2560, height: 1440 };

function state(bounds: Rect | null, maximized = false): WindowState {
  return { version: 1, bounds, maximized };
}

describe('parseWindowState', () => {
  it('reads a valid file', () => {
    const s = state({ x: 10, y: 20, width: 1000, height: 700 }, true);
    expect(parseWindowState(serializeWindowState(s))).toEqual(s);
  });

  it.each([
    null,
    '',
    '{not json',
    'null',
    '[]',
    '{"version":2,"bounds":null,"maximized":false}',
    '{"version":1,"bounds":{"x":"a","y":0,"width":10,"height":10},"maximized":false}',
    '{"version":1,"bounds":{"x":0,"y":0,"width":-5,"height":10},"maximized":false}',
    '{"version":1,"bounds":null,"maximized":"yes"}',
    '{"version":1,"bounds":null,"maximized":false,"extra":1}',
  ])('gives the defaults for a missing or corrupt file: %s', (text) => {
    expect(parseWindowState(text)).toEqual(DEFAULT_WINDOW_STATE);
  });
});

describe('resolveWindowBounds', () => {
  it('centers the default size on the primary display when nothing was saved', () => {
    expect(resolveWindowBounds(DEFAULT_WINDOW_STATE, [laptop, external])).toEqual({
      x: 40,
      y: 20,
      width: 1360,
      height: 860,
    });
  });

  it('keeps saved bounds that are visible, on a secondary display too', () => {
    const b = { x: 1600, y: 100, width: 1200, height: 800 };
    expect(resolveWindowBounds(state(b), [laptop, external])).toEqual(b);
  });

  it('brings a window saved on a disconnected monitor back on the primary display', () => {
    const onExternal = { x: 2000, y: 200, width: 1200, height: 800 };
    const r = resolveWindowBounds(state(onExternal), [laptop]);
    expect(r).toEqual({ x: 120, y: 50, width: 1200, height: 800 });
  });

  it('shrinks a window larger than its display and pulls it inside', () => {
    const r = resolveWindowBounds(state({ x: -20, y: 10, width: 3000, height: 2000 }), [laptop]);
    expect(r).toEqual({ x: 0, y: 0, width: 1440, height: 900 });
  });

  it('rescues a window whose title bar is above every display', () => {
    const r = resolveWindowBounds(state({ x: 100, y: -600, width: 1000, height: 700 }), [laptop]);
    expect(r.y).toBeGreaterThanOrEqual(0);
    expect(r.x + r.width).toBeLessThanOrEqual(1440);
  });

  it('handles no display information', () => {
    expect(resolveWindowBounds(DEFAULT_WINDOW_STATE, []).width).toBe(1360);
  });
});

function fakeWindow(): TrackedWindow & { bounds: Rect; maximized: boolean; minimized: boolean } {
  return {
    bounds: { x: 0, y: 0, width: 1000, height: 700 },
    maximized: false,
    minimized: false,
    getNormalBounds() {
      return this.bounds;
    },
    isMaximized() {
      return this.maximized;
    },
    isMinimized() {
      return this.minimized;
    },
    isFullScreen: () => false,
  };
}

function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 0;
  return {
    setTimer: (fn: () => void) => {
      next += 1;
      pending.set(next, fn);
      return next;
    },
    clearTimer: (t: unknown) => pending.delete(t as number),
    run() {
      const fns = [...pending.values()];
      pending.clear();
      for (const fn of fns) fn();
    },
    get size() {
      return pending.size;
    },
  };
}

describe('trackWindowState', () => {
  it('debounces saves: many changes, one write with the last bounds', async () => {
    const win = fakeWindow();
    const writes: string[] = [];
    const timers = manualTimers();
    const t = trackWindowState(
      win,
      { read: async () => null, write: async (s) => void writes.push(s) },
      DEFAULT_WINDOW_STATE,
      timers,
    );
    for (let i = 0; i < 20; i++) {
      win.bounds = { x: i, y: i, width: 1000, height: 700 };
      t.changed();
    }
    expect(timers.size).toBe(1);
    timers.run();
    await Promise.resolve();
    expect(writes).toHaveLength(1);
    expect(parseWindowState(writes[0] ?? null).bounds).toEqual({ x: 19, y: 19, width: 1000, height: 700 });
  });

  it('keeps the normal bounds while minimized and records maximized; flush writes now', async () => {
    const win = fakeWindow();
    const writes: string[] = [];
    const timers = manualTimers();
    const t = trackWindowState(
      win,
      { read: async () => null, write: async (s) => void writes.push(s) },
      DEFAULT_WINDOW_STATE,
      timers,
    );
    win.maximized = true;
    await t.flush();
    win.minimized = true;
    win.bounds = { x: -32000, y: -32000, width: 160, height: 28 };
    t.changed();
    await t.flush();
    expect(writes).toHaveLength(1);
    expect(parseWindowState(writes[0] ?? null)).toEqual(
      state({ x: 0, y: 0, width: 1000, height: 700 }, true),
    );
  });

  it('never throws when the file cannot be written', async () => {
    const errors: unknown[] = [];
    const t = trackWindowState(
      fakeWindow(),
      {
        read: async () => null,
        write: async () => {
          throw new Error('disk full');
        },
      },
      DEFAULT_WINDOW_STATE,
      { ...manualTimers(), onError: (e) => errors.push(e) },
    );
    await expect(t.flush()).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
  });

  it('does nothing after dispose', async () => {
    const writes: string[] = [];
    const timers = manualTimers();
    const t = trackWindowState(
      fakeWindow(),
      { read: async () => null, write: async (s) => void writes.push(s) },
      DEFAULT_WINDOW_STATE,
      timers,
    );
    t.dispose();
    t.changed();
    await t.flush();
    expect(writes).toHaveLength(0);
  });
});
