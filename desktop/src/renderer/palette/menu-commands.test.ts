import { MENU_COMMANDS } from '@flowstage/shared';
import { describe, expect, it } from 'vitest';
import { menuAction } from './menu-commands';

describe('native menu commands', () => {
  it('sends undo and redo to the edit history, or to the focused text field', () => {
    expect(menuAction('undo', false)).toEqual({ kind: 'undo' });
    expect(menuAction('redo', false)).toEqual({ kind: 'redo' });
    expect(menuAction('undo', true)).toEqual({ kind: 'native', command: 'undo' });
    expect(menuAction('redo', true)).toEqual({ kind: 'native', command: 'redo' });
    // The echo of a Ctrl-Z the field already undid (Windows/Linux) is ignored.
    expect(menuAction('undo', true, true)).toEqual({ kind: 'none' });
    expect(menuAction('undo', false, true)).toEqual({ kind: 'undo' });
  });

  it('gives every menu command an action', () => {
    expect(menuAction('search', true)).toEqual({ kind: 'palette' });
    expect(MENU_COMMANDS.map((c) => menuAction(c, false).kind)).toEqual([
      'palette',
      'undo',
      'redo',
      'settings',
      'newArtist',
      'about',
    ]);
  });
});
