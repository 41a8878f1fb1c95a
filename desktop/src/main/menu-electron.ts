/** Adapter: turns the pure menu template into Electron's Menu (commands → shell events). */
import type { MenuCommand } from '@flowstage/shared';
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, type MenuItemSpec, type MenuOptions } from './menu';

function toElectron(
  item: MenuItemSpec,
  onCommand: (command: MenuCommand) => void,
): MenuItemConstructorOptions {
  if (item.type === 'separator') return { type: 'separator' };
  const { command } = item;
  const options: MenuItemConstructorOptions = {};
  if (item.label !== undefined) options.label = item.label;
  if (item.role !== undefined) options.role = item.role;
  if (item.accelerator !== undefined) options.accelerator = item.accelerator;
  if (command !== undefined) options.click = () => onCommand(command);
  if (item.submenu) options.submenu = item.submenu.map((i) => toElectron(i, onCommand));
  return options;
}

export function installMenu(options: MenuOptions, onCommand: (command: MenuCommand) => void): void {
  const template = buildMenuTemplate(options).map((i) => toElectron(i, onCommand));
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
