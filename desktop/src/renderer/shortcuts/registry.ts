/**
 * Keyboard shortcuts: a small pure registry. Bindings are single keys (`?`, `/`),
 * modifier chords (`mod+k`: Ctrl on Windows/Linux, Cmd on macOS) or two-key sequences
 * (`g r`; `mod+shift+z` with Shift). `step` feeds one key press and returns the action to
 * run, if any, and the pending sequence prefix. Nothing fires while the user is typing in
 * a field, except modifier chords (Ctrl-K must work from a search box) not marked
 * `notInFields` (undo and redo: a text field keeps its own).
 */

export type ShortcutAction =
  | 'palette'
  | 'help'
  | 'focusSearch'
  | 'goDashboard'
  | 'goRoster'
  | 'goVenues'
  | 'goContacts'
  | 'undo'
  | 'redo';

export interface Shortcut {
  /** `mod+k`, `?`, `/`, `g r` (space-separated sequence). */
  keys: string;
  action: ShortcutAction;
  /** A chord that stays with the text field while one has focus (its native undo). */
  notInFields?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'mod+k', action: 'palette' },
  { keys: '?', action: 'help' },
  { keys: '/', action: 'focusSearch' },
  { keys: 'g d', action: 'goDashboard' },
  { keys: 'g r', action: 'goRoster' },
  { keys: 'g v', action: 'goVenues' },
  { keys: 'g c', action: 'goContacts' },
  { keys: 'mod+z', action: 'undo', notInFields: true },
  { keys: 'mod+shift+z', action: 'redo', notInFields: true },
  { keys: 'mod+y', action: 'redo', notInFields: true },
];

/** The subset of a KeyboardEvent the registry reads. */
export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
  /** True while an input, textarea, select or contenteditable has focus. */
  typing?: boolean;
}

export interface StepResult {
  action: ShortcutAction | null;
  /** The sequence prefix waiting for its next key ('' when none). */
  pending: string;
}

function chord(press: KeyPress): string | null {
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (press.ctrlKey || press.metaKey) {
    if (press.altKey) return null;
    // Shift is part of a chord on letters only (Ctrl-Shift-Z); `?` is itself a shifted key.
    return press.shiftKey && /^[a-z]$/.test(key) ? `mod+shift+${key}` : `mod+${key}`;
  }
  if (press.altKey) return null;
  return press.key.length === 1 ? press.key : null;
}

export function step(shortcuts: readonly Shortcut[], pending: string, press: KeyPress): StepResult {
  if (['Shift', 'Control', 'Meta', 'Alt'].includes(press.key)) return { action: null, pending };
  const key = chord(press);
  if (key === null) return { action: null, pending: '' };
  const isChord = key.startsWith('mod+');
  if (press.typing && !isChord) return { action: null, pending: '' };
  const attempt = (prefix: string): StepResult | null => {
    const seq = prefix ? `${prefix} ${key}` : key;
    const exact = shortcuts.find((s) => s.keys === seq);
    if (exact?.notInFields && press.typing) return null;
    if (exact) return { action: exact.action, pending: '' };
    if (!isChord && shortcuts.some((s) => s.keys.startsWith(`${seq} `)))
      return { action: null, pending: seq };
    return null;
  };
  return attempt(pending) ?? (pending ? attempt('') : null) ?? { action: null, pending: '' };
}

/** Whether keyboard focus is in a text field (shortcuts must not fire there). */
export function isTypingTarget(target: unknown): boolean {
  if (!target || typeof target !== 'object') return false;
  const el = target as { tagName?: unknown; isContentEditable?: unknown; type?: unknown };
  if (el.isContentEditable === true) return true;
  const tag = typeof el.tagName === 'string' ? el.tagName.toUpperCase() : '';
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = typeof el.type === 'string' ? el.type.toLowerCase() : 'text';
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}

/** How a binding is shown in the help dialog (`mod` as ⌘ on macOS, Ctrl elsewhere). */
export function displayKeys(keys: string, mac: boolean): string[] {
  return keys
    .split(' ')
    .map((part) =>
      part.startsWith('mod+')
        ? [mac ? '⌘' : 'Ctrl', ...part.slice(4).split('+')]
            .map((k, i) => (i === 0 ? k : k === 'shift' ? (mac ? '⇧' : 'Shift') : k.toUpperCase()))
            .join('+')
        : part.toUpperCase(),
    );
}
