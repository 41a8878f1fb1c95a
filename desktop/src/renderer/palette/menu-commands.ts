/**
 * What a native menu command does in the renderer. Pure. The menu's Undo/Redo carry the
 * app's accelerators (Ctrl/Cmd-Z…), so Electron sends them even from a text field: there
 * they run the field's own undo (`native`), elsewhere the core's edit history. On
 * Windows/Linux a key press the page did not consume also reaches the menu: when the field
 * has just undone it natively (`fieldKeyJustPressed`), the menu's echo does nothing.
 */
import type { MenuCommand } from '@flowstage/shared';

export type MenuAction =
  | { kind: 'palette' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'native'; command: 'undo' | 'redo' }
  | { kind: 'settings' }
  | { kind: 'about' }
  | { kind: 'newArtist' }
  | { kind: 'none' };

export function menuAction(command: MenuCommand, typing: boolean, fieldKeyJustPressed = false): MenuAction {
  switch (command) {
    case 'search':
      return { kind: 'palette' };
    case 'undo':
    case 'redo':
      if (!typing) return { kind: command };
      return fieldKeyJustPressed ? { kind: 'none' } : { kind: 'native', command };
    case 'settings':
      return { kind: 'settings' };
    case 'about':
      return { kind: 'about' };
    case 'newArtist':
      return { kind: 'newArtist' };
  }
}
