/**
 * Window state kept between launches: bounds and maximized flag, saved (debounced) to
 * a JSON file in userData, validated with zod on load (a missing or corrupt file gives
 * the defaults, never a crash), and clamped to the displays present now (a window
 * saved on a disconnected monitor comes back on a visible one).
 * Pure module: no Electron import; the caller passes displays and the file adapter.
 */
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const WindowState = z
  .object({
    version: z.literal(1),
    bounds: z
      .object({
        x: z.number().int().min(-100_000).max(100_000),
        y: z.number().int().min(-100_000).max(100_000),
        width: z.number().int().min(1).max(100_000),
        height: z.number().int().min(1).max(100_000),
      })
      .strict()
      .nullable(),
    maximized: z.boolean(),
  })
  .strict();
export type WindowState = z.infer<typeof WindowState>;

export const DEFAULT_SIZE = { width: 1360, height: 860 } as const;
export const MIN_SIZE = { width: 960, height: 600 } as const;
export const WINDOW_STATE_FILE = 'window-state.json';
export const SAVE_DEBOUNCE_MS = 500;
/** How much of the title bar must be on a display for the window to count as visible. */
const MIN_VISIBLE = 64;

export const DEFAULT_WINDOW_STATE: WindowState = { version: 1, bounds: null, maximized: false };

/** Parses the file's text; anything unexpected gives the defaults. */
export function parseWindowState(text: string | null): WindowState {
  if (text === null) return DEFAULT_WINDOW_STATE;
  try {
    const result = WindowState.safeParse(JSON.parse(text));
    return result.success ? result.data : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

export function serializeWindowState(state: WindowState): string {
  return `${JSON.stringify(WindowState.parse(state), null, 2)}\n`;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function centered(size: { width: number; height: number }, area: Rect): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  };
}

/**
 * The bounds to open the window with, given the displays' work areas (first = primary).
 * Saved bounds whose title bar is on a display are kept (shrunk to fit it); otherwise
 * the window is centered on the display it overlapped most, or on the primary one.
 */
export function resolveWindowBounds(state: WindowState, workAreas: readonly Rect[]): Rect {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const saved = state.bounds;
  if (!saved) return centered(DEFAULT_SIZE, primary);
  const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: Math.min(32, saved.height) };
  const home = workAreas.find((area) => {
    const w = Math.min(titleBar.x + titleBar.width, area.x + area.width) - Math.max(titleBar.x, area.x);
    return w >= MIN_VISIBLE && overlap(titleBar, area) > 0;
  });
  if (!home) {
    let best = primary;
    let bestArea = 0;
    for (const area of workAreas) {
      const o = overlap(saved, area);
      if (o > bestArea) {
        best = area;
        bestArea = o;
      }
    }
    return centered(saved, best);
  }
  const width = Math.min(Math.max(saved.width, Math.min(MIN_SIZE.width, home.width)), home.width);
  const height = Math.min(Math.max(saved.height, Math.min(MIN_SIZE.height, home.height)), home.height);
  const x = Math.min(Math.max(saved.x, home.x), home.x + home.width - width);
  const y = Math.min(Math.max(saved.y, home.y), home.y + home.height - height);
  return { x, y, width, height };
}

/** File access behind a tiny adapter (node:fs in main, an in-memory map in tests). */
export interface StateFile {
  read(): Promise<string | null>;
  write(text: string): Promise<void>;
}

/** What the tracker needs from a BrowserWindow. */
export interface TrackedWindow {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isMinimized(): boolean;
  isFullScreen(): boolean;
}

export interface WindowStateTracker {
  /** Call on resize/move/maximize/unmaximize: schedules a save. */
  changed(): void;
  /** Saves now (on close), cancelling a pending save. */
  flush(): Promise<void>;
  /** Stops without saving. */
  dispose(): void;
}

export function snapshotWindow(win: TrackedWindow, previous: WindowState): WindowState {
  // A minimized or full-screen window keeps its last normal bounds.
  if (win.isMinimized() || win.isFullScreen()) return previous;
  const b = win.getNormalBounds();
  return {
    version: 1,
    bounds: {
      x: Math.round(b.x),
      y: Math.round(b.y),
      width: Math.max(1, Math.round(b.width)),
      height: Math.max(1, Math.round(b.height)),
    },
    maximized: win.isMaximized(),
  };
}

export function trackWindowState(
  win: TrackedWindow,
  file: StateFile,
  initial: WindowState,
  options: {
    debounceMs?: number;
    setTimer?: (fn: () => void, ms: number) => unknown;
    clearTimer?: (t: unknown) => void;
    onError?: (err: unknown) => void;
  } = {},
): WindowStateTracker {
  const debounceMs = options.debounceMs ?? SAVE_DEBOUNCE_MS;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  const onError = options.onError ?? (() => undefined);
  let state = initial;
  let lastWritten = serializeWindowState(initial);
  let timer: unknown = null;
  let disposed = false;

  const save = async (): Promise<void> => {
    timer = null;
    if (disposed) return;
    state = snapshotWindow(win, state);
    const text = serializeWindowState(state);
    if (text === lastWritten) return;
    lastWritten = text;
    try {
      await file.write(text);
    } catch (err) {
      onError(err);
    }
  };

  return {
    changed() {
      if (disposed) return;
      if (timer !== null) clearTimer(timer);
      timer = setTimer(() => void save(), debounceMs);
    },
    async flush() {
      if (timer !== null) clearTimer(timer);
      await save();
    },
    dispose() {
      disposed = true;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
}
