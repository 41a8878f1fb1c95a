import { MENU_COMMANDS } from '@flowstage/shared';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, flattenMenu, type MenuOptions, menuLangFor } from './menu';

const base: MenuOptions = { platform: 'linux', lang: 'en', dev: false };

function item(options: MenuOptions, predicate: (i: ReturnType<typeof flattenMenu>[number]) => boolean) {
  return flattenMenu(buildMenuTemplate(options)).find(predicate);
}

describe('buildMenuTemplate', () => {
  it('has an app menu on macOS only', () => {
    const mac = buildMenuTemplate({ ...base, platform: 'darwin' });
    expect(mac[0]?.label).toBe('Flow Stage');
    expect(mac[0]?.submenu?.some((i) => i.role === 'quit')).toBe(true);
    const linux = buildMenuTemplate(base);
    expect(linux.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    const win = buildMenuTemplate({ ...base, platform: 'win32' });
    expect(win[0]?.label).toBe('File');
    expect(win[0]?.submenu?.some((i) => i.role === 'quit')).toBe(true);
  });

  it.each(['darwin', 'win32', 'linux'] as const)('binds the app accelerators on %s', (platform) => {
    const o = { ...base, platform };
    expect(item(o, (i) => i.command === 'search')?.accelerator).toBe('CmdOrCtrl+K');
    expect(item(o, (i) => i.command === 'undo')?.accelerator).toBe('CmdOrCtrl+Z');
    expect(item(o, (i) => i.command === 'settings')?.accelerator).toBe('CmdOrCtrl+,');
    expect(item(o, (i) => i.command === 'redo')?.accelerator).toBeTruthy();
  });

  it('offers reload and devtools only in development', () => {
    expect(item(base, (i) => i.role === 'reload' || i.role === 'toggleDevTools')).toBeUndefined();
    expect(item({ ...base, dev: true }, (i) => i.role === 'reload')).toBeDefined();
    expect(item({ ...base, dev: true }, (i) => i.role === 'toggleDevTools')).toBeDefined();
  });

  it('follows the app language', () => {
    const fr = buildMenuTemplate({ ...base, lang: 'fr' });
    expect(fr.map((m) => m.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide']);
    expect(item({ ...base, lang: 'fr' }, (i) => i.command === 'search')?.label).toBe('Rechercher…');
    expect(item({ ...base, lang: 'fr' }, (i) => i.command === 'undo')?.label).toBe('Annuler');
  });

  it('labels every non-separator item and uses only known commands', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      for (const lang of ['fr', 'en'] as const) {
        for (const i of flattenMenu(buildMenuTemplate({ platform, lang, dev: true }))) {
          if (i.type === 'separator') continue;
          expect(i.label, JSON.stringify(i)).toBeTruthy();
          if (i.command) expect(MENU_COMMANDS).toContain(i.command);
          expect(Boolean(i.command) && Boolean(i.role)).toBe(false);
        }
      }
    }
  });

  it('has no duplicate accelerators', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const accels = flattenMenu(buildMenuTemplate({ ...base, platform, dev: true }))
        .map((i) => i.accelerator)
        .filter(Boolean);
      expect(new Set(accels).size).toBe(accels.length);
    }
  });
});

describe('menuLangFor', () => {
  it('maps French locales to fr and everything else to en', () => {
    expect(menuLangFor('fr')).toBe('fr');
    expect(menuLangFor('fr-CH')).toBe('fr');
    expect(menuLangFor('fr_BE')).toBe('fr');
    expect(menuLangFor('en-US')).toBe('en');
    expect(menuLangFor('de')).toBe('en');
    expect(menuLangFor('fry')).toBe('en');
    expect(menuLangFor(undefined)).toBe('en');
  });
});
