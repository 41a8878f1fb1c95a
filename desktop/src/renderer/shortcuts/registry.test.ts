import { describe, expect, it } from 'vitest';
import { displayKeys, isTypingTarget, SHORTCUTS, step } from './registry';

function run(presses: Parameters<typeof step>[2][]) {
  let pending = '';
  const actions: (string | null)[] = [];
  for (const press of presses) {
    const result = step(SHORTCUTS, pending, press);
    pending = result.pending;
    actions.push(result.action);
  }
  return { actions, pending };
}

describe('shortcut registry', () => {
  it('fires Ctrl-K and Cmd-K, even while typing', () => {
    expect(run([{ key: 'k', ctrlKey: true }]).actions).toEqual(['palette']);
    expect(run([{ key: 'K', metaKey: true, typing: true }]).actions).toEqual(['palette']);
    expect(run([{ key: 'k', ctrlKey: true, altKey: true }]).actions).toEqual([null]);
  });

  it('handles g-sequences', () => {
    expect(run([{ key: 'g' }, { key: 'r' }]).actions).toEqual([null, 'goRoster']);
    expect(run([{ key: 'g' }, { key: 'v' }]).actions).toEqual([null, 'goVenues']);
    expect(run([{ key: 'g' }, { key: 'Shift' }, { key: 'c' }]).actions).toEqual([null, null, 'goContacts']);
    expect(run([{ key: 'g' }]).pending).toBe('g');
    expect(run([{ key: 'g' }, { key: 'x' }])).toEqual({ actions: [null, null], pending: '' });
    expect(run([{ key: 'r' }]).actions).toEqual([null]);
    // A wrong second key that starts a new binding is taken on its own.
    expect(run([{ key: 'g' }, { key: '?' }]).actions).toEqual([null, 'help']);
  });

  it('handles ? and /', () => {
    expect(run([{ key: '?' }, { key: '/' }]).actions).toEqual(['help', 'focusSearch']);
  });

  it('never fires plain keys while typing', () => {
    expect(run([{ key: '?', typing: true }]).actions).toEqual([null]);
    expect(run([{ key: 'g' }, { key: 'r', typing: true }])).toEqual({ actions: [null, null], pending: '' });
  });

  it('detects text fields', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(isTypingTarget({ tagName: 'input' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('undoes and redoes with Ctrl/Cmd-Z, Ctrl/Cmd-Shift-Z and Ctrl-Y, never inside a text field', () => {
    expect(
      run([
        { key: 'z', ctrlKey: true },
        { key: 'Z', ctrlKey: true, shiftKey: true },
        { key: 'y', ctrlKey: true },
        { key: 'z', metaKey: true },
      ]).actions,
    ).toEqual(['undo', 'redo', 'redo', 'undo']);
    expect(run([{ key: 'z', ctrlKey: true, typing: true }]).actions).toEqual([null]);
    expect(run([{ key: 'y', ctrlKey: true, typing: true }]).actions).toEqual([null]);
    // Ctrl-K still works from a field.
    expect(run([{ key: 'k', ctrlKey: true, typing: true }]).actions).toEqual(['palette']);
    expect(run([{ key: 'g' }, { key: 'd' }]).actions).toEqual([null, 'goDashboard']);
    expect(displayKeys('mod+shift+z', false)).toEqual(['Ctrl+Shift+Z']);
  });

  it('formats keys for display', () => {
    expect(displayKeys('mod+k', true)).toEqual(['⌘+K']);
    expect(displayKeys('mod+k', false)).toEqual(['Ctrl+K']);
    expect(displayKeys('g r', false)).toEqual(['G', 'R']);
  });
});
